// ExportEvents: every event with a person among its participants, as the
// evaluation scripts read them (../shared/eval/README.md).
#include <algorithm>
#include <optional>
#include <ostream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "nlohmann/json.hpp"
#include "newsgraph/query.h"
#include "queries/event_rows.h"
#include "schema/ontology.h"

namespace newsgraph {
namespace {

using Json = nlohmann::ordered_json;

Json StringOrNull(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }

// The people taking part in `event`, once each, by name (ids follow import
// order; names do not). State and role are as read for this event (role
// null when the text gave no title).
absl::StatusOr<Json> Participants(const Store& store, uint64_t event) {
  std::vector<pb::Edge> edges;
  EdgeFilter filter;
  filter.type = pb::PARTICIPATED_IN;
  absl::Status status = store.ScanEdges(event, Direction::kIn, filter, [&](const pb::Edge& e) {
    edges.push_back(e);
    return true;
  });
  if (!status.ok()) return status;
  Json people = Json::array();
  absl::flat_hash_set<uint64_t> seen;
  for (const pb::Edge& e : edges) {
    if (seen.contains(e.src())) continue;
    absl::StatusOr<std::optional<pb::Node>> node = store.GetNode(e.src());
    if (!node.ok()) return node.status();
    if (!node->has_value() || (*node)->kind() != pb::PERSON) continue;
    seen.insert(e.src());
    const pb::Node& person = **node;
    people.push_back({{"name", person.name()},
                      {"state", StringOrNull(e.state().empty() ? person.state() : e.state())},
                      {"role", StringOrNull(e.title())}});
  }
  std::sort(people.begin(), people.end(), [](const Json& a, const Json& b) {
    return std::tie(a["name"].get_ref<const std::string&>(), a["state"]) <
           std::tie(b["name"].get_ref<const std::string&>(), b["state"]);
  });
  return people;
}

// Article node id -> article id, filled as the export meets articles: most
// articles report several events.
using ArticleIds = absl::flat_hash_map<uint64_t, std::string>;

// The factuality each article reported `event` with (its REPORTED_IN
// edges), by article id.
absl::StatusOr<absl::flat_hash_map<std::string, std::string>> ReportedFactuality(
    const Store& store, uint64_t event, ArticleIds* article_ids) {
  std::vector<pb::Edge> edges;
  absl::Status status = store.ScanEdges(event, Direction::kOut, EdgeFilter{pb::REPORTED_IN},
                                        [&](const pb::Edge& e) {
                                          edges.push_back(e);
                                          return true;
                                        });
  if (!status.ok()) return status;
  absl::flat_hash_map<std::string, std::string> out;
  for (const pb::Edge& e : edges) {
    auto known = article_ids->find(e.dst());
    if (known == article_ids->end()) {
      absl::StatusOr<std::optional<pb::Node>> article = store.GetNode(e.dst());
      if (!article.ok()) return article.status();
      if (!article->has_value()) continue;
      known = article_ids->emplace(e.dst(), (*article)->name()).first;
    }
    out[known->second] = FactualityName(e.factuality());
  }
  return out;
}

// One record per factuality the articles reported the event with: a plan
// that one article announced and a later one reported done is "planned"
// as the first read it and "happened" as the second did.
absl::StatusOr<std::vector<Json>> EventRecords(const Store& store, const pb::Node& event,
                                               const Json& participants, bool event_id,
                                               ArticleIds* article_ids) {
  absl::StatusOr<EventRow> row = queries::MakeEventRow(store, event);
  if (!row.ok()) return row.status();
  absl::StatusOr<absl::flat_hash_map<std::string, std::string>> reported =
      ReportedFactuality(store, event.id(), article_ids);
  if (!reported.ok()) return reported.status();
  std::vector<std::pair<std::string, Json>> groups;  // factuality, mentions
  for (const EvidenceInfo& e : row->evidence) {
    auto it = reported->find(e.article_id);
    const std::string& factuality = it != reported->end() ? it->second : row->factuality;
    auto group = std::find_if(groups.begin(), groups.end(),
                              [&](const auto& g) { return g.first == factuality; });
    if (group == groups.end()) group = groups.insert(groups.end(), {factuality, Json::array()});
    group->second.push_back({{"article_id", e.article_id}, {"sentence", e.sentence}});
  }
  std::vector<Json> out;
  for (auto& [factuality, mentions] : groups) {
    std::sort(mentions.begin(), mentions.end(), [](const Json& a, const Json& b) {
      return std::tie(a["article_id"], a["sentence"]) < std::tie(b["article_id"], b["sentence"]);
    });
    Json record = event_id ? Json{{"event_id", event.id()}} : Json::object();
    record.update(Json{{"event_type", row->event_type},
                       {"participants", participants},
                       {"date", StringOrNull(row->date)},
                       {"place", StringOrNull(row->place)},
                       {"factuality", factuality},
                       {"mentions", std::move(mentions)}});
    out.push_back(std::move(record));
  }
  return out;
}

}  // namespace

absl::StatusOr<uint64_t> ExportEvents(const Store& store, std::ostream& out, bool event_ids) {
  // Ids first, records after: reading edges and evidence from inside the
  // node scan's callback would nest iterators the store does not promise.
  std::vector<uint64_t> ids;
  absl::Status status = store.ScanNodes(pb::EVENT, [&](const pb::Node& node) {
    ids.push_back(node.id());
    return true;
  });
  if (!status.ok()) return status;
  // Sorted before writing -- by date, type, first mention, then the whole
  // line -- so that the same articles imported in any order export the
  // same bytes.
  std::vector<std::pair<std::tuple<std::string, std::string, std::string>, std::string>> lines;
  ArticleIds article_ids;
  for (uint64_t id : ids) {
    absl::StatusOr<std::optional<pb::Node>> event = store.GetNode(id);
    if (!event.ok()) return event.status();
    if (!event->has_value()) continue;
    absl::StatusOr<Json> people = Participants(store, id);
    if (!people.ok()) return people.status();
    if (people->empty()) continue;
    absl::StatusOr<std::vector<Json>> records =
        EventRecords(store, **event, *people, event_ids, &article_ids);
    if (!records.ok()) return records.status();
    for (const Json& record : *records) {
      const Json& date = record["date"];
      const Json& first = record["mentions"].front();
      // replace: one bad byte in a sentence must not abort the export.
      lines.emplace_back(
          std::make_tuple(date.is_null() ? "" : date.get<std::string>(),
                          record["event_type"].get<std::string>(),
                          first["article_id"].get<std::string>()),
          record.dump(-1, ' ', false, Json::error_handler_t::replace));
    }
  }
  std::sort(lines.begin(), lines.end());
  for (const auto& [key, line] : lines) {
    out << line << '\n';
    if (!out) return absl::InternalError("writing the exported events failed");
  }
  return lines.size();
}

}  // namespace newsgraph
