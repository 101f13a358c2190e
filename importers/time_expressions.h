// Time expressions in English news prose, resolved against the article's
// publication date into pb::TimeSpan values (see schema/dates.h and the
// "Dates" convention of data/gold/README.md).
//
// Covered: absolute dates ("November 14, 2022", "14 Nov. 2022", "on March
// 10", "May 10-11", "2023-05-10"), months ("in March 2023", "in November",
// "in early March", "at the end of July"), years ("in 2023"), relative days
// ("today", "yesterday", "tomorrow", "on Monday", "last Friday", "next
// Tuesday"), relative weeks/months/years ("last week", "later this month",
// "next year"), "N days/weeks/months ago", and seasons ("last fall").
// Vague expressions ("recently", "the other day", "several months ago")
// produce no mention.
#ifndef NEWSGRAPH_IMPORTERS_TIME_EXPRESSIONS_H_
#define NEWSGRAPH_IMPORTERS_TIME_EXPRESSIONS_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "schema/records.pb.h"

namespace newsgraph {

// One resolved time expression.
//   begin, end: byte offsets of the expression in the sentence, [begin, end)
//               (leading "on", "in", "at", "during", "early", "mid-",
//               "late", "the end of" are included, except before a
//               possessive: "this year's" is just "this year").
//   span:       from_day/to_day are DayNumber()s (schema/dates.h), inclusive;
//               granularity is DAY, WEEK (Monday..Sunday), MONTH, SEASON
//               (meteorological, northern hemisphere: Dec-Feb, Mar-May,
//               Jun-Aug, Sep-Nov) or YEAR; fell_back is always false.
//   rule:       which pattern fired: "absolute-date", "month-day-no-year",
//               "day-range", "iso-date", "month-name", "month-year", "year",
//               "weekday-past", "weekday-future", "weekday-last",
//               "weekday-next", "weekday-this" (that day of the publication
//               week, Monday..Sunday), "relative-day", "relative-week",
//               "relative-month", "relative-year", "ago", "season".
struct TimeMention {
  size_t begin = 0, end = 0;
  pb::TimeSpan span;
  std::string rule;
};

// All time expressions in `sentence` (byte offsets into it), in text order
// and non-overlapping, resolved against `publication`. `future` = the
// clause's verb is in the future tense ("will meet on Monday" -> next
// Monday), so relative expressions without an explicit direction resolve
// forward:
//   - bare weekday ("on Monday", "Monday's talks"): past -> the latest such
//     day on or before `publication`; future -> the next such day on or
//     after it (a Monday article's "will meet on Monday" is that very day,
//     as in the gold data; "next Monday" is always strictly after).
//   - month-day without year ("on March 10"): the nearest such date on or
//     before `publication` when past, on or after it when future; but the
//     other direction's date wins when it is within 30 days and the
//     preferred one more than 60 days away (a misread tense: "met on
//     December 2" in an article of November 28 is December 2 of that year).
//   - bare month ("in November"): the latest such month on or before the
//     publication month when past, the next one on or after it when future.
// Explicit directions ("last Monday", "next week", "two weeks ago") ignore
// `future`. "N weeks ago" is the 7 days around publication - 7N, clipped to
// that day's month (so it formats as that month). Cheap: no regex, one pass
// over the tokens.
std::vector<TimeMention> FindTimeMentions(absl::string_view sentence,
                                          absl::CivilDay publication, bool future);

// True when `sentence` dates itself by the day before it: "the next day",
// "the following day", "a day later".
bool SaysNextDay(absl::string_view sentence);

}  // namespace newsgraph

#endif  // NEWSGRAPH_IMPORTERS_TIME_EXPRESSIONS_H_
