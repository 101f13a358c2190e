#include "queries/canned/contact_search.h"

#include <algorithm>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "queries/event_rows.h"
#include "schema/dates.h"
#include "schema/ontology.h"

namespace newsgraph {
namespace queries {
namespace {

bool ModeMatches(absl::string_view mode, ContactMode wanted) {
  switch (wanted) {
    case ContactMode::kInPerson:
      return IsInPersonMode(mode);
    case ContactMode::kCall:
      return IsCallMode(mode);
    case ContactMode::kAny:
      return IsInPersonMode(mode) || IsCallMode(mode);
  }
  return false;
}

// The affiliation read for this event, else the person's usual one.
const std::string& Affiliation(const pb::Edge& taking_part, const pb::Node& person) {
  return taking_part.state().empty() ? person.state() : taking_part.state();
}

// The latest event a person was seen at within a pair, for PartyInfo.
struct Sighting {
  int32_t day = std::numeric_limits<int32_t>::min();
  uint64_t event = 0;
  std::string state;
  std::string title;

  void Update(int32_t at_day, uint64_t at_event, const pb::Edge& edge) {
    if (std::tie(at_day, at_event) < std::tie(day, event)) return;
    day = at_day;
    event = at_event;
    state = edge.state();
    title = edge.title();
  }
  void Merge(const Sighting& other) {
    if (std::tie(other.day, other.event) > std::tie(day, event)) *this = other;
  }
};

struct PairEvents {
  Sighting a_seen;
  Sighting b_seen;
  std::map<std::pair<int32_t, uint64_t>, uint64_t> events;  // (day, id) -> id
};

using PairKey = std::pair<uint64_t, uint64_t>;

class PairFinder {
 public:
  PairFinder(const Store& store, const Side& a, const Side& b, const ContactCriteria& criteria)
      : store_(store), a_(a), b_(b), criteria_(criteria) {}

  absl::Status VisitPerson(uint64_t person);
  absl::StatusOr<std::vector<PairRow>> TakeRows();

 private:
  absl::StatusOr<const pb::Node*> GetNode(uint64_t id);
  absl::Status VisitEvent(const pb::Node& person, const pb::Edge& taking_part,
                          const pb::Node& event);
  absl::StatusOr<std::vector<pb::Edge>> Participations(uint64_t node, Direction direction,
                                                       const EdgeFilter& filter) const;
  absl::StatusOr<const std::vector<pb::Edge>*> Participants(uint64_t event);
  void FoldMirrors();
  PartyInfo Party(uint64_t id, const Sighting& seen);

