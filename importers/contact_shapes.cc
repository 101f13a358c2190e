// Shapes of contact sentences, for SentenceEvents (internal/sentence_events.h):
// gapped objects with places of their own, unnamed counterparts, an
// opening phrase that is the setting of the main clause's contact, the
// medium of a contact ("by video link"), and a summit that is only the
// setting of another contact ("on the sidelines of the summit").
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "importers/arguments.h"
#include "importers/internal/sentence_events.h"
#include "importers/events.h"
#include "importers/places.h"

namespace newsgraph::internal {

std::vector<std::pair<int, PlaceSpan>> SentenceEvents::GappedObjects(int first_object) const {
  // Each object, its "in/at <place>", a date phrase, then "and" and the next.
  std::vector<std::pair<int, PlaceSpan>> out;
  int mi = first_object;
  while (mi >= 0) {
    const int k = HeadEnd(m_.people[mi]);
    if (k + 1 >= s_.last || !IsOneOf(doc_.tokens[k].norm, {"in", "at"})) break;
    std::vector<PlaceSpan> p = PlacesAt(doc_, m_, k + 1, s_.last);
    if (p.size() != 1) break;
    out.emplace_back(mi, p[0]);
    int j = p[0].last;
    while (j < s_.last && j < p[0].last + 6 && doc_.tokens[j].norm != "and" &&
           (doc_.tokens[j].word || doc_.tokens[j].norm == ",") && m_.person_at[j] < 0) {
      ++j;
    }
    mi = -1;
    if (j + 1 < s_.last && doc_.tokens[j].norm == "and") {
      const int next = m_.person_at[j + 1];
      if (next >= 0 && m_.people[next].entity >= 0) mi = next;
    }
  }
  if (out.size() < 2) out.clear();
  return out;
}

bool SentenceEvents::UnnamedCounterparts(int from) const {
  // "counterparts", "Japanese and South Korean counterparts": demonyms and
  // their coordination before the noun, no name after it.
  for (int k = from; k < s_.last && k < from + 8; ++k) {
    const Token& t = doc_.tokens[k];
    if (t.norm == "counterpart" || t.norm == "counterparts") {
      return k + 1 >= s_.last || !doc_.tokens[k + 1].cap || m_.person_at[k + 1] < 0;
    }
    const bool demonym = m_.actor_at[k] >= 0;
    if (!demonym && !IsOneOf(t.norm, {"and", ",", "-"})) return false;
  }
  return false;
}

void SentenceEvents::FoldOpeningSetting(std::vector<DraftEvent>* out) const {
  const auto& toks = doc_.tokens;
  if (!IsOneOf(toks[s_.first].norm, {"at", "during", "on", "in"})) return;
  int comma = s_.first;
  while (comma < s_.last && toks[comma].norm != ",") ++comma;
  if (comma == s_.last) return;
  auto setting = out->end();
  auto contact = out->end();
  for (auto it = out->begin(); it != out->end(); ++it) {
    if (it->mode == "visit") continue;
    if (!it->trigger.verb && it->trigger.last <= comma && setting == out->end()) setting = it;
    if (it->trigger.verb && it->trigger.first > comma && contact == out->end()) contact = it;
  }
  // Only the main clause's own verb: not one inside "told X that ... host
  // talks".
  for (int k = comma + 1; contact != out->end() && k < contact->trigger.first; ++k) {
    const std::string& w = doc_.tokens[k].norm;
    if (IsClauseBoundary(w) || IsReportingVerb(w) || w == "to") contact = out->end();
  }
  if (setting == out->end() || contact == out->end()) return;
  for (int e : setting->entities) {
    if (std::find(contact->entities.begin(), contact->entities.end(), e) == contact->entities.end()) {
      contact->entities.push_back(e);
    }
  }
  if (contact->place.empty()) {
    contact->place = setting->place;
    contact->place_state = setting->place_state;
  }
  if (contact->mode == "phone") contact->mode = "in-person";
  contact->people_rule += ",opening-setting";
  out->erase(setting);
}

void SentenceEvents::ListedInstances(std::vector<DraftEvent>* out) const {
  const auto& t = doc_.tokens;
  for (const DraftEvent& head : std::vector<DraftEvent>(*out)) {
    const Trigger& h = head.trigger;
    if (head.mode == "visit" || h.verb || head.entities.size() < 2 ||
        !IsOneOf(t[h.last - 1].norm, {"meetings", "talks", "calls", "conversations", "summits"})) {
      continue;
    }
    int k = h.last;
    if (k < s_.last && t[k].norm == ",") ++k;
    if (k >= s_.last || t[k].norm != "including") continue;
    for (DraftEvent& d : *out) {
      if (d.mode == "visit" || d.trigger.verb || d.trigger.first <= k || d.entities.size() >= 2) {
        continue;
      }
      for (int e : head.entities) {
        if (std::find(d.entities.begin(), d.entities.end(), e) == d.entities.end()) {
          d.entities.push_back(e);
        }
      }
      d.people_rule += ",listed-instance";
    }
  }
}

void SentenceEvents::TalkDuringOwnVisit(std::vector<DraftEvent>* out) const {
  // Only "during his visit", "on her trip": the visit frames the talk.
  auto frames_talk = [&](const DraftEvent& v) {
    const int k = v.trigger.first;
    return v.mode == "visit" && k - 2 >= s_.first &&
           IsOneOf(doc_.tokens[k - 2].norm, {"during", "on", "throughout"}) &&
           IsOneOf(doc_.tokens[k - 1].norm, {"his", "her", "their", "the"});
  };
  auto shares_person = [](const DraftEvent& a, const DraftEvent& b) {
    return std::any_of(a.entities.begin(), a.entities.end(), [&](int e) {
      return std::find(b.entities.begin(), b.entities.end(), e) != b.entities.end();
    });
  };
  for (DraftEvent& d : *out) {
    if (d.mode != "phone" || !IsOneOf(doc_.tokens[d.trigger.first].norm,
                                      {"conversation", "conversations", "talk"})) {
      continue;
    }
    for (const DraftEvent& v : *out) {
      if (frames_talk(v) && shares_person(v, d)) d.mode = "in-person";
    }
  }
}

void SentenceEvents::FoldAgentNouns(ContactSlots* slots) const {
  // "A met B for a meeting chaired by C": a noun whose only person is
  // introduced by "by" names the same contact as the trigger before it.
  for (size_t g = 1; g < slots->size(); ++g) {
    ContactSlot& noun = (*slots)[g];
    std::vector<int> all = noun.objects;
    all.insert(all.end(), noun.loose.begin(), noun.loose.end());
    // "held talks in a meeting hosted by C": a host verb's participle after
    // the noun stands for the noun, and the contact is the one before both.
    const bool host_participle = noun.trigger->verb && g >= 2 &&
                                 IsHostVerb(doc_.tokens[noun.trigger->first].norm) &&
                                 !(*slots)[g - 1].trigger->verb &&
                                 (*slots)[g - 1].trigger->last == noun.trigger->first &&
                                 noun.trigger->last < s_.last &&
                                 doc_.tokens[noun.trigger->last].norm == "by";
    if ((noun.trigger->verb && !host_participle) || all.empty() || !noun.subjects.empty()) {
      continue;
    }
    const int b = Start(all[0]) - 1;
    if (b < s_.first || doc_.tokens[b].norm != "by") continue;
    for (size_t h = host_participle ? g - 1 : g; h-- > 0;) {
      ContactSlot& before = (*slots)[h];
      if (Family(before.mode) != Family(noun.mode)) continue;
      if (before.subjects.empty() && before.objects.empty()) continue;
      before.objects.insert(before.objects.end(), all.begin(), all.end());
      noun.objects.clear();
      noun.loose.clear();
      if (noun.mode == "summit" || noun.mode == "video") before.mode = noun.mode;
      break;
    }
  }
}

void SentenceEvents::FoldLightVerbNouns(ContactSlots* slots) const {
  // "convened a meeting", "hosted talks": the noun is the verb's own event.
  for (size_t g = 1; g < slots->size(); ++g) {
    ContactSlot& verb = (*slots)[g - 1];
    ContactSlot& noun = (*slots)[g];
    const Trigger* v = verb.trigger;
    const Trigger* t = noun.trigger;
    // "convened a call", "hosted a video conference": the verb convenes the
    // noun's contact, whatever its mode.
    const bool convening = IsOneOf(doc_.tokens[v->first].norm,
                                   {"convened", "convenes", "convene", "hosted", "hosts", "host",
                                    "hosting", "chaired", "chairs", "chairing"});
    if (t->verb || !v->verb || (Family(noun.mode) != Family(verb.mode) && !convening) ||
        t->first - v->last > 3) {
      continue;
    }
    bool adjacent = true;
    for (int k = v->last; k < t->first; ++k) {
      adjacent &= doc_.tokens[k].word && !doc_.tokens[k].cap;
    }
    if (!adjacent) continue;
    verb.objects.insert(verb.objects.end(), noun.objects.begin(), noun.objects.end());
    verb.loose.insert(verb.loose.end(), noun.loose.begin(), noun.loose.end());
    if (noun.mode == "summit" || noun.mode == "video" || convening) verb.mode = noun.mode;
    noun.folded = true;
    // "convened a meeting with A, B and C": one meeting, whatever the states.
    verb.one_event = doc_.tokens[t->first].norm != "meetings";
  }
}

void SentenceEvents::FoldMediumPhrases(ContactSlots* slots) const {
  // "held talks with X by video link", "spoke with X over the phone": the
  // call noun after "by"/"via"/"over" is the medium of the contact before it.
  for (size_t g = 1; g < slots->size(); ++g) {
    ContactSlot& noun = (*slots)[g];
    ContactSlot& before = (*slots)[g - 1];
    const Trigger& t = *noun.trigger;
    if (t.verb || (noun.mode != "video" && noun.mode != "phone") || before.folded) continue;
    int k = t.first - 1;
    while (k > before.trigger->last && IsOneOf(doc_.tokens[k].norm, {"a", "the"})) --k;
    if (k < before.trigger->last || !IsOneOf(doc_.tokens[k].norm, {"by", "via", "over"})) {
      continue;
    }
    bool same_clause = t.first - before.trigger->last <= 14;
    for (int j = before.trigger->last; same_clause && j < k; ++j) {
      same_clause = !IsClauseBoundary(doc_.tokens[j].norm);
    }
    if (!same_clause) continue;
    before.mode = noun.mode;
    // "held talks by videoconference with X": the partner phrase hangs
    // from the medium.
    for (int mi : noun.objects) AddOnce(&before.objects, mi);
    for (int mi : noun.loose) AddOnce(&before.loose, mi);
    noun.folded = true;
  }
}

void SentenceEvents::FoldSummitSettings(ContactSlots* slots) const {
  // "met X on the sidelines of the summit": the summit is the setting of
  // another contact, not a contact of the same people; "talked with X" there
  // was face to face.
  if (slots->size() < 2) return;
  for (ContactSlot& slot : *slots) {
    if (slot.trigger->verb || slot.mode != "summit" || !SettingOfAnother(*slot.trigger)) continue;
    slot.folded = true;
    for (ContactSlot& other : *slots) {
      if (other.trigger->rule == "verb:spoke-with") other.mode = "in-person";
    }
  }
}

bool SentenceEvents::SettingOfAnother(const Trigger& t) const {
  // "before the summit", "after the summit": another time than the contact.
  int d = t.first - 1;
  while (d >= s_.first && d >= t.first - 3 && IsOneOf(doc_.tokens[d].norm, {"the", "this", "a"})) {
    --d;
  }
  if (d >= s_.first && IsOneOf(doc_.tokens[d].norm, {"before", "after"})) return true;
  // "on the sidelines of", "on the margins of", "ahead of", "on the eve of".
  int k = t.first - 1;
  while (k >= s_.first && k >= t.first - 6 && doc_.tokens[k].norm != "of") --k;
  if (k - 1 < s_.first || doc_.tokens[k].norm != "of") return false;
  return IsOneOf(doc_.tokens[k - 1].norm,
                 {"sidelines", "margins", "sideline", "margin", "ahead", "eve", "side"});
}

}  // namespace newsgraph::internal
