#include "importers/events.h"

#include <algorithm>
#include <climits>
#include <cstdlib>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "importers/places.h"
#include "importers/titles.h"

namespace newsgraph {
namespace {

bool IsReportingVerb(absl::string_view w) {
  static const auto* k = new absl::flat_hash_set<std::string>{
      "said", "says", "told", "added", "noted", "warned", "stated", "wrote", "tweeted",
      "insisted", "argued", "explained", "claimed", "stressed", "recalled", "declared",
      "urged", "asked", "answered", "replied", "posted", "say"};
  return k->contains(std::string(w));
}

bool IsPreposition(absl::string_view w) {
  return w == "with" || w == "to" || w == "by" || w == "for" || w == "from" || w == "of" ||
         w == "between" || w == "on" || w == "at" || w == "about" || w == "against" ||
         w == "than" || w == "like";
}

std::string Family(const std::string& mode) {
  if (mode == "in-person" || mode == "summit") return "in-person";
  if (mode == "phone" || mode == "video") return "call";
  return mode;
}

class SentenceEvents {
 public:
  SentenceEvents(const Document& doc, int si, const Mentions& m, const std::vector<Entity>& e)
      : doc_(doc), s_(doc.sentences[si]), m_(m), entities_(e) {
    for (size_t i = 0; i < m.people.size(); ++i) {
      const PersonMention& p = m.people[i];
      if (p.first >= s_.first && p.last <= s_.last && p.entity >= 0) {
        people_.push_back(static_cast<int>(i));
      }
    }
  }

  std::vector<DraftEvent> Run();

 private:
  // First token of the mention with its title and nationality in front.
  int HeadStart(const PersonMention& p) const {
    int k = p.title.Found() && p.title.last <= p.first ? p.title.first : p.first;
    while (k - 1 >= s_.first && (m_.actor_at[k - 1] >= 0 || doc_.tokens[k - 1].norm == "'s" ||
                                 doc_.tokens[k - 1].norm == "the" ||
                                 doc_.tokens[k - 1].norm == "his" ||
                                 doc_.tokens[k - 1].norm == "her")) {
      --k;
    }
    return k;
  }
  // A person who only reports the event: "X said ...", "..., X said",
  // "according to X".
  bool Reporter(const PersonMention& p, const Trigger& t) const;
  void Contacts(const std::vector<Trigger>& triggers, std::vector<DraftEvent>* out);
  void Visit(const Trigger& t, std::vector<DraftEvent>* out);
  std::vector<int> Travellers(const Trigger& t) const;

