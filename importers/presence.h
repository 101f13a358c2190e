// Presence at a place as a visit: a person who speaks or acts at a place,
// or at an event named after one, was there. "At the Munich Security
// Conference in February, X said ...", "X told reporters in Tokyo ...",
// "X addressed the Munich Security Conference". Only places whose state is
// known count, and only people whose own state is known and differs: a
// trip inside one's own state is no visit.
#ifndef NEWSGRAPH_IMPORTERS_PRESENCE_H_
#define NEWSGRAPH_IMPORTERS_PRESENCE_H_

#include <vector>

#include "importers/coref.h"
#include "importers/events.h"
#include "importers/mentions.h"
#include "importers/text.h"

namespace newsgraph {

// The visits sentence `s` implies by presence; empty when it implies none.
std::vector<DraftEvent> PresenceVisits(const Document& doc, const Sentence& s,
                                       const Mentions& mentions,
                                       const std::vector<Entity>& entities);

}  // namespace newsgraph

#endif  // NEWSGRAPH_IMPORTERS_PRESENCE_H_
