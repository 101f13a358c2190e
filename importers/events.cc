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
namespace {

std::string Family(const std::string& mode) {
  if (mode == "in-person" || mode == "summit") return "in-person";
  if (mode == "phone" || mode == "video") return "call";
  return mode;
}

bool IsHostVerb(const std::string& w) {
  return IsOneOf(w, {"host", "hosts", "hosted", "hosting", "greet", "greets", "greeted",
                     "alongside", "convened", "convenes", "convene", "welcomed", "welcomes",
                     "welcome", "welcoming"});
}

}  // namespace

namespace internal {

void SentenceEvents::Contacts(const std::vector<Trigger>& triggers,
                              std::vector<DraftEvent>* out) {
  std::vector<const Trigger*> contacts;
  for (const Trigger& t : triggers) {
    if (t.mode != "visit") contacts.push_back(&t);
  }
  if (contacts.empty()) return;
  const size_t n = contacts.size();
  // First the grammar: a trigger claims the person right after it (its
  // object: "met with X", "a call between X and Y") and, for a verb or a
  // possessive noun, the person right before it (its subject), each with
  // the people coordinated to them ("X, Y and Z").
  std::vector<std::vector<int>> subjects(n), objects(n), loose(n);
  absl::flat_hash_set<int> claimed;
  auto claimable = [&](int mi, size_t g) {
    if (claimed.contains(mi)) return false;
    // "X said at a news conference alongside Y": the speaker stood there.
    return doc_.tokens[contacts[g]->first].norm == "alongside" || !Reporter(mi, *contacts[g]);
  };
  for (size_t g = 0; g < n; ++g) {
    const Trigger* t = contacts[g];
    const int next = g + 1 < n ? contacts[g + 1]->first : s_.last;
    const int prev = g > 0 ? contacts[g - 1]->last : s_.first;
    // "Having spoken with X by phone, Y said": the name after the comma
    // that closes a fronted phrase is the clause's subject, not an object.
    const int fronted_subject = FrontedSubject(*t);
    for (size_t k = 0; k < people_.size(); ++k) {
      const PersonMention& p = m_.people[people_[k]];
      if (p.first < t->last) continue;
      if (p.first >= next || !ObjectGap(doc_, m_, t->last, Start(people_[k])) ||
          !claimable(people_[k], g) || people_[k] == fronted_subject ||
          PossessorOfOther(people_[k])) {
        break;
      }
      for (size_t j = k; j < people_.size() && m_.people[people_[j]].first < next &&
                         (j == k || Coordinated(people_[j - 1], people_[j]));
           ++j) {
        if (!claimable(people_[j], g)) break;
        claimed.insert(people_[j]);
        objects[g].push_back(people_[j]);
      }
      break;
    }
    const int vs = VerbStart(*t);
    for (size_t k = people_.size(); k-- > 0;) {
      const PersonMention& p = m_.people[people_[k]];
      if (p.last > t->first) continue;
      if (p.first < prev) break;
      bool ok = false;
      const int end = SkipStateModifier(doc_, m_, HeadEnd(p), t->first);
      if (vs < 0) {
        // "Biden's bilateral meeting": a possessor right before the noun.
        ok = end < t->first && doc_.tokens[end].norm == "'s";
        for (int q = end + 1; ok && q < t->first; ++q) {
          const Token& tok = doc_.tokens[q];
          if (!tok.word || tok.cap || q - end > 4) ok = false;
        }
      } else if (end <= vs) {
        ok = SubjectGap(doc_, end, vs) || CoordinatedVerb(end, vs);
      }
      if (!ok || !claimable(people_[k], g)) break;
      claimed.insert(people_[k]);
      subjects[g].push_back(people_[k]);
      for (size_t j = k; j-- > 0 && m_.people[people_[j]].first >= prev &&
                         Coordinated(people_[j], people_[j + 1]);) {
        if (!claimable(people_[j], g)) break;
        claimed.insert(people_[j]);
        subjects[g].push_back(people_[j]);
      }
      break;
    }
  }
  // "X thanked Y ... at a meeting", "pressed Y at a summit", "during talks
  // with Y": a noun in a prepositional phrase takes the people of its clause.
  for (size_t g = 0; g < n; ++g) {
    const Trigger* t = contacts[g];
    if (t->verb || !subjects[g].empty()) continue;
    int k = t->first - 1;
    while (k >= s_.first && k >= t->first - 4 && doc_.tokens[k].word &&
           !doc_.tokens[k].cap && doc_.tokens[k].norm != "at" &&
           doc_.tokens[k].norm != "during") {
      --k;
    }
    if (k < s_.first || (doc_.tokens[k].norm != "at" && doc_.tokens[k].norm != "during")) {
      continue;
    }
    const int prev = g > 0 ? contacts[g - 1]->last : s_.first;
    int start = prev;
    for (int q = k - 1; q >= prev; --q) {
      if (IsClauseBoundary(doc_.tokens[q].norm)) {
        start = q + 1;
        break;
      }
    }
    for (int mi : people_) {
      const PersonMention& p = m_.people[mi];
      if (p.first < start || p.last > k) continue;
      if (!claimable(mi, g)) continue;
      claimed.insert(mi);
      subjects[g].push_back(mi);
    }
  }
  // Then proximity, for the people no grammar rule placed, when they stand
  // within a few words of a trigger that is not a mere back-reference.
  for (int mi : people_) {
    if (claimed.contains(mi)) continue;
    const PersonMention& p = m_.people[mi];
    if (PossessorOfOther(mi)) continue;
    int best = -1;
    int best_d = 7;
    for (size_t g = 0; g < n; ++g) {
      const Trigger* t = contacts[g];
      if (Anaphoric(*t)) continue;
      // "X praised Y's meeting with Z": the possessor is the meeting's
      // subject, and whoever stands before it is not.
      if (!t->verb && p.last <= t->first && Possessed(*t, p)) continue;
      int d = p.last <= t->first ? t->first - HeadEnd(p) : Start(mi) - t->last;
      if (d >= 0 && d < best_d) {
        best_d = d;
        best = static_cast<int>(g);
      }
    }
    if (best >= 0 && !Reporter(mi, *contacts[best])) loose[best].push_back(mi);
  }
  std::vector<int> parse_plural(n, -1);
  // "their first face-to-face talks", read without a parse: the plural
  // possessive names the pair (the parse, where there is one, says so too).
  for (size_t g = 0; parse_ == nullptr && g < n; ++g) {
    const Trigger& t = *contacts[g];
    for (int k = t.first - 1; !t.verb && k >= s_.first && k >= t.first - 6; --k) {
      const Token& tok = doc_.tokens[k];
      if (tok.norm == "their") {
        parse_plural[g] = k;
        loose[g].clear();
        break;
      }
      if (tok.cap || (!tok.word && tok.norm != "-")) break;
    }
  }
  for (size_t g = 0; g < n; ++g) {
    const int ts = TrailingParticipleSubject(*contacts[g]);
    if (ts >= 0 && !claimed.contains(ts) && subjects[g].empty()) {
      claimed.insert(ts);
      subjects[g].push_back(ts);
    }
  }
  for (size_t g = 0; g < n; ++g) {
    const int fs = FrontedSubject(*contacts[g]);
    if (fs < 0) continue;
    const bool own = std::find(objects[g].begin(), objects[g].end(), fs) != objects[g].end();
    if (!own && claimed.contains(fs)) continue;
    if (!own) {
      claimed.insert(fs);
      subjects[g].push_back(fs);
    }
    // "In a phone call, X told Y that ...": the one addressed took part.
    const int verb = HeadEnd(m_.people[fs]);
    if (!contacts[g]->verb && verb + 1 < s_.last &&
        IsOneOf(doc_.tokens[verb].norm, {"told", "urged", "asked", "assured", "thanked",
                                         "warned", "briefed", "congratulated", "informed",
                                         "reassured", "pressed"})) {
      const int addressed = m_.person_at[verb + 1];
      if (addressed >= 0 && m_.people[addressed].first == verb + 1 &&
          std::find(people_.begin(), people_.end(), addressed) != people_.end()) {
        // The main clause's object, whatever a later clause's trigger took.
        for (size_t h = 0; h < n; ++h) {
          for (auto* v : {&subjects[h], &objects[h], &loose[h]}) {
            v->erase(std::remove(v->begin(), v->end(), addressed), v->end());
          }
        }
        claimed.insert(addressed);
        objects[g].push_back(addressed);
      }
    }
  }
  // The parse, where the sentence has one: the people it attaches to a
  // trigger join it, and the people it puts in another clause leave the
  // rules' subjects (once it found one) and the people near the word.
  std::vector<std::string> parse_how(n);
  std::vector<std::vector<int>> group(n);
  for (size_t g = 0; parse_ != nullptr && g < n; ++g) {
    Parsed pa;
    ParseArguments(*contacts[g], &pa);
    auto has = [&](const std::vector<int>& v, int mi) {
      return HasEntity(v, m_.people[mi].entity);
    };
    if (!pa.subjects.empty()) {
      // The parse found the subject: a rule's subject it puts in another
      // role ("at the request of X and held talks") is no participant.
      subjects[g].erase(std::remove_if(subjects[g].begin(), subjects[g].end(),
                                       [&](int mi) {
                                         return !has(pa.subjects, mi) &&
                                                InOtherClause(mi, *contacts[g]);
                                       }),
                        subjects[g].end());
    }
    for (int mi : pa.subjects) {
      if (!has(subjects[g], mi) && !has(objects[g], mi)) subjects[g].push_back(mi);
    }
    for (int mi : pa.objects) {
      if (!has(subjects[g], mi) && !has(objects[g], mi)) objects[g].push_back(mi);
    }
    loose[g].erase(std::remove_if(loose[g].begin(), loose[g].end(),
                                  [&](int mi) { return InOtherClause(mi, *contacts[g]); }),
                   loose[g].end());
    parse_how[g] = pa.how;
    parse_plural[g] = pa.plural;
    group[g] = pa.group;
  }
  // "A met B for a meeting chaired by C": a noun whose only person is
  // introduced by "by" names the same contact as the trigger before it.
  std::vector<std::string> mode(n);
  for (size_t g = 0; g < n; ++g) mode[g] = contacts[g]->mode;
  for (size_t g = 1; g < n; ++g) {
    std::vector<int> all = objects[g];
    all.insert(all.end(), loose[g].begin(), loose[g].end());
    if (contacts[g]->verb || all.empty() || !subjects[g].empty()) continue;
    int b = Start(all[0]) - 1;
    if (b < s_.first || doc_.tokens[b].norm != "by") continue;
    for (size_t h = g; h-- > 0;) {
      if (Family(mode[h]) != Family(mode[g])) continue;
      if (subjects[h].empty() && objects[h].empty()) continue;
      objects[h].insert(objects[h].end(), all.begin(), all.end());
      objects[g].clear();
      loose[g].clear();
      if (mode[g] == "summit" || mode[g] == "video") mode[h] = mode[g];
      break;
    }
  }
  // "convened a meeting", "hosted talks": the noun is the verb's own event.
  std::vector<bool> folded(n, false);
  // "convened a meeting with A, B and C": one meeting, whatever the states.
  std::vector<bool> one_event(n, false);
  for (size_t g = 1; g < n; ++g) {
    const Trigger* v = contacts[g - 1];
    const Trigger* t = contacts[g];
    // "convened a call", "hosted a video conference": the verb convenes
    // the noun's contact, whatever its mode.
    const bool convening = IsOneOf(doc_.tokens[v->first].norm,
                                   {"convened", "convenes", "convene", "hosted", "hosts",
                                    "host", "hosting"});
    if (t->verb || !v->verb || (Family(mode[g]) != Family(mode[g - 1]) && !convening) ||
        t->first - v->last > 3) {
      continue;
    }
    bool adjacent = true;
    for (int k = v->last; k < t->first; ++k) {
      adjacent &= doc_.tokens[k].word && !doc_.tokens[k].cap;
    }
    if (!adjacent) continue;
    objects[g - 1].insert(objects[g - 1].end(), objects[g].begin(), objects[g].end());
    loose[g - 1].insert(loose[g - 1].end(), loose[g].begin(), loose[g].end());
    if (mode[g] == "summit" || mode[g] == "video" || convening) mode[g - 1] = mode[g];
    folded[g] = true;
    one_event[g - 1] = doc_.tokens[t->first].norm != "meetings";
  }
  FoldMediumPhrases(contacts, &mode, &folded);
  // "met X on the sidelines of the summit": the summit is the setting of
  // another contact, not a contact of the same people; "talked with X" there
  // was face to face.
  for (size_t g = 0; n > 1 && g < n; ++g) {
    if (contacts[g]->verb || mode[g] != "summit" || !SettingOfAnother(*contacts[g])) continue;
    folded[g] = true;
    for (size_t h = 0; h < n; ++h) {
      if (contacts[h]->rule == "verb:spoke-with") mode[h] = "in-person";
    }
  }
  for (size_t g = 0; g < n; ++g) {
    const Trigger& t = *contacts[g];
    if (folded[g]) continue;
    if (IsHostVerb(doc_.tokens[t.first].norm) && subjects[g].empty() && objects[g].empty()) {
      continue;  // "hosted by China", "host the Games": no person hosted
    }
    std::vector<int> subj = subjects[g];
    if (subj.empty()) {
      int ps = PronounSubject(t, objects[g]);
      if (ps >= 0) subj.push_back(ps);
    }
    if (subj.empty() && objects[g].empty() && loose[g].empty()) {
      std::vector<int> pair = TheyPair(t);
      subj.insert(subj.end(), pair.begin(), pair.end());
    }
    if (parse_plural[g] >= 0 && subj.size() + objects[g].size() < 2) {
      // "X told Y in their meeting": the plural names the last two people
      // of its sentence before it.
      std::vector<int> two = LastTwoBefore(parse_plural[g]);
      if (two.size() == 2) subj = two;
    }
    DraftEvent base;
    base.trigger = t;
    base.mode = mode[g];
    base.factuality = ReadFactuality(doc_, s_, t);
    base.anaphoric = Anaphoric(t);
    base.people_rule = parse_how[g].empty() ? "grammar" : "grammar,parse[" + parse_how[g] + "]";
    if (parse_ == nullptr && parse_plural[g] >= 0) base.people_rule += ",their-pair";
    // The place of the contact stays inside its clause: not "a man who was
    // attacked in Dublin".
    int clause_end = t.last;
    while (clause_end < s_.last && !IsClauseBoundary(doc_.tokens[clause_end].norm) &&
           !(!t.verb && doc_.tokens[clause_end].norm == ",")) {
      ++clause_end;  // a noun's place stays inside its phrase: "such talks, met X in Oslo"
    }
    std::vector<PlaceSpan> place = PlaceAfterPreposition(doc_, m_, t.first, clause_end);
    if (place.empty() && IsOneOf(doc_.tokens[t.first].norm, {"welcomed", "welcomes", "welcome"})) {
      // "welcomed X to Tokyo": the guest came to the place.
      for (int k = t.last; k + 1 < clause_end && place.empty(); ++k) {
        if (doc_.tokens[k].norm == "to") place = PlacesAt(doc_, m_, k + 1, clause_end);
      }
      if (place.size() > 1) place.resize(1);
    }
    if (!place.empty()) {
      base.place = place[0].name;
      base.place_state = place[0].state;
    }
    const bool known_place = !place.empty() && !place[0].state.empty();
    auto add = [&](DraftEvent* ev, int mi) {
      int e = m_.people[mi].entity;
      if (std::find(ev->entities.begin(), ev->entities.end(), e) == ev->entities.end()) {
        ev->entities.push_back(e);
      }
    };
    for (int mi : objects[g]) objects_.insert(mi);
    // "their counterparts": the people named are one side, the other is
    // unnamed — each is only present at the place.
    std::vector<int> named = subj;
    named.insert(named.end(), objects[g].begin(), objects[g].end());
    if (!named.empty()) {
      int k = HeadEnd(m_.people[named.back()]);
      while (k < s_.last && (doc_.tokens[k].norm == "," || doc_.tokens[k].norm == "and" ||
                             doc_.tokens[k].norm == "with")) {
        ++k;
      }
      // "X met his Japanese counterparts": right after the trigger.
      int after_trigger = t.last;
      if (after_trigger < s_.last && doc_.tokens[after_trigger].norm == "with") ++after_trigger;
      if (objects[g].empty() && k < t.last) k = after_trigger;
      // Counterparts the article names elsewhere were resolved as a group.
      if (group[g].empty() && k + 1 < s_.last &&
          IsOneOf(doc_.tokens[k].norm, {"their", "his", "her"}) && UnnamedCounterparts(k + 1)) {
        std::vector<PlaceSpan> where = PlaceAfterPreposition(doc_, m_, k, s_.last);
        if (where.empty()) continue;
        for (int mi : named) {
          DraftEvent v = base;
          v.mode = "visit";
          v.place = where[0].name;
          v.people_rule = "meeting-unnamed-counterparts";
          add(&v, mi);
          out->push_back(std::move(v));
        }
        continue;
      }
    }
    const std::string& w = doc_.tokens[t.first].norm;
    // "Lowe called Hart 'a loyal friend'": naming, not phoning.
    if (w == "called" && !objects[g].empty()) {
      const int after = HeadEnd(m_.people[objects[g].back()]);
      if (after < s_.last && (doc_.tokens[after].norm == "\"" ||
                              doc_.tokens[after].norm == "a" ||
                              doc_.tokens[after].norm == "an" ||
                              doc_.tokens[after].norm == "the" ||
                              doc_.tokens[after].norm == "his" ||
                              doc_.tokens[after].norm == "her")) {
        continue;
      }
    }
    // "X and Y have been greeted in Beijing": guests of an unnamed host
    // ("was hosted by Y" names the host, and is a meeting).
    // "X was welcomed in Tokyo by Y": the guest travelled, and met the host.
    const bool guest_verb = IsHostVerb(w) || w == "received";
    if (guest_verb && t.first > s_.first) {
      const std::string& aux = doc_.tokens[t.first - 1].norm;
      if (IsOneOf(aux, {"been", "was", "were", "is", "are", "be"})) {
        for (int mi : subj) {
          if (!known_place) break;
          DraftEvent v = base;
          v.mode = "visit";
          v.people_rule = "received-guest";
          add(&v, mi);
          out->push_back(std::move(v));
        }
        if (objects[g].empty()) continue;
      }
    }
    // "his meetings with A, B and C", "he will meet A, B and C" (of three
    // states): one contact per person met.
    absl::flat_hash_set<std::string> object_states;
    for (int o : objects[g]) object_states.insert(entities_[m_.people[o].entity].state);
    // "held separate calls with A and B": one each, whatever their states.
    bool separate = false;
    for (int k = t.first - 1; k >= s_.first && k >= t.first - 2; --k) {
      separate |= IsOneOf(doc_.tokens[k].norm, {"separate", "separately", "individual"});
    }
    // Hosting several guests at once is one gathering ("hosted A and B at
    // Camp David").
    const bool bilaterals =
        separate || ((w == "meetings" || (t.verb && !IsHostVerb(w) && subj.size() == 1 &&
                                          object_states.size() == objects[g].size())) &&
                     !object_states.contains(""));
    // "meeting X in Moscow on July 5 and Y in Beijing on July 8": each
    // object with a place of its own is a meeting of its own, dated and
    // placed by the words after it.
    const std::vector<std::pair<int, PlaceSpan>> gapped =
        objects[g].empty() ? std::vector<std::pair<int, PlaceSpan>>{}
                           : GappedObjects(objects[g][0]);
    if (!gapped.empty() && !subj.empty()) {
      for (size_t i = 0; i < gapped.size(); ++i) {
        const auto& [object, place] = gapped[i];
        DraftEvent ev = base;
        for (int mi : subj) add(&ev, mi);
        add(&ev, object);
        ev.place = place.name;
        ev.place_state = place.state;
        if (i > 0) {
          ev.trigger.first = m_.people[object].first;
          ev.trigger.last = place.last;
        }
        ev.people_rule += ",gapped-objects";
        out->push_back(std::move(ev));
      }
      continue;
    }
    // "had separate calls with European leaders from A, B and C": one call
    // with each member of the group.
    if (separate && !subj.empty() && objects[g].empty() && group[g].size() >= 2) {
      for (int e : group[g]) {
        DraftEvent ev = base;
        for (int mi : subj) add(&ev, mi);
        AddOnce(&ev.entities, e);
        out->push_back(std::move(ev));
      }
      continue;
    }
    if (bilaterals && !one_event[g] && !subj.empty() && objects[g].size() >= 2 &&
        loose[g].empty()) {
      for (int o : objects[g]) {
        DraftEvent ev = base;
        for (int mi : subj) add(&ev, mi);
        add(&ev, o);
        out->push_back(std::move(ev));
      }
      continue;
    }
    if (IsOneOf(w, {"host", "hosts", "hosted", "hosting", "welcomed", "welcomes", "welcome",
                    "welcoming"}) &&
        !subj.empty() && known_place) {
      // "X will host Y for talks in China", "hosted the leaders of A and B
      // at Camp David": the guests travel there.
      auto guest = [&](int entity, const char* rule) {
        DraftEvent v = base;
        v.mode = "visit";
        v.people_rule = rule;
        v.entities = {entity};
        out->push_back(std::move(v));
      };
      for (int mi : objects[g]) guest(m_.people[mi].entity, "hosted-guest");
      for (int e : group[g]) guest(e, "hosted-guest,group");
    }
    DraftEvent ev = base;
    for (int mi : subj) add(&ev, mi);
    for (int mi : objects[g]) add(&ev, mi);
    for (int mi : loose[g]) add(&ev, mi);
    for (int e : group[g]) AddOnce(&ev.entities, e);
    // Only the surface rules' subject: a parse that found one person of a
    // contact more likely missed the other than met unnamed counterparts.
    // A host meeting guests is at home, not visiting.
    ev.lone_subject = ev.entities.size() == 1 && !subj.empty() && known_place &&
                      parse_how[g].empty() && !IsHostVerb(w);
    ev.pair_reference = subj.empty() && (PairBefore(t) || parse_plural[g] >= 0);
    out->push_back(std::move(ev));
  }
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
  std::vector<int> out;
  for (const PersonMention& p : m.people) {
    if (p.first < from || p.last > s.last || p.entity < 0) continue;
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
