// Contacts a sentence reports through what one person told another: "X
// told Y that ..." is a contact whose medium the text does not give (a
// call, unless a meeting of the two is reported), with only the person right
// after the verb as the one told. Interviews ("told reporters", "told a
// broadcaster's anchor Y") and people named inside what was said are no
// participants. All sentences are written for these tests, with the people
// of the test KB and invented titled people; published on Friday 2023-06-02.
#include <ostream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "schema/dates.h"
#include "schema/ontology.h"
#include "tests/importers/structure_case.h"

namespace newsgraph {
namespace {

using structure::Case;
using structure::CaseName;

class ReportedContactTest : public ::testing::TestWithParam<Case> {};

TEST_P(ReportedContactTest, Extracts) { structure::CheckCase(GetParam()); }

constexpr pb::Factuality kHappened = pb::HAPPENED;
constexpr pb::Factuality kPlanned = pb::PLANNED;

const std::vector<Case> kTelling = {
    {"ToldSomeoneSomething",
     "Nordmann privately told Virtanen that the fishing quotas would not change.",
     {{"PHONE_CALL", {kOla, kKari}, kHappened}}, {"MEET"}},
    {"PresentTenseHeadline", "Virtanen tells Park Min-ho that Finland will buy ships",
     {{"PHONE_CALL", {kKari, kPark}, kHappened}}, {}},
    {"ToldReportersIsNoContact",
     "Nordmann told reporters on Monday that Virtanen would visit Oslo next week.",
     {{"VISIT", {kKari}, kPlanned}}, {"PHONE_CALL", "MEET"}},
    {"PeopleInsideWhatWasSaid",
     "Virtanen spoke in Tampere on Monday. Later, Nordmann told the Finnish president that Park "
     "Min-ho could not be trusted.",
     {{"PHONE_CALL", {kOla, kKari}, kHappened}}, {"MEET"}},
    {"ToldWhenTheyMet",
     "Virtanen told Nordmann that the border would stay open when both of them met in Bergen.",
     {{"MEET", {kKari, kOla}, kHappened}}, {"PHONE_CALL"}},
    {"ToldInTheirMeeting",
     "Park Min-ho told Nordmann in their Saturday meeting that exports had doubled.",
     {{"MEET", {kPark, kOla}, kHappened}}, {"PHONE_CALL"}},
    {"ToldAtANewsConferenceThatHeWouldCall",
     "Nordmann told a news conference in Bergen that he would call Virtanen on Friday.",
     {{"PHONE_CALL", {kOla, kKari}, kPlanned}}, {"MEET"}},
    {"ToldAnAnchorIsAnInterview",
     "Virtanen told Nordic Radio's chief anchor Lars Berg that the talks were over.", {},
     {"PHONE_CALL", "MEET"}},
    {"ToldAfterAMeetingIsThatMeeting",
     "Virtanen met Nordmann in Helsinki on Tuesday. Virtanen told Nordmann that the accord "
     "would hold.",
     {{"MEET", {kKari, kOla}, kHappened}}, {"PHONE_CALL"}},
    {"ToldHimIsThePersonNamedBefore",
     "Park Min-ho asked for more ships. Virtanen told him that they would come.",
     {{"PHONE_CALL", {kKari, kPark}, kHappened}}, {}},
    // A call placed and not answered did not take place; one being set up
    // is planned.
    {"CallNotAnswered",
     "Nordmann tried to call Virtanen on Monday but failed to reach him, leaving a voicemail "
     "instead.",
     {{"PHONE_CALL", {kOla, kKari}, pb::DENIED}}, {}},
    {"CallBeingSetUp",
     "Aides were busy setting up a call between Nordmann and Virtanen.",
     {{"PHONE_CALL", {kOla, kKari}, kPlanned}}, {}},
    // The last call, or none; a regular one; a call that is being made.
    {"NotSpokenSince", "Nordmann and Virtanen have not spoken since the election.",
     {{"PHONE_CALL", {kOla, kKari}, pb::DENIED}}, {}},
    {"InRegularContactWith", "Nordmann has been in regular contact with Virtanen.",
     {{"PHONE_CALL", {kOla, kKari}, kHappened}}, {}},
    {"WasCalling", "Nordmann was calling Virtanen when the news broke.",
     {{"PHONE_CALL", {kOla, kKari}, kHappened}}, {}},
    // The concerns relayed in a meeting: the meeting's people.
    {"RelayedInAMeeting", "Nordmann relayed the concerns to Virtanen in a meeting on Saturday.",
     {{"MEET", {kOla, kKari}, kHappened}}, {}},
    {"ToldAPossessorIsNoContact", "Nordmann told Virtanen's aides that the plan was off.", {},
     {"PHONE_CALL", "MEET"}},
};
INSTANTIATE_TEST_SUITE_P(Telling, ReportedContactTest, ::testing::ValuesIn(kTelling), CaseName);

// The times of what was said date what was said, not the telling; a
// contact with no time of its own stays undated, or takes the story's.
struct TimeCase {
  const char* name;
  const char* text;
  const char* type;  // the one event of this type the case is about
  const char* day;   // FormatSpan of its time; "" when undated
};

void PrintTo(const TimeCase& c, std::ostream* os) { *os << c.name; }

class ReportedTimesTest : public ::testing::TestWithParam<TimeCase> {};

TEST_P(ReportedTimesTest, Dates) {
  const TimeCase& c = GetParam();
  const Extraction x = ExtractWithTestKb(c.text);
  SCOPED_TRACE(std::string(c.text) + "\nextracted:\n" + DescribeEvents(x));
  std::vector<std::string> days;
  for (const ExtractedEvent& e : x.events) {
    if (ExportEventType(e.plover_type, e.mode) == c.type) days.push_back(FormatSpan(e.time));
  }
  EXPECT_EQ(days, std::vector<std::string>{c.day});
}

const std::vector<TimeCase> kTimes = {
    {"WhatWasSaidDatesNoTelling",
     "Nordic Radio reported that Nordmann privately told Virtanen in a call that the ships "
     "would sail in August, according to two aides.",
     "PHONE_CALL", ""},
    {"TheTellingKeepsItsOwnTime",
     "Nordmann told Virtanen on Monday that the ships would sail in August.", "PHONE_CALL",
     "2023-05-29"},
    // The story's month (the lead's call), not last November.
    {"WhatWasSaidFramesNoLaterSentence",
     "Nordmann told Virtanen that Park Min-ho could lose the vote in November. The private "
     "talks between Nordmann and Park Min-ho are continuing.",
     "MEET", "2023-06"},
    // An aside after a dash has times of its own: the call, told in the lead
    // with no time, is of the publication's month, not of last August.
    {"AnAsideAfterADashDatesNothing",
     "Nordmann phoned Virtanen \u2013 leaving the vote in August to his deputies.",
     "PHONE_CALL", "2023-06"},
};
INSTANTIATE_TEST_SUITE_P(ReportedTimes, ReportedTimesTest, ::testing::ValuesIn(kTimes),
                         [](const ::testing::TestParamInfo<TimeCase>& info) {
                           return std::string(info.param.name);
                         });

}  // namespace
}  // namespace newsgraph
