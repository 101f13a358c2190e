// The reading of one sentence's events, shared by events.cc (the contacts
// and visits of the sentence) and sentence_people.cc (who a trigger's
// people are: the parse's arguments, references standing for people,
// bystanders). Not part of the importer's interface.
#ifndef NEWSGRAPH_IMPORTERS_INTERNAL_SENTENCE_EVENTS_H_
#define NEWSGRAPH_IMPORTERS_INTERNAL_SENTENCE_EVENTS_H_

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "importers/arguments.h"
#include "importers/events.h"
#include "importers/internal/event_merge.h"
#include "importers/places.h"

namespace newsgraph::internal {

// Appends `x` to `v` unless it is there already.
inline void AddOnce(std::vector<int>* v, int x) {
  if (std::find(v->begin(), v->end(), x) == v->end()) v->push_back(x);
}

// Verbs of a host receiving guests: "hosted", "welcomed", "convened".
inline bool IsHostVerb(const std::string& w) {
  return IsOneOf(w, {"host", "hosts", "hosted", "hosting", "greet", "greets", "greeted",
                     "alongside", "convened", "convenes", "convene", "welcomed", "welcomes",
                     "welcome", "welcoming"});
}

// Verbs of joining people already gathered, or of gathering with them:
// "joined A and B for talks", "huddled with A and B", "gathered with A and
// B", "brought together A and B".
inline bool IsGatheringVerb(const std::string& w) {
  return IsOneOf(w, {"join", "joins", "joined", "joining", "huddle", "huddles", "huddled",
                     "gathered", "gather", "gathers", "brought", "brings", "bring", "bringing"});
}

class SentenceEvents {
 public:
  SentenceEvents(const Document& doc, int si, const Mentions& m, const std::vector<Entity>& e,
                 const SentenceParse* parse)
      : doc_(doc), s_(doc.sentences[si]), m_(m), entities_(e),
        parse_(parse != nullptr && parse->ok() ? parse : nullptr) {
    for (size_t i = 0; i < m.people.size(); ++i) {
      const PersonMention& p = m.people[i];
      if (p.first >= s_.first && p.last <= s_.last && p.entity >= 0) {
        people_.push_back(static_cast<int>(i));
      }
    }
  }

  std::vector<DraftEvent> Run();

 private:
  // Whether one of the person mentions `mentions` is of entity `entity`.
  bool HasEntity(const std::vector<int>& mentions, int entity) const {
    for (int mi : mentions) {
      if (m_.people[mi].entity == entity) return true;
    }
    return false;
  }
  int Start(int mi) const { return HeadStart(doc_, s_, m_, m_.people[mi]); }
  // "the meeting between A and B": the trigger's own partner list follows.
  bool BetweenPhrase(const Trigger& t) const {
    return t.last < s_.last && doc_.tokens[t.last].norm == "between";
  }
  bool Reporter(int mi, const Trigger& t) const {
    return IsReporter(doc_, s_, m_, m_.people[mi], t);
  }
  bool Anaphoric(const Trigger& t) const { return IsAnaphoric(doc_, s_, t); }
  bool Coordinated(int left_mi, int right_mi) const {
    return newsgraph::Coordinated(doc_, s_, m_, left_mi, right_mi);
  }
  int PronounSubject(const Trigger& t, const std::vector<int>& exclude) const {
    return newsgraph::PronounSubject(doc_, s_, m_, t, exclude);
  }
  int VerbStart(const Trigger& t) const { return newsgraph::VerbStart(doc_, s_, t); }
  bool CoordinatedVerb(int from, int to) const {
    return newsgraph::CoordinatedVerb(doc_, m_, from, to);
  }
  // What the stages of Contacts read for one contact trigger.
  struct ContactSlot {
    const Trigger* trigger = nullptr;
    std::vector<int> subjects;  // person mentions, by the grammar or the parse
    std::vector<int> objects;
    std::vector<int> loose;     // placed by proximity only
    std::vector<int> group;     // entities a group phrase stands for
    std::string parse_how;      // the parse's steps; "" without one
    int plural = -1;            // token of "their", "the two leaders"
    std::string mode;
    bool folded = false;     // read into another contact's slot
    bool one_event = false;  // "convened a meeting with A, B and C": one, whatever the states
  };
  using ContactSlots = std::vector<ContactSlot>;
  using Claimed = absl::flat_hash_set<int>;  // person mentions a stage took

