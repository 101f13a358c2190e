#include "importers/titles.h"

#include <string>

#include "gtest/gtest.h"
#include "importers/text.h"

namespace newsgraph {
namespace {

// Finds the title before the word `name` in `text`; no entities.
std::string RoleBefore(const std::string& text, const std::string& name,
                       bool through_comma = false) {
  Document doc = Analyze(text);
  int name_tok = -1;
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    if (doc.Original(doc.tokens[i]) == name) name_tok = static_cast<int>(i);
  }
  if (name_tok < 0) return "<no name>";
  TitleSpan t = TitleBefore(doc, 0, name_tok, through_comma, [](int) { return false; });
  return RoleText(doc, t);
}

TEST(TitlesTest, TitleBeforeName) {
  EXPECT_EQ(RoleBefore("Yesterday Deputy Foreign Minister Olga Petrova arrived.", "Olga"),
            "Deputy Foreign Minister");
  EXPECT_EQ(RoleBefore("The talks with Secretary of State Mary Jones ended.", "Mary"),
            "Secretary of State");
}

TEST(TitlesTest, AbbreviatedTitleAndTitleLists) {
  EXPECT_EQ(RoleBefore("He called Chairman of the Joint Chiefs of Staff Gen. Tom Rand today.",
                       "Tom"),
            "Chairman of the Joint Chiefs of Staff Gen");
  EXPECT_EQ(RoleBefore("She met Party Member, Director of the Office, and Foreign Minister "
                       "Li Ming.",
                       "Li"),
            "Party Member, Director of the Office, and Foreign Minister");
}

TEST(TitlesTest, ThenPrefixAndCounterpart) {
  EXPECT_EQ(RoleBefore("It angered then-Speaker Ann Lowe badly.", "Ann"), "Speaker");
  EXPECT_EQ(RoleBefore("He phoned his counterpart Ivan Sorokin.", "Ivan"), "");
}

TEST(TitlesTest, Apposition) {
  Document doc = Analyze("Ken Obi, the Nigerian foreign minister, left.");
  int nat = -1;
  // Token 3 is "the"; token 4 "Nigerian" plays the nationality here.
  TitleSpan t = TitleAfter(doc, 2, static_cast<int>(doc.tokens.size()),
                           [](int tok) { return tok == 4; }, &nat);
  EXPECT_EQ(RoleText(doc, t), "foreign minister");
  EXPECT_EQ(nat, 4);
}

TEST(TitlesTest, NoTitleBeforeOrdinaryWords) {
  EXPECT_EQ(RoleBefore("The weather in Paris was fine for Anna Berg.", "Anna"), "");
}

}  // namespace
}  // namespace newsgraph
