// Date values of the Cypher subset: construction, comparison, ordering,
// components and text.
#include "queries/cypher/value.h"

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "queries/cypher/executor/exec.h"

namespace newsgraph::cypher {
namespace {

// The single value `RETURN expr` gives, in TCK notation; or the error.
std::string Eval(absl::string_view expr, const Params& params = {}) {
  InMemoryGraph g;
  absl::StatusOr<QueryResult> r = RunCypher(absl::StrCat("RETURN ", expr, " AS v"), &g, params);
  if (!r.ok()) return absl::StrCat("error: ", r.status().message());
  EXPECT_EQ(r->rows.size(), 1u);
  return r->rows.empty() ? "" : FormatValue(r->rows[0][0], &g);
}

TEST(cypher_date, ParsesIsoTextAndMaps) {
  EXPECT_EQ(Eval("date('2022-01-01')"), "'2022-01-01'");
  EXPECT_EQ(Eval("date({year: 2024, month: 2, day: 29})"), "'2024-02-29'");
  EXPECT_EQ(Eval("date({year: 1969})"), "'1969-01-01'");
  EXPECT_EQ(Eval("date(date('2023-12-31'))"), "'2023-12-31'");
  EXPECT_EQ(Eval("date(null)"), "null");
}

TEST(cypher_date, RejectsDaysThatDoNotExist) {
  EXPECT_TRUE(absl::StrContains(Eval("date('2023-02-29')"), "InvalidArgumentValue")) << Eval("date('2023-02-29')");
  EXPECT_TRUE(absl::StrContains(Eval("date('2023-1-2')"), "InvalidArgumentValue"));
  EXPECT_TRUE(absl::StrContains(Eval("date({year: 2023, month: 13})"), "no such day"));
  EXPECT_TRUE(absl::StrContains(Eval("date({month: 3})"), "year is required"));
  EXPECT_TRUE(absl::StrContains(Eval("date({year: 2023, week: 3})"), "unknown key week"));
  EXPECT_TRUE(absl::StrContains(Eval("date(20230101)"), "TypeError"));
}

TEST(cypher_date, ComparesWithDatesAndIsNullAgainstOtherTypes) {
  EXPECT_EQ(Eval("date('2022-01-01') < date('2022-01-02')"), "true");
  EXPECT_EQ(Eval("date('2022-01-01') >= date('2022-01-02')"), "false");
  EXPECT_EQ(Eval("date('2022-01-01') = date({year: 2022})"), "true");
  EXPECT_EQ(Eval("date('2022-01-01') <> date('2022-01-02')"), "true");
  EXPECT_EQ(Eval("date('2022-01-01') < '2022-01-02'"), "null");
  EXPECT_EQ(Eval("date('1970-01-01') < 1"), "null");
  EXPECT_EQ(Eval("date('2022-01-01') = '2022-01-01'"), "false");
  EXPECT_EQ(Eval("date('2022-01-01') IN [date('2022-01-01')]"), "true");
  EXPECT_EQ(Eval("$d <= date('2022-01-01')", {{"d", Value::Date(-1)}}), "true");
}

TEST(cypher_date, OrdersBeforeStringsAndByDay) {
  InMemoryGraph g;
  absl::StatusOr<QueryResult> r = RunCypher(
      "UNWIND [date('2023-05-01'), 'x', date('1960-02-01'), 3, null] AS v RETURN v ORDER BY v", &g);
  ASSERT_TRUE(r.ok()) << r.status();
  std::vector<std::string> got;
  for (const auto& row : r->rows) got.push_back(FormatValue(row[0], &g));
  EXPECT_EQ(got, (std::vector<std::string>{"'1960-02-01'", "'2023-05-01'", "'x'", "3", "null"}));
  EXPECT_EQ(Eval("max(date('2023-05-01'))"), "'2023-05-01'");
}

TEST(cypher_date, ComponentsAndText) {
  EXPECT_EQ(Eval("date('2023-11-15').year"), "2023");
  EXPECT_EQ(Eval("date('2023-11-15').month"), "11");
  EXPECT_EQ(Eval("date('2023-11-15').day"), "15");
  EXPECT_EQ(Eval("date('2023-11-15').quarter"), "4");
  EXPECT_EQ(Eval("date('2023-11-15').dayOfWeek"), "3");  // a Wednesday
  EXPECT_EQ(Eval("date('2023-02-01').ordinalDay"), "32");
  EXPECT_TRUE(absl::StrContains(Eval("date('2023-11-15').hour"), "TypeError"));
  EXPECT_EQ(Eval("toString(date('0999-03-04'))"), "'0999-03-04'");
  EXPECT_EQ(Eval("toString(date('2023-11-15')) = '2023-11-15'"), "true");
}

TEST(cypher_date, ValueHelpers) {
  EXPECT_EQ(FormatDate(0), "1970-01-01");
  EXPECT_EQ(FormatDate(-1), "1969-12-31");
  int64_t part = 0;
  EXPECT_TRUE(DateComponent(19000, "year", &part));
  EXPECT_EQ(part, 2022);
  EXPECT_FALSE(DateComponent(19000, "minute", &part));
  EXPECT_EQ(CypherEquals(Value::Date(5), Value::Date(5)), Tri::kTrue);
  EXPECT_EQ(CypherEquals(Value::Date(5), Value::Int(5)), Tri::kFalse);
  int cmp = 0;
  EXPECT_FALSE(CypherCompare(Value::Date(5), Value::Int(5), &cmp));
  EXPECT_LT(OrderCompare(Value::Date(7), Value::String("a")), 0);
  EXPECT_GT(OrderCompare(Value::Date(7), Value::Date(6)), 0);
}

}  // namespace
}  // namespace newsgraph::cypher
