#include "importers/events.h"

#include <algorithm>
#include <climits>
#include <cstdlib>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "importers/arguments.h"
#include "importers/internal/sentence_events.h"
#include "importers/places.h"
#include "importers/presence.h"
#include "importers/visits.h"
#include "importers/titles.h"

namespace newsgraph {

namespace internal {

void SentenceEvents::Contacts(const std::vector<Trigger>& triggers,
                              std::vector<DraftEvent>* out) {
  ContactSlots slots;
  for (const Trigger& t : triggers) {
    if (t.mode == "visit" || (t.rule == "verb:told" && !TellsAnOfficial(t))) continue;
    ContactSlot slot;
    slot.trigger = &t;
    slot.mode = t.mode;
    slots.push_back(std::move(slot));
  }
  if (slots.empty()) return;
  ClaimPeople(&slots);
  FoldAgentNouns(&slots);
  FoldLightVerbNouns(&slots);
  FoldMediumPhrases(&slots);
  FoldSummitSettings(&slots);
  for (const ContactSlot& slot : slots) {
    if (!slot.folded) EmitContact(slot, out);
  }
}

std::vector<int> SentenceEvents::ContactSubjects(const ContactSlot& slot) const {
  const Trigger& t = *slot.trigger;
  std::vector<int> subj = slot.subjects;
  if (subj.empty()) {
    const int ps = PronounSubject(t, slot.objects);
    if (ps >= 0) subj.push_back(ps);
  }
  if (subj.empty() && slot.objects.empty() && slot.loose.empty()) {
    std::vector<int> pair = TheyPair(t);
    subj.insert(subj.end(), pair.begin(), pair.end());
  }
  // "A, B and C travelled to Kyiv, where they met D": "they" is the whole
  // coordination before it, where the parse kept only part of it.
  if (slot.plural >= 0 && doc_.tokens[slot.plural].norm == "they") {
    std::vector<int> group = TheyPair(t);
    if (group.size() > subj.size()) subj = std::move(group);
  }
  if (slot.plural >= 0 && subj.size() + slot.objects.size() < 2) {
    // "X told Y in their meeting": the plural names the last two people of
    // its sentence before it.
    std::vector<int> two = LastTwoBefore(slot.plural);
    if (two.size() == 2) subj = two;
  }
  return subj;
}

std::vector<PlaceSpan> SentenceEvents::ContactPlace(const Trigger& t) const {
  // The place of the contact stays inside its clause ("a man who was
  // attacked in Dublin"), and a noun's inside its phrase ("such talks, met
  // X in Oslo").
  int clause_end = t.last;
  while (clause_end < s_.last) {
    // "the Pacific Rim Forum Summit (PRFS) in Seoul": the abbreviation of the
    // noun's own name opens no clause.
    if (!t.verb && clause_end == t.last && doc_.tokens[clause_end].norm == "(" &&
        clause_end + 2 < s_.last &&
        doc_.tokens[clause_end + 1].all_caps && doc_.tokens[clause_end + 2].norm == ")") {
      clause_end += 3;
      continue;
    }
    if (IsClauseBoundary(doc_.tokens[clause_end].norm) ||
        (!t.verb && doc_.tokens[clause_end].norm == ",")) {
      break;
    }
    ++clause_end;
  }
  std::vector<PlaceSpan> place = PlaceAfterPreposition(doc_, m_, t.first, clause_end);
  if (place.empty() && IsOneOf(doc_.tokens[t.first].norm, {"welcomed", "welcomes", "welcome"})) {
    // "welcomed X to Tokyo": the guest came to the place.
    for (int k = t.last; k + 1 < clause_end && place.empty(); ++k) {
      if (doc_.tokens[k].norm == "to") place = PlacesAt(doc_, m_, k + 1, clause_end);
    }
    if (place.size() > 1) place.resize(1);
  }
  return place;
}

DraftEvent SentenceEvents::BaseDraft(const ContactSlot& slot,
                                     const std::vector<PlaceSpan>& place) const {
  const Trigger& t = *slot.trigger;
  DraftEvent base;
  base.trigger = t;
  base.mode = slot.mode;
  base.factuality = ReadFactuality(doc_, s_, t);
  base.anaphoric = Anaphoric(t);
  base.people_rule =
      slot.parse_how.empty() ? "grammar" : "grammar,parse[" + slot.parse_how + "]";
  if (parse_ == nullptr && slot.plural >= 0) base.people_rule += ",their-pair";
  if (!place.empty()) {
    base.place = place[0].name;
    base.place_state = place[0].state;
  }
  return base;
}

void SentenceEvents::AddPerson(DraftEvent* ev, int mi) const {
  AddOnce(&ev->entities, m_.people[mi].entity);
}

bool SentenceEvents::EmitUnnamedCounterparts(const ContactSlot& slot,
                                             const std::vector<int>& subj,
                                             const DraftEvent& base,
                                             std::vector<DraftEvent>* out) const {
  // "their counterparts": the people named are one side, the other is
  // unnamed, so each is only present at the place. Counterparts the article
  // names elsewhere were resolved as a group.
  std::vector<int> named = subj;
  named.insert(named.end(), slot.objects.begin(), slot.objects.end());
  if (named.empty() || !slot.group.empty()) return false;
  const Trigger& t = *slot.trigger;
  int k = HeadEnd(m_.people[named.back()]);
  while (k < s_.last && IsOneOf(doc_.tokens[k].norm, {",", "and", "with"})) ++k;
  // "X met his Japanese counterparts": right after the trigger.
  int after_trigger = t.last;
  if (after_trigger < s_.last && doc_.tokens[after_trigger].norm == "with") ++after_trigger;
  if (slot.objects.empty() && k < t.last) k = after_trigger;
  if (k + 1 >= s_.last || !IsOneOf(doc_.tokens[k].norm, {"their", "his", "her"}) ||
      !UnnamedCounterparts(k + 1)) {
    return false;
  }
  // With no place either, the sentence says nothing to keep.
  std::vector<PlaceSpan> where = PlaceAfterPreposition(doc_, m_, k, s_.last);
  for (int mi : where.empty() ? std::vector<int>{} : named) {
    DraftEvent v = base;
    v.mode = "visit";
    v.place = where[0].name;
    v.people_rule = "meeting-unnamed-counterparts";
    AddPerson(&v, mi);
    out->push_back(std::move(v));
  }
  return true;
}

bool SentenceEvents::NamingNotCalling(const ContactSlot& slot) const {
  // "Lowe called Hart 'a loyal friend'": naming, not phoning.
  if (!IsOneOf(doc_.tokens[slot.trigger->first].norm, {"called", "calling"}) ||
      slot.objects.empty()) {
    return false;
  }
  const int after = HeadEnd(m_.people[slot.objects.back()]);
  return after < s_.last &&
         IsOneOf(doc_.tokens[after].norm, {"\"", "a", "an", "the", "his", "her"});
}

bool SentenceEvents::EmitPassiveGuests(const ContactSlot& slot, const std::vector<int>& subj,
                                       const DraftEvent& base, bool known_place,
                                       std::vector<DraftEvent>* out) const {
  // "X and Y have been greeted in Beijing": guests of an unnamed host; "X
  // was welcomed in Tokyo by Y": the guest travelled, and met the host.
  const Trigger& t = *slot.trigger;
  const std::string& w = doc_.tokens[t.first].norm;
  if (!(IsHostVerb(w) || w == "received") || t.first <= s_.first ||
      !IsOneOf(doc_.tokens[t.first - 1].norm, {"been", "was", "were", "is", "are", "be"})) {
    return false;
  }
  for (int mi : known_place ? subj : std::vector<int>{}) {
    DraftEvent v = base;
    v.mode = "visit";
    v.people_rule = "received-guest";
    AddPerson(&v, mi);
    out->push_back(std::move(v));
  }
  return slot.objects.empty();  // with no host named, the guests' trips are all
}

bool SentenceEvents::EmitSeparateContacts(const ContactSlot& slot, const std::vector<int>& subj,
                                          const DraftEvent& base,
                                          std::vector<DraftEvent>* out) const {
  const Trigger& t = *slot.trigger;
  const std::string& w = doc_.tokens[t.first].norm;
  if (subj.empty()) return false;
  // "meeting X in Moscow on July 5 and Y in Beijing on July 8": each object
  // with a place of its own is a meeting of its own, placed by the words
  // after it.
  const std::vector<std::pair<int, PlaceSpan>> gapped =
      slot.objects.empty() ? std::vector<std::pair<int, PlaceSpan>>{}
                           : GappedObjects(slot.objects[0]);
  for (size_t i = 0; i < gapped.size(); ++i) {
    const auto& [object, place] = gapped[i];
    DraftEvent ev = base;
    for (int mi : subj) AddPerson(&ev, mi);
    AddPerson(&ev, object);
    ev.place = place.name;
    ev.place_state = place.state;
    if (i > 0) {
      ev.trigger.first = m_.people[object].first;
      ev.trigger.last = place.last;
    }
    ev.people_rule += ",gapped-objects";
    out->push_back(std::move(ev));
  }
  if (!gapped.empty()) return true;
  // "held separate calls with A and B": one each, whatever their states.
  bool separate = false;
  for (int k = std::max(s_.first, t.first - 2); k < s_.last && k <= t.last; ++k) {
    separate |= IsOneOf(doc_.tokens[k].norm,
                        {"separate", "separately", "individual", "individually"});
  }
  // "met A and B separately".
  if (!slot.objects.empty()) {
    const int after = HeadEnd(m_.people[slot.objects.back()]);
    separate |= after < s_.last && IsOneOf(doc_.tokens[after].norm, {"separately", "individually"});
  }
  // "his meetings with A, B and C", "he will meet A, B and C" (of three
  // states): one contact per person met; hosting several guests at once, or
  // joining or huddling with them, is one gathering ("hosted A and B at
  // Camp David", "will join A and B for talks", "huddled with A and B").
  absl::flat_hash_set<std::string> object_states;
  for (int o : slot.objects) object_states.insert(entities_[m_.people[o].entity].state);
  const bool bilaterals =
      separate || ((w == "meetings" || (t.verb && !IsHostVerb(w) && !IsGatheringVerb(w) &&
                                        subj.size() == 1 &&
                                        object_states.size() == slot.objects.size())) &&
                   !object_states.contains(""));
  std::vector<int> others;  // entities met one by one
  if (separate && slot.objects.empty() && slot.group.size() >= 2) {
    others = slot.group;  // "separate calls with European leaders from A, B and C"
  } else if (bilaterals && !slot.one_event && slot.objects.size() >= 2 && slot.loose.empty()) {
    for (int o : slot.objects) others.push_back(m_.people[o].entity);
  }
  for (int e : others) {
    DraftEvent ev = base;
    for (int mi : subj) AddPerson(&ev, mi);
    AddOnce(&ev.entities, e);
    out->push_back(std::move(ev));
  }
  return !others.empty();
}

void SentenceEvents::EmitContact(const ContactSlot& slot, std::vector<DraftEvent>* out) {
  const Trigger& t = *slot.trigger;
  const std::string& w = doc_.tokens[t.first].norm;
  if (IsHostVerb(w) && slot.subjects.empty() && slot.objects.empty()) {
    return;  // "hosted by China", "host the Games": no person hosted
  }
  const std::vector<int> subj = ContactSubjects(slot);
  const std::vector<PlaceSpan> place = ContactPlace(t);
  const bool known_place = !place.empty() && !place[0].state.empty();
  const DraftEvent base = BaseDraft(slot, place);
  for (int mi : slot.objects) objects_.insert(mi);
  if (EmitUnnamedCounterparts(slot, subj, base, out) || NamingNotCalling(slot) ||
      EmitPassiveGuests(slot, subj, base, known_place, out) ||
      EmitSeparateContacts(slot, subj, base, out)) {
    return;
  }
  if (IsOneOf(w, {"host", "hosts", "hosted", "hosting", "welcomed", "welcomes", "welcome",
                  "welcoming", "received", "receives", "greeted", "greets"}) &&
      t.mode == "in-person" && !subj.empty() && known_place) {
    // "X will host Y for talks in China", "hosted the leaders of A and B at
    // Camp David": the guests travel there.
    auto guest = [&](int entity, const char* rule) {
      DraftEvent v = base;
      v.mode = "visit";
      v.people_rule = rule;
      v.entities = {entity};
      out->push_back(std::move(v));
    };
    for (int mi : slot.objects) guest(m_.people[mi].entity, "hosted-guest");
    for (int e : slot.group) guest(e, "hosted-guest,group");
  }
  DraftEvent ev = base;
  for (int mi : subj) AddPerson(&ev, mi);
  for (int mi : slot.objects) AddPerson(&ev, mi);
  for (int mi : slot.loose) AddPerson(&ev, mi);
  for (int e : slot.group) AddOnce(&ev.entities, e);
  // Only the surface rules' subject: a parse that found one person of a
  // contact more likely missed the other than met unnamed counterparts. A
  // host meeting guests is at home, not visiting.
  // Whoever attended a summit in a named place was there, whoever the
  // parse found.
  // ("attended the annual East Asia Summit": VerbStart reads over the name).
  const int vs = t.verb ? -1 : VerbStart(t);
  const bool attended =
      vs >= 0 && IsOneOf(doc_.tokens[vs].norm, {"attend", "attends", "attended", "attending"});
  ev.lone_subject = ev.entities.size() == 1 && !subj.empty() && known_place &&
                    (slot.parse_how.empty() || attended) && !IsHostVerb(w);
  ev.pair_reference = subj.empty() && (PairBefore(t) || slot.plural >= 0);
  out->push_back(std::move(ev));
}

void SentenceEvents::DropRegionWithItsStops(std::vector<DraftEvent>* out) const {
  // "a tour of Africa, with stops in Kenya and Nigeria": the stops are the
  // trips; the region they lie in is none of its own.
  auto has_stop_in_state = [&](const DraftEvent& region) {
    return std::any_of(out->begin(), out->end(), [&](const DraftEvent& d) {
      return d.mode == "visit" && !d.place_state.empty() && d.entities == region.entities;
    });
  };
  out->erase(std::remove_if(out->begin(), out->end(),
                            [&](const DraftEvent& d) {
                              return d.mode == "visit" && d.place_state.empty() &&
                                     !d.place.empty() && has_stop_in_state(d);
                            }),
             out->end());
}

std::vector<DraftEvent> SentenceEvents::Run() {
  std::vector<DraftEvent> out;
  triggers_ = FindTriggers(doc_, s_);
  const std::vector<Trigger>& triggers = triggers_;
  if (triggers.empty()) return PresenceVisits(doc_, s_, m_, entities_);
  Contacts(triggers, &out);
  FoldOpeningSetting(&out);
  for (const Trigger& t : triggers) {
    if (t.mode == "visit") AddVisits(doc_, s_, m_, t, people_, objects_, Travellers(t), &out);
  }
  TalkDuringOwnVisit(&out);
  ListedInstances(&out);
  DropRegionWithItsStops(&out);
  if (std::none_of(out.begin(), out.end(), [](const DraftEvent& d) { return d.mode == "visit"; })) {
    for (DraftEvent& v : PresenceVisits(doc_, s_, m_, entities_)) out.push_back(std::move(v));
  }
  // A trigger without a cue of its own shares the plan or doubt of an
  // earlier one in the sentence ("is due to pay a state visit to Chile,
  // followed by stops in Peru and Bolivia").
  for (size_t i = 1; i < out.size(); ++i) {
    if (!out[i].factuality.cue.empty()) continue;
    for (size_t j = 0; j < out.size(); ++j) {
      const DraftEvent& e = out[j];
      if (e.trigger.first >= out[i].trigger.first || e.factuality.cue.empty()) continue;
      if (e.factuality.value != pb::PLANNED && e.factuality.value != pb::POSSIBLE) continue;
      bool boundary = false;
      for (int k = e.trigger.last; k < out[i].trigger.first; ++k) {
        const std::string& w = doc_.tokens[k].norm;
        // "agreed to resume talks when they met": a clause of its own.
        if (w == "after" || w == "since" || w == "following" || w == "ago" ||
            w == "last" || w == "earlier" || w == "when" || w == "where" ||
            IsReportingVerb(w)) {
          boundary = true;
        }
      }
      if (!boundary) {
        out[i].factuality = e.factuality;
        out[i].factuality.cue = "shared:" + e.factuality.cue;
      }
    }
  }
  return out;
}

}  // namespace internal

std::vector<int> ParticipantList(const Document& doc, int si, const Mentions& m) {
  // The cue opens the sentence: "Participants in the call included ...",
  // "Joining the President at the meeting were ...", "The delegation was
  // led by ...", "Also attending were ...". Returns where the list starts.
  auto cue_at = [&](const Sentence& s) {
    bool delegation = false;
    for (int k = s.first; k < s.last && k < s.first + 8; ++k) {
      const std::string& w = doc.tokens[k].norm;
      if (w == "participants" || w == "participant" || w == "attendees" || w == "joining" ||
          w == "attending") {
        return k + 1;
      }
      if (w == "delegation" || w == "delegations") delegation = true;
      if (delegation && (w == "led" || w == "headed")) return k + 1;
    }
    return -1;
  };
  const Sentence& s = doc.sentences[si];
  int from = cue_at(s);
  if (from < 0 && si > 0) {
    // The list line after "... the following leaders:".
    const Sentence& prev = doc.sentences[si - 1];
    if (cue_at(prev) >= 0 && doc.tokens[prev.last - 1].norm == ":") from = s.first;
  }
  if (from < 0) return {};
  // A list is given by a listing word: "included", "were", ":", "led by";
  // "Participants also discussed Putin's disruptions" lists no one.
  bool listing = from == s.first || doc.tokens[from - 1].norm == "led" ||
                 doc.tokens[from - 1].norm == "headed";
  int first_person = s.last;
  for (const PersonMention& p : m.people) {
    if (p.first >= from && p.first < first_person) first_person = p.first;
  }
  for (int k = from; k < first_person && !listing; ++k) {
    listing = IsOneOf(doc.tokens[k].norm, {"included", "include", "includes", "including",
                                          "were", "was", "are", "is", ":", "by"});
  }
  if (!listing) return {};
  std::vector<int> out;
  for (const PersonMention& p : m.people) {
    if (p.first < from || p.last > s.last || p.entity < 0) continue;
    // A possessor is no participant: "Putin's war".
    if (p.last < s.last && doc.tokens[p.last].norm == "'s") continue;
    if (std::find(out.begin(), out.end(), p.entity) == out.end()) out.push_back(p.entity);
  }
  return out;
}

std::vector<DraftEvent> EventsInSentence(const Document& doc, int sentence_index,
                                         const Mentions& mentions,
                                         const std::vector<Entity>& entities,
                                         const SentenceParse* parse) {
  return internal::SentenceEvents(doc, sentence_index, mentions, entities, parse).Run();
}

}  // namespace newsgraph
