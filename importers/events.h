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
#include "importers/text.h"
#include "importers/triggers.h"

namespace newsgraph {

struct DraftEvent {
  std::string mode;           // CONSULT mode
  Trigger trigger;            // the word that fired
  std::vector<int> entities;  // participants (travellers for a visit)
  std::string place;          // "" when the sentence names none
  FactualityReading factuality;
  std::string people_rule;    // how the participants were found
};

// The events of sentence `sentence_index`. Contacts need two entities; a
// meeting of one named person at a named place becomes that person's visit.
std::vector<DraftEvent> EventsInSentence(const Document& doc, int sentence_index,
                                         const Mentions& mentions,
                                         const std::vector<Entity>& entities);

}  // namespace newsgraph

#endif  // NEWSGRAPH_IMPORTERS_EVENTS_H_
