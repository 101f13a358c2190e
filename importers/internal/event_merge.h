// Merging the reports of one event inside an article: which contacts are
// the same (people, family and compatible dates) and which visits are one
// trip. Internal to the importer (extractor.cc and the article reader).
#ifndef NEWSGRAPH_IMPORTERS_INTERNAL_EVENT_MERGE_H_
#define NEWSGRAPH_IMPORTERS_INTERNAL_EVENT_MERGE_H_

#include <string>
#include <vector>

#include "importers/extraction.h"

namespace newsgraph::internal {

// "in-person" for meetings and summits, "call" for phone and video calls,
// the mode itself otherwise.
inline std::string Family(const std::string& mode) {
  if (mode == "in-person" || mode == "summit") return "in-person";
  if (mode == "phone" || mode == "video") return "call";
  return mode;
}

// Whether two spans can be one event's: they overlap, or one fell back to
// the publication day.
bool DatesCompatible(const pb::TimeSpan& a, const pb::TimeSpan& b);

// Whether two visits of the same travellers are stops of one trip.
bool SameTrip(const ExtractedEvent& a, const ExtractedEvent& b);

// The participants as sorted keys (KB key, else "name:" and the name).
std::vector<std::string> SortedKeys(const ExtractedEvent& e);

// Folds `ev` into an earlier event of the article that reports the same
// contact; returns false when there is none.
bool MergeInto(std::vector<ExtractedEvent>* events, const ExtractedEvent& ev);

}  // namespace newsgraph::internal

#endif  // NEWSGRAPH_IMPORTERS_INTERNAL_EVENT_MERGE_H_
