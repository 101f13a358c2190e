#include "queries/output/table.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace newsgraph::queries {
namespace {

Table TwoColumns() {
  Table table;
  table.columns = {"name", "code"};
  table.rows.push_back({{"Zürich", "CH"}, {}, "", {}});
  table.rows.push_back({{"China", ""}, {}, "", {"a note"}});
  return table;
}

TEST(TableTest, TextAlignsByDisplayWidthAndLeavesNoTrailingSpaces) {
  Table table = TwoColumns();
  table.footer = "(2 rows)\n";
  // "Zürich" is six columns wide though seven bytes long; the empty last
  // cell leaves no separator behind; the note sits four spaces in.
  EXPECT_EQ(TableToText(table),
            "name    code\n------  ----\nZürich  CH\nChina\n    a note\n(2 rows)\n");
}

TEST(TableTest, GroupsIndentTheirRowsUnderAHeading) {
  Table table;
  table.columns = {"date", "what"};
  table.header = false;
  table.rows.push_back({{}, {}, "first", {}});
  table.rows.push_back({{"2023-01-01", "MEET"}, {}, "", {"\"said\""}});
  table.rows.push_back({{"2023-01-02", "CALL"}, {}, "second", {}});
  EXPECT_EQ(TableToText(table),
            "first\n  2023-01-01  MEET\n      \"said\"\n\nsecond\n  2023-01-02  CALL\n");
}

TEST(TableTest, EmptyTextReplacesAnEmptyTableOnlyWhenSet) {
  Table table;
  table.columns = {"a"};
  EXPECT_EQ(TableToText(table), "a\n-\n");
  table.empty_text = "(no answer)\n";
  EXPECT_EQ(TableToText(table), "(no answer)\n");
}

TEST(TableTest, CsvQuotesAndJsonKeysByColumn) {
  Table table = TwoColumns();
  table.rows[0].cells[0] = "a,b";
  EXPECT_EQ(TableToCsv(table), "name,code\n\"a,b\",CH\nChina,\n");
  Table json;
  json.columns = {"n", "s"};
  json.rows.push_back({{}, {1, "x\xff"}, "", {}});
  // The invalid byte is replaced, not thrown on.
  EXPECT_EQ(TableToJson(json), "[\n  {\n    \"n\": 1,\n    \"s\": \"x\xEF\xBF\xBD\"\n  }\n]");
}

}  // namespace
}  // namespace newsgraph::queries
