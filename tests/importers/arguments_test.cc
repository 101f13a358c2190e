// The surface helpers of arguments.h on sentences written for these tests.
#include "importers/arguments.h"

#include <string>

#include "gtest/gtest.h"
#include "importers/text.h"

namespace newsgraph {
namespace {

// The index of the `n`th token (0-based) whose norm is `norm`, or -1.
int TokenAt(const Document& doc, const std::string& norm, int n = 0) {
  for (int k = 0; k < static_cast<int>(doc.tokens.size()); ++k) {
    if (doc.tokens[k].norm == norm && n-- == 0) return k;
  }
  return -1;
}

TEST(ScareQuoteTest, QuotesAroundAWordOrTwoAreScareQuotes) {
  const Document doc =
      Analyze("Nordmann praised his \"steady\" support and the \"very firm\" line, at a dinner.");
  const Sentence& s = doc.sentences[0];
  for (int n = 0; n < 4; ++n) {
    const int k = TokenAt(doc, "\"", n);
    ASSERT_GE(k, 0);
    EXPECT_TRUE(ScareQuote(doc, s, k)) << "quote " << n;
  }
}

TEST(ScareQuoteTest, QuotedSpeechIsNoScareQuote) {
  const Document doc =
      Analyze("\"We will defend every village and every field of this country,\" Nordmann said.");
  const Sentence& s = doc.sentences[0];
  EXPECT_FALSE(ScareQuote(doc, s, TokenAt(doc, "\"", 0)));
  EXPECT_FALSE(ScareQuote(doc, s, TokenAt(doc, "\"", 1)));
}

TEST(ScareQuoteTest, OtherTokensAreNoQuotes) {
  const Document doc = Analyze("Nordmann met Virtanen.");
  EXPECT_FALSE(ScareQuote(doc, doc.sentences[0], 0));
}

}  // namespace
}  // namespace newsgraph
