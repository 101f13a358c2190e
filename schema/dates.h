// The date model: days since 1970-01-01, parsed from and printed as ISO
// dates at the precision a span carries. Every layer goes through here.
#ifndef NEWSGRAPH_SCHEMA_DATES_H_
#define NEWSGRAPH_SCHEMA_DATES_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "schema/records.pb.h"

namespace newsgraph {

// Day number of a civil day (1970-01-01 is 0).
int32_t DayNumber(absl::CivilDay day);
absl::CivilDay CivilDayFromNumber(int32_t day_number);

// Parses "YYYY-MM-DD" strictly (the day must exist).
absl::StatusOr<absl::CivilDay> ParseIsoDay(absl::string_view text);

// Parses "YYYY-MM-DD", "YYYY-MM" or "YYYY" into the span it covers, with
// DAY, MONTH or YEAR granularity. "" is an error.
absl::StatusOr<pb::TimeSpan> ParseIsoSpan(absl::string_view text);

std::string FormatIsoDay(int32_t day_number);

// The span as the evaluation format wants it: "YYYY-MM-DD" for DAY,
// "YYYY-MM" for WEEK/MONTH spans inside one month, "YYYY" for YEAR, and ""
// for anything vaguer or for a span that fell back to the publication date.
std::string FormatSpan(const pb::TimeSpan& span);

// True when [a.from_day, a.to_day] and [from_day, to_day] overlap.
bool SpanOverlaps(const pb::TimeSpan& a, int32_t from_day, int32_t to_day);

// True when the whole span lies inside [from_day, to_day].
bool SpanWithin(const pb::TimeSpan& a, int32_t from_day, int32_t to_day);

}  // namespace newsgraph

#endif  // NEWSGRAPH_SCHEMA_DATES_H_
