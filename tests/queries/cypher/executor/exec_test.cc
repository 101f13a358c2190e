// Executor on small hand-built graphs.
#include "queries/cypher/executor/exec.h"

#include "gtest/gtest.h"
#include "queries/cypher/parser/parser.h"

namespace newsgraph::cypher {
namespace {

// Runs `q` and renders rows as "v1, v2" strings in result order.
std::vector<std::string> Rows(InMemoryGraph* g, absl::string_view q, const Params& params = {}) {
  absl::StatusOr<QueryResult> r = RunCypher(q, g, params);
  EXPECT_TRUE(r.ok()) << q << ": " << r.status();
  std::vector<std::string> out;
  if (!r.ok()) return out;
  for (const auto& row : r->rows) {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) line += (i ? ", " : "") + FormatValue(row[i], g);
    out.push_back(line);
  }
  return out;
}

class cypher_exec : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(RunCypher("CREATE (a:Person {name: 'Ann', age: 30}), (b:Person {name: 'Bob', age: 40}),"
                          " (c:City {name: 'Oslo'}), (a)-[:KNOWS {since: 2001}]->(b),"
                          " (a)-[:LIVES_IN]->(c), (b)-[:LIVES_IN]->(c)", &g_).ok());
  }
  InMemoryGraph g_;
};

TEST_F(cypher_exec, MatchLabelsAndProperties) {
  EXPECT_EQ(Rows(&g_, "MATCH (p:Person {name: 'Bob'}) RETURN p.age"),
            std::vector<std::string>{"40"});
  EXPECT_EQ(Rows(&g_, "MATCH (p:Person) RETURN p.name ORDER BY p.name DESC"),
            (std::vector<std::string>{"'Bob'", "'Ann'"}));
}

TEST_F(cypher_exec, DirectionsAndUndirected) {
  EXPECT_EQ(Rows(&g_, "MATCH (a)-[:KNOWS]->(b) RETURN a.name, b.name"),
            std::vector<std::string>{"'Ann', 'Bob'"});
  EXPECT_EQ(Rows(&g_, "MATCH (a)<-[:KNOWS]-(b) RETURN a.name"), std::vector<std::string>{"'Bob'"});
  EXPECT_EQ(Rows(&g_, "MATCH (a)-[:KNOWS]-(b) RETURN a.name ORDER BY a.name"),
            (std::vector<std::string>{"'Ann'", "'Bob'"}));
}

TEST_F(cypher_exec, VariableLengthAndPaths) {
  EXPECT_EQ(Rows(&g_, "MATCH (a {name: 'Ann'})-[*1..2]-(x:City) RETURN count(*)"),
            std::vector<std::string>{"2"});
  EXPECT_EQ(Rows(&g_, "MATCH p = (:Person {name: 'Bob'})-[:LIVES_IN]->() RETURN p"),
            std::vector<std::string>{"<(:Person {age: 40, name: 'Bob'})-[:LIVES_IN]->(:City {name: 'Oslo'})>"});
}

TEST_F(cypher_exec, PatternPredicateAndWithWhere) {
  EXPECT_EQ(Rows(&g_, "MATCH (a:Person) WHERE (a)-[:KNOWS]->() RETURN a.name"),
            std::vector<std::string>{"'Ann'"});
  // exists(pattern) is the pattern's match, not whether its value is null.
  EXPECT_EQ(Rows(&g_, "MATCH (a:Person) RETURN a.name, exists((a)-[:KNOWS]->()) ORDER BY a.name"),
            (std::vector<std::string>{"'Ann', true", "'Bob', false"}));
  EXPECT_EQ(Rows(&g_, "MATCH (a:Person) WHERE exists((a)<-[*1..2]-(:Person)) RETURN a.name"),
            std::vector<std::string>{"'Bob'"});
  EXPECT_EQ(Rows(&g_, "MATCH (a:Person) RETURN a.name, exists(a.age) ORDER BY a.name"),
            (std::vector<std::string>{"'Ann', true", "'Bob', true"}));
  EXPECT_EQ(Rows(&g_, "MATCH (a:Person) WITH a.name AS name WHERE a.age > 35 RETURN name"),
            std::vector<std::string>{"'Bob'"});
}

TEST_F(cypher_exec, AggregationOrderSkipLimit) {
  EXPECT_EQ(Rows(&g_, "MATCH (p:Person)-[:LIVES_IN]->(c) RETURN c.name, collect(p.name) AS ps, "
                      "avg(p.age) AS avg, sum(p.age) AS s, min(p.age), max(p.age)"),
            std::vector<std::string>{"'Oslo', ['Ann', 'Bob'], 35.0, 70, 30, 40"});
  EXPECT_EQ(Rows(&g_, "MATCH (n) RETURN n.name ORDER BY n.name SKIP 1 LIMIT 1"),
            std::vector<std::string>{"'Bob'"});
  EXPECT_EQ(Rows(&g_, "MATCH (n) WHERE n.age IS NULL RETURN count(*) AS c"),
            std::vector<std::string>{"1"});
}

