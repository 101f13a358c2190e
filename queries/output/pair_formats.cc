// Pair answers as JSON (for programs and score_pairs.py), CSV (for
// spreadsheets) and an aligned table (for people at a terminal).
#include <algorithm>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "newsgraph/query.h"
#include "nlohmann/json.hpp"
#include "queries/output/table.h"
#include "queries/output/text_width.h"

namespace newsgraph {
namespace {

using Json = nlohmann::ordered_json;
using queries::CollapseSpaces;
using queries::Table;
using queries::TableRow;
using queries::TableToCsv;
using queries::TableToJson;
using queries::TableToText;
using queries::TruncateToWidth;

constexpr size_t kMaxPlaceWidth = 28;
constexpr size_t kMaxSentenceWidth = 100;

Json StringOrNull(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }

Json PartyJson(const PartyInfo& p) {
  return Json{{"name", p.name}, {"state", StringOrNull(p.state)}, {"role", StringOrNull(p.role)}};
}

Json EventJson(const EventRow& e) {
  Json evidence = Json::array();
  for (const EvidenceInfo& ev : e.evidence) {
    evidence.push_back({{"article_id", ev.article_id}, {"sentence", ev.sentence}});
  }
  return Json{{"event_type", e.event_type},
              {"date", StringOrNull(e.date)},
              {"place", StringOrNull(e.place)},
              {"factuality", e.factuality},
              {"event_id", e.event_id},  // for `newsgraph explain`
              {"evidence", std::move(evidence)}};
}

// The event's articles, each once, in evidence order.
std::vector<std::string> ArticleIds(const EventRow& e) {
  std::vector<std::string> ids;
  absl::flat_hash_set<std::string> seen;
  for (const EvidenceInfo& ev : e.evidence) {
    if (seen.insert(ev.article_id).second) ids.push_back(ev.article_id);
  }
  return ids;
}

// "Wang Yi (Foreign Minister, CN)", leaving out what is unknown.
std::string PartyLabel(const PartyInfo& p) {
  std::vector<std::string> details;
  if (!p.role.empty()) details.push_back(p.role);
  if (!p.state.empty()) details.push_back(p.state);
  if (details.empty()) return p.name;
  return absl::StrCat(p.name, " (", absl::StrJoin(details, ", "), ")");
}

std::string PlaceText(const EventRow& e) {
  return TruncateToWidth(e.place.empty() ? "-" : e.place, kMaxPlaceWidth);
}

std::string DateText(const EventRow& e) { return e.date.empty() ? "(no date)" : e.date; }

// An event as a table row: date, type, place and factuality aligned, then
// where it was read; its first sentence under it.
TableRow EventLine(const EventRow& e) {
  const std::vector<std::string> articles = ArticleIds(e);
  std::string read = articles.empty() ? "" : absl::StrCat("read in ", absl::StrJoin(articles, ", "), "  ");
  TableRow row;
  row.cells = {DateText(e), e.event_type, PlaceText(e), e.factuality,
               absl::StrCat(read, "[event ", e.event_id, "]")};
  if (!e.evidence.empty()) {
    const std::string sentence = CollapseSpaces(e.evidence.front().sentence);
    row.notes.push_back(absl::StrCat("\"", TruncateToWidth(sentence, kMaxSentenceWidth), "\""));
  }
  return row;
}

}  // namespace

// JSON nests a pair's events, CSV has a line per event, the table groups
// the event lines under their pair.
std::string PairRowsToJson(const std::vector<PairRow>& rows) {
  Table table;
  table.columns = {"a", "b", "events"};
  for (const PairRow& row : rows) {
    Json events = Json::array();
    for (const EventRow& e : row.events) events.push_back(EventJson(e));
    table.rows.push_back({{}, {PartyJson(row.a), PartyJson(row.b), std::move(events)}, "", {}});
  }
  return TableToJson(table);
}

std::string PairRowsToCsv(const std::vector<PairRow>& rows) {
  Table table;
  table.columns = {"a_name", "a_state",    "a_role",     "b_name",      "b_state", "b_role",
                   "event_type", "date", "place", "factuality", "article_ids", "sentence"};
  for (const PairRow& row : rows) {
    for (const EventRow& e : row.events) {
      const std::string sentence = e.evidence.empty() ? "" : e.evidence.front().sentence;
      TableRow line;
      line.cells = {row.a.name,   row.a.state, row.a.role, row.b.name,   row.b.state,
                    row.b.role,   e.event_type, e.date,    e.place,      e.factuality,
                    absl::StrJoin(ArticleIds(e), ";"), sentence};
      table.rows.push_back(std::move(line));
    }
  }
  return TableToCsv(table);
}

std::string PairRowsToTable(const std::vector<PairRow>& rows) {
  Table table;
  table.columns = {"date", "type", "place", "factuality", "read in"};
  table.header = false;  // each group's heading names the pair instead
  table.empty_text = "(no answer)\n";
  absl::flat_hash_set<uint64_t> events;  // one event joins several pairs
  for (const PairRow& row : rows) {
    TableRow heading;
    heading.heading = absl::StrCat(PartyLabel(row.a), "  —  ", PartyLabel(row.b));
    table.rows.push_back(std::move(heading));
    for (const EventRow& e : row.events) {
      table.rows.push_back(EventLine(e));
      events.insert(e.event_id);
    }
  }
  table.footer = absl::StrCat("\n", rows.size(), rows.size() == 1 ? " pair, " : " pairs, ",
                              events.size(), events.size() == 1 ? " event\n" : " events\n");
  return TableToText(table);
}

}  // namespace newsgraph
