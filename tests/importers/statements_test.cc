// Statements beyond contacts (SANCTION, SUPPORT, ACCUSE) and the contact
// rules that reach across sentence fragments: a stray full stop inside a
// sentence, "they will meet", "also met", an ongoing tour.
#include <string>

#include "gtest/gtest.h"
#include "importers/extractor.h"
#include "importers/text.h"
#include "schema/dates.h"
#include "schema/ontology.h"
#include "tests/importers/test_extract.h"

namespace newsgraph {
namespace {

Extraction ExtractFrom(const std::string& text, const std::string& date = "2023-06-02") {
  return ExtractWithTestKb(text, date);
}

std::string Names(const ExtractedEvent& e) { return ParticipantNames(e); }

int Count(const Extraction& x, const std::string& type) {
  int n = 0;
  for (const ExtractedEvent& e : x.events) n += e.plover_type == type;
  return n;
}

const ExtractedEvent* Find(const Extraction& x, const std::string& type) {
  for (const ExtractedEvent& e : x.events) {
    if (e.plover_type == type) return &e;
  }
  return nullptr;
}

TEST(StatementsTest, SanctionStateOnPerson) {
  Extraction x = ExtractFrom("Norway imposed new sanctions on President Kari Virtanen on Tuesday.");
  const ExtractedEvent* e = Find(x, "SANCTION");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->mode, "");
  ASSERT_EQ(e->participants.size(), 2u);
  EXPECT_EQ(e->participants[0].kind, pb::STATE);
  EXPECT_EQ(e->participants[0].kb_key, "NO");
  EXPECT_EQ(e->participants[1].kind, pb::PERSON);
  EXPECT_EQ(e->participants[1].name, "Kari Virtanen");
  EXPECT_EQ(FormatSpan(e->time), "2023-05-30");
  EXPECT_EQ(e->factuality, pb::HAPPENED);
}

TEST(StatementsTest, SanctionPersonOnStatesAndVerbForm) {
  Extraction x = ExtractFrom("Foreign Minister Ola Nordmann announced sanctions against Chile and "
                     "South Korea. Finland sanctioned Park Min-ho last week.");
  ASSERT_EQ(Count(x, "SANCTION"), 2);
  const ExtractedEvent* e = Find(x, "SANCTION");
  EXPECT_EQ(Names(*e), "Ola Nordmann+Chile+South Korea");
  EXPECT_EQ(Count(x, "CONSULT"), 0);  // no contact comes of it
}

// The passive names the target first and the one who imposed it after
// "by".
TEST(StatementsTest, PassiveSanctionKeepsItsDirection) {
  Extraction x = ExtractFrom("Chilean officials were sanctioned by Finland after the vote.");
  const ExtractedEvent* e = Find(x, "SANCTION");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(Names(*e), "Finland+Chile");
  x = ExtractFrom("Park Min-ho was sanctioned by Norway and Finland on Monday.");
  e = Find(x, "SANCTION");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(Names(*e), "Norway+Finland+Park Min-ho");
  EXPECT_EQ(FormatSpan(e->time), "2023-05-29");
}

// "was hit with sanctions by": the same passive with a light verb.
TEST(StatementsTest, HitWithSanctionsByIsPassive) {
  Extraction x = ExtractFrom("Chile was hit with fresh sanctions by Norway on Tuesday.");
  const ExtractedEvent* e = Find(x, "SANCTION");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(Names(*e), "Norway+Chile");
  EXPECT_EQ(FormatSpan(e->time), "2023-05-30");
}

TEST(StatementsTest, NoSanctionFromHedgesOrMentions) {
  EXPECT_EQ(Count(ExtractFrom("Norway threatened to impose sanctions on Chile."), "SANCTION"), 0);
  EXPECT_EQ(Count(ExtractFrom("Nordmann said the sanctions on Chile were working."), "SANCTION"), 0);
  EXPECT_EQ(Count(ExtractFrom("Sanctions were imposed on Chile in March."), "SANCTION"), 0);
}

TEST(StatementsTest, SupportWithCoordinatedSubjects) {
  Extraction x = ExtractFrom("Nordmann and President Virtanen reaffirmed their firm support for "
                     "South Korea in talks on Monday.");
  const ExtractedEvent* e = Find(x, "SUPPORT");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(Names(*e), "Ola Nordmann+Kari Virtanen+South Korea");
  EXPECT_EQ(Count(x, "SUPPORT"), 1);
}

TEST(StatementsTest, NoSupportForOwnStateOrCompound) {
  EXPECT_EQ(Count(ExtractFrom("Nordmann expressed support for the Norway-Chile partnership."),
                  "SUPPORT"),
            0);
  EXPECT_EQ(Count(ExtractFrom("Nordmann expressed strong support for Norway."), "SUPPORT"), 0);
}

TEST(StatementsTest, AccuseStatesAndPeople) {
  Extraction x = ExtractFrom("The Finnish government condemned Chile's decision. Virtanen accused "
                     "Nordmann of stalling.");
  ASSERT_EQ(Count(x, "ACCUSE"), 2);
  EXPECT_EQ(Names(x.events[0]), "Finland+Chile");
  EXPECT_EQ(Names(x.events[1]), "Kari Virtanen+Ola Nordmann");
  EXPECT_EQ(Count(ExtractFrom("Virtanen refused to condemn Chile."), "ACCUSE"), 0);
  EXPECT_EQ(Count(ExtractFrom("Resolutions that condemned the war passed."), "ACCUSE"), 0);
}

TEST(FragmentsTest, StrayFullStopKeepsTheSentence) {
  Document doc = Analyze("Nordmann will meet Virtanen, head of the Finnish Green. League "
                         "and adviser to the cabinet in Oslo on Monday. He left.");
  ASSERT_EQ(doc.sentences.size(), 2u);
  Extraction x = ExtractFrom("Nordmann will meet Virtanen, head of the Finnish Green. League "
                     "and adviser to the cabinet in Oslo on Monday.");
  ASSERT_EQ(Count(x, "CONSULT"), 1);
  EXPECT_EQ(FormatSpan(x.events[0].time), "2023-06-05");
  EXPECT_EQ(x.events[0].factuality, pb::PLANNED);
}

TEST(FragmentsTest, FragmentWithItsOwnVerbStaysApart) {
  EXPECT_EQ(Analyze("Nordmann met Virtanen in Oslo. Finland said the talks went well.")
                .sentences.size(),
            2u);
  EXPECT_EQ(Analyze("Nordmann met Virtanen in Oslo. Energy topped the agenda.")
                .sentences.size(),
            2u);
  EXPECT_EQ(Analyze("Nordmann met Virtanen in Oslo. The agenda was long.").sentences.size(),
            2u);
}

TEST(FragmentsTest, TheyStandsForTheCoordinatedPair) {
  Extraction x = ExtractFrom("Both Nordmann and Virtanen will attend the forum, but officials have "
                     "not confirmed that they will meet.");
  ASSERT_EQ(Count(x, "CONSULT"), 1);
  EXPECT_EQ(Names(x.events[0]), "Ola Nordmann+Kari Virtanen");
  EXPECT_EQ(x.events[0].factuality, pb::POSSIBLE);
}

TEST(FragmentsTest, AlsoMetImpliesTheEarlierCounterpart) {
  Extraction x = ExtractFrom("In Oslo, Foreign Minister Ola Nordmann pressed Park Min-ho to lower "
                     "tariffs. Park also met with President Kari Virtanen.");
  ASSERT_EQ(Count(x, "CONSULT"), 2);
  EXPECT_EQ(Names(x.events[0]), "Park Min-ho+Kari Virtanen");
  EXPECT_EQ(Names(x.events[1]), "Ola Nordmann+Park Min-ho");
  EXPECT_EQ(x.events[1].rule, "also-met-prior");
  // Without "also" nothing is implied.
  EXPECT_EQ(Count(ExtractFrom("In Oslo, Nordmann pressed Park Min-ho to lower tariffs. Park met with "
                      "President Kari Virtanen."),
                  "CONSULT"),
            1);
  // A reporter is no counterpart.
  EXPECT_EQ(Count(ExtractFrom("Nordmann said Park Min-ho was tired. Park also met with President "
                      "Kari Virtanen."),
                  "CONSULT"),
            1);
}

TEST(FragmentsTest, OngoingTourDatesItsUndatedStops) {
  Extraction x = ExtractFrom("Park Min-ho met Virtanen in Helsinki. Park is visiting Chile and "
                     "Norway as well.");
  const ExtractedEvent* meet = nullptr;
  for (const ExtractedEvent& e : x.events) {
    if (e.mode == "in-person") meet = &e;
  }
  ASSERT_NE(meet, nullptr);
  EXPECT_EQ(FormatSpan(meet->time), "2023-06");
  EXPECT_EQ(meet->date_rule, "ongoing-tour");
}

}  // namespace
}  // namespace newsgraph
