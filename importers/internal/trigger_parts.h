// The parts of FindTriggers (importers/triggers.h) kept in files of their
// own: the trips a word at one token names (visit_triggers.cc), and the
// passes over a sentence's triggers once the words are read
// (trigger_filters.cc). Internal to the importer.
#ifndef NEWSGRAPH_IMPORTERS_INTERNAL_TRIGGER_PARTS_H_
#define NEWSGRAPH_IMPORTERS_INTERNAL_TRIGGER_PARTS_H_

#include <vector>

#include "importers/text.h"
#include "importers/triggers.h"

namespace newsgraph::internal {

// The trip named at token `*i` of `s` ("visited", "trip to", "left for",
// "is in", "on his way to", "represented at ... by"), added to `out`; true
// when the token was read (a trigger added, or the word ruled out as one),
// with `*i` moved past the words the trigger took.
bool MatchVisitTrigger(const Document& doc, const Sentence& s, int* i,
                       std::vector<Trigger>* out);

// "discussed Ukraine by phone", "spoke for an hour by video": the verb a
// medium phrase hangs from is a call, when no trigger covers it.
void AddMediumPhraseTriggers(const Document& doc, const Sentence& s, std::vector<Trigger>* out);

// Sorts the triggers and drops those the sentence's other words rule out:
// what one told another inside a contact the sentence reports, contacts
// that are only where a presence is, contacts talked about.
void FilterTriggers(const Document& doc, const Sentence& s, std::vector<Trigger>* out);

}  // namespace newsgraph::internal

#endif  // NEWSGRAPH_IMPORTERS_INTERNAL_TRIGGER_PARTS_H_
