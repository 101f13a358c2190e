// Stage 6b: the arguments of each trigger in one sentence — who met, called
// or travelled, and where. Contacts take the people nearest their trigger
// (a person between two triggers goes to the closer one), minus the people
// who only report them ("X said", "according to X"). Visits take their
// traveller (the subject before the trigger, "X's trip", "visit by X") and
// one event per destination ("to Kyiv, Moscow and Beijing").
#ifndef NEWSGRAPH_IMPORTERS_EVENTS_H_
#define NEWSGRAPH_IMPORTERS_EVENTS_H_

#include <string>
#include <vector>

#include "importers/coref.h"
#include "importers/mentions.h"
#include "importers/parse/link_parser.h"
#include "importers/text.h"
#include "importers/triggers.h"

namespace newsgraph {

struct DraftEvent {
  std::string mode;           // CONSULT mode
  Trigger trigger;            // the word that fired
  std::vector<int> entities;  // participants (travellers for a visit)
  std::string place;          // "" when the sentence names none
  std::string place_state;    // the state the place is in, when known
  FactualityReading factuality;
  std::string people_rule;    // how the participants were found
  // A definite nominal trigger ("the call", "this meeting") that may refer
  // back to a contact reported earlier in the article.
  bool anaphoric = false;
  // The only person is the trigger's subject ("Blinken met counterparts in
  // Beijing"): with a place, the contact is that person's visit.
  bool lone_subject = false;
  // The subject is "the two leaders" (or "both leaders"): the pair of the
  // contact reported just before.
  bool pair_reference = false;
};

// The events of sentence `sentence_index`. Contacts come with however many
// people were found (zero or one too: a later sentence may name the rest);
// visits only with a traveller and a destination. With `parse` (the
// sentence's Link Grammar parse, or null), a contact's people are read off
// the parse first and the surface rules only add what it does not settle;
// a person the parse attaches to nothing is not pulled in by proximity.
std::vector<DraftEvent> EventsInSentence(const Document& doc, int sentence_index,
                                         const Mentions& mentions,
                                         const std::vector<Entity>& entities,
                                         const SentenceParse* parse = nullptr);

// The people of a participant list that continues an earlier contact:
// "Participants in the call included A, B and C", "Joining the President
// at the meeting were the following leaders:" (and the list line after
// it), "The delegation was led by D". Empty when the sentence is no such list.
std::vector<int> ParticipantList(const Document& doc, int sentence_index,
                                 const Mentions& mentions);

}  // namespace newsgraph

#endif  // NEWSGRAPH_IMPORTERS_EVENTS_H_
