// Argument rules of events.cc / visits.cc, end to end through the Extractor
// with the small test KB (sentences written for these tests).
#include <algorithm>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "importers/extractor.h"
#include "schema/dates.h"
#include "schema/ontology.h"
#include "tests/importers/test_extract.h"

namespace newsgraph {
namespace {

std::vector<std::string> Summaries(const std::string& text, const std::string& date = "2023-06-02") {
  const Extraction x = ExtractWithTestKb(text, date);
  std::vector<std::string> out;
  for (const ExtractedEvent& e : x.events) {
    std::vector<std::string> names;
    for (const Participant& p : e.participants) names.push_back(p.name);
    std::sort(names.begin(), names.end());
    std::string s = ExportEventType(e.plover_type, e.mode) + ":" + FactualityName(e.factuality);
    for (const std::string& n : names) s += " " + n;
    if (!e.place.empty()) s += " @" + e.place;
    out.push_back(s);
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(EventsTest, SubjectsAndObjectsAcrossLongTitles) {
  EXPECT_EQ(Summaries("Virtanen met on May 30-31 with Party Member, Director of the Office of "
                      "Planning, and Foreign Minister Ola Nordmann in Santiago to follow up on "
                      "the summit between President Park and Prime Minister Rosa Fuentes."),
            (std::vector<std::string>{"MEET:happened Kari Virtanen Ola Nordmann @Santiago",
                                      "SUMMIT:happened Park Min-ho Rosa Fuentes"}));
}

TEST(EventsTest, LightVerbAndPronounSubject) {
  EXPECT_EQ(Summaries("Nordmann arrived late. He will hold talks with Virtanen on Monday."),
            (std::vector<std::string>{"MEET:planned Kari Virtanen Ola Nordmann"}));
}

TEST(EventsTest, SeparateBilateralsWithLeadersOfSeveralStates) {
  EXPECT_EQ(Summaries("Virtanen will meet Nordmann, Prime Minister Park Min-ho and Chilean "
                      "Foreign Minister Rosa Fuentes."),
            (std::vector<std::string>{"MEET:planned Kari Virtanen Ola Nordmann",
                                      "MEET:planned Kari Virtanen Park Min-ho",
                                      "MEET:planned Kari Virtanen Rosa Fuentes"}));
}

TEST(EventsTest, PairReference) {
  EXPECT_EQ(Summaries("Virtanen spoke by phone with Nordmann on Tuesday. The call followed "
                      "the two leaders' meeting in Oslo in March."),
            (std::vector<std::string>{"MEET:happened Kari Virtanen Ola Nordmann @Oslo",
                                      "PHONE_CALL:happened Kari Virtanen Ola Nordmann"}));
}

TEST(EventsTest, UnnamedCounterpartsMakeVisits) {
  EXPECT_EQ(Summaries("Talks followed meetings between Virtanen, Nordmann, and their "
                      "counterparts in Seoul."),
            (std::vector<std::string>{"VISIT:happened Kari Virtanen @Seoul",
                                      "VISIT:happened Ola Nordmann @Seoul"}));
  // Demonyms before "counterparts", right after the verb.
  EXPECT_EQ(Summaries("Last week Nordmann met his Chilean and South Korean counterparts at a "
                      "forum in Santiago, where they signed a fisheries pact."),
            (std::vector<std::string>{"VISIT:happened Ola Nordmann @Santiago"}));
}

// A city the knowledge base places: a trip inside one's own state is no
// visit, and two places of one state are one trip.
TEST(EventsTest, PlacesOfKnownStates) {
  EXPECT_EQ(Summaries("Nordmann travelled to Bergen on Monday."), std::vector<std::string>{});
  EXPECT_EQ(Summaries("Nordmann travelled to Tampere on Monday."),
            (std::vector<std::string>{"VISIT:happened Ola Nordmann @Tampere"}));
  EXPECT_EQ(Summaries("Nordmann arrived in Helsinki on Monday. On Tuesday he travelled to "
                      "Tampere."),
            (std::vector<std::string>{"VISIT:happened Ola Nordmann @Helsinki"}));
}

// Speaking at a place abroad, or at a gathering named after one, is being
// there; a newspaper or a figure of speech is not.
TEST(EventsTest, PresenceAbroadIsAVisit) {
  EXPECT_EQ(Summaries("At the Arctic Forum in Tampere on Monday, Nordmann said the ice was "
                      "thinning."),
            (std::vector<std::string>{"VISIT:happened Ola Nordmann @Tampere"}));
  EXPECT_EQ(Summaries("Nordmann told reporters in Busan that the talks would resume."),
            (std::vector<std::string>{"VISIT:happened Ola Nordmann @Busan"}));
  EXPECT_EQ(Summaries("Virtanen addressed the Busan Security Forum by video."),
            (std::vector<std::string>{"VISIT:happened Kari Virtanen @Busan"}));
  EXPECT_EQ(Summaries("Virtanen said in Helsinki that the talks would resume."),
            std::vector<std::string>{});
  EXPECT_EQ(Summaries("Nordmann told the Busan Herald that he would stay on."),
            std::vector<std::string>{});
  EXPECT_EQ(Summaries("Nordmann said the next move was in Finland's court."),
            std::vector<std::string>{});
  EXPECT_EQ(Summaries("Virtanen said Norway would end its quarrel in Tampere if asked."),
            std::vector<std::string>{});
}

// Objects that each carry their own place and date are separate meetings;
// the participle's subject is the sentence's, past a closed quotation.
TEST(EventsTest, GappedObjectsAreSeparateMeetings) {
  const Extraction x = ExtractWithTestKb(
      "Nordmann has finished what he calls his \"listening tour,\" meeting Virtanen in "
      "Helsinki on May 22 and Park Min-ho in Seoul on May 26.");
  std::vector<std::string> got;
  for (const ExtractedEvent& e : x.events) {
    if (e.mode != "in-person") continue;
    got.push_back(SortedNames(e) + " @" + e.place + " " + FormatSpan(e.time));
  }
  std::sort(got.begin(), got.end());
  EXPECT_EQ(got, (std::vector<std::string>{"Kari Virtanen, Ola Nordmann @Helsinki 2023-05-22",
                                           "Ola Nordmann, Park Min-ho @Seoul 2023-05-26"}))
      << DescribeEvents(x);
}

// A host meeting unnamed counterparts at home makes no visit.
TEST(EventsTest, HostOfUnnamedCounterpartsIsNoTraveller) {
  EXPECT_EQ(Summaries("Nordmann hosted his counterparts from Chile and Finland in Oslo today."),
            std::vector<std::string>{});
  EXPECT_EQ(Summaries("Nordmann met his counterparts from Chile and Finland in Oslo today."),
            std::vector<std::string>{});
}

// The visit's own title between the possessor and the noun.
TEST(EventsTest, PossessorOfATitledVisit) {
  EXPECT_EQ(Summaries("Trade grew after former President Virtanen's State Visit to Chile "
                      "in March, Nordmann said."),
            (std::vector<std::string>{"VISIT:happened Kari Virtanen @Chile"}));
}

// Presence with an adverb between the copula and "in", in a relative clause.
TEST(EventsTest, WasRecentlyIn) {
  EXPECT_EQ(Summaries("Talks continue with partners, including Park Min-ho, who was recently in "
                      "Oslo."),
            (std::vector<std::string>{"VISIT:happened Park Min-ho @Oslo"}));
}

// "won't stop at <state>" is a figure of speech; "flew on to" is a trip; a
// sentence's source after a comma is no part of the place.
TEST(EventsTest, StopsAndOnwardTrips) {
  EXPECT_EQ(Summaries("Nordmann won't stop at Chile, Virtanen warned on Monday."),
            std::vector<std::string>{});
  EXPECT_EQ(Summaries("Nordmann flew on to Santiago on Monday."),
            (std::vector<std::string>{"VISIT:happened Ola Nordmann @Santiago"}));
  EXPECT_EQ(Summaries("Nordmann flew into Santiago on Monday."),
            (std::vector<std::string>{"VISIT:happened Ola Nordmann @Santiago"}));
  EXPECT_EQ(Summaries("Nordmann flew into a rage on Monday."), std::vector<std::string>{});
  EXPECT_EQ(Summaries("Nordmann will not travel to the summit in Tampere, Oslo said."),
            (std::vector<std::string>{"VISIT:denied Ola Nordmann @Tampere"}));
}

// A conversation during one's own visit is face to face.
TEST(EventsTest, ConversationDuringAVisit) {
  EXPECT_EQ(Summaries("Nordmann had a long conversation with Virtanen during his visit to "
                      "Helsinki."),
            (std::vector<std::string>{"MEET:happened Kari Virtanen Ola Nordmann",
                                      "VISIT:happened Ola Nordmann @Helsinki"}));
}

// A time inside a relative clause closed before the trigger dates that
// clause, not the trigger.
TEST(EventsTest, RelativeClauseTimeDatesItsOwnClause) {
  const Extraction x = ExtractWithTestKb(
      "Nordmann, who visited Seoul in February, met Virtanen again in Oslo on Saturday.");
  std::vector<std::string> got;
  for (const ExtractedEvent& e : x.events) got.push_back(e.mode + " " + FormatSpan(e.time));
  std::sort(got.begin(), got.end());
  EXPECT_EQ(got, (std::vector<std::string>{"in-person 2023-05-27", "visit 2023-02"}))
      << DescribeEvents(x);
}

// A trip abroad whose destination the sentence leaves out is still a visit.
TEST(EventsTest, OverseasTripWithoutAPlace) {
  EXPECT_EQ(Summaries("Aides blamed Nordmann's overseas trip for the delay."),
            (std::vector<std::string>{"VISIT:happened Ola Nordmann"}));
  EXPECT_EQ(Summaries("Aides blamed Nordmann's trip for the delay."), std::vector<std::string>{});
}

// A verb in a "when" clause has its own tense: it does not share the plan
// of the verb before it.
TEST(EventsTest, WhenClauseKeepsItsOwnTense) {
  EXPECT_EQ(Summaries("Nordmann and Virtanen agreed to resume trade talks when they met in "
                      "Oslo on Monday."),
            (std::vector<std::string>{"MEET:happened Kari Virtanen Ola Nordmann @Oslo"}));
}

// A photo caption's positions stand between coordinated people and their
// verb.
TEST(EventsTest, CaptionPositionsBetweenPeople) {
  EXPECT_EQ(Summaries("Nordmann (second left) and the Finnish president, Kari Virtanen (left), "
                      "greet officials in Oslo on Sunday."),
            (std::vector<std::string>{"MEET:happened Kari Virtanen Ola Nordmann @Oslo"}));
}

// "hosted the leaders of A and B at <place>": the guests of a group travel.
TEST(EventsTest, HostedGroupGuestsVisit) {
  EXPECT_EQ(Summaries("Park Min-ho met Nordmann in Seoul in May. Virtanen met Nordmann in "
                      "Helsinki in April. In June, Park Min-ho hosted the leaders of Finland and "
                      "Norway in Busan."),
            (std::vector<std::string>{"MEET:happened Kari Virtanen Ola Nordmann @Helsinki",
                                      "MEET:happened Kari Virtanen Ola Nordmann Park Min-ho @Busan",
                                      "MEET:happened Ola Nordmann Park Min-ho @Seoul",
                                      "VISIT:happened Kari Virtanen @Busan",
                                      "VISIT:happened Ola Nordmann @Busan"}));
}

// Guests hosted together are one gathering, each guest travelling.
TEST(EventsTest, HostingTwoGuestsIsOneMeeting) {
  EXPECT_EQ(Summaries("Park Min-ho hosted Nordmann and Virtanen in Busan on Friday."),
            (std::vector<std::string>{"MEET:happened Kari Virtanen Ola Nordmann Park Min-ho @Busan",
                                      "VISIT:happened Kari Virtanen @Busan",
                                      "VISIT:happened Ola Nordmann @Busan"}));
}

TEST(EventsTest, HostAndReceivedGuests) {
  EXPECT_EQ(Summaries("Virtanen will host Nordmann for talks in Helsinki next week."),
            (std::vector<std::string>{"MEET:planned Kari Virtanen Ola Nordmann @Helsinki",
                                      "VISIT:planned Ola Nordmann @Helsinki"}));
  EXPECT_EQ(Summaries("Both Nordmann and Virtanen have been greeted in Seoul twice."),
            (std::vector<std::string>{"VISIT:happened Kari Virtanen @Seoul",
                                      "VISIT:happened Ola Nordmann @Seoul"}));
}

TEST(EventsTest, CallingSomeoneNamesIsNoCall) {
  EXPECT_TRUE(Summaries("Nordmann called Virtanen \"a true friend\" on Monday.").empty());
  EXPECT_TRUE(Summaries("Nordmann renewed his call for talks.").empty());
}

TEST(EventsTest, VisitedPersonAndRelativeClauseTraveller) {
  // "chose ... to visit" implies the visit was made.
  EXPECT_EQ(Summaries("Nordmann, who rarely travels, chose this week to visit President Kari "
                      "Virtanen in Helsinki."),
            (std::vector<std::string>{"MEET:happened Kari Virtanen Ola Nordmann @Helsinki",
                                      "VISIT:happened Ola Nordmann @Helsinki"}));
}

// The capital and its state are one trip.
TEST(EventsTest, ObjectsOfVisitsAreNotTravellers) {
  EXPECT_EQ(Summaries("Nordmann visited President Virtanen in Helsinki, marking his first visit "
                      "to Finland."),
            (std::vector<std::string>{"MEET:happened Kari Virtanen Ola Nordmann @Helsinki",
                                      "VISIT:happened Ola Nordmann @Helsinki"}));
}

// Stops inside one trip are not visits of their own; separate states of a
// tour are.
TEST(EventsTest, StopsOfOneTripAreOneVisit) {
  EXPECT_EQ(Summaries("Nordmann arrived in Helsinki on Tuesday. On Tuesday afternoon he also "
                      "visited Porvoo, a small town east of the capital."),
            (std::vector<std::string>{"VISIT:happened Ola Nordmann @Helsinki"}));
  EXPECT_EQ(Summaries("Nordmann made a trip to Finland last month. He visited Chile in the "
                      "same month."),
            (std::vector<std::string>{"VISIT:happened Ola Nordmann @Chile",
                                      "VISIT:happened Ola Nordmann @Finland"}));
  EXPECT_EQ(Summaries("Nordmann visited Santiago on Monday. After laying a wreath there, he "
                      "travelled to Helsinki on Wednesday."),
            (std::vector<std::string>{"VISIT:happened Ola Nordmann @Helsinki",
                                      "VISIT:happened Ola Nordmann @Santiago"}));
}

TEST(EventsTest, VisitOfPersonToPlaceAndFrontedPhrase) {
  EXPECT_EQ(Summaries("Protests followed the visit of Foreign Minister Ola Nordmann to Chile."),
            (std::vector<std::string>{"VISIT:happened Ola Nordmann @Chile"}));
  EXPECT_EQ(Summaries("On a visit to Seoul in 2021, Virtanen praised the hosts."),
            (std::vector<std::string>{"VISIT:happened Kari Virtanen @Seoul"}));
}

TEST(EventsTest, ParticipantListNeedsItsCueFirst) {
  // A later sentence that merely includes names does not join the call.
  EXPECT_EQ(Summaries("Nordmann held a call with Virtanen today. Topics included the "
                      "views of Park Min-ho."),
            (std::vector<std::string>{"PHONE_CALL:happened Kari Virtanen Ola Nordmann"}));
  EXPECT_EQ(Summaries("Virtanen convened a meeting of leaders today.\nJoining him at the "
                      "meeting were the following leaders:\n- Prime Minister Park Min-ho - "
                      "Foreign Minister Ola Nordmann"),
            (std::vector<std::string>{
                "MEET:happened Kari Virtanen Ola Nordmann Park Min-ho"}));
}

TEST(EventsTest, PresentTenseIsThePublicationDay) {
  static KnowledgeBase* kb = new KnowledgeBase(MakeTestKb());
  Extractor ex(kb);
  ArticleInput a;
  a.date = "2023-06-02";
  a.text = "Nordmann is in Seoul as part of an Asian tour.";
  absl::StatusOr<Extraction> x = ex.Extract(a);
  ASSERT_TRUE(x.ok());
  ASSERT_EQ(x->events.size(), 1u);
  EXPECT_EQ(FormatSpan(x->events[0].time), "2023-06-02");
  EXPECT_EQ(x->events[0].date_rule, "present-tense");
}

}  // namespace
}  // namespace newsgraph
