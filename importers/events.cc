#include "importers/events.h"

#include <algorithm>
#include <climits>
#include <cstdlib>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "importers/arguments.h"
#include "importers/places.h"
#include "importers/titles.h"

namespace newsgraph {
namespace {

bool IsPreposition(absl::string_view w) {
  return w == "with" || w == "to" || w == "by" || w == "for" || w == "from" || w == "of" ||
         w == "between" || w == "on" || w == "at" || w == "about" || w == "against" ||
         w == "than" || w == "like" || w == "including";
}

std::string Family(const std::string& mode) {
  if (mode == "in-person" || mode == "summit") return "in-person";
  if (mode == "phone" || mode == "video") return "call";
  return mode;
}

bool IsHostVerb(const std::string& w) {
  return w == "host" || w == "hosts" || w == "hosted" || w == "hosting" || w == "greet" ||
         w == "greets" || w == "greeted" || w == "alongside" || w == "convened" ||
         w == "convenes" || w == "convene";
}

class SentenceEvents {
 public:
  SentenceEvents(const Document& doc, int si, const Mentions& m)
      : doc_(doc), s_(doc.sentences[si]), m_(m) {
    for (size_t i = 0; i < m.people.size(); ++i) {
      const PersonMention& p = m.people[i];
      if (p.first >= s_.first && p.last <= s_.last && p.entity >= 0) {
        people_.push_back(static_cast<int>(i));
      }
    }
  }

  std::vector<DraftEvent> Run();

 private:
  int Start(int mi) const { return HeadStart(doc_, s_, m_, m_.people[mi]); }
  bool Reporter(int mi, const Trigger& t) const {
    return IsReporter(doc_, s_, m_, m_.people[mi], t);
  }
  bool Anaphoric(const Trigger& t) const;
  bool Coordinated(int left_mi, int right_mi) const;
  // The person a "he"/"she" subject of a verb trigger stands for: the one
  // mentioned last before it who is not among `exclude`.
  int PronounSubject(const Trigger& t, const std::vector<int>& exclude) const;
  void Contacts(const std::vector<Trigger>& triggers, std::vector<DraftEvent>* out);
  void Visit(const Trigger& t, std::vector<DraftEvent>* out);
  std::vector<int> Travellers(const Trigger& t) const;

