#include "queries/cypher/script.h"

#include "gtest/gtest.h"

namespace newsgraph::cypher {
namespace {

std::vector<std::string> Texts(const std::vector<Statement>& statements) {
  std::vector<std::string> texts;
  for (const Statement& s : statements) texts.push_back(s.text);
  return texts;
}

TEST(CypherScriptTest, SplitsAtSemicolonsAndKeepsALastStatementWithoutOne) {
  absl::StatusOr<std::vector<Statement>> s = SplitScript("RETURN 1;\nRETURN 2 ;RETURN 3");
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_EQ(Texts(*s), (std::vector<std::string>{"RETURN 1", "RETURN 2 ", "RETURN 3"}));
  EXPECT_EQ((*s)[0].line, 1);
  EXPECT_EQ((*s)[1].line, 2);
  EXPECT_EQ((*s)[2].line, 2);
}

TEST(CypherScriptTest, SemicolonsInStringsNamesAndCommentsSeparateNothing) {
  const std::string script =
      "RETURN 'a;b' AS `x;y`, \"c\\\";d\" AS z; // not here; nor here\n"
      "/* a; block\n comment; */ RETURN 'it\\'s;' AS w;";
  absl::StatusOr<std::vector<Statement>> s = SplitScript(script);
  ASSERT_TRUE(s.ok()) << s.status();
  ASSERT_EQ(s->size(), 2u) << ::testing::PrintToString(Texts(*s));
  EXPECT_EQ((*s)[0].text, "RETURN 'a;b' AS `x;y`, \"c\\\";d\" AS z");
  EXPECT_EQ((*s)[1].text, " // not here; nor here\n/* a; block\n comment; */ RETURN 'it\\'s;' AS w");
  EXPECT_EQ((*s)[1].line, 1);  // its comment starts on line 1
}

TEST(CypherScriptTest, EmptyStatementsAndCommentOnlyTailsAreDropped) {
  absl::StatusOr<std::vector<Statement>> s =
      SplitScript(";;\n// only a comment;\n\nRETURN 1;;  /* trailing */\n");
  ASSERT_TRUE(s.ok()) << s.status();
  ASSERT_EQ(s->size(), 1u) << ::testing::PrintToString(Texts(*s));
  // The comment's ';' ends nothing: the statement starts with the comment.
  EXPECT_EQ((*s)[0].text, "// only a comment;\n\nRETURN 1");
  EXPECT_EQ((*s)[0].line, 2);
}

TEST(CypherScriptTest, LeadingBlankLinesAreDroppedSoLinesCountFromTheText) {
  absl::StatusOr<std::vector<Statement>> s = SplitScript("RETURN 1;\n\n\n  MATCH (n)\nRETURN n;");
  ASSERT_TRUE(s.ok()) << s.status();
  ASSERT_EQ(s->size(), 2u);
  EXPECT_EQ((*s)[1].text, "  MATCH (n)\nRETURN n");
  EXPECT_EQ((*s)[1].line, 4);
  EXPECT_EQ(ScriptErrorMessage("q.cypher", (*s)[1], "line 2, column 8: expected ')'"),
            "q.cypher:5:8: expected ')'");
  EXPECT_EQ(ScriptErrorMessage("q.cypher", (*s)[1], "TypeError: no"), "q.cypher:4: TypeError: no");
}

// Canned-query files put the query's name before the parser's message.
TEST(CypherScriptTest, PlaceCypherErrorPutsThePrefixBeforeTheMessage) {
  EXPECT_EQ(PlaceCypherError("q.cq", 10, "who: ", "line 2, column 8: expected ')'"),
            "q.cq:11:8: who: expected ')'");
  EXPECT_EQ(PlaceCypherError("q.cq", 10, "who: ", "TypeError: no"), "q.cq:10: who: TypeError: no");
}

TEST(CypherScriptTest, AnUnterminatedStringOrCommentIsAnErrorWithItsLine) {
  EXPECT_EQ(SplitScript("RETURN 1;\nRETURN 'abc;\n").status().message(), "2: unterminated string");
  EXPECT_EQ(SplitScript("RETURN 1 /* ;").status().message(), "1: unterminated comment");
  EXPECT_EQ(SplitScript("\n\nRETURN `a;").status().message(), "3: unterminated quoted name");
}

TEST(CypherScriptTest, ScanReportsTheUnfinishedRestForAShell) {
  ScriptScan scan = ScanScript("MATCH (n)\nRETURN n; MATCH (m)\n");
  ASSERT_EQ(scan.complete.size(), 1u);
  EXPECT_EQ(scan.unfinished.text, " MATCH (m)\n");
  EXPECT_EQ(scan.rest, 19u);
  EXPECT_EQ(scan.open, nullptr);
  scan = ScanScript("RETURN 'a;\nb");
  EXPECT_TRUE(scan.complete.empty());
  EXPECT_STREQ(scan.open, "string");
  scan = ScanScript("  // just a comment;\n");
  EXPECT_TRUE(scan.complete.empty());
  EXPECT_TRUE(scan.unfinished.text.empty());
}

}  // namespace
}  // namespace newsgraph::cypher