  const Store& store_;
  const Side& a_;
  const Side& b_;
  const ContactCriteria& criteria_;
  // unique_ptr keeps node addresses stable across rehashing; null = missing.
  absl::flat_hash_map<uint64_t, std::unique_ptr<pb::Node>> nodes_;
  // An event is reached once per person of side A who took part in it.
  absl::flat_hash_map<uint64_t, std::unique_ptr<std::vector<pb::Edge>>> participants_;
  std::map<PairKey, PairEvents> pairs_;
};

absl::StatusOr<const pb::Node*> PairFinder::GetNode(uint64_t id) {
  auto it = nodes_.find(id);
  if (it != nodes_.end()) return it->second.get();
  absl::StatusOr<std::optional<pb::Node>> node = store_.GetNode(id);
  if (!node.ok()) return node.status();
  std::unique_ptr<pb::Node> owned;
  if (node->has_value()) owned = std::make_unique<pb::Node>(std::move(**node));
  return nodes_.emplace(id, std::move(owned)).first->second.get();
}

// Edges are copied out before anything else is read: the store's callback
// must not be re-entered, and errors are easier to carry outside it.
absl::StatusOr<std::vector<pb::Edge>> PairFinder::Participations(
    uint64_t node, Direction direction, const EdgeFilter& filter) const {
  std::vector<pb::Edge> edges;
  absl::Status status = store_.ScanEdges(node, direction, filter, [&](const pb::Edge& e) {
    edges.push_back(e);
    return true;
  });
  if (!status.ok()) return status;
  return edges;
}

absl::StatusOr<const std::vector<pb::Edge>*> PairFinder::Participants(uint64_t event) {
  auto it = participants_.find(event);
  if (it != participants_.end()) return it->second.get();
  EdgeFilter filter;
  filter.type = pb::PARTICIPATED_IN;
  absl::StatusOr<std::vector<pb::Edge>> edges = Participations(event, Direction::kIn, filter);
  if (!edges.ok()) return edges.status();
  auto owned = std::make_unique<std::vector<pb::Edge>>(std::move(*edges));
  return participants_.emplace(event, std::move(owned)).first->second.get();
}

absl::Status PairFinder::VisitPerson(uint64_t person_id) {
  absl::StatusOr<const pb::Node*> person = GetNode(person_id);
  if (!person.ok()) return person.status();
  if (*person == nullptr || (*person)->kind() != pb::PERSON) return absl::OkStatus();
  EdgeFilter filter;
  filter.type = pb::PARTICIPATED_IN;
  filter.from_day = criteria_.from_day;  // the window bounds the range scan
  filter.to_day = criteria_.to_day;
  absl::StatusOr<std::vector<pb::Edge>> edges =
      Participations(person_id, Direction::kOut, filter);
  if (!edges.ok()) return edges.status();
  for (const pb::Edge& taking_part : *edges) {
    absl::StatusOr<const pb::Node*> event = GetNode(taking_part.dst());
    if (!event.ok()) return event.status();
    if (*event == nullptr || (*event)->kind() != pb::EVENT) continue;
    if (!EventCounts((*event)->event(), criteria_)) continue;
    const std::string& state = Affiliation(taking_part, **person);
    // A person found through a HOLDS_ROLE edge of side A with no
    // affiliation recorded anywhere else still belongs to A.
    if (!state.empty() && !a_.Includes(state, (*event)->event().time().from_day())) continue;
    if (absl::Status s = VisitEvent(**person, taking_part, **event); !s.ok()) return s;
  }
  return absl::OkStatus();
}

absl::Status PairFinder::VisitEvent(const pb::Node& person, const pb::Edge& taking_part,
                                    const pb::Node& event) {
  absl::StatusOr<const std::vector<pb::Edge>*> edges = Participants(event.id());
  if (!edges.ok()) return edges.status();
  const int32_t day = event.event().time().from_day();
  for (const pb::Edge& other_part : **edges) {
    if (other_part.src() == person.id()) continue;
    absl::StatusOr<const pb::Node*> other = GetNode(other_part.src());
    if (!other.ok()) return other.status();
    if (*other == nullptr || (*other)->kind() != pb::PERSON) continue;
    if (!b_.Includes(Affiliation(other_part, **other), day)) continue;
    PairEvents& pair = pairs_[{person.id(), other_part.src()}];
    pair.events[{day, event.id()}] = event.id();
    pair.a_seen.Update(day, event.id(), taking_part);
    pair.b_seen.Update(day, event.id(), other_part);
  }
  return absl::OkStatus();
}

// Keeps one row of (x, y) and (y, x): the one whose names sort first.
void PairFinder::FoldMirrors() {
  auto names = [&](const PairKey& k) {
    const pb::Node* a = nodes_.at(k.first).get();
    const pb::Node* b = nodes_.at(k.second).get();
    return std::make_tuple(a->name(), b->name(), k.first, k.second);
  };
  for (auto it = pairs_.begin(); it != pairs_.end();) {
    auto mirror = pairs_.find({it->first.second, it->first.first});
    if (mirror == pairs_.end() || names(it->first) < names(mirror->first)) {
      ++it;
      continue;
    }
    mirror->second.events.insert(it->second.events.begin(), it->second.events.end());
    mirror->second.a_seen.Merge(it->second.b_seen);
    mirror->second.b_seen.Merge(it->second.a_seen);
    it = pairs_.erase(it);
  }
}

PartyInfo PairFinder::Party(uint64_t id, const Sighting& seen) {
  const pb::Node& node = *nodes_.at(id);
  PartyInfo party;
  party.node_id = id;
  party.name = node.name();
  party.state = seen.state.empty() ? node.state() : seen.state;
  party.role = seen.title.empty() ? node.role() : seen.title;
  return party;
}

absl::StatusOr<std::vector<PairRow>> PairFinder::TakeRows() {
  FoldMirrors();
  absl::flat_hash_map<uint64_t, EventRow> event_rows;
  std::vector<PairRow> rows;
  for (const auto& [key, pair] : pairs_) {
    PairRow row;
    row.a = Party(key.first, pair.a_seen);
    row.b = Party(key.second, pair.b_seen);
    for (const auto& [when, event_id] : pair.events) {
      auto it = event_rows.find(event_id);
      if (it == event_rows.end()) {
        absl::StatusOr<EventRow> event_row = MakeEventRow(store_, *nodes_.at(event_id));
        if (!event_row.ok()) return event_row.status();
        it = event_rows.emplace(event_id, std::move(*event_row)).first;
      }
      row.events.push_back(it->second);
    }
    rows.push_back(std::move(row));
  }
  std::sort(rows.begin(), rows.end(), [](const PairRow& x, const PairRow& y) {
    return std::tie(x.a.name, x.b.name, x.a.node_id, x.b.node_id) <
           std::tie(y.a.name, y.b.name, y.a.node_id, y.b.node_id);
  });
  pairs_.clear();
  return rows;
}

}  // namespace

absl::StatusOr<ContactCriteria> MakeCriteria(absl::string_view from, absl::string_view to,
                                             ContactMode mode,
                                             std::vector<pb::Factuality> factualities) {
  absl::StatusOr<absl::CivilDay> from_day = ParseIsoDay(from);
  if (!from_day.ok()) return from_day.status();
  absl::StatusOr<absl::CivilDay> to_day = ParseIsoDay(to);
  if (!to_day.ok()) return to_day.status();
  if (*to_day < *from_day) {
    return absl::InvalidArgumentError(
        absl::StrCat("the window ends (", to, ") before it starts (", from, ")"));
  }
  if (factualities.empty()) {
    return absl::InvalidArgumentError("no factuality asked for (e.g. happened)");
  }
  ContactCriteria criteria;
  criteria.from_day = DayNumber(*from_day);
  criteria.to_day = DayNumber(*to_day);
  criteria.mode = mode;
  criteria.factualities = std::move(factualities);
  return criteria;
}

bool EventCounts(const pb::EventInfo& event, const ContactCriteria& criteria) {
  if (event.plover_type() != "CONSULT" || !ModeMatches(event.mode(), criteria.mode)) {
    return false;
  }
  if (std::find(criteria.factualities.begin(), criteria.factualities.end(),
                event.factuality()) == criteria.factualities.end()) {
    return false;
  }
  const pb::TimeSpan& time = event.time();
  const pb::Granularity g = time.granularity();
  if (time.fell_back() || (g != pb::DAY && g != pb::WEEK && g != pb::MONTH)) return false;
  // A week that straddles two months prints no date; the answer key does
  // not count such events either.
  if (FormatSpan(time).empty()) return false;
  return SpanWithin(time, criteria.from_day, criteria.to_day);
}

absl::StatusOr<std::vector<PairRow>> FindContactPairs(const Store& store, const Side& a,
                                                      const Side& b,
                                                      const ContactCriteria& criteria) {
  PairFinder finder(store, a, b, criteria);
  for (uint64_t person : a.people()) {
    if (absl::Status s = finder.VisitPerson(person); !s.ok()) return s;
  }
  return finder.TakeRows();
}

}  // namespace queries
}  // namespace newsgraph
