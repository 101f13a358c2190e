// Parser: accepted syntax and the positions named in syntax errors.
#include "queries/cypher/parser/parser.h"

#include "gtest/gtest.h"

namespace newsgraph::cypher {
namespace {

std::string ErrorOf(absl::string_view q) {
  absl::StatusOr<Query> r = ParseQuery(q);
  return r.ok() ? "ok" : std::string(r.status().message());
}

TEST(cypher_parser, ParsesMatchReturn) {
  absl::StatusOr<Query> q = ParseQuery(
      "MATCH (a:Person {name: 'x'})-[r:KNOWS*1..3]->(b) WHERE a.age > 3 "
      "RETURN DISTINCT b.name AS name, count(*) ORDER BY name DESC SKIP 1 LIMIT 2");
  ASSERT_TRUE(q.ok()) << q.status();
  ASSERT_EQ(q->clauses.size(), 2u);
  const PatternPart& p = q->clauses[0].patterns[0];
  EXPECT_EQ(p.nodes[0].labels, std::vector<std::string>{"Person"});
  EXPECT_TRUE(p.rels[0].var_length);
  EXPECT_EQ(p.rels[0].min_hops, 1);
  EXPECT_EQ(p.rels[0].max_hops, 3);
  EXPECT_EQ(p.rels[0].dir, Direction::kOut);
  const Projection& r = q->clauses[1].projection;
  EXPECT_TRUE(r.distinct);
  EXPECT_EQ(r.items[0].alias, "name");
  EXPECT_EQ(r.items[1].alias, "count(*)");
  EXPECT_TRUE(r.order_by[0].descending);
}

TEST(cypher_parser, VariableLengthForms) {
  absl::StatusOr<Query> q = ParseQuery("MATCH ()-[*]-(), ()<-[*2]-(), ()-[*..4]->() RETURN 1");
  ASSERT_TRUE(q.ok()) << q.status();
  const auto& parts = q->clauses[0].patterns;
  EXPECT_EQ(parts[0].rels[0].min_hops, 1);
  EXPECT_EQ(parts[0].rels[0].max_hops, -1);
  EXPECT_EQ(parts[1].rels[0].min_hops, 2);
  EXPECT_EQ(parts[1].rels[0].max_hops, 2);
  EXPECT_EQ(parts[1].rels[0].dir, Direction::kIn);
  EXPECT_EQ(parts[2].rels[0].max_hops, 4);
}

TEST(cypher_parser, ErrorPositions) {
  EXPECT_EQ(ErrorOf("MATCH (n:Person RETURN n"), "line 1, column 17: expected ')'");
  EXPECT_EQ(ErrorOf("MATCH (n)\nRETURN n.name AS"), "line 2, column 17: expected a variable after AS");
  EXPECT_EQ(ErrorOf("MATCH (n) RETURN [1, 2"), "line 1, column 23: expected ']'");
  EXPECT_EQ(ErrorOf("RETURN 'abc"), "line 1, column 8: unterminated string");
  EXPECT_EQ(ErrorOf("FOO (n)"), "line 1, column 1: expected a clause (MATCH, RETURN, ...)");
  EXPECT_EQ(ErrorOf("MATCH (a)-[:T*1..]-(b) RETURN a WHERE"), "line 1, column 33: expected a clause (MATCH, RETURN, ...)");
}

TEST(cypher_parser, OperatorPrecedence) {
  absl::StatusOr<ExprPtr> e = ParseExpression("1 + 2 * 3 = 7 AND NOT false");
  ASSERT_TRUE(e.ok()) << e.status();
  EXPECT_EQ((*e)->op, "AND");
  EXPECT_EQ((*e)->args[0]->op, "=");
  EXPECT_EQ((*e)->args[0]->args[0]->op, "+");
  EXPECT_EQ((*e)->args[0]->args[0]->args[1]->op, "*");
}

TEST(cypher_parser, ExplainProfileAndShortestPaths) {
  absl::StatusOr<Query> q = ParseQuery("EXPLAIN MATCH p = shortestPath((a)-[:T*..4]->(b)) RETURN p");
  ASSERT_TRUE(q.ok()) << q.status();
  EXPECT_EQ(q->mode, Query::Mode::kExplain);
  const PatternPart& p = q->clauses[0].patterns[0];
  EXPECT_EQ(p.shortest, PatternPart::Shortest::kSingle);
  EXPECT_EQ(p.path_var, "p");
  EXPECT_EQ(p.rels[0].max_hops, 4);
  q = ParseQuery("profile MATCH allShortestPaths((a)-[*]-(b)) RETURN a");
  ASSERT_TRUE(q.ok()) << q.status();
  EXPECT_EQ(q->mode, Query::Mode::kProfile);
  EXPECT_EQ(q->clauses[0].patterns[0].shortest, PatternPart::Shortest::kAll);
  EXPECT_EQ(ErrorOf("MATCH shortestPath((a)-->(b)-->(c)) RETURN a"),
            "line 1, column 20: shortestPath and allShortestPaths need a pattern with exactly one "
            "relationship");
  // Not a keyword elsewhere: a variable may be called shortestPath.
  EXPECT_EQ(ErrorOf("MATCH (shortestPath) RETURN shortestPath"), "ok");
}

}  // namespace
}  // namespace newsgraph::cypher
