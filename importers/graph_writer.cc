#include "importers/graph_writer.h"

#include <algorithm>
#include <limits>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "importers/stable_hash.h"
#include "schema/dates.h"
#include "schema/ontology.h"

namespace newsgraph {
namespace {

constexpr char kKbFingerprintKey[] = "kb/fingerprint";

std::string CacheKey(pb::NodeKind kind, absl::string_view tag, absl::string_view key) {
  return absl::StrCat(static_cast<int>(kind), "/", tag, ":", key);
}

// An open KB bound becomes the widest day the key encoding can hold.
pb::TimeSpan SpanFromKb(const pb::KbSpan& kb) {
  pb::TimeSpan span;
  span.set_from_day(std::numeric_limits<int32_t>::min());
  span.set_to_day(std::numeric_limits<int32_t>::max());
  span.set_granularity(pb::DAY);
  if (auto from = ParseIsoSpan(kb.from()); from.ok()) span.set_from_day(from->from_day());
  if (auto to = ParseIsoSpan(kb.to()); to.ok()) span.set_to_day(to->to_day());
  return span;
}

pb::TimeSpan DaySpan(int32_t day) {
  pb::TimeSpan span;
  span.set_from_day(day);
  span.set_to_day(day);
  span.set_granularity(pb::DAY);
  return span;
}

}  // namespace

GraphWriter::GraphWriter(Store* store, const KnowledgeBase* kb) : store_(store), kb_(kb) {}

std::optional<uint64_t> GraphWriter::Lookup(const std::string& cache_key) const {
  if (auto it = pending_.find(cache_key); it != pending_.end()) return it->second;
  if (auto it = cache_.find(cache_key); it != cache_.end()) return it->second;
  return std::nullopt;
}

absl::StatusOr<uint64_t> GraphWriter::ResolveKeyed(pb::NodeKind kind, const std::string& kb_key,
                                                   const std::string& name, WriteSet& writes,
                                                   bool* created) {
  *created = false;
  const std::string ck = CacheKey(kind, "k", kb_key);
  if (std::optional<uint64_t> hit = Lookup(ck)) return *hit;
  // Keyed nodes carry their key as an alias, so a name lookup finds them
  // even when the KB's canonical name has changed since they were written.
  for (const std::string& probe : {name, kb_key}) {
    absl::StatusOr<std::vector<uint64_t>> ids = store_->FindNodes(kind, probe);
    if (!ids.ok()) return ids.status();
    for (uint64_t id : *ids) {
      absl::StatusOr<std::optional<pb::Node>> node = store_->GetNode(id);
      if (!node.ok()) return node.status();
      if (node->has_value() && (*node)->kb_key() == kb_key) {
        pending_[ck] = id;
        return id;
      }
    }
  }
  pb::Node node;
  node.set_id(writes.NewNodeId());
  node.set_kind(kind);
  node.set_name(name);
  node.set_kb_key(kb_key);
  if (kb_key != name) node.add_aliases(kb_key);
  writes.PutNode(node);
  pending_[ck] = node.id();
  *created = true;
  return node.id();
}

absl::StatusOr<uint64_t> GraphWriter::ResolveNamed(pb::NodeKind kind, const std::string& name,
                                                   WriteSet& writes) {
  const std::string ck = CacheKey(kind, "n", NormalizeName(name));
  if (std::optional<uint64_t> hit = Lookup(ck)) return *hit;
  absl::StatusOr<std::vector<uint64_t>> ids = store_->FindNodes(kind, name);
  if (!ids.ok()) return ids.status();
  if (!ids->empty()) {
    pending_[ck] = ids->front();
    return ids->front();
  }
  pb::Node node;
  node.set_id(writes.NewNodeId());
  node.set_kind(kind);
  node.set_name(name);
  writes.PutNode(node);
  pending_[ck] = node.id();
  return node.id();
}

absl::StatusOr<uint64_t> GraphWriter::ResolveAffiliation(const std::string& state,
                                                         WriteSet& writes) {
  bool created = false;
  if (const pb::KbState* s = kb_->StateByCode(state)) {
    return ResolveKeyed(pb::STATE, s->code(), s->name(), writes, &created);
  }
  if (const pb::KbAlliance* a = kb_->AllianceByName(state)) {
    return ResolveKeyed(pb::ALLIANCE, a->name(), a->name(), writes, &created);
  }
  return ResolveNamed(pb::ORGANIZATION, state, writes);
}

absl::Status GraphWriter::AddHoldsRole(uint64_t person, const std::string& affiliation,
                                       const std::string& title, const pb::TimeSpan& span,
                                       uint64_t evidence_id, WriteSet& writes) {
  if (affiliation.empty()) return absl::OkStatus();
  absl::StatusOr<uint64_t> target = ResolveAffiliation(affiliation, writes);
  if (!target.ok()) return target.status();
  const std::string key = absl::StrCat(person, "/", *target, "/", NormalizeName(title));
  if (roles_.contains(key) || pending_roles_.contains(key)) return absl::OkStatus();
  pb::Edge edge;
  edge.set_src(person);
  edge.set_dst(*target);
  edge.set_type(pb::HOLDS_ROLE);
  *edge.mutable_time() = span;
  edge.set_factuality(pb::HAPPENED);
  edge.set_role(title);
  edge.set_confidence(1.0f);
  if (evidence_id != 0) edge.add_evidence_ids(evidence_id);
  writes.PutEdge(edge);
  pending_roles_.insert(key);
  return absl::OkStatus();
}

absl::StatusOr<uint64_t> GraphWriter::ResolvePerson(const Participant& person, int32_t day,
                                                    WriteSet& writes) {
  bool created = false;
  absl::StatusOr<uint64_t> id;
  if (!person.kb_key.empty()) {
    id = ResolveKeyed(pb::PERSON, person.kb_key, person.name, writes, &created);
  } else {
    const std::string ck = CacheKey(pb::PERSON, "n", NormalizeName(person.name));
    if (std::optional<uint64_t> hit = Lookup(ck)) {
      id = *hit;
    } else {
      absl::StatusOr<std::vector<uint64_t>> ids = store_->FindNodes(pb::PERSON, person.name);
      if (!ids.ok()) return ids.status();
      if (!ids->empty()) {
        id = ids->front();
      } else {
        pb::Node node;
        node.set_id(writes.NewNodeId());
        node.set_kind(pb::PERSON);
        node.set_name(person.name);
        id = node.id();
        writes.PutNode(node);
        created = true;
      }
      pending_[ck] = *id;
    }
  }
  if (!id.ok()) return id.status();

  if (created) {
    // A new node: give it its affiliation and title, and write the KB's
    // dated roles so that role-at-date questions need no KB at query time.
    pb::Node node;
    node.set_id(*id);
    node.set_kind(pb::PERSON);
    node.set_name(person.name);
    node.set_kb_key(person.kb_key);
    if (!person.kb_key.empty()) node.add_aliases(person.kb_key);
    node.set_state(person.state);
    node.set_role(person.role);
    if (const pb::KbPerson* kp = kb_->PersonByKey(person.kb_key)) {
      for (const std::string& alias : kp->aliases()) node.add_aliases(alias);
      for (const pb::KbRole& role : kp->roles()) {
        absl::Status s = AddHoldsRole(*id, role.state(), role.title(), SpanFromKb(role.span()), 0,
                                      writes);
        if (!s.ok()) return s;
      }
      if (person.role.empty()) {
        if (const pb::KbRole* r = kb_->RoleOn(*kp, day)) node.set_role(r->title());
      }
    }
    writes.PutNode(node);
  } else if (!roles_loaded_.contains(*id)) {
    // An existing node: learn which roles it already has, once per run.
    absl::Status s = store_->ScanEdges(
        *id, Direction::kOut, EdgeFilter{pb::HOLDS_ROLE}, [&](const pb::Edge& e) {
          roles_.insert(absl::StrCat(e.src(), "/", e.dst(), "/", NormalizeName(e.role())));
          return true;
        });
    if (!s.ok()) return s;
    roles_loaded_.insert(*id);
  }
  // Every person reaches its affiliation through a HOLDS_ROLE edge, so
  // "people of state X" is one in-edge scan of X.
  absl::Status s = AddHoldsRole(*id, person.state, person.role, DaySpan(day), 0, writes);
  if (!s.ok()) return s;
  return *id;
}

absl::StatusOr<uint64_t> GraphWriter::AddEvidence(const ArticleInput& article, uint32_t begin,
                                                  uint32_t end, const std::string& rule,
                                                  const std::string& date_rule,
                                                  const std::string& people_rule,
                                                  float confidence, WriteSet& writes) {
  if (begin > end || end > article.text.size()) {
    return absl::InternalError(absl::StrCat("extractor gave sentence offsets [", begin, ", ", end,
                                            ") outside article ", article.id));
  }
  pb::Evidence evidence;
  evidence.set_id(writes.NewEvidenceId());
  evidence.set_article_id(article.id);
  evidence.set_begin(begin);
  evidence.set_end(end);
  evidence.set_sentence(article.text.substr(begin, end - begin));
  evidence.set_rule(rule);
  evidence.set_confidence(confidence);
  evidence.set_date_rule(date_rule);
  evidence.set_people_rule(people_rule);
  writes.PutEvidence(evidence);
  return evidence.id();
}

absl::Status GraphWriter::AddEvent(const ArticleInput& article, uint64_t article_node,
                                   const ExtractedEvent& event, WriteSet& writes,
                                   uint32_t* events) {
  const int32_t day = event.time.from_day();
  std::vector<uint64_t> people;
  std::vector<std::pair<uint64_t, const Participant*>> participants;
  for (const Participant& p : event.participants) {
    absl::StatusOr<uint64_t> id = p.kind == pb::PERSON
                                      ? ResolvePerson(p, day, writes)
                                      : ResolveAffiliation(p.kb_key.empty() ? p.name : p.kb_key,
                                                           writes);
    if (!id.ok()) return id.status();
    if (std::any_of(participants.begin(), participants.end(),
                    [&](const auto& seen) { return seen.first == *id; })) {
      continue;  // the same person read twice in one sentence
    }
    participants.emplace_back(*id, &p);
    if (p.kind == pb::PERSON) people.push_back(*id);
  }
  if (participants.empty()) return absl::OkStatus();

  absl::StatusOr<uint64_t> evidence =
      AddEvidence(article, event.sentence_begin, event.sentence_end, event.rule, event.date_rule,
                  event.people_rule, event.confidence, writes);
  if (!evidence.ok()) return evidence.status();

  // The same event already read in another article gets this article as
  // one more report instead of a second node.
  absl::StatusOr<std::optional<pb::Node>> same = FindSameEvent(event, people);
  if (!same.ok()) return same.status();
  if (same->has_value()) {
    pb::Node merged = **same;
    pb::EventInfo* info = merged.mutable_event();
    info->add_evidence_ids(*evidence);
    if (event.factuality == pb::HAPPENED && event.asserted &&
        (info->factuality() == pb::PLANNED || info->factuality() == pb::POSSIBLE)) {
      info->set_factuality(pb::HAPPENED);  // a later report that it took place
    }
    if (event.mode == kModeSummit && info->mode() == kModeInPerson) info->set_mode(event.mode);
    // A report of the day refines one of the month ("in November", then "on
    // Wednesday"). The event's edges keep the span first reported, which
    // holds the day, so time-window scans still find them.
    const pb::TimeSpan& had = info->time();
    if (event.time.granularity() == pb::DAY && had.granularity() == pb::MONTH &&
        had.from_day() <= event.time.from_day() && event.time.to_day() <= had.to_day()) {
      *info->mutable_time() = event.time;
    }
    writes.PutNode(merged);
    pending_events_[merged.id()] = merged;
    pb::Edge reported;
    reported.set_src(merged.id());
    reported.set_dst(article_node);
    reported.set_type(pb::REPORTED_IN);
    *reported.mutable_time() = info->time();
    reported.set_factuality(event.factuality);
    reported.set_confidence(event.confidence);
    reported.add_evidence_ids(*evidence);
    writes.PutEdge(reported);
    return absl::OkStatus();
  }

  pb::Node node;
  node.set_id(writes.NewNodeId());
  node.set_kind(pb::EVENT);
  pb::EventInfo* info = node.mutable_event();
  info->set_plover_type(event.plover_type);
  info->set_mode(event.mode);
  *info->mutable_time() = event.time;
  info->set_factuality(event.factuality);
  info->set_place(event.place);
  info->add_evidence_ids(*evidence);
  writes.PutNode(node);
  ++*events;

  auto edge = [&](uint64_t src, uint64_t dst, pb::EdgeType type) {
    pb::Edge e;
    e.set_src(src);
    e.set_dst(dst);
    e.set_type(type);
    *e.mutable_time() = event.time;
    e.set_factuality(event.factuality);
    e.set_confidence(event.confidence);
    e.add_evidence_ids(*evidence);
    return e;
  };
  for (const auto& [id, p] : participants) {
    pb::Edge e = edge(id, node.id(), pb::PARTICIPATED_IN);
    e.set_role(event.mode == kModeVisit ? "visitor" : "attendee");
    e.set_state(p->state);
    e.set_title(p->role);
    writes.PutEdge(e);
  }
  if (!event.place.empty()) {
    absl::StatusOr<uint64_t> place = ResolveNamed(pb::PLACE, event.place, writes);
    if (!place.ok()) return place.status();
    writes.PutEdge(edge(node.id(), *place, pb::HELD_AT));
  }
  writes.PutEdge(edge(node.id(), article_node, pb::REPORTED_IN));

  // The derived person-to-person shortcuts, both directions.
  const bool in_person = IsInPersonMode(event.mode);
  const bool call = IsCallMode(event.mode);
  if (event.plover_type == "CONSULT" && (in_person || call)) {
    for (uint64_t a : people) {
      for (uint64_t b : people) {
        if (a == b) continue;
        pb::Edge e = edge(a, b, in_person ? pb::MET : pb::SPOKE_WITH);
        e.set_event_id(node.id());
        writes.PutEdge(e);
      }
    }
  }
  return absl::OkStatus();
}

absl::Status GraphWriter::AddArticle(const ArticleInput& article, const pb::Article& record,
                                     const Extraction& extraction, WriteSet& writes) {
  absl::StatusOr<absl::CivilDay> published = ParseIsoDay(article.date);
  if (!published.ok()) return published.status();
  const int32_t day = DayNumber(*published);

  bool created = false;
  absl::StatusOr<uint64_t> article_node =
      ResolveKeyed(pb::ARTICLE, article.id, article.id, writes, &created);
  if (!article_node.ok()) return article_node.status();

  for (const LearnedRole& role : extraction.roles) {
    absl::StatusOr<uint64_t> person = ResolvePerson(role.person, day, writes);
    if (!person.ok()) return person.status();
    absl::StatusOr<uint64_t> evidence = AddEvidence(article, role.sentence_begin,
                                                    role.sentence_end, role.rule, "", "", 1.0f,
                                                    writes);
    if (!evidence.ok()) return evidence.status();
    absl::Status s = AddHoldsRole(*person, role.person.state, role.person.role, role.time,
                                  *evidence, writes);
    if (!s.ok()) return s;
  }
  uint32_t events = 0;
  for (const ExtractedEvent& event : extraction.events) {
    absl::Status s = AddEvent(article, *article_node, event, writes, &events);
    if (!s.ok()) return s;
  }
  pb::Article stored = record;
  stored.set_events(events);
  writes.PutArticle(stored);
  return absl::OkStatus();
}

namespace {

// In-person and summit are one family, phone and video another.
bool SameContactFamily(absl::string_view a, absl::string_view b) {
  if (a == b) return true;
  return (IsInPersonMode(a) && IsInPersonMode(b)) || (IsCallMode(a) && IsCallMode(b));
}

}  // namespace

absl::StatusOr<std::optional<pb::Node>> GraphWriter::FindSameEvent(
    const ExtractedEvent& event, const std::vector<uint64_t>& people) {
  // Undated reports could be any meeting of the same people: never merged.
  if (event.plover_type != "CONSULT" || people.empty() || event.time.fell_back() ||
      event.time.granularity() == pb::GRANULARITY_UNKNOWN ||
      event.time.granularity() == pb::YEAR || event.time.granularity() == pb::SEASON) {
    return std::nullopt;
  }
  const absl::flat_hash_set<uint64_t> wanted(people.begin(), people.end());
  std::optional<pb::Node> found;
  absl::Status status;
  // A month-precision report starts on the 1st: look back a month for it.
  EdgeFilter filter{pb::PARTICIPATED_IN, event.time.from_day() - 31, event.time.to_day()};
  absl::Status s = store_->ScanEdges(people.front(), Direction::kOut, filter, [&](const pb::Edge& e) {
    pb::Node candidate;
    if (auto it = pending_events_.find(e.dst()); it != pending_events_.end()) {
      candidate = it->second;
    } else {
      absl::StatusOr<std::optional<pb::Node>> node = store_->GetNode(e.dst());
      if (!node.ok()) {
        status = node.status();
        return false;
      }
      if (!node->has_value()) return true;
      candidate = **node;
    }
    const pb::EventInfo& info = candidate.event();
    const pb::TimeSpan& t = info.time();
    if (info.plover_type() != event.plover_type || !SameContactFamily(info.mode(), event.mode) ||
        t.fell_back() || t.granularity() == pb::GRANULARITY_UNKNOWN ||
        t.granularity() == pb::YEAR || t.granularity() == pb::SEASON ||
        !SpanOverlaps(t, event.time.from_day(), event.time.to_day())) {
      return true;
    }
    if (event.mode == kModeVisit &&
        NormalizeName(info.place()) != NormalizeName(event.place)) {
      return true;
    }
    absl::flat_hash_set<uint64_t> people_there;
    status = store_->ScanEdges(candidate.id(), Direction::kIn, EdgeFilter{pb::PARTICIPATED_IN},
                               [&](const pb::Edge& p) {
                                 people_there.insert(p.src());
                                 return true;
                               });
    if (!status.ok()) return false;
    // Non-person participants (states) are not compared: people decide.
    absl::erase_if(people_there, [&](uint64_t id) { return !wanted.contains(id) && !IsPerson(id); });
    if (people_there == wanted) {
      found = std::move(candidate);
      return false;
    }
    return true;
  });
  if (!s.ok()) return s;
  if (!status.ok()) return status;
  return found;
}

bool GraphWriter::IsPerson(uint64_t id) const {
  absl::StatusOr<std::optional<pb::Node>> node = store_->GetNode(id);
  return node.ok() && node->has_value() && (*node)->kind() == pb::PERSON;
}

void GraphWriter::Committed() {
  for (auto& [key, id] : pending_) cache_[key] = id;
  roles_.insert(pending_roles_.begin(), pending_roles_.end());
  Abandoned();
}

void GraphWriter::Abandoned() {
  pending_.clear();
  pending_events_.clear();
  pending_roles_.clear();
}

absl::Status GraphWriter::SeedKnowledgeBase() {
  const std::string fingerprint = StableHash(kb_->proto().SerializeAsString());
  absl::StatusOr<std::optional<std::string>> stored = store_->GetMeta(kKbFingerprintKey);
  if (!stored.ok()) return stored.status();
  if (stored->has_value() && **stored == fingerprint) return absl::OkStatus();

  std::unique_ptr<WriteSet> writes = store_->NewWriteSet();
  bool created = false;
  absl::flat_hash_map<std::string, uint64_t> states;
  for (const pb::KbState& state : kb_->proto().states()) {
    absl::StatusOr<uint64_t> id =
        ResolveKeyed(pb::STATE, state.code(), state.name(), *writes, &created);
    if (!id.ok()) return id.status();
    if (created) {
      pb::Node node;
      node.set_id(*id);
      node.set_kind(pb::STATE);
      node.set_name(state.name());
      node.set_kb_key(state.code());
      node.add_aliases(state.code());
      for (const std::string& alias : state.aliases()) node.add_aliases(alias);
      writes->PutNode(node);
    }
    states[state.code()] = *id;
  }
  for (const pb::KbAlliance& alliance : kb_->proto().alliances()) {
    absl::StatusOr<uint64_t> id =
        ResolveKeyed(pb::ALLIANCE, alliance.name(), alliance.name(), *writes, &created);
    if (!id.ok()) return id.status();
    if (created) {
      pb::Node node;
      node.set_id(*id);
      node.set_kind(pb::ALLIANCE);
      node.set_name(alliance.name());
      node.set_kb_key(alliance.name());
      if (!alliance.full_name().empty()) node.add_aliases(alliance.full_name());
      for (const std::string& alias : alliance.aliases()) node.add_aliases(alias);
      writes->PutNode(node);
    }
    for (const pb::KbMembership& member : alliance.members()) {
      auto state = states.find(member.state());
      if (state == states.end()) continue;  // the KB loader reports these
      const pb::TimeSpan span = SpanFromKb(member.span());
      bool present = false;
      absl::Status s = store_->ScanEdges(
          state->second, Direction::kOut, EdgeFilter{pb::MEMBER_OF}, [&](const pb::Edge& e) {
            present = e.dst() == *id && e.time().from_day() == span.from_day() &&
                      e.time().to_day() == span.to_day();
            return !present;
          });
      if (!s.ok()) return s;
      if (present) continue;
      pb::Edge e;
      e.set_src(state->second);
      e.set_dst(*id);
      e.set_type(pb::MEMBER_OF);
      *e.mutable_time() = span;
      e.set_factuality(pb::HAPPENED);
      e.set_confidence(1.0f);
      writes->PutEdge(e);
    }
  }
  writes->PutMeta(kKbFingerprintKey, fingerprint);
  absl::Status s = store_->Commit(*writes);
  if (!s.ok()) {
    Abandoned();
    return s;
  }
  Committed();
  return absl::OkStatus();
}

}  // namespace newsgraph
