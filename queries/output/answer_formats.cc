#include "queries/output/answer_formats.h"

#include <algorithm>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "nlohmann/json.hpp"
#include "queries/output/graph_output.h"
#include "queries/output/table.h"
#include "queries/output/text_width.h"
#include "queries/output/value_text.h"

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

std::vector<std::string> ArticleIds(const std::vector<EvidenceInfo>& evidence) {
  std::vector<std::string> ids;
  absl::flat_hash_set<std::string> seen;
  for (const EvidenceInfo& e : evidence) {
    if (!e.article_id.empty() && seen.insert(e.article_id).second) ids.push_back(e.article_id);
  }
  return ids;
}

// The first sentences behind a row, as the table's notes under it.
std::vector<std::string> SentenceNotes(const std::vector<EvidenceInfo>& evidence) {
  std::vector<std::string> notes;
  const size_t shown = std::min(evidence.size(), kSentencesPerRow);
  for (size_t i = 0; i < shown; ++i) {
    const EvidenceInfo& e = evidence[i];
    notes.push_back(absl::StrCat(e.article_id.empty() ? "?" : e.article_id, ": \"",
                                 TruncateToWidth(CollapseSpaces(e.sentence), kMaxSentenceWidth),
                                 "\""));
  }
  if (evidence.size() > shown) {
    const size_t more = evidence.size() - shown;
    notes.push_back(absl::StrCat("(+", more, more == 1 ? " more sentence)" : " more sentences)"));
  }
  return notes;
}

bool IsEvidence(const Answer& answer, size_t column) {
  return static_cast<int>(column) == answer.evidence_column;
}

// A cell as the table shows it: one line, cut to fit, "-" when empty.
std::string TableCell(const Value& v) {
  std::string text = TruncateToWidth(CollapseSpaces(CellText(v)),
                                     v.kind == K::kPath ? kMaxPathWidth : kMaxCellWidth);
  return text.empty() ? "-" : text;
}

Json EvidenceJson(const std::vector<EvidenceInfo>& evidence) {
  Json out = Json::array();
  for (const EvidenceInfo& e : evidence) {
    out.push_back(
        {{"evidence_id", e.evidence_id}, {"article_id", e.article_id}, {"sentence", e.sentence}});
  }
  return out;
}

// The evidence column in CSV: evidence_ids, article_ids and the first sentence.
void AppendEvidenceCells(const std::vector<EvidenceInfo>& evidence,
                         std::vector<std::string>* cells) {
  std::vector<std::string> ids;
  for (const EvidenceInfo& e : evidence) ids.push_back(absl::StrCat(e.evidence_id));
  cells->push_back(absl::StrJoin(ids, ";"));
  cells->push_back(absl::StrJoin(ArticleIds(evidence), ";"));
  cells->push_back(evidence.empty() ? "" : evidence.front().sentence);
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

// The three formats put the evidence column differently: the table hides it
// and shows its sentences under the row, JSON gives it as objects, CSV as
// three columns.
std::string AnswerToTable(const Answer& answer) {
  Table table;
  table.empty_text = "(no answer)\n";
  for (size_t c = 0; c < answer.columns.size(); ++c) {
    if (!IsEvidence(answer, c)) table.columns.push_back(answer.columns[c]);
  }
  for (size_t r = 0; r < answer.rows.size(); ++r) {
    TableRow row;
    for (size_t c = 0; c < answer.columns.size(); ++c) {
      if (!IsEvidence(answer, c)) row.cells.push_back(TableCell(answer.rows[r][c]));
    }
    if (answer.evidence_column >= 0) row.notes = SentenceNotes(answer.evidence[r]);
    table.rows.push_back(std::move(row));
  }
  table.footer = absl::StrCat("\n", answer.rows.size(), answer.rows.size() == 1 ? " row\n" : " rows\n");
  if (!answer.limit_note.empty()) absl::StrAppend(&table.footer, answer.limit_note, "\n");
  return TableToText(table);
}

std::string AnswerToJson(const Answer& answer) {
  Table table;
  table.columns = answer.columns;
  // A field of every row rather than a wrapper object: every canned answer
  // stays one array of row objects.
  const bool cut = !answer.limit_note.empty();
  if (cut) table.columns.push_back("limit_reached");
  for (size_t r = 0; r < answer.rows.size(); ++r) {
    TableRow row;
    for (size_t c = 0; c < answer.columns.size(); ++c) {
      row.values.push_back(IsEvidence(answer, c) ? EvidenceJson(answer.evidence[r])
                                                 : CypherValueToJson(answer.rows[r][c]));
    }
    if (cut) row.values.push_back(nlohmann::ordered_json(true));
    table.rows.push_back(std::move(row));
  }
  return TableToJson(table);
}

std::string AnswerToCsv(const Answer& answer) {
  Table table;
  for (size_t c = 0; c < answer.columns.size(); ++c) {
    if (IsEvidence(answer, c)) {
      table.columns.insert(table.columns.end(), {"evidence_ids", "article_ids", "sentence"});
    } else {
      table.columns.push_back(answer.columns[c]);
    }
  }
  for (size_t r = 0; r < answer.rows.size(); ++r) {
    TableRow row;
    for (size_t c = 0; c < answer.columns.size(); ++c) {
      if (IsEvidence(answer, c)) {
        AppendEvidenceCells(answer.evidence[r], &row.cells);
      } else {
        row.cells.push_back(CellText(answer.rows[r][c]));
      }
    }
    table.rows.push_back(std::move(row));
  }
  return TableToCsv(table);
}

}  // namespace newsgraph::queries
