#include "queries/output/answer_formats.h"

#include <algorithm>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "nlohmann/json.hpp"
#include "queries/output/csv.h"
#include "queries/output/graph_output.h"
#include "queries/output/text_width.h"

namespace newsgraph::queries {
namespace {

using Value = CypherValue;
using Json = nlohmann::ordered_json;
using K = Value::Kind;

constexpr size_t kMaxCellWidth = 72;
constexpr size_t kMaxPathWidth = 200;  // a path is the answer; cut it late
constexpr size_t kMaxSentenceWidth = 100;
constexpr size_t kSentencesPerRow = 2;

// The evidence ids and event ids an evidence cell names, in order.
struct EvidenceRefs {
  std::vector<uint64_t> evidence_ids;
  std::vector<uint64_t> event_ids;  // relationships without their own evidence
};

void AddIdList(const Value& ids, std::vector<uint64_t>* out) {
  if (ids.kind == K::kInt && ids.integer >= 0) out->push_back(static_cast<uint64_t>(ids.integer));
  if (ids.kind == K::kList) {
    for (const Value& item : ids.list) AddIdList(item, out);
  }
}

void CollectRefs(const Value& v, EvidenceRefs* refs) {
  switch (v.kind) {
    case K::kInt:
      AddIdList(v, &refs->evidence_ids);
      break;
    case K::kList:
    case K::kPath:
      for (const Value& item : v.list) CollectRefs(item, refs);
      break;
    case K::kNode:
    case K::kRelationship: {
      auto evidence = v.map.find("evidence");
      if (evidence != v.map.end()) {
        AddIdList(evidence->second, &refs->evidence_ids);
        break;
      }
      auto event = v.map.find("event_id");
      if (v.kind == K::kRelationship && event != v.map.end() && event->second.kind == K::kInt) {
        refs->event_ids.push_back(static_cast<uint64_t>(event->second.integer));
      }
      break;
    }
    default:
      break;
  }
}

// "MET 2023-06-19", with the factuality when the contact did not happen.
std::string RelText(const Value& rel) {
  std::string text = rel.text;
  for (const char* key : {"date", "factuality"}) {
    auto it = rel.map.find(key);
    if (it == rel.map.end() || it->second.kind == K::kNull) continue;
    const std::string value = PlainText(it->second);
    if (value != "happened") absl::StrAppend(&text, " ", value);
  }
  return text;
}

Json PropertiesJson(const std::map<std::string, Value>& props);

Json ValueJson(const Value& v) {
  switch (v.kind) {
    case K::kNull:
      return nullptr;
    case K::kBool:
      return v.boolean;
    case K::kInt:
      return v.integer;
    case K::kFloat:
      return v.number;
    case K::kString:
    case K::kDate:
      return v.text;
    case K::kList: {
      Json items = Json::array();
      for (const Value& item : v.list) items.push_back(ValueJson(item));
      return items;
    }
    case K::kMap:
      return PropertiesJson(v.map);
    case K::kNode:
      return Json{{"id", v.integer}, {"labels", v.labels}, {"properties", PropertiesJson(v.map)}};
    case K::kRelationship:
      return Json{{"id", v.integer},
                  {"type", v.text},
                  {"start", v.start},
                  {"end", v.end},
                  {"properties", PropertiesJson(v.map)}};
    case K::kPath: {
      Json nodes = Json::array(), rels = Json::array();
      for (size_t i = 0; i < v.list.size(); ++i) {
        (i % 2 == 0 ? nodes : rels).push_back(ValueJson(v.list[i]));
      }
      return Json{{"nodes", std::move(nodes)}, {"relationships", std::move(rels)}};
    }
  }
  return nullptr;
}

Json PropertiesJson(const std::map<std::string, Value>& props) {
  Json out = Json::object();
  for (const auto& [key, value] : props) out[key] = ValueJson(value);
  return out;
}

std::vector<std::string> ArticleIds(const std::vector<EvidenceInfo>& evidence) {
  std::vector<std::string> ids;
  absl::flat_hash_set<std::string> seen;
  for (const EvidenceInfo& e : evidence) {
    if (!e.article_id.empty() && seen.insert(e.article_id).second) ids.push_back(e.article_id);
  }
  return ids;
}

void AppendSentences(const std::vector<EvidenceInfo>& evidence, std::string* out) {
  const size_t shown = std::min(evidence.size(), kSentencesPerRow);
  for (size_t i = 0; i < shown; ++i) {
    const EvidenceInfo& e = evidence[i];
    absl::StrAppend(out, "    ", e.article_id.empty() ? "?" : e.article_id, ": \"",
                    TruncateToWidth(CollapseSpaces(e.sentence), kMaxSentenceWidth), "\"\n");
  }
  if (evidence.size() > shown) {
    const size_t more = evidence.size() - shown;
    absl::StrAppend(out, "    (+", more, more == 1 ? " more sentence)\n" : " more sentences)\n");
  }
}

}  // namespace

absl::StatusOr<std::optional<EvidenceInfo>> StoreEvidenceSource::Evidence(
    uint64_t evidence_id) const {
  absl::StatusOr<std::optional<pb::Evidence>> record = store_.GetEvidence(evidence_id);
  if (!record.ok()) return record.status();
  if (!record->has_value()) return std::nullopt;
  EvidenceInfo info;
  info.evidence_id = evidence_id;
  info.article_id = (*record)->article_id();
  info.sentence = (*record)->sentence();
  info.rule = (*record)->rule();
  return info;
}

absl::StatusOr<std::vector<uint64_t>> StoreEvidenceSource::EventEvidence(uint64_t event_id) const {
  absl::StatusOr<std::optional<pb::Node>> node = store_.GetNode(event_id);
  if (!node.ok()) return node.status();
  if (!node->has_value() || (*node)->kind() != pb::EVENT) return std::vector<uint64_t>();
  const auto& ids = (*node)->event().evidence_ids();
  return std::vector<uint64_t>(ids.begin(), ids.end());
}

std::string CellText(const Value& v) {
  switch (v.kind) {
    case K::kNode:
      return NodeCaption(v);
    case K::kRelationship:
      return RelText(v);
    case K::kPath: {
      std::string out;
      for (size_t i = 0; i < v.list.size(); i += 2) {
        const Value& node = v.list[i];
        if (i > 0) {
          const Value& rel = v.list[i - 1];
          const bool forward = rel.start != node.integer;
          absl::StrAppend(&out, forward ? " -[" : " <-[", RelText(rel), forward ? "]-> " : "]- ");
        }
        absl::StrAppend(&out, NodeCaption(node));
      }
      return out;
    }
    case K::kList: {
      std::vector<std::string> items;
      for (const Value& item : v.list) items.push_back(CellText(item));
      return absl::StrJoin(items, ", ");
    }
    default:
      return PlainText(v);
  }
}

absl::StatusOr<Answer> ResolveEvidence(CypherResult result, const EvidenceSource& source) {
  Answer answer;
  answer.columns = std::move(result.columns);
  answer.rows = std::move(result.rows);
  auto it = std::find(answer.columns.begin(), answer.columns.end(), kEvidenceColumn);
  if (it == answer.columns.end()) return answer;
  answer.evidence_column = static_cast<int>(it - answer.columns.begin());
  for (const std::vector<Value>& row : answer.rows) {
    EvidenceRefs refs;
    CollectRefs(row[answer.evidence_column], &refs);
    for (uint64_t event : refs.event_ids) {
      absl::StatusOr<std::vector<uint64_t>> ids = source.EventEvidence(event);
      if (!ids.ok()) return ids.status();
      refs.evidence_ids.insert(refs.evidence_ids.end(), ids->begin(), ids->end());
    }
    std::vector<EvidenceInfo> infos;
    absl::flat_hash_set<uint64_t> seen;
    for (uint64_t id : refs.evidence_ids) {
      if (!seen.insert(id).second) continue;
      absl::StatusOr<std::optional<EvidenceInfo>> info = source.Evidence(id);
      if (!info.ok()) return info.status();
      EvidenceInfo e;
      if (*info) e = **info;
      e.evidence_id = id;
      infos.push_back(std::move(e));
    }
    answer.evidence.push_back(std::move(infos));
  }
  return answer;
}

std::string AnswerToTable(const Answer& answer) {
  if (answer.rows.empty()) return "(no answer)\n";
  const size_t n = answer.columns.size();
  std::vector<std::vector<std::string>> cells;
  std::vector<size_t> widths(n, 0);
  for (size_t c = 0; c < n; ++c) widths[c] = DisplayWidth(answer.columns[c]);
  for (const std::vector<Value>& row : answer.rows) {
    std::vector<std::string> line;
    for (size_t c = 0; c < n; ++c) {
      std::string text =
          static_cast<int>(c) == answer.evidence_column
              ? ""
              : TruncateToWidth(CollapseSpaces(CellText(row[c])),
                                row[c].kind == K::kPath ? kMaxPathWidth : kMaxCellWidth);
      if (text.empty()) text = "-";
      widths[c] = std::max(widths[c], DisplayWidth(text));
      line.push_back(std::move(text));
    }
    cells.push_back(std::move(line));
  }
  auto join = [&](const std::vector<std::string>& line) {
    std::string out;
    for (size_t c = 0; c < n; ++c) {
      if (static_cast<int>(c) == answer.evidence_column) continue;
      if (!out.empty()) out += "  ";
      absl::StrAppend(&out, PadToWidth(line[c], widths[c]));
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return absl::StrCat(out, "\n");
  };
  std::string out = join(answer.columns);
  for (size_t r = 0; r < cells.size(); ++r) {
    out += join(cells[r]);
    if (answer.evidence_column >= 0) AppendSentences(answer.evidence[r], &out);
  }
  absl::StrAppend(&out, "\n", answer.rows.size(), answer.rows.size() == 1 ? " row\n" : " rows\n");
  return out;
}

std::string AnswerToJson(const Answer& answer) {
  Json array = Json::array();
  for (size_t r = 0; r < answer.rows.size(); ++r) {
    Json object = Json::object();
    for (size_t c = 0; c < answer.columns.size(); ++c) {
      if (static_cast<int>(c) == answer.evidence_column) {
        Json evidence = Json::array();
        for (const EvidenceInfo& e : answer.evidence[r]) {
          evidence.push_back({{"evidence_id", e.evidence_id},
                              {"article_id", e.article_id},
                              {"sentence", e.sentence}});
        }
        object[answer.columns[c]] = std::move(evidence);
      } else {
        object[answer.columns[c]] = ValueJson(answer.rows[r][c]);
      }
    }
    array.push_back(std::move(object));
  }
  // replace: a stray invalid byte in a sentence must not throw.
  return array.dump(2, ' ', false, Json::error_handler_t::replace);
}

std::string AnswerToCsv(const Answer& answer) {
  std::vector<std::string> header;
  for (size_t c = 0; c < answer.columns.size(); ++c) {
    if (static_cast<int>(c) == answer.evidence_column) {
      header.insert(header.end(), {"evidence_ids", "article_ids", "sentence"});
    } else {
      header.push_back(answer.columns[c]);
    }
  }
  std::string out = CsvLine(header);
  for (size_t r = 0; r < answer.rows.size(); ++r) {
    std::vector<std::string> fields;
    for (size_t c = 0; c < answer.columns.size(); ++c) {
      if (static_cast<int>(c) != answer.evidence_column) {
        fields.push_back(CellText(answer.rows[r][c]));
        continue;
      }
      const std::vector<EvidenceInfo>& evidence = answer.evidence[r];
      std::vector<std::string> ids;
      for (const EvidenceInfo& e : evidence) ids.push_back(absl::StrCat(e.evidence_id));
      fields.push_back(absl::StrJoin(ids, ";"));
      fields.push_back(absl::StrJoin(ArticleIds(evidence), ";"));
      fields.push_back(evidence.empty() ? "" : evidence.front().sentence);
    }
    out += CsvLine(fields);
  }
  return out;
}

}  // namespace newsgraph::queries