  const Document& doc_;
  const Sentence& s_;
  const Mentions& m_;
  const std::vector<Entity>& entities_;
  std::vector<int> people_;  // mention indices, text order
  absl::flat_hash_map<int, std::string> upgraded_;  // trigger -> summit/video
};

bool SentenceEvents::Reporter(const PersonMention& p, const Trigger& t) const {
  const auto& toks = doc_.tokens;
  int k = p.last;
  // Skip an appositive title: "X, the Russian foreign minister, said".
  if (p.title.Found() && p.title.first >= p.last) k = p.title.last;
  while (k < s_.last && (toks[k].norm == "," || toks[k].norm == "also" ||
                         toks[k].norm == "has" || toks[k].norm == "had")) {
    ++k;
  }
  if (k < s_.last && IsReportingVerb(toks[k].norm) && k < t.first) return true;
  int b = HeadStart(p) - 1;
  if (b >= s_.first && toks[b].norm == "to" && b - 1 >= s_.first &&
      toks[b - 1].norm == "according") {
    return true;
  }
  if (b >= s_.first && IsReportingVerb(toks[b].norm) && p.first > t.last) return true;
  return false;
}

void SentenceEvents::Contacts(const std::vector<Trigger>& triggers,
                              std::vector<DraftEvent>* out) {
  std::vector<const Trigger*> contacts;
  for (const Trigger& t : triggers) {
    if (t.mode != "visit") contacts.push_back(&t);
  }
  if (contacts.empty()) return;
  // First the grammar: a trigger claims the person right after it (its
  // object: "met with X", "a call between X and Y") and, for a verb or a
  // possessive noun, the person right before it (its subject), each with
  // the people coordinated to them ("X, Y and Z").
  std::vector<std::vector<int>> members(contacts.size());
  absl::flat_hash_map<int, int> claimed;  // mention -> trigger
  auto coordinated = [&](int left_mi, int right_mi) {
    const PersonMention& a = m_.people[left_mi];
    const PersonMention& b = m_.people[right_mi];
    int end = a.title.Found() && a.title.first >= a.last ? a.title.last : a.last;
    for (int k = end; k < HeadStart(b); ++k) {
      const std::string& w = doc_.tokens[k].norm;
      if (w != "," && w != "and" && w != "jr" && w != ".") return false;
    }
    return true;
  };
  auto claim = [&](int mi, size_t g) {
    if (claimed.contains(mi) || Reporter(m_.people[mi], *contacts[g])) return false;
    claimed[mi] = static_cast<int>(g);
    members[g].push_back(mi);
    return true;
  };
  for (size_t g = 0; g < contacts.size(); ++g) {
    const Trigger* t = contacts[g];
    const int next = g + 1 < contacts.size() ? contacts[g + 1]->first : s_.last;
    const int prev = g > 0 ? contacts[g - 1]->last : s_.first;
    for (size_t k = 0; k < people_.size(); ++k) {
      const PersonMention& p = m_.people[people_[k]];
      if (p.first < t->last) continue;
      if (p.first >= next) break;
      if (!claim(people_[k], g)) break;
      for (size_t n = k + 1; n < people_.size() && m_.people[people_[n]].first < next &&
                             coordinated(people_[n - 1], people_[n]);
           ++n) {
        claim(people_[n], g);
      }
      break;
    }
    for (size_t k = people_.size(); k-- > 0;) {
      const PersonMention& p = m_.people[people_[k]];
      if (p.last > t->first) continue;
      if (p.first < prev) break;
      bool possessive = false;
      for (int q = p.last; q < t->first; ++q) {
        if (doc_.tokens[q].norm == "'s") possessive = true;
      }
      if (!t->verb && !possessive) break;
      if (t->first - p.last > 16 || !claim(people_[k], g)) break;
      for (size_t n = k; n-- > 0 && m_.people[people_[n]].first >= prev &&
                         coordinated(people_[n], people_[n + 1]);) {
        claim(people_[n], g);
      }
      break;
    }
  }
  // Then proximity for the rest: a person after a trigger is likelier its
  // object, so distances before a trigger count half again as much.
  for (int mi : people_) {
    if (claimed.contains(mi)) continue;
    const PersonMention& p = m_.people[mi];
    int best = -1;
    double best_d = 1e9;
    for (size_t g = 0; g < contacts.size(); ++g) {
      const Trigger* t = contacts[g];
      double d = p.last <= t->first ? 1.5 * (t->first - p.last) + 0.5
                                    : std::abs(HeadStart(p) - t->last);
      if (d < best_d) {
        best_d = d;
        best = static_cast<int>(g);
      }
    }
    if (best >= 0 && !Reporter(p, *contacts[best])) members[best].push_back(mi);
  }
  auto distinct = [&](const std::vector<int>& ms) {
    absl::flat_hash_set<int> e;
    for (int mi : ms) e.insert(m_.people[mi].entity);
    return e.size();
  };
  // A lone person joins the nearest trigger of the same family that has
  // people: "A met B for a meeting chaired by C".
  for (size_t g = 0; g < contacts.size(); ++g) {
    if (distinct(members[g]) != 1) continue;
    int best = -1, best_d = INT_MAX;
    for (size_t h = 0; h < contacts.size(); ++h) {
      if (h == g || members[h].empty() ||
          Family(contacts[h]->mode) != Family(contacts[g]->mode)) {
        continue;
      }
      int d = std::abs(contacts[h]->first - contacts[g]->first);
      if (d < best_d) {
        best_d = d;
        best = static_cast<int>(h);
      }
    }
    if (best < 0) continue;
    members[best].insert(members[best].end(), members[g].begin(), members[g].end());
    members[g].clear();
    if (contacts[g]->mode == "summit" || contacts[g]->mode == "video") {
      // Keep the stronger mode on the surviving trigger's event below.
      upgraded_[best] = contacts[g]->mode;
    }
  }
  for (size_t g = 0; g < contacts.size(); ++g) {
    DraftEvent ev;
    ev.trigger = *contacts[g];
    ev.mode = ev.trigger.mode;
    auto up = upgraded_.find(static_cast<int>(g));
    if (up != upgraded_.end() && Family(up->second) == Family(ev.mode)) ev.mode = up->second;
    ev.factuality = ReadFactuality(doc_, s_, ev.trigger);
    std::sort(members[g].begin(), members[g].end());
    for (int mi : members[g]) {
      int e = m_.people[mi].entity;
      if (std::find(ev.entities.begin(), ev.entities.end(), e) == ev.entities.end()) {
        ev.entities.push_back(e);
      }
    }
    std::vector<PlaceSpan> place = PlaceAfterPreposition(doc_, m_, ev.trigger.first, s_.last);
    if (!place.empty()) ev.place = place[0].name;
    ev.people_rule = "nearest-trigger";
    const int before = ev.trigger.first - 1;
    ev.anaphoric = !ev.trigger.verb && before >= s_.first &&
                   (doc_.tokens[before].norm == "the" || doc_.tokens[before].norm == "this" ||
                    doc_.tokens[before].norm == "that");
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
      if (HeadStart(m_.people[mi]) == t.last + 1) return {mi};
    }
  }
  if (toks[t.first].norm == "visiting") {
    for (int mi : people_) {
      if (HeadStart(m_.people[mi]) == t.last) return {mi};
    }
  }
  // The subject: the first person before the trigger who is not the object
  // of a preposition and does not merely report the trip.
  std::vector<int> out;
  for (int mi : people_) {
    const PersonMention& p = m_.people[mi];
    if (p.first >= t.first) break;
    int b = HeadStart(p) - 1;
    if (b >= s_.first && IsPreposition(toks[b].norm)) continue;
    if (Reporter(p, t)) continue;
    if (!out.empty()) {
      // Coordinated subjects: "X and Y travelled".
      const PersonMention& prev = m_.people[out.back()];
      if (b >= s_.first && toks[b].norm == "and" && b - 1 >= s_.first &&
          (b - 1 < prev.last + 1)) {
        out.push_back(mi);
      }
      continue;
    }
    out.push_back(mi);
  }
  return out;
}

void SentenceEvents::Visit(const Trigger& t, std::vector<DraftEvent>* out) {
  std::vector<int> travellers = Travellers(t);
  if (travellers.empty()) return;
  std::vector<PlaceSpan> places;
  if (t.place_from >= 0) places = PlacesAt(doc_, m_, t.place_from + 1, s_.last);
  if (places.empty() && t.first - 1 >= s_.first) {
    int a = m_.actor_at[t.first - 1];
    if (a >= 0 && (m_.actors[a].kind == GazKind::kState ||
                   m_.actors[a].kind == GazKind::kMetonym)) {
      PlaceSpan p;
      p.name = std::string(doc_.Span(m_.actors[a].first, m_.actors[a].last));
      places.push_back(p);
    }
  }
  if (places.empty() && t.place_from >= 0) {
    // "visited Ukrainian President Volodymyr Zelensky in Kyiv".
    places = PlaceAfterPreposition(doc_, m_, t.last, s_.last);
  }
  DraftEvent base;
  base.trigger = t;
  base.mode = "visit";
  base.factuality = ReadFactuality(doc_, s_, t);
  base.people_rule = "traveller";
  for (int mi : travellers) base.entities.push_back(m_.people[mi].entity);
  if (places.empty()) return;
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
  return SentenceEvents(doc, sentence_index, mentions, entities).Run();
}

}  // namespace newsgraph