TEST_F(cypher_exec, WithParametersAndUnwind) {
  Params params = {{"min", Value::Int(35)}};
  EXPECT_EQ(Rows(&g_, "MATCH (p:Person) WITH p WHERE p.age > $min RETURN p.name", params),
            std::vector<std::string>{"'Bob'"});
  EXPECT_EQ(Rows(&g_, "UNWIND [3, 1, 2] AS x WITH x * 2 AS y RETURN y ORDER BY y"),
            (std::vector<std::string>{"2", "4", "6"}));
}

TEST_F(cypher_exec, NullSemantics) {
  EXPECT_EQ(Rows(&g_, "RETURN null = null AS a, 1 < 'x' AS b, null OR true AS c, [1, null] = [1, 2] AS d"),
            std::vector<std::string>{"null, null, true, null"});
  EXPECT_EQ(Rows(&g_, "OPTIONAL MATCH (x:Nope) RETURN x"), std::vector<std::string>{"null"});
}

TEST_F(cypher_exec, SemanticErrors) {
  EXPECT_FALSE(RunCypher("MATCH (a) RETURN b", &g_).ok());
  EXPECT_FALSE(RunCypher("MATCH ()-[r]-() MATCH (r) RETURN r", &g_).ok());
  EXPECT_FALSE(RunCypher("MATCH (a) RETURN a, a", &g_).ok());
}

// A variable beside an aggregate must be a grouping key; on no rows the
// executor once met the undefined `k` at run time instead.
TEST_F(cypher_exec, VariablesBesideAnAggregateMustBeGroupingKeys) {
  for (const char* q : {"UNWIND [] AS x WITH x, 1 AS k WITH k + count(x) AS c RETURN c",
                        "MATCH (a:Person) RETURN a.age + count(*)",
                        "MATCH (a:Person) WITH a.age + a.age AS s, a.age + a.age + count(*) AS c RETURN c",
                        "MATCH (a:Person) RETURN a.age + 1 AS g, count(*) AS c ORDER BY a.age + 1 + count(*)"}) {
    absl::StatusOr<QueryResult> r = RunCypher(q, &g_);
    ASSERT_FALSE(r.ok()) << q;
    EXPECT_NE(r.status().message().find("AmbiguousAggregationExpression"), std::string::npos)
        << q << ": " << r.status();
  }
  EXPECT_EQ(Rows(&g_, "UNWIND [] AS x WITH 1 AS k, count(x) AS n RETURN k + n AS c"),
            std::vector<std::string>{});
  EXPECT_EQ(Rows(&g_, "MATCH (a:Person) RETURN a.age, a.age + count(*) AS c ORDER BY c"),
            (std::vector<std::string>{"30, 31", "40, 41"}));
  EXPECT_EQ(Rows(&g_, "MATCH (a:Person) WITH a, a.age + count(*) AS c RETURN c ORDER BY c"),
            (std::vector<std::string>{"31", "41"}));
  EXPECT_EQ(Rows(&g_, "MATCH (a:Person) RETURN [x IN collect(a.age) | x + 1] AS l"),
            (std::vector<std::string>{"[31, 41]"}));
}

// 1 -> 2 -> 3 -> 4, 1 -> 5 -> 4, 1 -> 6 -> 4, 7 alone; all :R except 6 -> 4 (:S).
class cypher_shortest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(RunCypher("UNWIND range(1, 7) AS i CREATE (:N {id: i})", &g_).ok());
    ASSERT_TRUE(RunCypher("UNWIND [[1, 2], [2, 3], [3, 4], [1, 5], [5, 4], [1, 6]] AS e "
                          "MATCH (a:N {id: e[0]}), (b:N {id: e[1]}) CREATE (a)-[:R]->(b)", &g_).ok());
    ASSERT_TRUE(RunCypher("MATCH (a:N {id: 6}), (b:N {id: 4}) CREATE (a)-[:S]->(b)", &g_).ok());
  }
  InMemoryGraph g_;
};

