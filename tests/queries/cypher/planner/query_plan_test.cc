// The whole-query plan: made before execution, every MATCH planned, every
// pattern expression planned once as a sub-plan; EXPLAIN shows it.
#include "queries/cypher/planner/query_plan.h"

#include <algorithm>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "queries/cypher/executor/exec.h"
#include "queries/cypher/parser/parser.h"
#include "tests/queries/cypher/sorted_names.h"

namespace newsgraph::cypher {
namespace {

using ::testing::ElementsAre;

// The query and its binding must outlive the plan, which points into them.
struct Planned {
  Query query;
  BoundQuery bound;
  QueryPlan plan;
};

std::unique_ptr<Planned> PlanText(const std::string& text, PlanOptions options = PlanOptions()) {
  auto out = std::make_unique<Planned>();
  absl::StatusOr<Query> q = ParseQuery(text);
  EXPECT_TRUE(q.ok()) << q.status();
  if (q.ok()) out->query = *std::move(q);
  absl::StatusOr<BoundQuery> b = Bind(out->query);
  EXPECT_TRUE(b.ok()) << b.status();
  if (b.ok()) out->bound = *std::move(b);
  out->plan = Plan(out->bound, options);
  return out;
}

std::vector<std::string> Ops(const std::vector<PlanStep>& steps) {
  std::vector<std::string> ops;
  for (const PlanStep& s : steps) ops.push_back(s.op);
  return ops;
}

TEST(QueryPlanTest, PlansEveryClauseBeforeAnythingRuns) {
  auto p = PlanText("MATCH (a:Person) OPTIONAL MATCH (a)-[:KNOWS]->(b) RETURN a, b");
  ASSERT_EQ(p->plan.clauses.size(), 3u);
  EXPECT_THAT(Ops(p->plan.clauses[0].steps), ElementsAre("NodeByLabelScan"));
  // The second MATCH starts from a, which the first bound.
  EXPECT_THAT(Ops(p->plan.clauses[1].steps), ElementsAre("Argument", "Expand", "Optional"));
  EXPECT_THAT(Ops(p->plan.clauses[2].steps), ElementsAre("Projection"));
  EXPECT_EQ(p->plan.steps.size(), 5u);
  EXPECT_EQ(p->plan.clauses[1].match.parts.size(), 1u);
}

TEST(QueryPlanTest, PatternExpressionsArePlannedOnceFromTheirBoundEnd) {
  auto p = PlanText("MATCH (a:Person) WHERE (a)-[:KNOWS]->(:Person) RETURN a.name");
  ASSERT_EQ(p->plan.pattern_exprs.size(), 1u);
  const PatternExprPlan& sub = p->plan.pattern_exprs.at(p->query.clauses[0].where.get());
  EXPECT_EQ(Sorted(sub.bound), (std::vector<std::string>{"a"}));
  EXPECT_THAT(Ops(sub.plan.steps), ElementsAre("Argument", "Expand"));
  // EXPLAIN shows the sub-plan in the clause that holds the pattern.
  EXPECT_THAT(Ops(p->plan.clauses[0].steps),
              ElementsAre("NodeByLabelScan", "Filter", "PatternExpression"));
  EXPECT_EQ(p->plan.clauses[0].steps.back().details,
            "Argument (a); Expand (a)-[:KNOWS]->(:Person)");
}

TEST(QueryPlanTest, ShortestPathExpressionsMatchWithAHiddenPathVariable) {
  auto p = PlanText("MATCH (a), (b) RETURN shortestPath((a)-[*]-(b)) AS s");
  ASSERT_EQ(p->plan.pattern_exprs.size(), 1u);
  const PatternExprPlan& sub = p->plan.pattern_exprs.begin()->second;
  EXPECT_EQ(sub.part.path_var, kHiddenPathVar);
  EXPECT_THAT(Ops(sub.plan.steps), ElementsAre("Argument", "Argument", "ShortestPath"));
}

TEST(QueryPlanTest, PruningFollowsThePlanOptions) {
  const std::string text = "MATCH (a)-[*1..3]-(b) RETURN count(DISTINCT b) AS n";
  EXPECT_THAT(Ops(PlanText(text)->plan.clauses[0].steps),
              ElementsAre("AllNodesScan", "PruningVarLengthExpand"));
  PlanOptions off;
  off.prune_var_length = false;
  EXPECT_THAT(Ops(PlanText(text, off)->plan.clauses[0].steps),
              ElementsAre("AllNodesScan", "VarLengthExpand"));
}

TEST(QueryPlanTest, ExplainReturnsThePlanWithoutRunning) {
  InMemoryGraph g;
  absl::StatusOr<QueryResult> r =
      RunCypher("EXPLAIN MATCH (a) WHERE exists((a)-->()) CREATE (:New) RETURN a", &g);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(Ops(r->plan), ElementsAre("AllNodesScan", "Filter", "PatternExpression", "Create",
                                        "Projection"));
  ASSERT_EQ(r->rows.size(), 5u);
  EXPECT_TRUE(g.AllNodes().empty());  // CREATE did not run
}

}  // namespace
}  // namespace newsgraph::cypher
