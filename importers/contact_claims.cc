// Who takes part in each contact of a sentence, stage by stage, for
// SentenceEvents::Contacts (internal/sentence_events.h). Each stage claims
// person mentions for the contact triggers; a mention claimed by an earlier,
// more certain stage is not claimed again: the grammar first (objects after
// the trigger, subjects before it), then the clause a noun in a phrase
// belongs to, then proximity, then the subjects of participle clauses, and
// last the parse, which may add people and remove bystanders.
#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"

#include "importers/arguments.h"
#include "importers/coref.h"
#include "importers/group_references.h"
#include "importers/titles.h"
#include "importers/internal/sentence_events.h"

namespace newsgraph::internal {

bool SentenceEvents::Claimable(int mi, const ContactSlot& slot, const Claimed& claimed) const {
  if (claimed.contains(mi)) return false;
  // "X said at a news conference alongside Y": the speaker stood there.
  return doc_.tokens[slot.trigger->first].norm == "alongside" || !Reporter(mi, *slot.trigger);
}

void SentenceEvents::ClaimObjects(size_t g, ContactSlots* slots, Claimed* claimed) const {
  ContactSlot& slot = (*slots)[g];
  const Trigger* t = slot.trigger;
  const int next = g + 1 < slots->size() ? (*slots)[g + 1].trigger->first : s_.last;
  // "Having spoken with X by phone, Y said": the name after the comma that
  // closes a fronted phrase is the clause's subject, not an object.
  const int fronted_subject = FrontedSubject(*t);
  for (size_t k = 0; k < people_.size(); ++k) {
    const PersonMention& p = m_.people[people_[k]];
    if (p.first < t->last) continue;
    if (p.first >= next ||
        !(ObjectGap(doc_, m_, t->last, Start(people_[k])) ||
          (!t->verb && AgentGap(doc_, t->last, Start(people_[k])))) ||
        !Claimable(people_[k], slot, *claimed) || people_[k] == fronted_subject ||
        PossessorOfOther(people_[k])) {
      return;
    }
    // "between A and B, C and D agreed": a "between" list ends with the
    // conjunct after its "and".
    const bool between = BetweenPhrase(*t);
    for (size_t j = k; j < people_.size() && m_.people[people_[j]].first < next &&
                       (j == k || Coordinated(people_[j - 1], people_[j]) ||
                        IncludedAfter(doc_, s_, m_, people_[j - 1], people_[j]) ||
                        DescribedConjunct(doc_, s_, m_, people_[j - 1], people_[j]));
         ++j) {
      // "Following talks with X, Y flew home": the comma closes the phrase.
      if (!Claimable(people_[j], slot, *claimed) || people_[j] == fronted_subject) break;
      claimed->insert(people_[j]);
      slot.objects.push_back(people_[j]);
      bool joined_by_and = false;
      for (int q = j > k ? HeadEnd(m_.people[people_[j - 1]]) : 0; j > k && q < Start(people_[j]);
           ++q) {
        joined_by_and |= doc_.tokens[q].norm == "and";
      }
      if (between && joined_by_and) break;
    }
    return;
  }
}

void SentenceEvents::ClaimSubjects(size_t g, ContactSlots* slots, Claimed* claimed) const {
  ContactSlot& slot = (*slots)[g];
  const Trigger* t = slot.trigger;
  const int prev = g > 0 ? (*slots)[g - 1].trigger->last : s_.first;
  const int vs = VerbStart(*t);
  // "X, whose predecessor courted Y, met Z": the subject stands before the
  // relative clause that closes right before the verb.
  const int relative_comma = vs > prev ? RelativeClauseBefore(doc_, prev, vs) : -1;
  const int before = relative_comma >= 0 ? relative_comma : t->first;
  for (size_t k = people_.size(); k-- > 0;) {
    const PersonMention& p = m_.people[people_[k]];
    if (p.last > before) continue;
    if (p.first < prev) return;
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
      // "X flew to Oslo at the request of Y and met Z": the verb phrase after
      // "and" is X's, not that of the person the phrase before it names.
      if (doc_.tokens[end].norm == "and" && PrepositionalObject(doc_, m_, p, prev)) continue;
      ok = relative_comma >= 0 ? SubjectBeforeRelative(doc_, end, relative_comma)
                               : SubjectGap(doc_, end, vs) || CoordinatedVerb(end, vs);
    }
    if (!ok || !Claimable(people_[k], slot, *claimed)) return;
    claimed->insert(people_[k]);
    slot.subjects.push_back(people_[k]);
    for (size_t j = k; j-- > 0 && m_.people[people_[j]].first >= prev &&
                       Coordinated(people_[j], people_[j + 1]);) {
      if (!Claimable(people_[j], slot, *claimed)) break;
      claimed->insert(people_[j]);
      slot.subjects.push_back(people_[j]);
    }
    AddPronounConjunct(&slot);
    return;
  }
}

