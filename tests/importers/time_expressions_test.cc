#include "importers/time_expressions.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "schema/dates.h"

namespace newsgraph {
namespace {

absl::CivilDay Day(const char* iso) { return ParseIsoDay(iso).value(); }

// One row: a sentence written for this test, the publication date, the
// tense flag, and what the single mention found must be. `text` == nullptr
// means no mention at all. `from`/`to` are checked when non-empty.
struct Row {
  const char* sentence;
  const char* pub;
  bool future;
  const char* text;
  const char* format;  // FormatSpan(span)
  const char* rule;
  pb::Granularity gran;
  const char* from = "";
  const char* to = "";
};

constexpr bool P = false;  // past
constexpr bool F = true;   // future

const Row kRows[] = {
    // ---- absolute dates ----
    {"The two presidents met on November 14, 2022 in Bali.", "2022-11-20", P,
     "on November 14, 2022", "2022-11-14", "absolute-date", pb::DAY},
    {"Officials met 14 November 2022 at a resort hotel.", "2022-11-20", P, "14 November 2022",
     "2022-11-14", "absolute-date", pb::DAY},
    {"The pact was sealed on the 14th of November 2022.", "2023-01-02", P,
     "on the 14th of November 2022", "2022-11-14", "absolute-date", pb::DAY},
    {"Negotiators sat down on Sept. 5, 2023, in Jakarta.", "2023-09-09", P, "on Sept. 5, 2023",
     "2023-09-05", "absolute-date", pb::DAY},
    {"The committee reconvened Jun. 5 behind closed doors.", "2023-06-20", P, "Jun. 5",
     "2023-06-05", "month-day-no-year", pb::DAY},
    {"Rioters stormed the building on Jan. 6, 2021.", "2022-01-06", P, "on Jan. 6, 2021",
     "2021-01-06", "absolute-date", pb::DAY},
    {"The talks opened Monday, Nov. 14, 2022, on the island.", "2022-11-15", P,
     "Monday, Nov. 14, 2022", "2022-11-14", "absolute-date", pb::DAY},
    {"The report was filed as 2023-05-10 in the archive.", "2023-06-01", P, "2023-05-10",
     "2023-05-10", "iso-date", pb::DAY},
    // month-day without a year
    {"Talks resumed on Nov. 14 after a long pause.", "2022-11-20", P, "on Nov. 14", "2022-11-14",
     "month-day-no-year", pb::DAY},
    {"The envoy arrived in the capital on March 10.", "2023-03-15", P, "on March 10",
     "2023-03-10", "month-day-no-year", pb::DAY},
    {"The envoy got to the capital on March 10.", "2023-01-20", P, "on March 10", "2022-03-10",
     "month-day-no-year", pb::DAY},
    {"The envoy will reach the capital on March 10.", "2023-01-20", F, "on March 10",
     "2023-03-10", "month-day-no-year", pb::DAY},
    {"The envoy will reach the capital on March 10.", "2023-12-20", F, "on March 10",
     "2024-03-10", "month-day-no-year", pb::DAY},
    {"Both teams gathered on December 2 for a first round.", "2022-11-28", P, "on December 2",
     "2022-12-02", "month-day-no-year", pb::DAY},  // tense misread: 4 days ahead beats 361 back
    {"The ministers met on Feb. 29 to review the plan.", "2024-03-05", P, "on Feb. 29",
     "2024-02-29", "month-day-no-year", pb::DAY},
    {"A session was held on Feb. 29 in Geneva.", "2023-03-05", P, "on Feb. 29", "2020-02-29",
     "month-day-no-year", pb::DAY},
    {"The talks started on May 2 with a dinner.", "2023-05-09", P, "on May 2", "2023-05-02",
     "month-day-no-year", pb::DAY},
    // ranges: the first day
    {"Leaders gathered May 10-11 in Hiroshima.", "2023-05-20", P, "May 10-11", "2023-05-10",
     "day-range", pb::DAY},
    {"The forum ran May 10\u201311, 2023, in Vienna.", "2023-06-20", P,
     "May 10\u201311, 2023", "2023-05-10", "day-range", pb::DAY},
    {"Ministers met 10-11 May in Vienna.", "2023-05-20", P, "10-11 May", "2023-05-10",
     "day-range", pb::DAY},
    {"The conference ran May 30-June 2 in Singapore.", "2023-06-10", P, "May 30-June 2",
     "2023-05-30", "day-range", pb::DAY},
    // months
    {"They held a round of talks in March 2023.", "2023-06-01", P, "in March 2023", "2023-03",
     "month-year", pb::MONTH},
    {"The November 2022 meeting set up working groups.", "2023-11-15", P, "November 2022",
     "2022-11", "month-year", pb::MONTH},
    {"The delegation travelled to Moscow in November.", "2023-01-05", P, "in November",
     "2022-11", "month-name", pb::MONTH},
    {"The summit took place in December.", "2024-01-10", P, "in December", "2023-12",
     "month-name", pb::MONTH},
    {"The summit will take place in December.", "2024-01-10", F, "in December", "2024-12",
     "month-name", pb::MONTH},
    {"The visit happened in January.", "2024-01-10", P, "in January", "2024-01", "month-name",
     pb::MONTH},
    {"Talks will be held in May.", "2023-01-10", F, "in May", "2023-05", "month-name",
     pb::MONTH},
    {"Talks are planned for mid-March in Doha.", "2024-01-10", F, "mid-March", "2024-03",
     "month-name", pb::MONTH},
    {"The trip happened in late March.", "2023-06-01", P, "in late March", "2023-03",
     "month-name", pb::MONTH},
    {"The minister toured four countries at the end of July.", "2022-08-08", P,
     "at the end of July", "2022-07", "month-name", pb::MONTH},
    {"Both sides hope to sign last November's draft soon.", "2023-02-01", P, "last November",
     "2022-11", "month-name", pb::MONTH},
    // years
    {"The agreement was signed in 2023.", "2024-02-01", P, "in 2023", "2023", "year", pb::YEAR},
    {"It is his first trip to Europe since 2019.", "2024-05-06", P, "2019", "2019", "year",
     pb::YEAR},
    // ---- relative days ----
    {"The president spoke today with his counterpart.", "2021-04-13", P, "today", "2021-04-13",
     "relative-day", pb::DAY},
    {"The foreign minister arrived yesterday in the capital.", "2024-03-01", P, "yesterday",
     "2024-02-29", "relative-day", pb::DAY},
    {"The delegation departs tomorrow morning.", "2022-12-31", F, "tomorrow morning",
     "2023-01-01", "relative-day", pb::DAY},
    {"Protesters gathered outside the embassy tonight.", "2022-05-05", P, "tonight",
     "2022-05-05", "relative-day", pb::DAY},
    {"The two aides spoke this morning by phone.", "2022-05-05", P, "this morning",
     "2022-05-05", "relative-day", pb::DAY},
    {"The envoy landed last night in Kyiv.", "2023-03-01", P, "last night", "2023-02-28",
     "relative-day", pb::DAY},
    {"The pair spoke the day before yesterday.", "2023-03-01", P, "the day before yesterday",
     "2023-02-27", "relative-day", pb::DAY},
    // ---- weekdays ----
    {"The leaders met on Monday in Rome.", "2022-11-14", P, "on Monday", "2022-11-14",
     "weekday-past", pb::DAY},  // publication day is a Monday
    {"The leaders will meet on Monday in Rome.", "2022-11-14", F, "on Monday", "2022-11-14",
     "weekday-future", pb::DAY},  // gold: a Monday article's "on Monday" is that day
    {"The leaders will meet on Monday in Rome.", "2022-03-13", F, "on Monday", "2022-03-14",
     "weekday-future", pb::DAY},
    {"The leaders will meet on Tuesday in Rome.", "2022-11-16", F, "on Tuesday", "2022-11-22",
     "weekday-future", pb::DAY},
    {"He presented the plan on Wednesday.", "2021-12-16", P, "on Wednesday", "2021-12-15",
     "weekday-past", pb::DAY},
    {"Friday's meeting focused on trade.", "2022-02-11", P, "Friday", "2022-02-11",
     "weekday-past", pb::DAY},
    {"Last Thursday he met the candidate at his estate.", "2024-07-16", P, "Last Thursday",
     "2024-07-11", "weekday-last", pb::DAY},
    {"She met the ambassador last Monday.", "2022-11-14", P, "last Monday", "2022-11-07",
     "weekday-last", pb::DAY},
    {"They will meet again next Friday.", "2022-11-16", F, "next Friday", "2022-11-18",
     "weekday-next", pb::DAY},
    {"They will meet again next Wednesday.", "2022-11-16", F, "next Wednesday", "2022-11-23",
     "weekday-next", pb::DAY},
    {"He travelled to Warsaw on Saturday.", "2023-01-02", P, "on Saturday", "2022-12-31",
     "weekday-past", pb::DAY},
    {"The Thursday summit drew 40 leaders.", "2024-07-19", P, "Thursday", "2024-07-18",
     "weekday-past", pb::DAY},
    {"Voters go to the polls in this Sunday's runoff.", "2024-07-23", P, "this Sunday",
     "2024-07-28", "weekday-this", pb::DAY},
    {"The cabinet had already met this Monday.", "2024-07-26", P, "this Monday", "2024-07-22",
     "weekday-this", pb::DAY},
    {"The vote is held on the first Thursday of February.", "2023-01-10", F, "February",
     "2023-02", "month-name", pb::MONTH},
    {"They keep recalling what happened on January 6: a riot.", "2024-07-16", P,
     "on January 6", "2024-01-06", "month-day-no-year", pb::DAY},
    {"The envoys sat down at 10:30 on May 3 in a hotel.", "2023-05-09", P, "on May 3",
     "2023-05-03", "month-day-no-year", pb::DAY},
    {"Ukraine is a theme of this year's security report.", "2022-02-19", P, "this year", "2022",
     "relative-year", pb::YEAR},
    {"LEADERS WILL MEET ON MONDAY", "2022-11-16", F, "ON MONDAY", "2022-11-21", "weekday-future",
     pb::DAY},
    {"The aides talked on Sunday evening.", "2024-03-01", P, "on Sunday evening", "2024-02-25",
     "weekday-past", pb::DAY},
    // ---- weeks, months, years ----
    {"The prime minister visited Kyiv last week.", "2022-02-02", P, "last week", "2022-01",
     "relative-week", pb::WEEK, "2022-01-24", "2022-01-30"},
    {"Macron saw Putin this week in Moscow.", "2022-02-11", P, "this week", "2022-02",
     "relative-week", pb::WEEK, "2022-02-07", "2022-02-13"},
    {"The minister travels next week to Italy.", "2024-04-13", F, "next week", "2024-04",
     "relative-week", pb::WEEK, "2024-04-15", "2024-04-21"},
    {"Talks continued this week in Geneva.", "2023-03-01", P, "this week", "", "relative-week",
     pb::WEEK, "2023-02-27", "2023-03-05"},  // straddles two months
    {"Earlier this week the president visited Warsaw.", "2024-07-16", P, "Earlier this week",
     "2024-07", "relative-week", pb::WEEK, "2024-07-15", "2024-07-15"},
    {"He will also stop in Belgrade later in the week.", "2024-05-06", F, "later in the week",
     "2024-05", "relative-week", pb::WEEK, "2024-05-07", "2024-05-12"},
    {"The leaders will gather this weekend in Paris.", "2024-07-17", F, "this weekend",
     "2024-07", "relative-week", pb::WEEK, "2024-07-20", "2024-07-21"},
    {"The ministers spoke by phone over the weekend.", "2024-07-01", P, "over the weekend",
     "2024-06", "relative-week", pb::WEEK, "2024-06-29", "2024-06-30"},
    {"The envoy visited Beijing last month.", "2024-01-10", P, "last month", "2023-12",
     "relative-month", pb::MONTH},
    {"Xi will host Putin later this month.", "2024-05-04", F, "later this month", "2024-05",
     "relative-month", pb::MONTH, "2024-05-05", "2024-05-31"},
    {"The talks happened earlier this month.", "2024-05-20", P, "earlier this month", "2024-05",
     "relative-month", pb::MONTH, "2024-05-01", "2024-05-19"},
    {"The secretary is expected in China this month.", "2024-04-13", F, "this month", "2024-04",
     "relative-month", pb::MONTH},
    {"The ministers convene next month.", "2023-12-15", F, "next month", "2024-01",
     "relative-month", pb::MONTH},
    {"They saw each other in person last year.", "2023-01-05", P, "last year", "2022",
     "relative-year", pb::YEAR},
    {"A state visit is planned for next year.", "2022-12-31", F, "next year", "2023",
     "relative-year", pb::YEAR},
    // ---- "ago" ----
    {"He called his counterpart two weeks ago.", "2023-02-16", P, "two weeks ago", "2023-02",
     "ago", pb::WEEK, "2023-02-01", "2023-02-05"},
    {"A week ago the two sides met in Doha.", "2022-07-26", P, "A week ago", "2022-07", "ago",
     pb::WEEK},
    {"The envoy left three days ago.", "2024-03-02", P, "three days ago", "2024-02-28", "ago",
     pb::DAY},
    {"The deal was signed 10 days ago.", "2023-01-05", P, "10 days ago", "2022-12-26", "ago",
     pb::DAY},
    {"The blockade began a couple of months ago.", "2023-01-05", P, "a couple of months ago",
     "2022-11", "ago", pb::MONTH},
    // ---- seasons (formatted as null) ----
    {"They met in Bali last fall.", "2023-02-16", P, "last fall", "", "season", pb::SEASON,
     "2022-09-01", "2022-11-30"},
    {"The speaker's trip last summer angered Beijing.", "2023-02-16", P, "last summer", "",
     "season", pb::SEASON, "2022-06-01", "2022-08-31"},
    {"The speaker's trip last summer angered Beijing.", "2022-07-15", P, "last summer", "",
     "season", pb::SEASON, "2021-06-01", "2021-08-31"},
    {"The city will host the games this summer.", "2024-05-06", F, "this summer", "", "season",
     pb::SEASON, "2024-06-01", "2024-08-31"},
    {"Fighting grew fiercer last winter.", "2023-04-10", P, "last winter", "", "season",
     pb::SEASON, "2022-12-01", "2023-02-28"},
    {"Ties froze in the summer of 2022.", "2023-04-10", P, "in the summer of 2022", "", "season",
     pb::SEASON, "2022-06-01", "2022-08-31"},
    // ---- no mention: vague or false friends ----
    {"Several months ago the talks collapsed.", "2023-01-05", P, nullptr, "", "", pb::DAY},
    {"I spoke to my colleague on the phone the other day.", "2023-01-05", P, nullptr, "", "",
     pb::DAY},
    {"The two sides have met recently.", "2023-01-05", P, nullptr, "", "", pb::DAY},
    {"The two leaders may meet in Geneva.", "2023-01-05", F, nullptr, "", "", pb::DAY},
    {"Officials said talks May resume soon.", "2023-01-05", F, nullptr, "", "", pb::DAY},
    {"Thousands march through the capital.", "2023-01-05", P, nullptr, "", "", pb::DAY},
    {"Supporters plan to March on the capital.", "2023-01-05", F, nullptr, "", "", pb::DAY},
    {"The Sunday Times reported the visit.", "2023-01-05", P, nullptr, "", "", pb::DAY},
    {"The G20 bank pledged $14 billion to the fund.", "2023-01-05", P, nullptr, "", "", pb::DAY},
    {"Some 2,000 troops crossed the border.", "2023-01-05", P, nullptr, "", "", pb::DAY},
    {"The road stretches 1,2023 km across the steppe.", "2023-01-05", P, nullptr, "", "",
     pb::DAY},
    {"The flight departs at 2000 GMT.", "2023-01-05", F, nullptr, "", "", pb::DAY},
    {"USA Today reported the call.", "2023-01-05", P, nullptr, "", "", pb::DAY},
    {"The 1990s were a different era.", "2023-01-05", P, nullptr, "", "", pb::DAY},
    {"Prices fall when supply rises.", "2023-01-05", P, nullptr, "", "", pb::DAY},
    {"He spent two weeks in the job.", "2023-01-05", P, nullptr, "", "", pb::DAY},
    {"Growth was the fastest in the last year.", "2023-01-05", P, nullptr, "", "", pb::DAY},
};

class TimeExpressionsTable : public ::testing::TestWithParam<Row> {};

TEST_P(TimeExpressionsTable, ResolvesTheExpression) {
  const Row& r = GetParam();
  const std::string sentence = r.sentence;
  const std::vector<TimeMention> got = FindTimeMentions(sentence, Day(r.pub), r.future);
  if (r.text == nullptr) {
    EXPECT_TRUE(got.empty()) << sentence << " -> " << sentence.substr(got[0].begin,
                                                                      got[0].end - got[0].begin);
    return;
  }
  ASSERT_EQ(got.size(), 1u) << sentence;
  const TimeMention& m = got[0];
  ASSERT_LE(m.begin, m.end);
  ASSERT_LE(m.end, sentence.size());
  EXPECT_EQ(sentence.substr(m.begin, m.end - m.begin), r.text) << sentence;
  EXPECT_EQ(FormatSpan(m.span), r.format) << sentence;
  EXPECT_EQ(m.rule, r.rule) << sentence;
  EXPECT_EQ(m.span.granularity(), r.gran) << sentence;
  EXPECT_FALSE(m.span.fell_back());
  if (*r.from) EXPECT_EQ(FormatIsoDay(m.span.from_day()), r.from) << sentence;
  if (*r.to) EXPECT_EQ(FormatIsoDay(m.span.to_day()), r.to) << sentence;
}

INSTANTIATE_TEST_SUITE_P(Rows, TimeExpressionsTable, ::testing::ValuesIn(kRows));

TEST(TimeExpressions, SeveralMentionsInOrder) {
  const std::string s =
      "Having met on Monday, the envoys agreed last week to talk again in March 2024.";
  const std::vector<TimeMention> got = FindTimeMentions(s, Day("2024-01-10"), false);
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(s.substr(got[0].begin, got[0].end - got[0].begin), "on Monday");
  EXPECT_EQ(FormatSpan(got[0].span), "2024-01-08");
  EXPECT_EQ(s.substr(got[1].begin, got[1].end - got[1].begin), "last week");
  EXPECT_EQ(FormatSpan(got[1].span), "2024-01");
  EXPECT_EQ(s.substr(got[2].begin, got[2].end - got[2].begin), "in March 2024");
  EXPECT_EQ(got[2].rule, "month-year");
}

TEST(TimeExpressions, NonBreakingSpacesAndUnicode) {
  // "on\u00a0Friday" with a non-breaking space, after a name with an accent.
  const std::string s = "Orb\u00e1n flew to Moscow on\u00a0Friday.";
  const std::vector<TimeMention> got = FindTimeMentions(s, Day("2024-07-08"), false);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(s.substr(got[0].begin, got[0].end - got[0].begin), "on\u00a0Friday");
  EXPECT_EQ(FormatSpan(got[0].span), "2024-07-05");
}

TEST(TimeExpressions, EmptyAndPunctuationOnly) {
  EXPECT_TRUE(FindTimeMentions("", Day("2024-01-01"), false).empty());
  EXPECT_TRUE(FindTimeMentions("-- , . \u2013", Day("2024-01-01"), true).empty());
  EXPECT_TRUE(FindTimeMentions("2023-", Day("2024-01-01"), true).size() == 1);  // the year
}

}  // namespace
// A well-formed date the calendar lacks is named as such, not "malformed".
TEST(TimeExpressions, WellFormedDayThatDoesNotExist) {
  absl::StatusOr<absl::CivilDay> day = ParseIsoDay("2023-02-30");
  ASSERT_FALSE(day.ok());
  EXPECT_EQ(day.status().message(), "no such day \"2023-02-30\": 2023-02 has 28 days");
  EXPECT_EQ(ParseIsoDay("2024-02-30").status().message(),
            "no such day \"2024-02-30\": 2024-02 has 29 days");
  EXPECT_NE(ParseIsoDay("2023-2-3").status().message().find("malformed"), std::string::npos);
  EXPECT_TRUE(ParseIsoDay("2024-02-29").ok());
}

}  // namespace newsgraph
