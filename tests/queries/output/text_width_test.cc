// Display widths, cuts and collapsed spaces: ASCII (answered from a table
// of utf8proc's widths) and other characters (asked of utf8proc) alike.
#include "queries/output/text_width.h"

#include <utf8proc.h>

#include <gtest/gtest.h>

#include <string>

namespace newsgraph::queries {
namespace {

TEST(TextWidthTest, AsciiWidthsAreUtf8procs) {
  for (int cp = 0; cp < 0x80; ++cp) {
    const std::string one(1, static_cast<char>(cp));
    EXPECT_EQ(DisplayWidth(one), static_cast<size_t>(std::max(0, utf8proc_charwidth(cp)))) << cp;
  }
  EXPECT_EQ(DisplayWidth("a\tb\x01"), 2u);  // controls take no column
}

TEST(TextWidthTest, MixedTextMeasuresByCharacter) {
  // 中 and 文 are two columns, é one, the combining acute none, \xff one.
  EXPECT_EQ(DisplayWidth("ab中文é"), 7u);
  EXPECT_EQ(DisplayWidth("e\xCC\x81x"), 2u);
  EXPECT_EQ(DisplayWidth("a\xff" "b"), 3u);
}

TEST(TextWidthTest, TruncateCutsOnlyWhatIsWider) {
  EXPECT_EQ(TruncateToWidth("hello", 5), "hello");
  EXPECT_EQ(TruncateToWidth("hello!", 5), "hell…");
  EXPECT_EQ(TruncateToWidth("ab 中文", 7), "ab 中文");
  EXPECT_EQ(TruncateToWidth("ab 中文x", 7), "ab 中…");
  EXPECT_EQ(TruncateToWidth("ab  cdef", 4), "ab…");  // spaces before the cut go
  EXPECT_EQ(TruncateToWidth("abc", 0), "");
  const std::string long_text(10000, 'x');
  EXPECT_EQ(TruncateToWidth(long_text, 3), "xx…");
}

TEST(TextWidthTest, CollapseSpacesJoinsRunsAndTrims) {
  EXPECT_EQ(CollapseSpaces("  a \t\n b\xC2\xA0\xC2\xA0" "c  "), "a b c");
  EXPECT_EQ(CollapseSpaces("\x01" "a"), "\x01" "a");
}

}  // namespace
}  // namespace newsgraph::queries