void SentenceEvents::AddPronounConjunct(ContactSlot* slot) const {
  // "He and Germany's chancellor, X, held talks": a pronoun opening the
  // clause, coordinated to the subject, is the person named before.
  const int first = Start(slot->subjects.back());  // the leftmost conjunct
  const int pronoun = first - 2;
  if (pronoun < s_.first || doc_.tokens[first - 1].norm != "and" ||
      !IsOneOf(doc_.tokens[pronoun].norm, {"he", "she"}) ||
      (pronoun > s_.first && doc_.tokens[pronoun - 1].word)) {
    return;
  }
  const int mi = PronounAntecedent(doc_, m_, pronoun, slot->subjects);
  if (mi >= 0) slot->subjects.push_back(mi);
}

void SentenceEvents::ClaimSceneClause(size_t g, ContactSlots* slots, Claimed* claimed) const {
  // "X thanked Y ... at a meeting", "pressed Y at a summit", "during talks
  // with Y", "relayed it to Y in a phone call": a noun in a prepositional
  // phrase takes the people of its clause.
  ContactSlot& slot = (*slots)[g];
  const Trigger* t = slot.trigger;
  if (t->verb || !slot.subjects.empty()) return;
  auto opens = [&](int k) {
    const std::string& w = doc_.tokens[k].norm;
    // "relayed it to Y in a phone call", "in a meeting on Saturday".
    const bool meeting = IsOneOf(doc_.tokens[t->first].norm, {"meeting", "meetings"});
    return w == "at" || w == "during" ||
           (w == "in" && (t->mode == "phone" || t->mode == "video" || meeting));
  };
  // A summit's name and date may stand between: "at the June 2022 Arctic
  // Four Summit".
  const bool summit = t->mode == "summit";
  auto modifier = [&](int k) {
    const Token& tok = doc_.tokens[k];
    return tok.word && (!tok.cap || summit) && !opens(k);
  };
  int k = t->first - 1;
  while (k >= s_.first && k >= t->first - (summit ? 6 : 4) && modifier(k)) --k;
  if (k < s_.first || !opens(k)) return;
  const int prev = g > 0 ? (*slots)[g - 1].trigger->last : s_.first;
  int start = prev;
  for (int q = k - 1; q >= prev; --q) {
    if (IsClauseBoundary(doc_.tokens[q].norm) && !ScareQuote(doc_, s_, q)) {
      start = q + 1;
      break;
    }
  }
  // "committed to achieve outcomes at the COP Summit": a summit an
  // infinitive aims at is a goal, not a scene of the clause.
  for (int q = start; summit && q < k; ++q) {
    if (doc_.tokens[q].norm == "to") return;
  }
  for (int mi : people_) {
    const PersonMention& p = m_.people[mi];
    if (p.first < start || p.last > k || !Claimable(mi, slot, *claimed)) continue;
    claimed->insert(mi);
    slot.subjects.push_back(mi);
  }
}

