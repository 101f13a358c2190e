// Stage 6a: event triggers. A trigger is the word (or
// words) that names a contact: "met", "talks", "summit", "phone call",
// "spoke with", "video call", "visited", "trip to", "is in". Its mode
// follows the CONSULT modes of schema/ontology.h. Whether the contact took
// place is read by factuality.h.
#ifndef NEWSGRAPH_IMPORTERS_TRIGGERS_H_
#define NEWSGRAPH_IMPORTERS_TRIGGERS_H_

#include <string>
#include <vector>

#include "importers/factuality.h"
#include "importers/text.h"

namespace newsgraph {

struct Trigger {
  int first = 0;  // tokens [first, last)
  int last = 0;
  std::string mode;   // "in-person", "summit", "phone", "video", "visit"
  bool verb = false;  // "met", "visited" (else a noun: "meeting", "visit")
  // For visits: the token after which the destination is looked for
  // ("to" of "trip to", the verb of "visited"); -1 when none is expected.
  int place_from = -1;
  std::string rule;   // "verb:met", "noun:summit", "phrase:spoke-with", ...
};

// Every trigger of the sentence, in text order, non-overlapping.
std::vector<Trigger> FindTriggers(const Document& doc, const Sentence& sentence);

}  // namespace newsgraph

#endif  // NEWSGRAPH_IMPORTERS_TRIGGERS_H_