  const Document& doc_;
  const Sentence& s_;
  const Mentions& m_;
  std::vector<int> people_;           // mention indices, text order
  absl::flat_hash_set<int> objects_;  // mentions that are objects of a contact
};

bool SentenceEvents::Anaphoric(const Trigger& t) const {
  if (t.verb) return false;
  // "the call", "this meeting", "the senior official meeting".
  for (int k = t.first - 1; k >= s_.first && k >= t.first - 4; --k) {
    const std::string& w = doc_.tokens[k].norm;
    if (w == "the" || w == "this" || w == "that") return true;
    if (!doc_.tokens[k].word || doc_.tokens[k].cap || w == "a" || w == "an") return false;
  }
  return false;
}

bool SentenceEvents::Coordinated(int left_mi, int right_mi) const {
  for (int k = HeadEnd(m_.people[left_mi]); k < Start(right_mi); ++k) {
    const std::string& w = doc_.tokens[k].norm;
    if (w != "," && w != "and" && w != "jr" && w != "." && w != "as" && w != "well") {
      return false;
    }
  }
  return true;
}

int SentenceEvents::PronounSubject(const Trigger& t, const std::vector<int>& exclude) const {
  int k = t.first - 1;
  while (k >= s_.first && doc_.tokens[k].norm != "," && SubjectGap(doc_, k, k + 1)) --k;
  if (k < s_.first) return -1;
  const std::string& w = doc_.tokens[k].norm;
  if (w != "he" && w != "she") return -1;
  for (int i = static_cast<int>(m_.people.size()) - 1; i >= 0; --i) {
    const PersonMention& p = m_.people[i];
    if (p.last > k || p.entity < 0) continue;
    bool excluded = false;
    for (int x : exclude) excluded |= m_.people[x].entity == p.entity;
    if (!excluded) return i;
  }
  return -1;
}

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
    return !claimed.contains(mi) && !Reporter(mi, *contacts[g]);
  };
  for (size_t g = 0; g < n; ++g) {
    const Trigger* t = contacts[g];
    const int next = g + 1 < n ? contacts[g + 1]->first : s_.last;
    const int prev = g > 0 ? contacts[g - 1]->last : s_.first;
    for (size_t k = 0; k < people_.size(); ++k) {
      const PersonMention& p = m_.people[people_[k]];
      if (p.first < t->last) continue;
      if (p.first >= next || !ObjectGap(doc_, m_, t->last, Start(people_[k])) ||
          !claimable(people_[k], g)) {
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
    for (size_t k = people_.size(); k-- > 0;) {
      const PersonMention& p = m_.people[people_[k]];
      if (p.last > t->first) continue;
      if (p.first < prev) break;
      bool possessive = false, ok = true;
      const int end = HeadEnd(p);
      if (!t->verb) {
        for (int q = end; q < t->first; ++q) {
          const Token& tok = doc_.tokens[q];
          if (tok.norm == "'s" && q == end) {
            possessive = true;
          } else if (!tok.word || tok.cap || q - end > 4) {
            ok = false;
          }
        }
        ok = ok && possessive;
      } else {
        ok = end <= t->first && SubjectGap(doc_, end, t->first);
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
  // Then proximity, for the people no grammar rule placed, when they stand
  // within a few words of a trigger that is not a mere back-reference.
  for (int mi : people_) {
    if (claimed.contains(mi)) continue;
    const PersonMention& p = m_.people[mi];
    int best = -1;
    int best_d = 7;
    for (size_t g = 0; g < n; ++g) {
      const Trigger* t = contacts[g];
      if (Anaphoric(*t)) continue;
      int d = p.last <= t->first ? t->first - HeadEnd(p) : Start(mi) - t->last;
      if (d >= 0 && d < best_d) {
        best_d = d;
        best = static_cast<int>(g);
      }
    }
    if (best >= 0 && !Reporter(mi, *contacts[best])) loose[best].push_back(mi);
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
  for (size_t g = 0; g < n; ++g) {
    const Trigger& t = *contacts[g];
    if (IsHostVerb(doc_.tokens[t.first].norm) && subjects[g].empty() && objects[g].empty()) {
      continue;  // "hosted by China", "host the Games": no person hosted
    }
    std::vector<int> subj = subjects[g];
    if (t.verb && subj.empty()) {
      int ps = PronounSubject(t, objects[g]);
      if (ps >= 0) subj.push_back(ps);
    }
    DraftEvent base;
    base.trigger = t;
    base.mode = mode[g];
    base.factuality = ReadFactuality(doc_, s_, t);
    base.anaphoric = Anaphoric(t);
    base.people_rule = "grammar";
    std::vector<PlaceSpan> place = PlaceAfterPreposition(doc_, m_, t.first, s_.last);
    if (!place.empty()) base.place = place[0].name;
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
      if (k + 1 < s_.last &&
          (doc_.tokens[k].norm == "their" || doc_.tokens[k].norm == "his" ||
           doc_.tokens[k].norm == "her") &&
          (doc_.tokens[k + 1].norm == "counterparts" ||
           doc_.tokens[k + 1].norm == "counterpart" ||
           (k + 2 < s_.last && doc_.tokens[k + 2].norm == "counterparts"))) {
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
    // "his meetings with A, B and C": one contact per person met.
    const std::string& w = doc_.tokens[t.first].norm;
    if ((w == "meetings" || w == "talks") && !subj.empty() && objects[g].size() >= 2 &&
        loose[g].empty()) {
      for (int o : objects[g]) {
        DraftEvent ev = base;
        for (int mi : subj) add(&ev, mi);
        add(&ev, o);
        out->push_back(std::move(ev));
      }
      continue;
    }
    DraftEvent ev = base;
    for (int mi : subj) add(&ev, mi);
    for (int mi : objects[g]) add(&ev, mi);
    for (int mi : loose[g]) add(&ev, mi);
    ev.lone_subject = ev.entities.size() == 1 && !subj.empty();
    out->push_back(std::move(ev));
  }
}

std::vector<int> SentenceEvents::Travellers(const Trigger& t) const {
  const auto& toks = doc_.tokens;
  // "X's (recent) trip", "visit by X", "visiting Foreign Minister X".
  int k = t.first - 1;
  while (k >= s_.first && toks[k].word && !toks[k].cap && k >= t.first - 3 &&
         toks[k].norm != "'s") {
    --k;
  }
  if (k >= s_.first && toks[k].norm == "'s" && k - 1 >= s_.first &&
      m_.person_at[k - 1] >= 0 && m_.people[m_.person_at[k - 1]].entity >= 0) {
    return {m_.person_at[k - 1]};
  }
  if (t.last + 1 < s_.last && (toks[t.last].norm == "by" || toks[t.last].norm == "of")) {
    for (int mi : people_) {
      if (Start(mi) == t.last + 1) return {mi};
    }
  }
  if (toks[t.first].norm == "visiting") {
    for (int mi : people_) {
      if (Start(mi) == t.last) return {mi};
    }
  }
  auto acceptable = [&](int mi) {
    int b = Start(mi) - 1;
    if (b >= s_.first && IsPreposition(toks[b].norm)) return false;
    return !objects_.contains(mi) && !Reporter(mi, t);
  };
  // The subject inside the trigger's clause, nearest first, with the
  // people coordinated to it ("X and Y travelled").
  std::vector<int> out;
  int boundary = s_.first;
  for (int q = t.first - 1; q >= s_.first; --q) {
    if (IsClauseBoundary(toks[q].norm)) {
      boundary = q + 1;
      break;
    }
  }
  for (size_t i = people_.size(); i-- > 0;) {
    int mi = people_[i];
    const PersonMention& p = m_.people[mi];
    if (p.last > t.first || p.first < boundary) continue;
    if (out.empty()) {
      if (acceptable(mi)) out.push_back(mi);
    } else if (Coordinated(mi, out.back()) && acceptable(mi)) {
      out.push_back(mi);
    } else {
      break;
    }
  }
  if (!out.empty()) return out;
  if (t.verb) {
    int ps = PronounSubject(t, {});
    if (ps >= 0) return {ps};
    return {};
  }
  // A noun outside its subject's clause ("a trip which includes stops in
  // ..."): the sentence's first free person.
  for (int mi : people_) {
    if (m_.people[mi].first >= t.first) break;
    if (acceptable(mi)) return {mi};
  }
  return {};
}

void SentenceEvents::Visit(const Trigger& t, std::vector<DraftEvent>* out) {
  std::vector<int> travellers = Travellers(t);
  if (travellers.empty()) return;
  const auto& toks = doc_.tokens;
  std::vector<PlaceSpan> places;
  if (t.place_from >= 0) places = PlacesAt(doc_, m_, t.place_from + 1, s_.last);
  if (t.rule == "copula:in") {
    // "was in Kyiv": only a known state or capital, or a bare proper name.
    std::vector<PlaceSpan> kept;
    for (const PlaceSpan& p : places) {
      if (!p.state.empty() || toks[p.first - 1].norm != "the") kept.push_back(p);
    }
    places = kept;
  }
  if (places.empty() && t.first - 1 >= s_.first) {
    int a = m_.actor_at[t.first - 1];
    if (a >= 0 && (m_.actors[a].kind == GazKind::kState ||
                   m_.actors[a].kind == GazKind::kMetonym)) {
      PlaceSpan p;
      p.name = std::string(doc_.Span(m_.actors[a].first, m_.actors[a].last));
      places.push_back(p);
    }
  }
  DraftEvent base;
  base.trigger = t;
  base.mode = "visit";
  base.factuality = ReadFactuality(doc_, s_, t);
  base.people_rule = "traveller";
  for (int mi : travellers) base.entities.push_back(m_.people[mi].entity);
  // "visited Ukrainian President Volodymyr Zelensky in Kyiv": a meeting too.
  if (t.place_from == t.first && places.empty()) {
    for (int mi : people_) {
      if (Start(mi) != t.last) continue;
      DraftEvent meet = base;
      meet.mode = "in-person";
      meet.people_rule = "visited-person";
      if (std::find(meet.entities.begin(), meet.entities.end(), m_.people[mi].entity) ==
          meet.entities.end()) {
        meet.entities.push_back(m_.people[mi].entity);
      }
      places = PlaceAfterPreposition(doc_, m_, HeadEnd(m_.people[mi]), s_.last);
      if (!places.empty()) meet.place = places[0].name;
      out->push_back(std::move(meet));
      break;
    }
  }
  for (const PlaceSpan& p : places) {
    DraftEvent ev = base;
    ev.place = p.name;
    out->push_back(std::move(ev));
  }
}

std::vector<DraftEvent> SentenceEvents::Run() {
  std::vector<DraftEvent> out;
  std::vector<Trigger> triggers = FindTriggers(doc_, s_);
  if (triggers.empty()) return out;
  Contacts(triggers, &out);
  for (const Trigger& t : triggers) {
    if (t.mode == "visit") Visit(t, &out);
  }
  // A trigger without a cue of its own shares the plan or doubt of an
  // earlier one in the sentence ("is due to make a state visit to France,
  // followed by visits to Serbia and Hungary").
  for (size_t i = 1; i < out.size(); ++i) {
    if (!out[i].factuality.cue.empty()) continue;
    for (size_t j = 0; j < out.size(); ++j) {
      const DraftEvent& e = out[j];
      if (e.trigger.first >= out[i].trigger.first || e.factuality.cue.empty()) continue;
      if (e.factuality.value != pb::PLANNED && e.factuality.value != pb::POSSIBLE) continue;
      bool boundary = false;
      for (int k = e.trigger.last; k < out[i].trigger.first; ++k) {
        const std::string& w = doc_.tokens[k].norm;
        if (w == "after" || w == "since" || w == "following" || w == "ago" ||
            w == "last" || w == "earlier" || IsReportingVerb(w)) {
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

}  // namespace

std::vector<int> ParticipantList(const Document& doc, int si, const Mentions& m) {
  auto cue_in = [&](const Sentence& s, bool* ends_with_colon) {
    bool cue = false, delegation = false;
    for (int k = s.first; k < s.last; ++k) {
      const std::string& w = doc.tokens[k].norm;
      if (w == "participants" || w == "participant" || w == "attendees" || w == "joining" ||
          w == "included" || w == "includes" || w == "joined" || w == "attended") {
        cue = true;
      }
      if (w == "delegation" || w == "delegations") delegation = true;
      if (delegation && (w == "led" || w == "headed")) cue = true;
    }
    *ends_with_colon = s.last > s.first && doc.tokens[s.last - 1].norm == ":";
    return cue;
  };
  const Sentence& s = doc.sentences[si];
  bool colon = false;
  bool cue = cue_in(s, &colon);
  if (!cue && si > 0) {
    // The list line after "... the following leaders:".
    bool prev_colon = false;
    cue = cue_in(doc.sentences[si - 1], &prev_colon) && prev_colon;
    if (!cue) return {};
  } else if (!cue) {
    return {};
  }
  std::vector<int> out;
  for (const PersonMention& p : m.people) {
    if (p.first < s.first || p.last > s.last || p.entity < 0) continue;
    if (std::find(out.begin(), out.end(), p.entity) == out.end()) out.push_back(p.entity);
  }
  return out;
}

std::vector<DraftEvent> EventsInSentence(const Document& doc, int sentence_index,
                                         const Mentions& mentions,
                                         const std::vector<Entity>& entities) {
  (void)entities;
  return SentenceEvents(doc, sentence_index, mentions).Run();
}

}  // namespace newsgraph