void SentenceEvents::ClaimWhereClause(ContactSlot* slot, Claimed* claimed) const {
  // "joined a call with House Democrats, where X pressed him": the people
  // the relative clause names were in the contact.
  const Trigger& t = *slot->trigger;
  if (t.verb) return;
  int k = t.last;
  while (k + 1 < s_.last && k < t.last + 8 && doc_.tokens[k].norm != ",") ++k;
  if (k + 1 >= s_.last || doc_.tokens[k].norm != "," || doc_.tokens[k + 1].norm != "where") {
    return;
  }
  int end = k + 2;
  while (end < s_.last && !IsOneOf(doc_.tokens[end].norm, {",", ";", "."})) ++end;
  for (int mi : people_) {
    const PersonMention& p = m_.people[mi];
    if (p.first <= k + 1 || p.last > end || !Claimable(mi, *slot, *claimed)) continue;
    claimed->insert(mi);
    slot->objects.push_back(mi);
  }
}

void SentenceEvents::ClaimNearby(ContactSlots* slots, const Claimed& claimed) const {
  // The people no grammar rule placed join the nearest trigger within a few
  // words that is not a mere back-reference.
  for (int mi : people_) {
    if (claimed.contains(mi) || PossessorOfOther(mi)) continue;
    const PersonMention& p = m_.people[mi];
    int best = -1;
    int best_d = 7;
    for (size_t g = 0; g < slots->size(); ++g) {
      const Trigger* t = (*slots)[g].trigger;
      if (Anaphoric(*t)) continue;
      // "the meeting between A and B, C ...": its own phrase named both.
      if (BetweenPhrase(*t) && (*slots)[g].objects.size() >= 2) {
        continue;
      }
      // "X praised Y's meeting with Z": the possessor is the meeting's
      // subject, and whoever stands before it is not.
      if (!t->verb && p.last <= t->first && Possessed(*t, p)) continue;
      const int d = p.last <= t->first ? t->first - HeadEnd(p) : Start(mi) - t->last;
      if (d >= 0 && d < best_d) {
        best_d = d;
        best = static_cast<int>(g);
      }
    }
    if (best >= 0 && !Reporter(mi, *(*slots)[best].trigger)) (*slots)[best].loose.push_back(mi);
  }
}

void SentenceEvents::ClaimTheirPair(ContactSlot* slot) const {
  // "their first face-to-face talks": the plural possessive names the
  // pair (the parse, where it finds anyone, says who).
  const Trigger& t = *slot->trigger;
  for (int k = t.first - 1; !t.verb && k >= s_.first && k >= t.first - 6; --k) {
    const Token& tok = doc_.tokens[k];
    if (tok.norm == "their") {
      slot->plural = k;
      slot->loose.clear();
      return;
    }
    // "their participation in the summit": their noun is another ("their
    // in-person meeting" is theirs).
    const bool compound = k + 1 < t.first && doc_.tokens[k + 1].norm == "-";
    if (tok.cap || (!tok.word && tok.norm != "-") ||
        (!compound && (IsPreposition(tok.norm) || tok.norm == "in"))) {
      return;
    }
  }
}

