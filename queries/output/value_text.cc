#include "queries/output/value_text.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"

namespace newsgraph {
namespace queries {
namespace {

using Json = nlohmann::ordered_json;
using K = CypherValue::Kind;

std::string PropsText(const std::map<std::string, CypherValue>& props, const Notation& n) {
  std::vector<std::string> parts;
  for (const auto& [key, e] : props) parts.push_back(absl::StrCat(key, ": ", CypherNotation(e, n)));
  return absl::StrCat("{", absl::StrJoin(parts, ", "), "}");
}

std::string NodeText(const CypherValue& v, const Notation& n) {
  if (n.ids_only) return absl::StrCat("(#", v.integer, ")");
  std::vector<std::string> labels = v.labels;
  if (n.sort_labels) std::sort(labels.begin(), labels.end());
  std::string out = "(";
  for (const std::string& l : labels) absl::StrAppend(&out, ":", l);
  if (!v.map.empty()) absl::StrAppend(&out, labels.empty() ? "" : " ", PropsText(v.map, n));
  return out + ")";
}

std::string RelText(const CypherValue& v, const Notation& n) {
  if (n.ids_only) return absl::StrCat("[#", v.integer, "]");
  if (v.map.empty()) return absl::StrCat("[:", v.text, "]");
  return absl::StrCat("[:", v.text, " ", PropsText(v.map, n), "]");
}

std::string PathText(const CypherValue& v, const Notation& n) {
  std::string out = n.bracket_paths ? "<" : "";
  for (size_t i = 0; i < v.list.size(); ++i) {
    const CypherValue& e = v.list[i];
    if (e.kind == K::kNode) {
      out += NodeText(e, n);
      continue;
    }
    // The arrow points the way the relationship runs, not the way the walk
    // goes; without a graph the direction is unknown and shown forward.
    const bool forward = n.ids_only || i == 0 || e.start == v.list[i - 1].integer;
    absl::StrAppend(&out, forward ? "-" : "<-", RelText(e, n), forward ? "->" : "-");
  }
  return n.bracket_paths ? out + ">" : out;
}

Json PropertiesJson(const std::map<std::string, CypherValue>& props) {
  Json out = Json::object();
  for (const auto& [key, value] : props) out[key] = CypherValueToJson(value);
  return out;
}

}  // namespace

std::string FormatFloat(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  char buf[64];
  std::snprintf(buf, sizeof(buf), "%.15g", d);
  std::string s = buf;
  if (s.find_first_of(".eE") == std::string::npos) s += ".0";
  return s;
}

std::string CypherNotation(const CypherValue& v, const Notation& n) {
  switch (v.kind) {
    case K::kNull: return "null";
    case K::kBool: return v.boolean ? "true" : "false";
    case K::kInt: return absl::StrCat(v.integer);
    case K::kFloat: return FormatFloat(v.number);
    case K::kString:
      return absl::StrCat("'", n.escape_quotes ? absl::StrReplaceAll(v.text, {{"'", "\\'"}}) : v.text,
                          "'");
    case K::kDate: return n.quote_dates ? absl::StrCat("'", v.text, "'") : v.text;
    case K::kList: {
      std::vector<std::string> parts;
      for (const CypherValue& e : v.list) parts.push_back(CypherNotation(e, n));
      return absl::StrCat("[", absl::StrJoin(parts, ", "), "]");
    }
    case K::kMap: return PropsText(v.map, n);
    case K::kNode: return NodeText(v, n);
    case K::kRelationship: return RelText(v, n);
    case K::kPath: return PathText(v, n);
  }
  return "?";
}

Json CypherValueToJson(const CypherValue& v) {
  switch (v.kind) {
    case K::kNull: return nullptr;
    case K::kBool: return v.boolean;
    case K::kInt: return v.integer;
    case K::kFloat: return v.number;
    case K::kString:
    case K::kDate: return v.text;
    case K::kList: {
      Json items = Json::array();
      for (const CypherValue& e : v.list) items.push_back(CypherValueToJson(e));
      return items;
    }
    case K::kMap: return PropertiesJson(v.map);
    case K::kNode:
      return Json{{"id", v.integer}, {"labels", v.labels}, {"properties", PropertiesJson(v.map)}};
    case K::kRelationship:
      return Json{{"id", v.integer}, {"type", v.text},         {"start", v.start},
                  {"end", v.end},    {"properties", PropertiesJson(v.map)}};
    case K::kPath: {
      Json nodes = Json::array(), rels = Json::array();
      for (const CypherValue& e : v.list) {
        (e.kind == K::kNode ? nodes : rels).push_back(CypherValueToJson(e));
      }
      return Json{{"nodes", std::move(nodes)}, {"relationships", std::move(rels)}};
    }
  }
  return nullptr;
}

}  // namespace queries

// Cells show scalars bare (a CSV or table cell has no quoting of its own to
// confuse with Cypher's) and anything with structure in Cypher notation.
std::string CypherValueToText(const CypherValue& v) {
  switch (v.kind) {
    case CypherValue::Kind::kNull: return "";
    case CypherValue::Kind::kString:
    case CypherValue::Kind::kDate: return v.text;
    default: return queries::CypherNotation(v, queries::kResultNotation);
  }
}

}  // namespace newsgraph
