#include "schema/dates.h"

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"

namespace newsgraph {
namespace {

const absl::CivilDay kEpoch(1970, 1, 1);

bool ParseField(absl::string_view text, size_t width, int* out) {
  if (text.size() != width) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return absl::SimpleAtoi(text, out);
}

}  // namespace

int32_t DayNumber(absl::CivilDay day) { return static_cast<int32_t>(day - kEpoch); }

absl::CivilDay CivilDayFromNumber(int32_t day_number) { return kEpoch + day_number; }

absl::StatusOr<absl::CivilDay> ParseIsoDay(absl::string_view text) {
  absl::StatusOr<pb::TimeSpan> span = ParseIsoSpan(text);
  if (!span.ok()) return span.status();
  if (span->granularity() != pb::DAY) {
    return absl::InvalidArgumentError(
        absl::StrFormat("expected a date YYYY-MM-DD, got \"%s\"", text));
  }
  return CivilDayFromNumber(span->from_day());
}

absl::StatusOr<pb::TimeSpan> ParseIsoSpan(absl::string_view text) {
  std::vector<absl::string_view> parts = absl::StrSplit(text, '-');
  int year = 0, month = 1, day = 1;
  bool ok = !parts.empty() && parts.size() <= 3 && ParseField(parts[0], 4, &year);
  if (ok && parts.size() >= 2) ok = ParseField(parts[1], 2, &month) && month >= 1 && month <= 12;
  if (ok && parts.size() == 3) ok = ParseField(parts[2], 2, &day) && day >= 1;
  if (!ok) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "malformed date \"%s\" (expected YYYY-MM-DD, YYYY-MM or YYYY)", text));
  }
  // Well-formed, but a day the calendar does not have (2023-02-30).
  if (parts.size() == 3 && absl::CivilDay(year, month, day).day() != day) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "no such day \"%s\": %04d-%02d has %d days", text, year, month,
        static_cast<int>(absl::CivilDay(absl::CivilMonth(year, month) + 1) -
                         absl::CivilDay(absl::CivilMonth(year, month)))));
  }
  pb::TimeSpan span;
  if (parts.size() == 3) {
    const int32_t d = DayNumber(absl::CivilDay(year, month, day));
    span.set_from_day(d);
    span.set_to_day(d);
    span.set_granularity(pb::DAY);
  } else if (parts.size() == 2) {
    const absl::CivilMonth m(year, month);
    span.set_from_day(DayNumber(absl::CivilDay(m)));
    span.set_to_day(DayNumber(absl::CivilDay(m + 1)) - 1);
    span.set_granularity(pb::MONTH);
  } else {
    const absl::CivilYear y(year);
    span.set_from_day(DayNumber(absl::CivilDay(y)));
    span.set_to_day(DayNumber(absl::CivilDay(y + 1)) - 1);
    span.set_granularity(pb::YEAR);
  }
  return span;
}

std::string FormatIsoDay(int32_t day_number) {
  const absl::CivilDay d = CivilDayFromNumber(day_number);
  if (d.year() < 0 || d.year() > 9999) {
    return absl::StrFormat("%04d-%02d-%02d", d.year(), d.month(), d.day());
  }
  // By hand: answers format a date per row, and StrFormat was a tenth of
  // building a neighbourhood's rows.
  char text[10];
  auto put = [&text](int at, int64_t value, int digits) {
    for (int i = digits - 1; i >= 0; --i, value /= 10) text[at + i] = static_cast<char>('0' + value % 10);
  };
  put(0, d.year(), 4);
  text[4] = '-';
  put(5, d.month(), 2);
  text[7] = '-';
  put(8, d.day(), 2);
  return std::string(text, sizeof text);
}

std::string FormatSpan(const pb::TimeSpan& span) {
  if (span.fell_back()) return "";
  const absl::CivilDay from = CivilDayFromNumber(span.from_day());
  const absl::CivilDay to = CivilDayFromNumber(span.to_day());
  switch (span.granularity()) {
    case pb::DAY:
      return FormatIsoDay(span.from_day());
    case pb::WEEK:
    case pb::MONTH:
      if (absl::CivilMonth(from) != absl::CivilMonth(to)) return "";
      return absl::StrFormat("%04d-%02d", from.year(), from.month());
    case pb::YEAR:
      if (from.year() != to.year()) return "";
      return absl::StrFormat("%04d", from.year());
    default:
      return "";
  }
}

bool SpanOverlaps(const pb::TimeSpan& a, int32_t from_day, int32_t to_day) {
  return a.from_day() <= to_day && a.to_day() >= from_day;
}

bool SpanWithin(const pb::TimeSpan& a, int32_t from_day, int32_t to_day) {
  return a.from_day() >= from_day && a.to_day() <= to_day;
}

}  // namespace newsgraph