void SentenceEvents::ClaimFrontedSubject(size_t g, ContactSlots* slots, Claimed* claimed) const {
  ContactSlot& slot = (*slots)[g];
  const int fs = FrontedSubject(*slot.trigger);
  if (fs < 0) return;

  const bool own = std::find(slot.objects.begin(), slot.objects.end(), fs) != slot.objects.end();
  if (!own && claimed->contains(fs)) return;
  // "Following the meeting between A and B, C and D agreed": a contact
  // whose own phrase names both sides leaves the clause's subject out.
  if (!own && !slot.trigger->verb && slot.objects.size() >= 2 && BetweenPhrase(*slot.trigger)) {
    return;
  }
  if (!own) {
    claimed->insert(fs);
    slot.subjects.push_back(fs);
    // "In their first meeting, X and Y sat down": the subject's conjuncts.
    auto at = std::find(people_.begin(), people_.end(), fs);
    for (auto next = at + 1; at != people_.end() && next != people_.end() &&
                             Coordinated(*(next - 1), *next) &&
                             Claimable(*next, slot, *claimed);
         ++next) {
      claimed->insert(*next);
      slot.subjects.push_back(*next);
    }
  }
  // "In a phone call, X told Y that ...": the one addressed took part.
  const int verb = HeadEnd(m_.people[fs]);
  if (slot.trigger->verb || verb + 1 >= s_.last ||
      !IsOneOf(doc_.tokens[verb].norm, {"told", "urged", "asked", "assured", "thanked", "warned",
                                        "briefed", "congratulated", "informed", "reassured",
                                        "pressed"})) {
    return;
  }
  const int addressed = m_.person_at[verb + 1];
  if (addressed < 0 || m_.people[addressed].first != verb + 1 ||
      std::find(people_.begin(), people_.end(), addressed) == people_.end()) {
    return;
  }
  // The main clause's object, whatever a later clause's trigger took.
  for (ContactSlot& other : *slots) {
    for (auto* v : {&other.subjects, &other.objects, &other.loose}) {
      v->erase(std::remove(v->begin(), v->end(), addressed), v->end());
    }
  }
  claimed->insert(addressed);
  slot.objects.push_back(addressed);
}

void SentenceEvents::ApplyParse(ContactSlot* slot) const {
  // The people the parse attaches to the trigger join it, and the people it
  // puts in another clause leave the rules' subjects (once it found one)
  // and the people near the word.
  Parsed pa;
  ParseArguments(*slot->trigger, &pa, slot->subjects);

  auto has = [&](const std::vector<int>& v, int mi) { return HasEntity(v, m_.people[mi].entity); };
  auto elsewhere = [&](int mi) { return InOtherClause(mi, *slot->trigger); };
  if (!pa.subjects.empty()) {
    // "at the request of X and held talks": a rule's subject the parse puts
    // in another role is no participant.
    auto& subj = slot->subjects;
    subj.erase(std::remove_if(subj.begin(), subj.end(),
                              [&](int mi) { return !has(pa.subjects, mi) && elsewhere(mi); }),
               subj.end());
  }
  for (int mi : pa.subjects) {
    if (!has(slot->subjects, mi) && !has(slot->objects, mi)) slot->subjects.push_back(mi);
  }
  for (int mi : pa.objects) {
    if (!has(slot->subjects, mi) && !has(slot->objects, mi)) slot->objects.push_back(mi);
  }
  slot->loose.erase(std::remove_if(slot->loose.begin(), slot->loose.end(), elsewhere),
                    slot->loose.end());
  slot->parse_how = pa.how;
  // A parse that found no one keeps the rules' "their" ("according to a
  // readout of their meeting", where the parse went astray).
  const bool their = slot->plural >= 0 && doc_.tokens[slot->plural].norm == "their";
  if (!pa.how.empty() || !their) slot->plural = pa.plural;
  slot->group = pa.group;
  // "The delegation also met with religious leaders": no one named on the
  // other side, no contact.
  if (pa.group_one_side && slot->objects.empty()) slot->group.clear();
}

void SentenceEvents::ClaimPeople(ContactSlots* slots) const {
  Claimed claimed;
  for (size_t g = 0; g < slots->size(); ++g) {
    ClaimObjects(g, slots, &claimed);
    ClaimSubjects(g, slots, &claimed);
  }
  for (size_t g = 0; g < slots->size(); ++g) ClaimSceneClause(g, slots, &claimed);
  for (ContactSlot& slot : *slots) ClaimWhereClause(&slot, &claimed);
  ClaimNearby(slots, claimed);
  for (ContactSlot& slot : *slots) ClaimTheirPair(&slot);
  for (ContactSlot& slot : *slots) {
    const int ts = TrailingParticipleSubject(*slot.trigger);
    if (ts >= 0 && !claimed.contains(ts) && slot.subjects.empty()) {
      claimed.insert(ts);
      slot.subjects.push_back(ts);
    }
  }
  for (size_t g = 0; g < slots->size(); ++g) ClaimFrontedSubject(g, slots, &claimed);
  for (ContactSlot& slot : *slots) {
    ClaimGroupObject(&slot);
    if (parse_ != nullptr) ApplyParse(&slot);
    KeepOnlyTheOneTold(&slot);
  }
}

