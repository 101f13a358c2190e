// RelFilter's default filtering, which every pushed-down source must equal.
#include "queries/cypher/graph.h"

#include "gtest/gtest.h"

namespace newsgraph::cypher {
namespace {

TEST(cypher_graph, RelFilterTypesAndDayWindow) {
  InMemoryGraph g;
  const int64_t a = g.CreateNode({"P"}, {});
  const int64_t b = g.CreateNode({"P"}, {});
  const int64_t early = g.CreateRel(a, b, "MET", {{"date", Value::Date(10)}});
  const int64_t late = g.CreateRel(a, b, "MET", {{"date", Value::Date(20)}});
  const int64_t undated = g.CreateRel(a, b, "MET", {});
  const int64_t text_date = g.CreateRel(a, b, "MET", {{"date", Value::String("1970-01-15")}});
  const int64_t other = g.CreateRel(b, a, "CALLED", {{"date", Value::Date(15)}});
  (void)text_date;

  std::vector<int64_t> out;
  g.Relationships(a, Direction::kBoth, RelFilter{}, &out);
  EXPECT_EQ(out.size(), 5u);

  RelFilter window{{"MET"}};
  window.from_day = 10;
  window.to_day = 19;
  EXPECT_TRUE(window.has_window());
  out.clear();
  g.Relationships(a, Direction::kOut, window, &out);
  EXPECT_EQ(out, std::vector<int64_t>{early});  // inclusive; no date, no pass

  RelFilter upper;
  upper.to_day = 20;
  out.clear();
  g.Relationships(a, Direction::kBoth, upper, &out);
  EXPECT_EQ(out, (std::vector<int64_t>{early, late, other}));
  EXPECT_FALSE(RelFilter{}.has_window());
  EXPECT_TRUE(RelFilter{}.Passes(g, undated));
}

}  // namespace
}  // namespace newsgraph::cypher
