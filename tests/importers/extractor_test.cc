#include "importers/extractor.h"

#include <algorithm>
#include <string>

#include "gtest/gtest.h"
#include "schema/dates.h"
#include "schema/ontology.h"
#include "tests/importers/test_extract.h"

namespace newsgraph {
namespace {

Extraction ExtractText(const std::string& text, const std::string& date = "2023-06-02") {
  return ExtractWithTestKb(text, date);
}

std::string Names(const ExtractedEvent& e) { return ParticipantNames(e); }

TEST(ExtractorTest, ReadoutMeeting) {
  Extraction x = ExtractText("Foreign Minister Ola Nordmann met today with President Kari Virtanen "
                     "of Finland in Helsinki. The two leaders discussed trade.");
  ASSERT_EQ(x.events.size(), 1u);
  const ExtractedEvent& e = x.events[0];
  EXPECT_EQ(ExportEventType(e.plover_type, e.mode), "MEET");
  EXPECT_EQ(Names(e), "Ola Nordmann+Kari Virtanen");
  EXPECT_EQ(e.participants[1].state, "FI");
  EXPECT_EQ(e.participants[1].role, "President");
  EXPECT_EQ(FormatSpan(e.time), "2023-06-02");
  EXPECT_EQ(e.factuality, pb::HAPPENED);
  EXPECT_EQ(e.place, "Helsinki");
}

TEST(ExtractorTest, PlannedCallWithLearnedPerson) {
  Extraction x = ExtractText("Chilean Foreign Minister Rosa Fuentes will speak by phone with "
                     "Nordmann on Monday.");
  ASSERT_EQ(x.events.size(), 1u);
  EXPECT_EQ(ExportEventType("CONSULT", x.events[0].mode), "PHONE_CALL");
  EXPECT_EQ(x.events[0].factuality, pb::PLANNED);
  EXPECT_EQ(FormatSpan(x.events[0].time), "2023-06-05");  // the next Monday
  ASSERT_EQ(x.roles.size(), 1u);
  EXPECT_EQ(x.roles[0].person.name, "Rosa Fuentes");
  EXPECT_EQ(x.roles[0].person.state, "CL");
  EXPECT_EQ(x.roles[0].person.role, "Foreign Minister");
}

TEST(ExtractorTest, VisitsPerDestinationTravellerOnly) {
  Extraction x = ExtractText("Nordmann travelled to Helsinki, Santiago and Seoul last week.");
  ASSERT_EQ(x.events.size(), 3u);
  for (const ExtractedEvent& e : x.events) {
    EXPECT_EQ(e.mode, "visit");
    EXPECT_EQ(Names(e), "Ola Nordmann");
  }
  EXPECT_EQ(x.events[2].place, "Seoul");
}

TEST(ExtractorTest, OneNamedPersonIsNoMeeting) {
  Extraction x = ExtractText("Nordmann met unnamed officials to discuss fishing quotas.");
  EXPECT_TRUE(x.events.empty());
}

TEST(ExtractorTest, RepeatedMentionsMerge) {
  Extraction x = ExtractText("Nordmann met Virtanen on Tuesday. The meeting with Virtanen lasted "
                     "an hour. Nordmann and Virtanen met again in Oslo in March.");
  ASSERT_EQ(x.events.size(), 2u);
  EXPECT_EQ(FormatSpan(x.events[0].time), "2023-05-30");
}

TEST(ExtractorTest, ParticipantListCompletesAContact) {
  Extraction x = ExtractText("Nordmann held a video call with Nordic leaders today. They "
                     "discussed energy.\nParticipants in the call included President Kari "
                     "Virtanen of Finland and Prime Minister Park Min-ho.");
  ASSERT_EQ(x.events.size(), 1u);
  EXPECT_EQ(x.events[0].mode, "video");
  EXPECT_EQ(x.events[0].participants.size(), 3u);
  EXPECT_EQ(FormatSpan(x.events[0].time), "2023-06-02");
}

TEST(ExtractorTest, ReportersAreNotParticipants) {
  Extraction x = ExtractText("Virtanen said Nordmann met Park Min-ho in Seoul on Friday.");
  ASSERT_EQ(x.events.size(), 1u);
  EXPECT_EQ(Names(x.events[0]), "Ola Nordmann+Park Min-ho");
}

TEST(ExtractorTest, CancelledTrip) {
  Extraction x = ExtractText("Nordmann abruptly canceled a trip to Seoul.");
  ASSERT_EQ(x.events.size(), 1u);
  EXPECT_EQ(x.events[0].factuality, pb::CANCELLED);
  EXPECT_TRUE(x.events[0].time.fell_back());
}

// "told visiting Minister X": the visit's place is left to the host. The
// check read the word after "visiting" even when the text ended there (a
// read past the tokens, found by the extractor fuzzer under UBSan; the
// input is in tests/fuzz/corpus/extractor/crash_visiting_at_the_end).
TEST(ExtractorTest, VisitingAtTheEndOfTheText) {
  for (const char* text : {"Foreign Minister Ola Nordmann said he was visiting",
                           "Foreign Minister Ola Nordmann is visiting"}) {
    Extraction x = ExtractText(text);
    for (const ExtractedEvent& e : x.events) {
      EXPECT_LE(e.sentence_end, std::string(text).size());
    }
  }
  Extraction told = ExtractText(
      "President Kari Virtanen told visiting Foreign Minister Ola Nordmann that trade had grown.");
  ASSERT_EQ(told.events.size(), 1u) << DescribeEvents(told);
  EXPECT_EQ(told.events[0].mode, "visit");
}

TEST(ExtractorTest, BadDateIsAnError) {
  KnowledgeBase kb = MakeTestKb();
  Extractor ex(&kb);
  ArticleInput a;
  a.date = "June 2";
  EXPECT_FALSE(ex.Extract(a).ok());
}

// A text past the segment size (64 KiB) is read in pieces cut between
// paragraphs: each piece's events come back with offsets into the whole
// text, and a piece reads the same as the paragraph on its own.
TEST(ExtractorTest, LongTextIsReadInSegmentsWithWholeTextOffsets) {
  const std::string meeting =
      "Foreign Minister Ola Nordmann met President Kari Virtanen of Finland in Helsinki.";
  std::string filler;
  while (filler.size() < 3000) filler += "The weather stayed mild and the markets were quiet. ";
  std::string text;
  int paragraphs = 0;
  while (text.size() < 300 * 1024) {
    text += meeting + " " + filler + "\n\n";
    ++paragraphs;
  }
  const Extraction x = ExtractText(text);
  const Extraction one = ExtractText(meeting);
  ASSERT_EQ(one.events.size(), 1u);
  ASSERT_FALSE(x.events.empty());
  uint32_t last_begin = 0;
  for (const ExtractedEvent& e : x.events) {
    EXPECT_EQ(text.substr(e.sentence_begin, e.sentence_end - e.sentence_begin), meeting);
    EXPECT_EQ(Names(e), Names(one.events[0]));
    last_begin = std::max(last_begin, e.sentence_begin);
  }
  // Repeats of one meeting merge within a segment, not across a cut: at
  // least one event per segment, the last ones past 192 KiB.
  EXPECT_GT(last_begin, 3u * 64 * 1024);
  EXPECT_GE(x.events.size(), 5u);
  EXPECT_LE(x.events.size(), static_cast<size_t>(paragraphs));
  EXPECT_GT(x.parse.sentences, paragraphs);
}

}  // namespace
}  // namespace newsgraph
