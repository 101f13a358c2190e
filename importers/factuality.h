// Stage 6b: factuality. Whether a contact a trigger names took place is read
// from the cues of the trigger's clause: modals and plans ("will", "is
// expected to", "upcoming"), uncertainty ("may", "wanted to", "proposed"),
// cancellation ("canceled", "called off") and negation ("refused to",
// "did not", "rejected").
#ifndef NEWSGRAPH_IMPORTERS_FACTUALITY_H_
#define NEWSGRAPH_IMPORTERS_FACTUALITY_H_

#include <string>

#include "importers/text.h"
#include "schema/records.pb.h"

namespace newsgraph {

struct Trigger;

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

#endif  // NEWSGRAPH_IMPORTERS_FACTUALITY_H_