TEST_F(cypher_shortest, ShortestPathAndAllShortestPaths) {
  EXPECT_EQ(Rows(&g_, "MATCH p = shortestPath((a:N {id: 1})-[:R*]->(b:N {id: 4})) "
                      "RETURN [n IN nodes(p) | n.id] AS ids"),
            std::vector<std::string>{"[1, 5, 4]"});
  EXPECT_EQ(Rows(&g_, "MATCH p = allShortestPaths((a:N {id: 1})-[*]->(b:N {id: 4})) "
                      "RETURN [n IN nodes(p) | n.id] AS ids ORDER BY ids"),
            (std::vector<std::string>{"[1, 5, 4]", "[1, 6, 4]"}));
  EXPECT_EQ(Rows(&g_, "MATCH p = allShortestPaths((a:N {id: 3})-[r:R*]-(b:N {id: 6})) "
                      "RETURN length(p), size(r)"),
            std::vector<std::string>{"3, 3"});
}

TEST_F(cypher_shortest, DirectionBoundsAndSameNode) {
  EXPECT_TRUE(Rows(&g_, "MATCH p = shortestPath((a:N {id: 4})-[*]->(b:N {id: 1})) RETURN p").empty());
  EXPECT_EQ(Rows(&g_, "MATCH p = shortestPath((a:N {id: 4})<-[*]-(b:N {id: 1})) RETURN length(p)"),
            std::vector<std::string>{"2"});
  EXPECT_TRUE(Rows(&g_, "MATCH p = shortestPath((a:N {id: 1})-[:R*..1]->(b:N {id: 4})) RETURN p").empty());
  EXPECT_TRUE(Rows(&g_, "MATCH p = shortestPath((a:N {id: 1})-[*]-(b:N {id: 7})) RETURN p").empty());
  EXPECT_TRUE(Rows(&g_, "MATCH p = shortestPath((a:N {id: 1})-[*]-(b:N {id: 1})) RETURN p").empty());
  EXPECT_EQ(Rows(&g_, "MATCH p = shortestPath((a:N {id: 1})-[*0..]-(b:N {id: 1})) RETURN length(p)"),
            std::vector<std::string>{"0"});
  EXPECT_FALSE(RunCypher("MATCH p = shortestPath((a)-[*2..3]-(b)) RETURN p", &g_).ok());
}

TEST_F(cypher_shortest, AsExpressions) {
  EXPECT_EQ(Rows(&g_, "MATCH (a:N {id: 1}), (b:N {id: 4}) "
                      "RETURN length(shortestPath((a)-[*]->(b))) AS l, "
                      "size(allShortestPaths((a)-[*]->(b))) AS n, shortestPath((b)-[*]->(a)) AS none"),
            std::vector<std::string>{"2, 2, null"});
  EXPECT_FALSE(RunCypher("RETURN shortestPath((x)-[*]->(y))", &g_).ok());
}

TEST_F(cypher_shortest, EveryPairWithUnboundEnds) {
  EXPECT_EQ(Rows(&g_, "MATCH p = shortestPath((a:N)-[:R*]->(b:N)) WHERE a.id = 1 "
                      "RETURN b.id, length(p) ORDER BY b.id"),
            (std::vector<std::string>{"2, 1", "3, 2", "4, 2", "5, 1", "6, 1"}));
}

// The executor runs the sub-plan the planner made for a pattern
// expression, for every row, instead of planning it again: given another
// pattern's sub-plan, it answers by that one.
TEST_F(cypher_exec, PatternExpressionsRunTheirPlannedSubPlan) {
  absl::StatusOr<Query> query =
      ParseQuery("MATCH (a:Person) WHERE (a)-[:KNOWS]->() RETURN a.name ORDER BY a.name");
  absl::StatusOr<Query> other = ParseQuery("MATCH (a) WHERE (a)-[:LIVES_IN]->() RETURN a");
  ASSERT_TRUE(query.ok() && other.ok());
  absl::StatusOr<BoundQuery> bound = Bind(*query);
  ASSERT_TRUE(bound.ok()) << bound.status();
  QueryPlan plan = Plan(*bound);
  auto names = [&](const QueryPlan& p) {
    absl::StatusOr<QueryResult> r = Execute(p, g_, nullptr, {});
    EXPECT_TRUE(r.ok()) << r.status();
    std::vector<std::string> out;
    for (const auto& row : r.ok() ? r->rows : std::vector<std::vector<Value>>()) {
      out.push_back(FormatValue(row[0], &g_));
    }
    return out;
  };
  EXPECT_EQ(names(plan), std::vector<std::string>{"'Ann'"});
  ASSERT_EQ(plan.pattern_exprs.size(), 1u);
  plan.pattern_exprs.begin()->second = PlanPatternExpr(*other->clauses[0].where, {"a"});
  EXPECT_EQ(names(plan), (std::vector<std::string>{"'Ann'", "'Bob'"}));
}

}  // namespace
}  // namespace newsgraph::cypher