  // The contacts of the sentence: people claimed (contact_claims.cc), slots
  // folded into each other (contact_shapes.cc), then one or more drafts per
  // slot.
  void Contacts(const std::vector<Trigger>& triggers, std::vector<DraftEvent>* out);
  bool Claimable(int mi, const ContactSlot& slot, const Claimed& claimed) const;
  // The claiming stages, most certain first.
  void ClaimPeople(ContactSlots* slots) const;
  void ClaimObjects(size_t g, ContactSlots* slots, Claimed* claimed) const;
  void ClaimSubjects(size_t g, ContactSlots* slots, Claimed* claimed) const;
  void ClaimSceneClause(size_t g, ContactSlots* slots, Claimed* claimed) const;
  void ClaimWhereClause(ContactSlot* slot, Claimed* claimed) const;
  void ClaimNearby(ContactSlots* slots, const Claimed& claimed) const;
  void ClaimTheirPair(ContactSlot* slot) const;
  // "met (with) the visiting defence ministers", "will host a group of
  // African leaders": a group phrase as the only object stands for the
  // people of the article it names (ResolveGroup).
  void ClaimGroupObject(ContactSlot* slot) const;
  void ClaimFrontedSubject(size_t g, ContactSlots* slots, Claimed* claimed) const;
  void ApplyParse(ContactSlot* slot) const;
  // "He and X held talks": the pronoun's antecedent joins the subjects.
  void AddPronounConjunct(ContactSlot* slot) const;
  // "X told Y that ...": only the person right after the verb was told.
  void KeepOnlyTheOneTold(ContactSlot* slot) const;
  // Whether a "told" trigger's object is a person holding an office.
  bool TellsAnOfficial(const Trigger& t) const;
  // Folds: a slot whose contact is another's ("a meeting chaired by C",
  // "convened a meeting", "by video link", "on the sidelines of the summit").
  void FoldAgentNouns(ContactSlots* slots) const;
  void FoldLightVerbNouns(ContactSlots* slots) const;
  void FoldMediumPhrases(ContactSlots* slots) const;
  void FoldSummitSettings(ContactSlots* slots) const;
  // The drafts of one slot.
  void EmitContact(const ContactSlot& slot, std::vector<DraftEvent>* out);
  std::vector<int> ContactSubjects(const ContactSlot& slot) const;
  std::vector<PlaceSpan> ContactPlace(const Trigger& t) const;
  DraftEvent BaseDraft(const ContactSlot& slot, const std::vector<PlaceSpan>& place) const;
  void AddPerson(DraftEvent* ev, int mi) const;
  // Each returns true when it settled the slot's drafts.
  bool EmitUnnamedCounterparts(const ContactSlot& slot, const std::vector<int>& subj,
                               const DraftEvent& base, std::vector<DraftEvent>* out) const;
  bool NamingNotCalling(const ContactSlot& slot) const;
  bool EmitPassiveGuests(const ContactSlot& slot, const std::vector<int>& subj,
                         const DraftEvent& base, bool known_place,
                         std::vector<DraftEvent>* out) const;
  bool EmitSeparateContacts(const ContactSlot& slot, const std::vector<int>& subj,
                            const DraftEvent& base, std::vector<DraftEvent>* out) const;
  // "At a summit in Oslo, A spoke with B": a contact noun in the opening
  // phrase is the setting of the main clause's contact, not an event of
  // its own; its people and place go to that contact, which is face to
  // face.
  void FoldOpeningSetting(std::vector<DraftEvent>* out) const;
  // "had a long conversation with X during his visit to Y": talk during the
  // speaker's own trip is face to face, not a call.
  void TalkDuringOwnVisit(std::vector<DraftEvent>* out) const;
  // "their previous meetings, including: a meeting in Jakarta; a call in
  // May": the listed contacts are the people's own, whatever else they add.
  void ListedInstances(std::vector<DraftEvent>* out) const;
  // Drops a visit to a region with no state when the sentence names the
  // same travellers' stops in states.
  void DropRegionWithItsStops(std::vector<DraftEvent>* out) const;
  // True when tokens from `from` read "counterparts" or "Japanese and
  // Korean counterparts" with no name after: people the text leaves unnamed.
  bool UnnamedCounterparts(int from) const;
  // From `first_object` on, the objects that each carry a place of their
  // own ("X in Moscow on May 5 and Y in Beijing"), with those places;
  // empty unless there are two or more.
  std::vector<std::pair<int, PlaceSpan>> GappedObjects(int first_object) const;
  // The people the parse gives trigger `t`, as subjects and objects (mention
  // indices), with how each was reached; false without a parse.
  struct Parsed {
    std::vector<int> subjects;
    std::vector<int> objects;
    std::vector<std::string> object_paths;  // how each object was reached
    int plural = -1;  // token of a "they", "the two leaders", "their call" subject
    std::vector<int> group;  // entities a group phrase stands for ("the ministers of A and B")
    // The group is the subject's own side ("the delegation met ..."): its
    // members meet whoever the objects are, not one another.
    bool group_one_side = false;
    std::string how;
  };
  // `rule_subjects`: the subjects the rules found, whose office tells what
  // "his counterpart" is when the parse finds no subject.
  bool ParseArguments(const Trigger& t, Parsed* out,
                      const std::vector<int>& rule_subjects = {}) const;
  // True when the parse makes person mention `mi` the subject or object of
  // a verb other than trigger `t` ("..., days after Z warned"): a
  // bystander, whatever its distance to the trigger.
  bool InOtherClause(int mi, const Trigger& t) const;
  // The person mention a parse argument at `tok` names: the mention that
  // covers it, one linked to it as a name or apposition ("the prime
  // minister, X"), or a pronoun's antecedent; -1 when none.
  int PersonOfToken(int tok, const std::vector<int>& exclude, std::string* how) const;
  // "the two leaders' meeting", "both leaders met", "the two men spoke".
  bool PairBefore(const Trigger& t) const;
  // "Both A and B will attend, but it is unclear whether they will meet":
  // a "they" subject of a verb trigger stands for the coordinated people
  // earlier in the sentence (exactly two or more, joined by "and").
  std::vector<int> TheyPair(const Trigger& t) const;
  // The mentions of the last two different people named in the sentence
  // before token `tok`, in text order; fewer when there are not two.
  std::vector<int> LastTwoBefore(int tok) const;
  // True when noun trigger `t` has a possessor ("Y's meeting") other than
  // person `p`, who stands before it.
  bool Possessed(const Trigger& t, const PersonMention& p) const;
  // "X's deputy", "X's speech": mention `mi` possesses a noun that is no
  // contact trigger, so it names the possession's owner, not a participant.
  bool PossessorOfOther(int mi) const;
  // "on the sidelines of the summit", "ahead of the summit": the noun sets
  // the scene of another contact.
  bool SettingOfAnother(const Trigger& t) const;
  // The travellers the parse gives visit trigger `t` (entities): its
  // subjects, with a noun's "by"/"of" agent; empty without a parse.
  std::vector<int> Travellers(const Trigger& t) const;
  // "Following talks with Y, X said", "Meeting Y in Oslo, X stressed": a
  // trigger inside a fronted adverbial phrase takes the main clause's
  // subject, the person right after the phrase's comma; -1 when none.
  int FrontedSubject(const Trigger& t) const;
  // ", having met Y", ", meeting Y": a trailing participle clause takes the
  // subject that opens the sentence; -1 when none.
  int TrailingParticipleSubject(const Trigger& t) const;

  const Document& doc_;
  const Sentence& s_;
  const Mentions& m_;
  const std::vector<Entity>& entities_;
  const SentenceParse* parse_;        // null when the sentence has no parse
  std::vector<Trigger> triggers_;     // the sentence's triggers, set by Run
  std::vector<int> people_;           // mention indices, text order
  absl::flat_hash_set<int> objects_;  // mentions that are objects of a contact
};

}  // namespace newsgraph::internal

#endif  // NEWSGRAPH_IMPORTERS_INTERNAL_SENTENCE_EVENTS_H_
