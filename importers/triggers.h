// Stage 6a: event triggers and factuality cues. A trigger is the word (or
// words) that names a contact: "met", "talks", "summit", "phone call",
// "spoke with", "video call", "visited", "trip to", "is in". Its mode
// follows the CONSULT modes of schema/ontology.h. Factuality is read from
// the cues of the trigger's clause: modals and plans ("will", "is
// expected to", "upcoming"), uncertainty ("may", "wanted to", "proposed"),
// cancellation ("canceled", "called off") and negation ("refused to",
// "did not", "rejected").
#ifndef NEWSGRAPH_IMPORTERS_TRIGGERS_H_
#define NEWSGRAPH_IMPORTERS_TRIGGERS_H_

#include <string>
#include <vector>

#include "importers/text.h"
#include "schema/records.pb.h"

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

struct FactualityReading {
  pb::Factuality value = pb::HAPPENED;
  std::string cue;      // the word that decided it, "" for the default
  bool future = false;  // the clause's verb is in the future
};

// Reads the cues of the clause that holds `trigger`: back to the clause's
// start, and the few words after a nominal trigger ("talks which were
// rejected", "a visit that was called off").
FactualityReading ReadFactuality(const Document& doc, const Sentence& sentence,
                                 const Trigger& trigger);

}  // namespace newsgraph

#endif  // NEWSGRAPH_IMPORTERS_TRIGGERS_H_
