#include <string>

#include "gtest/gtest.h"
#include "newsgraph/store.h"

namespace newsgraph {
namespace {

TEST(NormalizeNameTest, FoldsCaseAndDiacritics) {
  EXPECT_EQ(NormalizeName("Zelenskyy"), "zelenskyy");
  EXPECT_EQ(NormalizeName("Orbán"), "orban");
  EXPECT_EQ(NormalizeName("ORBAN"), "orban");
  EXPECT_EQ(NormalizeName("Erdoğan"), "erdogan");
  EXPECT_EQ(NormalizeName("Straße"), "strasse");
  EXPECT_EQ(NormalizeName("Lula da Silva"), "lula da silva");
}

TEST(NormalizeNameTest, CollapsesPunctuationAndSpaces) {
  EXPECT_EQ(NormalizeName("Antony J. Blinken"), "antony j blinken");
  EXPECT_EQ(NormalizeName("  Jean-Yves   Le Drian "), "jean yves le drian");
  EXPECT_EQ(NormalizeName("O'Brien"), "o brien");
  EXPECT_EQ(NormalizeName("O’Brien"), "o brien");  // typographic apostrophe
  EXPECT_EQ(NormalizeName("U.S."), "u s");
  EXPECT_EQ(NormalizeName("Al\xC2\xA0Sisi"), "al sisi");  // no-break space
  EXPECT_EQ(NormalizeName("Xi\tJinping\n"), "xi jinping");
}

TEST(NormalizeNameTest, CompatibilityFormsAndIgnorables) {
  EXPECT_EQ(NormalizeName("ＮＡＴＯ"), "nato");            // full-width letters
  EXPECT_EQ(NormalizeName("Zelen\xC2\xADskyy"), "zelenskyy");  // soft hyphen
}

TEST(NormalizeNameTest, KeepsNonLatinLetters) {
  EXPECT_EQ(NormalizeName("Владимир Путин"), "владимир путин");
  EXPECT_EQ(NormalizeName("习近平"), "习近平");
}

TEST(NormalizeNameTest, EmptyAndPunctuationOnly) {
  EXPECT_EQ(NormalizeName(""), "");
  EXPECT_EQ(NormalizeName(" .-' "), "");
}

TEST(NormalizeNameTest, InvalidUtf8StillNormalisesConsistently) {
  const std::string bad = "Bad\xFF Name";
  EXPECT_EQ(NormalizeName(bad), NormalizeName(bad));
  EXPECT_EQ(NormalizeName(bad).find('B'), std::string::npos);
}

}  // namespace
}  // namespace newsgraph
