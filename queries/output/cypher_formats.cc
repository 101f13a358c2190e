// Cypher results as JSON (programs), CSV (spreadsheets) and an aligned
// table (people at a terminal), in the style of the canned queries' formats.
#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "newsgraph/cypher.h"
#include "nlohmann/json.hpp"
#include "queries/output/csv.h"
#include "queries/cypher/value.h"
#include "queries/output/text_width.h"

namespace newsgraph {
namespace {

using Json = nlohmann::ordered_json;
using queries::CsvLine;
using K = CypherValue::Kind;

constexpr size_t kMaxCellWidth = 60;

std::string Nested(const CypherValue& v);

std::string PropsText(const std::map<std::string, CypherValue>& props) {
  std::vector<std::string> parts;
  for (const auto& [k, e] : props) parts.push_back(absl::StrCat(k, ": ", Nested(e)));
  return absl::StrCat("{", absl::StrJoin(parts, ", "), "}");
}

std::string NodeText(const CypherValue& v) {
  std::string out = "(";
  for (const std::string& l : v.labels) absl::StrAppend(&out, ":", l);
  if (!v.map.empty()) absl::StrAppend(&out, v.labels.empty() ? "" : " ", PropsText(v.map));
  return out + ")";
}

std::string RelText(const CypherValue& v) {
  return absl::StrCat("[:", v.text, v.map.empty() ? "" : " ", v.map.empty() ? "" : PropsText(v.map),
                      "]");
}

// Cypher notation, as a value reads inside a list or a map.
std::string Nested(const CypherValue& v) {
  switch (v.kind) {
    case K::kNull: return "null";
    case K::kString: return absl::StrCat("'", absl::StrReplaceAll(v.text, {{"'", "\\'"}}), "'");
    case K::kList: {
      std::vector<std::string> parts;
      for (const CypherValue& e : v.list) parts.push_back(Nested(e));
      return absl::StrCat("[", absl::StrJoin(parts, ", "), "]");
    }
    case K::kMap: return PropsText(v.map);
    case K::kNode: return NodeText(v);
    case K::kRelationship: return RelText(v);
    case K::kPath: {
      std::string out;
      for (size_t i = 0; i < v.list.size(); ++i) {
        const CypherValue& e = v.list[i];
        if (e.kind == K::kNode) { out += NodeText(e); continue; }
        // The arrow points the way the relationship runs, not the walk.
        const bool forward = i == 0 || e.start == v.list[i - 1].integer;
        absl::StrAppend(&out, forward ? "-" : "<-", RelText(e), forward ? "->" : "-");
      }
      return out;
    }
    default: return CypherValueToText(v);
  }
}

Json ToJson(const CypherValue& v) {
  switch (v.kind) {
    case K::kNull: return nullptr;
    case K::kBool: return v.boolean;
    case K::kInt: return v.integer;
    case K::kFloat: return v.number;
    case K::kString:
    case K::kDate: return v.text;
    case K::kList: {
      Json out = Json::array();
      for (const CypherValue& e : v.list) out.push_back(ToJson(e));
      return out;
    }
    case K::kMap: {
      Json out = Json::object();
      for (const auto& [k, e] : v.map) out[k] = ToJson(e);
      return out;
    }
    case K::kNode: {
      Json props = Json::object();
      for (const auto& [k, e] : v.map) props[k] = ToJson(e);
      return Json{{"id", v.integer}, {"labels", v.labels}, {"properties", std::move(props)}};
    }
    case K::kRelationship: {
      Json props = Json::object();
      for (const auto& [k, e] : v.map) props[k] = ToJson(e);
      return Json{{"id", v.integer}, {"type", v.text},          {"start", v.start},
                  {"end", v.end},    {"properties", std::move(props)}};
    }
    case K::kPath: {
      Json nodes = Json::array(), rels = Json::array();
      for (const CypherValue& e : v.list) (e.kind == K::kNode ? nodes : rels).push_back(ToJson(e));
      return Json{{"nodes", std::move(nodes)}, {"relationships", std::move(rels)}};
    }
  }
  return nullptr;
}

}  // namespace

std::string CypherValueToText(const CypherValue& v) {
  switch (v.kind) {
    case K::kNull: return "";
    case K::kBool: return v.boolean ? "true" : "false";
    case K::kInt: return absl::StrCat(v.integer);
    case K::kFloat: return cypher::FormatFloat(v.number);
    case K::kString:
    case K::kDate: return v.text;
    default: return Nested(v);
  }
}

std::string CypherResultToJson(const CypherResult& result) {
  Json rows = Json::array();
  for (const std::vector<CypherValue>& row : result.rows) {
    Json object = Json::object();
    for (size_t i = 0; i < result.columns.size() && i < row.size(); ++i) {
      object[result.columns[i]] = ToJson(row[i]);
    }
    rows.push_back(std::move(object));
  }
  return rows.dump(2);
}

std::string CypherResultToCsv(const CypherResult& result) {
  std::string out = CsvLine(result.columns);
  for (const std::vector<CypherValue>& row : result.rows) {
    std::vector<std::string> cells;
    for (const CypherValue& v : row) cells.push_back(CypherValueToText(v));
    out += CsvLine(cells);
  }
  return out;
}

std::string CypherResultToTable(const CypherResult& result) {
  const size_t n = result.columns.size();
  std::vector<std::vector<std::string>> cells;
  std::vector<size_t> widths(n, 0);
  for (size_t c = 0; c < n; ++c) widths[c] = queries::DisplayWidth(result.columns[c]);
  for (const std::vector<CypherValue>& row : result.rows) {
    std::vector<std::string> line;
    for (size_t c = 0; c < n && c < row.size(); ++c) {
      line.push_back(queries::TruncateToWidth(
          queries::CollapseSpaces(CypherValueToText(row[c])), kMaxCellWidth));
      widths[c] = std::max(widths[c], queries::DisplayWidth(line.back()));
    }
    cells.push_back(std::move(line));
  }
  // The last column is not padded: no trailing spaces.
  auto format_line = [&](const std::vector<std::string>& fields) {
    std::string out;
    for (size_t c = 0; c < fields.size(); ++c) {
      if (c > 0) out += "  ";
      out += c + 1 == fields.size() ? fields[c] : queries::PadToWidth(fields[c], widths[c]);
    }
    return out + "\n";
  };
  std::string out = format_line(result.columns);
  std::vector<std::string> rule;
  for (size_t c = 0; c < n; ++c) rule.push_back(std::string(widths[c], '-'));
  out += format_line(rule);
  for (const std::vector<std::string>& line : cells) out += format_line(line);
  absl::StrAppend(&out, "(", result.rows.size(), result.rows.size() == 1 ? " row)\n" : " rows)\n");
  return out;
}

}  // namespace newsgraph
