// The binder: openCypher's semantic errors before anything runs, and the
// BoundQuery it hands the planner (scope per clause, pattern expressions).
#include "queries/cypher/binder/binder.h"

#include <algorithm>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "queries/cypher/parser/parser.h"
#include "tests/queries/cypher/sorted_names.h"

namespace newsgraph::cypher {
namespace {

using ::testing::HasSubstr;

// The query must outlive the BoundQuery, which points into it.
struct Bound {
  Query query;
  absl::StatusOr<BoundQuery> bound;
};

Bound BindText(const std::string& text) {
  absl::StatusOr<Query> q = ParseQuery(text);
  EXPECT_TRUE(q.ok()) << text << ": " << q.status();
  Bound out{q.ok() ? *std::move(q) : Query(), absl::InternalError("unparsed")};
  out.bound = Bind(out.query);
  return out;
}

std::string ErrorOf(const std::string& text) {
  Bound b = BindText(text);
  return b.bound.ok() ? "ok" : std::string(b.bound.status().message());
}

TEST(BinderTest, NamesOpenCypherErrors) {
  EXPECT_THAT(ErrorOf("MATCH (a) RETURN b"), HasSubstr("UndefinedVariable: b"));
  EXPECT_THAT(ErrorOf("MATCH (a)-[r]->(b) MATCH (r) RETURN r"), HasSubstr("VariableTypeConflict"));
  EXPECT_THAT(ErrorOf("MATCH (a) RETURN a, a"), HasSubstr("ColumnNameConflict"));
  EXPECT_THAT(ErrorOf("MATCH (a) RETURN count(count(a))"), HasSubstr("NestedAggregation"));
  EXPECT_THAT(ErrorOf("MATCH (a) WHERE (a)-->(b) RETURN a"), HasSubstr("UndefinedVariable: b"));
  EXPECT_THAT(ErrorOf("MATCH (a) RETURN a MATCH (b) RETURN b"), HasSubstr("RETURN must be last"));
  EXPECT_EQ(ErrorOf("MATCH (a)-[r]->(b) RETURN a, r, b"), "ok");
}

TEST(BinderTest, RecordsTheScopeEachClauseSees) {
  Bound b = BindText("MATCH (a)-[r]->(b) WITH a UNWIND [1, 2] AS x RETURN a, x");
  ASSERT_TRUE(b.bound.ok()) << b.bound.status();
  const BoundQuery& q = *b.bound;
  EXPECT_EQ(q.query, &b.query);
  ASSERT_EQ(q.clauses.size(), 4u);
  EXPECT_TRUE(q.clauses[0].scope.empty());
  EXPECT_EQ(Sorted(q.clauses[1].scope), (std::vector<std::string>{"a", "b", "r"}));
  EXPECT_EQ(Sorted(q.clauses[2].scope), (std::vector<std::string>{"a"}));  // WITH keeps only a
  EXPECT_EQ(Sorted(q.clauses[3].scope), (std::vector<std::string>{"a", "x"}));
}

TEST(BinderTest, RecordsPatternExpressionsWithTheirBoundVariables) {
  Bound b = BindText(
      "MATCH (a), (b) WHERE (a)-[:KNOWS]->(b) "
      "RETURN exists((a)-->()) AS e, [x IN [1] WHERE (b)--() | x] AS l");
  ASSERT_TRUE(b.bound.ok()) << b.bound.status();
  const std::vector<BoundPatternExpr>& p = b.bound->pattern_exprs;
  ASSERT_EQ(p.size(), 3u);
  EXPECT_EQ(p[0].expr, b.query.clauses[0].where.get());
  EXPECT_EQ(p[0].clause, 0);
  EXPECT_EQ(Sorted(p[0].bound), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(p[1].clause, 1);
  EXPECT_EQ(Sorted(p[1].bound), (std::vector<std::string>{"a"}));
  EXPECT_EQ(Sorted(p[2].bound), (std::vector<std::string>{"b"}));
  for (const BoundPatternExpr& e : p) EXPECT_EQ(e.expr->kind, Expr::Kind::kPattern);
}

}  // namespace
}  // namespace newsgraph::cypher
