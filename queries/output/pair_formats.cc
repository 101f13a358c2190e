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
#include "queries/output/csv.h"
#include "queries/output/text_width.h"

namespace newsgraph {
namespace {

using Json = nlohmann::ordered_json;
using queries::CollapseSpaces;
using queries::CsvLine;
using queries::DisplayWidth;
using queries::PadToWidth;
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

// Column widths shared by every event line of the table.
struct Columns {
  size_t date = 0;
  size_t type = 0;
  size_t place = 0;
  size_t factuality = 0;
};

std::string PlaceText(const EventRow& e) {
  return TruncateToWidth(e.place.empty() ? "-" : e.place, kMaxPlaceWidth);
}

std::string DateText(const EventRow& e) { return e.date.empty() ? "(no date)" : e.date; }

Columns MeasureColumns(const std::vector<PairRow>& rows) {
  Columns c;
  for (const PairRow& row : rows) {
    for (const EventRow& e : row.events) {
      c.date = std::max(c.date, DisplayWidth(DateText(e)));
      c.type = std::max(c.type, DisplayWidth(e.event_type));
      c.place = std::max(c.place, DisplayWidth(PlaceText(e)));
      c.factuality = std::max(c.factuality, DisplayWidth(e.factuality));
    }
  }
  return c;
}

void AppendEventLines(const EventRow& e, const Columns& c, std::string* out) {
  const std::vector<std::string> articles = ArticleIds(e);
  absl::StrAppend(out, "  ", PadToWidth(DateText(e), c.date), "  ",
                  PadToWidth(e.event_type, c.type), "  ", PadToWidth(PlaceText(e), c.place),
                  "  ", PadToWidth(e.factuality, c.factuality));
  if (!articles.empty()) absl::StrAppend(out, "  read in ", absl::StrJoin(articles, ", "));
  absl::StrAppend(out, "  [event ", e.event_id, "]\n");
  if (e.evidence.empty()) return;
  const std::string sentence = CollapseSpaces(e.evidence.front().sentence);
  // The quote sits under the type column, clear of the dates.
  absl::StrAppend(out, std::string(c.date + 4, ' '), "\"",
                  TruncateToWidth(sentence, kMaxSentenceWidth), "\"\n");
}

}  // namespace

std::string PairRowsToJson(const std::vector<PairRow>& rows) {
  Json array = Json::array();
  for (const PairRow& row : rows) {
    Json events = Json::array();
    for (const EventRow& e : row.events) events.push_back(EventJson(e));
    array.push_back(
        {{"a", PartyJson(row.a)}, {"b", PartyJson(row.b)}, {"events", std::move(events)}});
  }
  // replace: a stray invalid byte in a sentence must not throw.
  return array.dump(2, ' ', false, Json::error_handler_t::replace);
}

std::string PairRowsToCsv(const std::vector<PairRow>& rows) {
  std::string out = CsvLine({"a_name", "a_state", "a_role", "b_name", "b_state", "b_role",
                             "event_type", "date", "place", "factuality", "article_ids",
                             "sentence"});
  for (const PairRow& row : rows) {
    for (const EventRow& e : row.events) {
      const std::string sentence = e.evidence.empty() ? "" : e.evidence.front().sentence;
      absl::StrAppend(&out, CsvLine({row.a.name, row.a.state, row.a.role, row.b.name,
                                     row.b.state, row.b.role, e.event_type, e.date, e.place,
                                     e.factuality, absl::StrJoin(ArticleIds(e), ";"),
                                     sentence}));
    }
  }
  return out;
}

std::string PairRowsToTable(const std::vector<PairRow>& rows) {
  if (rows.empty()) return "(no answer)\n";
  const Columns columns = MeasureColumns(rows);
  std::string out;
  absl::flat_hash_set<uint64_t> events;  // one event joins several pairs
  for (const PairRow& row : rows) {
    if (!out.empty()) out += "\n";
    absl::StrAppend(&out, PartyLabel(row.a), "  —  ", PartyLabel(row.b), "\n");
    for (const EventRow& e : row.events) {
      AppendEventLines(e, columns, &out);
      events.insert(e.event_id);
    }
  }
  absl::StrAppend(&out, "\n", rows.size(), rows.size() == 1 ? " pair, " : " pairs, ",
                  events.size(), events.size() == 1 ? " event\n" : " events\n");
  return out;
}

}  // namespace newsgraph