void SentenceEvents::ClaimGroupObject(ContactSlot* slot) const {
  const Trigger& t = *slot->trigger;
  // A verb's object, or a noun's "with" phrase ("talks with the ...").
  const bool noun_with = t.last < s_.last && doc_.tokens[t.last].norm == "with";
  if (slot->subjects.empty() || !slot->objects.empty() || !slot->loose.empty() ||
      !slot->group.empty() || (!t.verb && !noun_with)) {
    return;
  }
  // The phrase's words before its noun: determiners, adjectives, "a group
  // of", "African"; no name, no clause.
  for (int k = t.last; k < s_.last && k <= t.last + 6; ++k) {
    const Token& tok = doc_.tokens[k];
    // "Finnish and South Korean leaders": an "and" between modifiers.
    if (!tok.word || m_.person_at[k] >= 0 || (IsClauseBoundary(tok.norm) && tok.norm != "and")) {
      return;
    }
    if (!IsGroupNoun(tok.norm)) continue;
    // Only "counterparts" take the subject's office; "leaders" name their own.
    const int e = m_.people[slot->subjects[0]].entity;
    const bool counterparts = tok.norm == "counterparts";
    const std::string role = e >= 0 && counterparts ? RoleNear(m_, entities_[e], k) : "";
    // "met the visiting ministers": guests, so none of the host's state.
    const std::string host = IsVisitingGroup(doc_, k) && e >= 0 ? entities_[e].state : "";
    for (int g : ResolveGroup(doc_, m_, entities_, k, role).entities) {
      if (host.empty() || entities_[g].state != host) AddOnce(&slot->group, g);
    }
    return;
  }
}

bool SentenceEvents::TellsAnOfficial(const Trigger& t) const {
  // "told Hart", "told the president": a person of office right after the
  // verb. "told reporters", "told CNN's anchor Y" are interviews. A
  // pronoun ("told him") is left to the parse.
  if (IsOneOf(doc_.tokens[t.last].norm, {"him", "her"})) return true;
  for (int mi : people_) {
    const PersonMention& p = m_.people[mi];
    if (Start(mi) != t.last || PossessorOfOther(mi) || p.entity < 0) continue;
    const Entity& e = entities_[p.entity];
    if (!e.kb_key.empty()) return true;
    for (int other : e.mentions) {
      const std::string& role = m_.people[other].role;
      const size_t space = role.rfind(' ');
      if (!role.empty() && IsTitleHead(absl::AsciiStrToLower(space == std::string::npos ? role
                                                                         : role.substr(space + 1)))) {
        return true;
      }
    }
  }
  return false;
}

void SentenceEvents::KeepOnlyTheOneTold(ContactSlot* slot) const {
  // Anyone named after the one told is what was said ("told the president
  // that Z could not win"), and "told CNN's Y" is an interview: whom the
  // verb's own object does not name took no part.
  if (slot->trigger->rule != "verb:told") return;
  const int after = slot->trigger->last;
  const bool pronoun = IsOneOf(doc_.tokens[after].norm, {"him", "her"});
  std::vector<int> told;
  for (const std::vector<int>* list : {&slot->objects, &slot->loose}) {
    for (int mi : *list) {
      // The pronoun's antecedent, which the parse found, is named before.
      const bool named_here = pronoun ? m_.people[mi].first < slot->trigger->first
                                      : Start(mi) == after && !PossessorOfOther(mi);
      if (named_here) AddOnce(&told, mi);
    }
  }
  slot->objects = told;
  slot->loose.clear();
  slot->group.clear();
  slot->plural = -1;
  if (told.empty()) slot->subjects.clear();
}

}  // namespace newsgraph::internal
