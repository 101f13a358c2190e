// When an event of a sentence happened: the time expression nearest its
// trigger, and the tense of the trigger's clause. Internal to the importer.
#ifndef NEWSGRAPH_IMPORTERS_INTERNAL_EVENT_TIME_H_
#define NEWSGRAPH_IMPORTERS_INTERNAL_EVENT_TIME_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "absl/strings/string_view.h"
#include "importers/extraction.h"
#include "importers/text.h"
#include "importers/time_expressions.h"
#include "importers/triggers.h"

namespace newsgraph::internal {

// The time expression of `sentence` nearest the trigger at bytes
// [trig_begin, trig_end) that can date it; false when none.
bool PickTime(absl::string_view sentence, const std::vector<TimeMention>& times,
              size_t trig_begin, size_t trig_end, TimeMention* out);

// "has been in contact", "have met": an indefinite past the story's time
// frame does not date.
bool PresentPerfect(const Document& doc, const Sentence& s, const Trigger& t);

// "is meeting", "are holding talks", "is in Laos", "is arriving".
bool PresentProgressive(const Document& doc, const Sentence& s, const Trigger& t);

// "met", "visited", "was received": a verb trigger in the simple past, with
// no auxiliary that puts it ahead ("will meet", "to visit").
bool SimplePast(const Document& doc, const Sentence& s, const Trigger& t);

// "Four months later", "two weeks later", "a month later": how far after
// the story's time the sentence sets itself, in days or months (one of the
// two is set); false when it says no such thing. "A day later" is
// SaysNextDay's.
bool SaysLaterBy(const Document& doc, const Sentence& s, int* days, int* months);

// Marks `ev` undated: the publication day `pub_day`, flagged as fallen back
// (exports write no date for it).
void FallBack(int32_t pub_day, ExtractedEvent* ev);

}  // namespace newsgraph::internal

#endif  // NEWSGRAPH_IMPORTERS_INTERNAL_EVENT_TIME_H_
