// Stage 6c: visits. The traveller of a visit trigger is its subject inside
// the trigger's clause ("X travelled", "X and Y visited"), a possessor
// ("X's trip"), an agent ("a visit by X") or a visiting person ("told
// visiting Foreign Minister X"); one visit per destination ("to Kyiv,
// Moscow and Beijing"). "visited President X in Kyiv" is a meeting too.
#ifndef NEWSGRAPH_IMPORTERS_VISITS_H_
#define NEWSGRAPH_IMPORTERS_VISITS_H_

#include <vector>

#include "absl/container/flat_hash_set.h"
#include "importers/events.h"
#include "importers/mentions.h"
#include "importers/text.h"
#include "importers/triggers.h"

namespace newsgraph {

// Appends the visits (and a meeting with a visited person) of visit
// trigger `t` in sentence `s`. `people` are the sentence's resolved person
// mentions in text order; `contact_objects` the mentions already taken as
// the objects of a contact ("meeting his counterpart X"), never travellers.
// `parsed_travellers` are the entities the sentence's parse makes the
// travellers ("X, who ..., travelled to", "invited X to visit"); when there
// are any they are taken instead of the surface rules' choice.
void AddVisits(const Document& doc, const Sentence& s, const Mentions& m, const Trigger& t,
               const std::vector<int>& people, const absl::flat_hash_set<int>& contact_objects,
               const std::vector<int>& parsed_travellers, std::vector<DraftEvent>* out);

}  // namespace newsgraph

#endif  // NEWSGRAPH_IMPORTERS_VISITS_H_
