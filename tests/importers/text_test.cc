#include "importers/text.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace newsgraph {
namespace {

std::vector<std::string> Sentences(const std::string& text) {
  Document doc = Analyze(text);
  std::vector<std::string> out;
  for (const Sentence& s : doc.sentences) out.emplace_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

TEST(TextTest, NormalizeFoldsCaseMarksAndTypography) {
  EXPECT_EQ(NormalizeText("Erdoğan"), "erdogan");
  EXPECT_EQ(NormalizeText("Rinkēvičs"), "rinkevics");
  EXPECT_EQ(NormalizeText("Łukasz"), "lukasz");
  EXPECT_EQ(NormalizeText("“Quoted” – dash’s"), "\"quoted\" - dash's");
}

TEST(TextTest, TokensKeepOriginalOffsets) {
  const std::string text = "The U.S. envoy met Anna Thomas-Berg in São Paulo.";
  Document doc = Analyze(text);
  std::vector<std::string> norms;
  for (const Token& t : doc.tokens) norms.push_back(t.norm);
  EXPECT_EQ(norms, (std::vector<std::string>{"the", "us", "envoy", "met", "anna", "thomas",
                                             "-", "berg", "in", "sao", "paulo", "."}));
  EXPECT_EQ(doc.Original(doc.tokens[1]), "U.S.");
  EXPECT_TRUE(doc.tokens[1].all_caps);
  EXPECT_EQ(doc.Original(doc.tokens[9]), "São");
  EXPECT_TRUE(doc.tokens[4].cap);
}

TEST(TextTest, PossessiveSplitsOff) {
  Document doc = Analyze("Norway’s minister and O'Neill's aide didn't go.");
  std::vector<std::string> norms;
  for (const Token& t : doc.tokens) norms.push_back(t.norm);
  EXPECT_EQ(norms, (std::vector<std::string>{"norway", "'s", "minister", "and", "o'neill", "'s",
                                             "aide", "didn't", "go", "."}));
}

TEST(TextTest, SentenceSplitRespectsTitlesAndInitials) {
  EXPECT_EQ(Sentences("Mr. Lund met Gen. Hart on Nov. 3. Then Ann B. Cole left! Why?"),
            (std::vector<std::string>{"Mr. Lund met Gen. Hart on Nov. 3.",
                                      "Then Ann B. Cole left!", "Why?"}));
}

TEST(TextTest, SentenceSplitAfterQuotesAndAtLineBreaks) {
  EXPECT_EQ(Sentences("He said: \"We agree.\" The talks ended\nA new line"),
            (std::vector<std::string>{"He said: \"We agree.\"", "The talks ended",
                                      "A new line"}));
}

// A full stop after a capitalised word inside a name ("the Nordic Council.
// Secretariat ...") may be stray, but a fragment with a verb of its own,
// regular or irregular, is a sentence.
TEST(TextTest, FragmentWithAnIrregularPastVerbIsASentence) {
  EXPECT_EQ(Sentences("Lund met the foreign ministers of the region on Friday. Ann Hart, Bo "
                      "Berg and Tove Lie later held a news conference."),
            (std::vector<std::string>{
                "Lund met the foreign ministers of the region on Friday.",
                "Ann Hart, Bo Berg and Tove Lie later held a news conference."}));
}

// A day or a month ends a sentence, whatever verb the next one has.
TEST(TextTest, SentenceAfterAWeekdayIsASentence) {
  EXPECT_EQ(Sentences("Lund will hold talks with the foreign ministers of the region on "
                      "Wednesday. Ann Hart flies in from Oslo for the talks."),
            (std::vector<std::string>{
                "Lund will hold talks with the foreign ministers of the region on Wednesday.",
                "Ann Hart flies in from Oslo for the talks."}));
}

TEST(TextTest, SentenceOfFindsTheSentence) {
  Document doc = Analyze("One two. Three four.");
  EXPECT_EQ(doc.SentenceOf(0), 0);
  EXPECT_EQ(doc.SentenceOf(3), 1);
}

}  // namespace
}  // namespace newsgraph
