// FormatIsoDay: the day as YYYY-MM-DD, as absl::StrFormat("%04d-%02d-%02d")
// writes it, across the years it formats by hand (0-9999) and outside them.
#include "schema/dates.h"

#include <gtest/gtest.h>

#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"

namespace newsgraph {
namespace {

std::string Expected(int32_t day) {
  const absl::CivilDay d = CivilDayFromNumber(day);
  return absl::StrFormat("%04d-%02d-%02d", d.year(), d.month(), d.day());
}

TEST(FormatIsoDayTest, WritesPaddedYearMonthDay) {
  EXPECT_EQ(FormatIsoDay(0), "1970-01-01");
  EXPECT_EQ(FormatIsoDay(DayNumber(absl::CivilDay(2023, 2, 9))), "2023-02-09");
  EXPECT_EQ(FormatIsoDay(DayNumber(absl::CivilDay(987, 12, 31))), "0987-12-31");
  EXPECT_EQ(FormatIsoDay(DayNumber(absl::CivilDay(9999, 12, 31))), "9999-12-31");
}

TEST(FormatIsoDayTest, AgreesWithStrFormatInAndOutsideFourDigitYears) {
  for (int32_t day = DayNumber(absl::CivilDay(-20, 1, 1));
       day <= DayNumber(absl::CivilDay(10020, 12, 31)); day += 997) {
    EXPECT_EQ(FormatIsoDay(day), Expected(day)) << day;
  }
  for (int32_t day : {DayNumber(absl::CivilDay(-1, 12, 31)), DayNumber(absl::CivilDay(0, 1, 1)),
                      DayNumber(absl::CivilDay(10000, 1, 1))}) {
    EXPECT_EQ(FormatIsoDay(day), Expected(day)) << day;
  }
}

}  // namespace
}  // namespace newsgraph
