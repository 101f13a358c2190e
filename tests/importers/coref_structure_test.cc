// Coreference across sentences for event arguments: pronouns, pair and
// group noun phrases ("the two leaders", "the foreign ministers of Norway
// and Finland"), title-only references, and back-references to an event
// already reported ("The call lasted an hour" is the same call, and may give
// its date). All texts are written for these tests, with the people of the
// test KB and invented titled people. Published on Friday 2023-06-02.
#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "schema/dates.h"
#include "schema/ontology.h"
#include "tests/importers/test_extract.h"

namespace newsgraph {
namespace {

struct Case {
  const char* name;  // the test's name
  const char* text;
  const char* type;  // ExportEventType of the one event the case is about
  std::vector<std::string> people;  // its participants, in any order
  const char* day;  // FormatSpan of its time; "" when not checked
  int total;        // events of all types in the text; -1 when not checked
};

// gtest prints the case in failure messages; the name is enough.
void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

class CorefStructureTest : public ::testing::TestWithParam<Case> {};

TEST_P(CorefStructureTest, Extracts) {
  const Case& c = GetParam();
  const Extraction x = ExtractWithTestKb(c.text);
  SCOPED_TRACE(std::string(c.text) + "\nextracted:\n" + DescribeEvents(x));
  // Exactly one event of the type: a reference back to the contact must
  // join it, not add a second one.
  std::vector<const ExtractedEvent*> found;
  for (const ExtractedEvent& e : x.events) {
    if (ExportEventType(e.plover_type, e.mode) == c.type) found.push_back(&e);
  }
  ASSERT_EQ(found.size(), 1u) << "want one " << c.type << " event";
  EXPECT_EQ(SortedNames(*found[0]), SortedNames(c.people));
  if (!std::string(c.day).empty()) EXPECT_EQ(FormatSpan(found[0]->time), c.day);
  if (c.total >= 0) EXPECT_EQ(x.events.size(), static_cast<size_t>(c.total));
}

std::string CaseName(const ::testing::TestParamInfo<Case>& info) { return info.param.name; }

// Personal and possessive pronouns stand for the person named before,
// usually the previous sentence's subject.
const std::vector<Case> kPronouns = {
    {"HeMetThere",
     "Nordmann arrived in Helsinki on Monday. He met Virtanen there.",
     "MEET", {kOla, kKari}, "", -1},
    {"SheHeldTalks",
     "Chilean Foreign Minister Rosa Fuentes flew to Seoul on Sunday. She held talks with Park "
     "Min-ho on Monday.",
     "MEET", {"Rosa Fuentes", kPark}, "2023-05-29", -1},
    {"HeAndNamedMet",
     "Virtanen landed in Oslo on Tuesday. He and Nordmann met for two hours.",
     "MEET", {kKari, kOla}, "", -1},
    {"LaterHeSpokeByPhone",
     "Nordmann praised Finland's stance on Monday. Later he spoke by phone with Virtanen.",
     "PHONE_CALL", {kOla, kKari}, "", 1},
    {"HisMeetingWith",
     "Virtanen arrived in Seoul on Monday. His meeting with Park Min-ho lasted an hour.",
     "MEET", {kKari, kPark}, "", -1},
    {"HeMetHim",
     "Park Min-ho has long admired Nordmann. On Tuesday he met him in Oslo.",
     "MEET", {kPark, kOla}, "2023-05-30", -1},
    // The pronoun coordinated to a titled subject in apposition.
    {"HeAndTheTitledSubject",
     "Virtanen landed in Oslo on Tuesday. He and Norway's foreign minister, Ola Nordmann, held "
     "talks.",
     "MEET", {kKari, kOla}, "", -1},
    // A host receiving or welcoming the one named before.
    {"ReceivedHim",
     "Nordmann landed in Seoul on Sunday. South Korea's prime minister Park Min-ho received him "
     "on Monday.",
     "MEET", {kOla, kPark}, "2023-05-29", -1},
    {"WelcomedTheVisitingMinister",
     "Nordmann arrived in Helsinki on Monday. Virtanen welcomed the visiting foreign minister at "
     "the presidential palace.",
     "MEET", {kOla, kKari}, "", -1},
    // A name introduced by a descriptor ("survivor", "lawyer") is a person,
    // and the nearest antecedent of the pronouns after it.
    {"SheIsTheDescribedPerson",
     "Chilean Foreign Minister Rosa Fuentes spoke in Oslo on Monday. Later, Norwegian lawyer "
     "Anna Berg said she was moved. She met Virtanen on Tuesday.",
     "MEET", {"Anna Berg", kKari}, "2023-05-30", -1},
};
INSTANTIATE_TEST_SUITE_P(Pronouns, CorefStructureTest, ::testing::ValuesIn(kPronouns), CaseName);

// "the two leaders", "their meeting": a pair named together before.
const std::vector<Case> kPairs = {
    {"TheTwoLeadersMet",
     "Nordmann welcomed Virtanen's remarks on Monday. The two leaders met in Oslo on Tuesday.",
     "MEET", {kOla, kKari}, "2023-05-30", -1},
    {"TheTwoPresidentsMet",
     "Virtanen and Chilean President Diego Morales have clashed over copper prices. The two "
     "presidents met in Santiago on Wednesday.",
     "MEET", {kKari, "Diego Morales"}, "2023-05-31", -1},
    {"TheTwoMenMet",
     "Nordmann criticised Park Min-ho's trade policy in March. The two men met in Seoul on "
     "Monday to settle the dispute.",
     "MEET", {kOla, kPark}, "2023-05-29", -1},
    {"TheirMeeting",
     "Nordmann travelled to Helsinki to see Virtanen. Their meeting lasted three hours.",
     "MEET", {kOla, kKari}, "", -1},
    {"TheirPhoneCall",
     "Park Min-ho thanked Virtanen for Finland's help. Their phone call on Thursday lasted "
     "forty minutes.",
     "PHONE_CALL", {kPark, kKari}, "2023-06-01", 1},
    {"TheTwoForeignMinisters",
     "Nordmann and Chilean Foreign Minister Rosa Fuentes signed a fisheries accord. The two "
     "foreign ministers had met in Santiago on Monday.",
     "MEET", {kOla, "Rosa Fuentes"}, "2023-05-29", -1},
    // The pair travels, and its purpose infinitive's meeting is theirs.
    {"TheTwoLeadersTravelledToMeet",
     "The Norwegian and Finnish leaders, Nordmann and Virtanen, landed in Chile on Friday. The "
     "two leaders travelled to Santiago on Friday to meet Park Min-ho.",
     "MEET", {kOla, kKari, kPark}, "2023-06-02", -1},
};
INSTANTIATE_TEST_SUITE_P(Pairs, CorefStructureTest, ::testing::ValuesIn(kPairs), CaseName);

// A title without a name stands for the person named with that title.
const std::vector<Case> kTitleOnly = {
    {"TheForeignMinister",
     "Chilean Foreign Minister Rosa Fuentes arrived in Helsinki on Monday. On Tuesday the "
     "foreign minister met Virtanen.",
     "MEET", {"Rosa Fuentes", kKari}, "2023-05-30", -1},
    {"ThePrimeMinister",
     "Prime Minister Park Min-ho criticised the plan. Later the Prime Minister met Nordmann in "
     "Seoul.",
     "MEET", {kPark, kOla}, "", -1},
    {"TheFinnishPresident",
     "Virtanen thanked Norway for its help. The Finnish president later spoke by phone with "
     "Nordmann.",
     "PHONE_CALL", {kKari, kOla}, "", 1},
    {"TheChileanPresident",
     "Nordmann praised Chilean President Diego Morales on Monday. On Tuesday the Chilean "
     "president met Virtanen in Helsinki.",
     "MEET", {"Diego Morales", kKari}, "2023-05-30", -1},
    // The text gives no title; the knowledge base's role on the day does.
    {"TitleFromTheKnowledgeBase",
     "Park Min-ho met Virtanen in Helsinki on Monday. It was the prime minister's first visit "
     "to Finland.",
     "VISIT", {kPark}, "", -1},
    // "the president" is the holder, not the one called former president.
    {"ThePresidentIsNotTheFormerOne",
     "Virtanen met former President Jonas Berg of Finland on Monday. Later the president "
     "spoke by phone with Nordmann.",
     "PHONE_CALL", {kKari, kOla}, "", -1},
    // Of two presidents, the one spoken of last, whose title only the
    // knowledge base gives.
    {"ThePresidentSpokenOfLast",
     "Chilean President Diego Morales sent a letter. Virtanen answered it on Monday. The "
     "president then spoke by phone with Nordmann.",
     "PHONE_CALL", {kKari, kOla}, "", 1},
    // Two people hold a minister's title: "the minister" is left unresolved.
    {"AmbiguousTitleIsNoGuess",
     "Nordmann met Park Min-ho in Seoul on Monday. The minister's visit to Chile followed.",
     "MEET", {kOla, kPark}, "", 1},
    // A lead that gives the title before the name refers forward.
    {"TitleBeforeTheName",
     "The Chilean trade minister has arrived in Oslo. Chilean Trade Minister Ana Soto met "
     "Nordmann on Tuesday.",
     "VISIT", {"Ana Soto"}, "", -1},
    // Other names of an office: a premier is a prime minister, a top
    // diplomat a foreign minister.
    {"ThePremierIsThePrimeMinister",
     "Park Min-ho flew to Oslo on Sunday. The South Korean premier held talks with Nordmann on "
     "Monday.",
     "MEET", {kPark, kOla}, "2023-05-29", -1},
    {"TheTopDiplomatIsTheForeignMinister",
     "Nordmann arrived in Seoul on Monday. The top diplomat met Park Min-ho the next day.",
     "MEET", {kOla, kPark}, "", -1},
    // A leader of a state the article names one person of.
    {"TheOnePersonOfTheState",
     "Chilean President Diego Morales landed in Helsinki on Monday. The Chilean leader met "
     "Virtanen on Tuesday.",
     "MEET", {"Diego Morales", kKari}, "2023-05-30", -1},
};
INSTANTIATE_TEST_SUITE_P(TitleOnly, CorefStructureTest, ::testing::ValuesIn(kTitleOnly),
                         CaseName);

// A plural title with states ("the foreign ministers of Norway and
// Finland") stands for the holders named earlier, one per state.
const std::vector<Case> kGroups = {
    {"ForeignMinistersOfTwoStates",
     "Foreign Minister Ola Nordmann and Finnish Foreign Minister Aino Laine signed a "
     "declaration. The foreign ministers of Norway and Finland met again in Oslo on Thursday.",
     "MEET", {kOla, "Aino Laine"}, "2023-06-01", -1},
    {"PrimeMinistersOfTwoStates",
     "Park Min-ho and Prime Minister Jonas Berg of Norway issued a joint statement. The prime "
     "ministers of South Korea and Norway had met in Seoul on Monday.",
     "MEET", {kPark, "Jonas Berg"}, "2023-05-29", -1},
    {"PresidentsOfTwoStates",
     "Virtanen and Chilean President Diego Morales both addressed the forum. The presidents of "
     "Finland and Chile held talks on the sidelines.",
     "MEET", {kKari, "Diego Morales"}, "", -1},
    {"DemonymsBeforeTitle",
     "Nordmann and Finnish Foreign Minister Aino Laine are old friends. The Norwegian and "
     "Finnish foreign ministers met in Helsinki on Wednesday.",
     "MEET", {kOla, "Aino Laine"}, "2023-05-31", -1},
    // An alliance's leaders are the article's leaders of its member states;
    // its foreign minister, named too, is not one of them.
    {"AllianceLeaders",
     "Virtanen, Park Min-ho, Nordmann and Chilean President Diego Morales are in Tampere this "
     "week. The Arctic Four leaders opened a two-day summit there on Monday.",
     "SUMMIT", {kKari, kPark, "Diego Morales"}, "2023-05-29", -1},
    // Offices have other names: an external affairs minister is a foreign
    // minister.
    {"OfficeUnderAnotherName",
     "Chilean External Affairs Minister Rosa Fuentes and Nordmann signed a declaration. The "
     "foreign ministers of Norway and Chile met again on Thursday.",
     "MEET", {kOla, "Rosa Fuentes"}, "2023-06-01", -1},
    // One counterpart of a state: the person of that state who holds the
    // same office, named in the next sentence.
    {"OneCounterpartNamedAfter",
     "Nordmann held talks with his Chilean counterpart in Santiago. Foreign Minister Rosa Fuentes "
     "of Chile called the talks useful.",
     "MEET", {kOla, "Rosa Fuentes"}, "", -1},
};
INSTANTIATE_TEST_SUITE_P(Groups, CorefStructureTest, ::testing::ValuesIn(kGroups), CaseName);

// A namesake is another person: a full name whose given name the KB's
// holder does not have stays apart, and a bare surname far from it is the
// office holder the KB knows.
const std::vector<Case> kNamesakes = {
    {"OtherGivenNameIsAnotherPerson",
     "Oskar Nordmann, a businessman from Bergen, had lunch with Virtanen on Monday.",
     "MEET", {"Oskar Nordmann", kKari}, "2023-05-29", -1},
    {"BareSurnameIsTheOfficeHolder",
     "Oskar Nordmann, a businessman from Bergen, opened a new shipyard in Tampere on Monday, "
     "where hundreds of workers, local officials and reporters from several countries gathered "
     "to watch the first hull leave the dock and to hear speeches about trade between the two "
     "countries. Nordmann spoke by phone with Virtanen on Tuesday.",
     "PHONE_CALL", {kOla, kKari}, "2023-05-30", -1},
};
INSTANTIATE_TEST_SUITE_P(Namesakes, CorefStructureTest, ::testing::ValuesIn(kNamesakes),
                         CaseName);

// A definite noun for a contact already reported is that contact: one
// event, no second one with fewer people. No trips in these texts, so the
// total counts only contacts.
const std::vector<Case> kEventBackReferences = {
    {"TheCallLasted",
     "Virtanen spoke by phone with Nordmann on Monday. The call lasted an hour.",
     "PHONE_CALL", {kKari, kOla}, "2023-05-29", 1},
    {"TheMeetingFocused",
     "Nordmann met Park Min-ho on Tuesday. The meeting focused on shipbuilding.",
     "MEET", {kOla, kPark}, "2023-05-30", 1},
    {"DuringTheCall",
     "Chilean Foreign Minister Rosa Fuentes held a video call with Virtanen on Wednesday. "
     "During the call, Fuentes raised copper exports.",
     "VIDEO_CALL", {"Rosa Fuentes", kKari}, "2023-05-31", 1},
    {"DescribedTheMeeting",
     "Park Min-ho and Nordmann held talks on Monday. Park later described the meeting as "
     "frank.",
     "MEET", {kPark, kOla}, "2023-05-29", 1},
    // A contact reported without people takes those a later reference to
    // it names, and its date stays.
    {"PeopleOfAMeetingReportedWithout",
     "On Tuesday, Norway and Finland held a meeting of senior officials in Bergen. Trade was "
     "the main topic. Fisheries came up too. Park Min-ho spoke at the meeting, which was "
     "co-chaired by Nordmann and Virtanen.",
     "MEET", {kPark, kOla, kKari}, "2023-05-30", 1},
};
INSTANTIATE_TEST_SUITE_P(EventBackReferences, CorefStructureTest,
                         ::testing::ValuesIn(kEventBackReferences), CaseName);

// A later sentence gives the date of the contact reported without one.
const std::vector<Case> kLaterDates = {
    // A time that names another gathering dates that gathering only.
    {"TimeOfAnotherGathering",
     "Nordmann spoke with Virtanen about preparations for the June 12-13 Arctic Leaders "
     "Summit.",
     "PHONE_CALL", {kOla, kKari}, "2023-06", -1},
    // A month named on a trip no verb reports is the coming one when near.
    {"MonthOfAComingTrip",
     "Nordmann and Virtanen talked about energy. They also discussed Nordmann's July trip to "
     "Seoul.",
     "VISIT", {kOla}, "2023-07", -1},
    {"MeetingTookPlaceOn",
     "Nordmann met Virtanen to discuss fishing rights. The meeting took place on Tuesday.",
     "MEET", {kOla, kKari}, "2023-05-30", 1},
    {"CallTookPlaceOn",
     "Park Min-ho spoke by phone with Chilean Foreign Minister Rosa Fuentes. The call took "
     "place on Wednesday, officials said.",
     "PHONE_CALL", {kPark, "Rosa Fuentes"}, "2023-05-31", 1},
    {"TalksHeldOnDate",
     "Virtanen and Nordmann held talks about energy. The talks, held on May 24, covered "
     "security as well.",
     "MEET", {kKari, kOla}, "2023-05-24", 1},
    // The lead reports the story's days: undated there, the publication's
    // month; a later sentence's own date still wins.
    {"LeadReportIsOfThePublicationMonth",
     "Nordmann pledged lasting support for Finland after holding talks with Virtanen in "
     "Helsinki.",
     "MEET", {kOla, kKari}, "2023-06", -1},
    {"LaterDateBeatsTheLeadMonth",
     "Nordmann held talks with Virtanen in Helsinki. Fishing rights were discussed. The talks "
     "took place on May 24.",
     "MEET", {kOla, kKari}, "2023-05-24", 1},
    // A parallel clause after "while" has its own time.
    {"ParallelClauseHasItsOwnTime",
     "Virtanen met Park Min-ho in Seoul on Monday, while Nordmann spoke by phone with Chilean "
     "Foreign Minister Rosa Fuentes on Wednesday.",
     "PHONE_CALL", {kOla, "Rosa Fuentes"}, "2023-05-31", -1},
    // "is meeting X on Monday", said on a Friday: the Monday ahead.
    {"ProgressiveWithAnotherWeekdayIsAhead",
     "Virtanen is meeting Park Min-ho in Seoul on Monday.",
     "MEET", {kKari, kPark}, "2023-06-05", 1},
    // "the next day" counts from the day the story gave last.
    {"TheNextDay",
     "Nordmann flew to Helsinki on Monday. He met Virtanen there the next day.",
     "MEET", {kOla, kKari}, "2023-05-30", -1},
    {"TheNextMorning",
     "Nordmann flew to Helsinki on Monday. Virtanen greeted him the next morning.",
     "MEET", {kOla, kKari}, "2023-05-30", -1},
    // "the pair" is the pair of the contact before; the time after its
    // own ", and" clause is its own.
    {"ThePairSpokeAgain",
     "Nordmann met Virtanen in Bergen last August, and the pair spoke by phone again in March.",
     "PHONE_CALL", {kOla, kKari}, "2023-03", -1},
    // "Four months later" moves the story's time on, to its month.
    {"MonthsLater",
     "Nordmann met Virtanen in Helsinki in January 2022. Four months later, Virtanen hosted "
     "Park Min-ho in Tampere.",
     "VISIT", {kPark}, "2022-05", -1},
    // What the lead dates is the story; a later undated report of one of its
    // people belongs to it, to its month.
    {"LaterReportInTheStorysMonth",
     "Nordmann arrived in Helsinki on Thursday for talks with Virtanen. Fishing was on the "
     "agenda. So was trade. Energy came up as well. After the talks, Nordmann spoke by phone "
     "with Finnish Prime Minister Anna Lind.",
     "PHONE_CALL", {kOla, "Anna Lind"}, "2023-06", -1},
    // "Meanwhile" opens another thread: the time of the one before does not
    // frame it (the lead's own month does).
    {"MeanwhileIsAnotherThread",
     "Nordmann met Virtanen in Bergen in March. Meanwhile, Park Min-ho was in Santiago.",
     "VISIT", {kPark}, "2023-06", -1},
    // A day without a year takes the year of the story told around it.
    {"DayWithoutYearInTheStorysYear",
     "The talks of 2021 went badly. In November 2021 Nordmann warned of a collapse. On March "
     "10 Nordmann and Virtanen met in Bergen.",
     "MEET", {kOla, kKari}, "2021-03-10", -1},
};
INSTANTIATE_TEST_SUITE_P(LaterDates, CorefStructureTest, ::testing::ValuesIn(kLaterDates),
                         CaseName);

// A plan is ahead of its report: a time long past in its sentence belongs
// to another clause.
TEST(PlanDatesTest, ATimeLongPastDatesNoPlan) {
  const Extraction x = ExtractWithTestKb(
      "Virtanen's office reached out to Nordmann, inviting him to visit Finland despite last "
      "year's quarrel over fishing.");
  SCOPED_TRACE(DescribeEvents(x));
  int visits = 0;
  for (const ExtractedEvent& e : x.events) {
    if (ExportEventType(e.plover_type, e.mode) != "VISIT") continue;
    ++visits;
    EXPECT_EQ(e.factuality, pb::POSSIBLE);
    EXPECT_EQ(FormatSpan(e.time), "");
  }
  EXPECT_EQ(visits, 1);
}

// A tour under way on the publication day: its stops ahead are of that
// month too.
TEST(PlanDatesTest, StopsAheadOfAnOngoingTour) {
  const Extraction x = ExtractWithTestKb(
      "Nordmann is visiting Seoul and Busan, and will finish his tour in Santiago.");
  SCOPED_TRACE(DescribeEvents(x));
  bool found = false;
  for (const ExtractedEvent& e : x.events) {
    if (e.mode != "visit" || e.place != "Santiago") continue;
    found = true;
    EXPECT_EQ(e.factuality, pb::PLANNED);
    EXPECT_EQ(FormatSpan(e.time), "2023-06");
  }
  EXPECT_TRUE(found);
}

// The frame a past sentence sets ("in March") is not the time of a plan
// told after it; published 2023-06-02.
TEST(PlanDatesTest, AnEarlierFrameDatesNoPlan) {
  const Extraction x = ExtractWithTestKb(
      "Nordmann and Virtanen met in Bergen in March. Both welcomed work towards a call between "
      "Virtanen and Park Min-ho in the weeks ahead.");
  SCOPED_TRACE(DescribeEvents(x));
  int calls = 0;
  for (const ExtractedEvent& e : x.events) {
    if (ExportEventType(e.plover_type, e.mode) != "PHONE_CALL") continue;
    ++calls;
    EXPECT_EQ(e.factuality, pb::PLANNED);
    EXPECT_EQ(FormatSpan(e.time), "");
  }
  EXPECT_EQ(calls, 1);
}

}  // namespace
}  // namespace newsgraph
