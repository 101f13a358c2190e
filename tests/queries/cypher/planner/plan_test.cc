// The MATCH planner: start-node choice, pushdown into the GraphSource,
// WHERE placement, EXPLAIN/PROFILE, and the pruning variable-length
// expansion checked against plain walk enumeration on random graphs.
#include "queries/cypher/planner/plan.h"

#include <random>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "queries/cypher/executor/exec.h"

namespace newsgraph::cypher {
namespace {

// Records which lookups the matcher asks of the source.
class RecordingGraph : public InMemoryGraph {
 public:
  void Relationships(int64_t node, Direction dir, const RelFilter& filter,
                     std::vector<int64_t>* out) const override {
    calls.push_back(absl::StrCat("rels:", absl::StrJoin(filter.types, "|")));
    if (filter.has_window()) windows.push_back({filter.from_day, filter.to_day});
    InMemoryGraph::Relationships(node, dir, filter, out);
  }
  std::vector<int64_t> NodesWithLabel(const std::string& label) const override {
    calls.push_back("label:" + label);
    return InMemoryGraph::NodesWithLabel(label);
  }
  std::vector<int64_t> NodesWithProperty(const std::string& label, const std::string& key,
                                         const Value& value) const override {
    calls.push_back(absl::StrCat("prop:", label, ".", key, "=", FormatValue(value, nullptr)));
    return InMemoryGraph::NodesWithProperty(label, key, value);
  }
  mutable std::vector<std::string> calls;
  mutable std::vector<std::pair<int64_t, int64_t>> windows;
};

std::vector<std::string> Render(const absl::StatusOr<QueryResult>& r, const GraphSource* g) {
  EXPECT_TRUE(r.ok()) << r.status();
  std::vector<std::string> out;
  if (!r.ok()) return out;
  for (const auto& row : r->rows) {
    std::vector<std::string> cells;
    for (const Value& v : row) cells.push_back(FormatValue(v, g));
    out.push_back(absl::StrJoin(cells, ", "));
  }
  return out;
}

// "operator details" per plan line.
std::vector<std::string> Ops(const absl::StatusOr<QueryResult>& r) {
  EXPECT_TRUE(r.ok()) << r.status();
  std::vector<std::string> out;
  if (!r.ok()) return out;
  for (const PlanStep& s : r->plan) out.push_back(s.op + " " + s.details);
  return out;
}

class cypher_plan : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(RunCypher("CREATE (a:Person {name: 'Ann', age: 30}), (b:Person {name: 'Bob', age: 40}),"
                          " (c:City {name: 'Oslo'}), (a)-[:KNOWS]->(b),"
                          " (a)-[:LIVES_IN]->(c), (b)-[:LIVES_IN]->(c)", &g_).ok());
    g_.calls.clear();
  }
  RecordingGraph g_;
};

TEST_F(cypher_plan, PropertyEqualityBecomesAnIndexRead) {
  const char* q = "MATCH (a:Person {name: 'Ann'})-[:KNOWS]->(b) RETURN b.name";
  EXPECT_EQ(Render(RunCypher(q, &g_), &g_), std::vector<std::string>{"'Bob'"});
  ASSERT_FALSE(g_.calls.empty());
  EXPECT_EQ(g_.calls[0], "prop:Person.name='Ann'");
  EXPECT_NE(std::find(g_.calls.begin(), g_.calls.end(), "rels:KNOWS"), g_.calls.end());

  g_.calls.clear();
  const char* where = "MATCH (a:Person)-[:KNOWS]->(b) WHERE $n = a.name RETURN b.name";
  EXPECT_EQ(Render(RunCypher(where, &g_, {{"n", Value::String("Ann")}}), &g_),
            std::vector<std::string>{"'Bob'"});
  EXPECT_EQ(g_.calls[0], "prop:Person.name='Ann'");
}

TEST_F(cypher_plan, DateConjunctsBecomeTheRelationshipWindow) {
  ASSERT_TRUE(RunCypher("MATCH (a {name: 'Ann'}), (c:City) "
                        "CREATE (a)-[:VISITED {date: date('2024-01-05')}]->(c), "
                        "(a)-[:VISITED {date: date('2024-03-01')}]->(c)", &g_).ok());
  const char* q =
      "MATCH (a:Person)-[r:VISITED]->(c) WHERE r.date >= date('2024-01-01') "
      "AND date('2024-02-01') > r.date RETURN r.date = date('2024-01-05') AS d";
  EXPECT_EQ(Render(RunCypher(q, &g_), &g_), std::vector<std::string>{"true"});
  ASSERT_FALSE(g_.windows.empty());
  // 2024-01-01 is day 19723; the strict upper bound 2024-02-01 leaves 19753.
  EXPECT_EQ(g_.windows[0], std::make_pair(int64_t{19723}, int64_t{19753}));
}

TEST_F(cypher_plan, LabelScanAndReversedStart) {
  absl::StatusOr<QueryResult> r =
      RunCypher("EXPLAIN MATCH (a)-[:KNOWS]->(b:Person {name: 'Bob'}) RETURN a.name", &g_);
  EXPECT_EQ(Ops(r), (std::vector<std::string>{"NodeByPropertySeek (b:Person {name: 'Bob'})",
                                              "Expand (b:Person {...})<-[:KNOWS]-(a)",
                                              "Projection RETURN a.name"}));
  EXPECT_EQ(Render(RunCypher("MATCH (a)-[:KNOWS]->(b:Person {name: 'Bob'}) RETURN a.name", &g_), &g_),
            std::vector<std::string>{"'Ann'"});
  // A path keeps its written order when matched from the other end.
  EXPECT_EQ(Render(RunCypher("MATCH p = (a)-[:LIVES_IN]->(:City {name: 'Oslo'}) "
                             "RETURN [n IN nodes(p) | n.name] AS names ORDER BY names", &g_), &g_),
            (std::vector<std::string>{"['Ann', 'Oslo']", "['Bob', 'Oslo']"}));
  EXPECT_EQ(Ops(RunCypher("EXPLAIN MATCH (c:City) RETURN c", &g_))[0], "NodeByLabelScan (c:City)");
  EXPECT_EQ(Ops(RunCypher("EXPLAIN MATCH (c) RETURN c", &g_))[0], "AllNodesScan (c)");
}

TEST_F(cypher_plan, WhereConjunctsRunWhenTheirVariablesAreBound) {
  const char* q = "MATCH (a:Person)-[:KNOWS]->(b) WHERE a.age > 20 AND b.age > 35 AND $on RETURN b.name";
  EXPECT_EQ(Ops(RunCypher(absl::StrCat("EXPLAIN ", q), &g_, {{"on", Value::Bool(true)}})),
            (std::vector<std::string>{"Filter $on", "NodeByLabelScan (a:Person)", "Filter a.age > 20",
                                      "Expand (a:Person)-[:KNOWS]->(b)", "Filter b.age > 35",
                                      "Projection RETURN b.name"}));
  EXPECT_EQ(Render(RunCypher(q, &g_, {{"on", Value::Bool(true)}}), &g_), std::vector<std::string>{"'Bob'"});
  EXPECT_TRUE(Render(RunCypher(q, &g_, {{"on", Value::Bool(false)}}), &g_).empty());
}

TEST_F(cypher_plan, ProfileCountsRowsPerOperator) {
  absl::StatusOr<QueryResult> r =
      RunCypher("PROFILE MATCH (p:Person)-[:LIVES_IN]->(c) WHERE p.age > 35 RETURN c.name", &g_);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->mode, Query::Mode::kProfile);
  EXPECT_EQ(Render(r, &g_), std::vector<std::string>{"'Oslo'"});
  std::vector<std::string> counts;
  for (const PlanStep& s : r->plan) counts.push_back(absl::StrCat(s.op, "=", s.rows));
  EXPECT_EQ(counts, (std::vector<std::string>{"NodeByLabelScan=2", "Filter=1", "Expand=1",
                                              "Projection=1"}));
  EXPECT_GT(r->plan[0].time, absl::ZeroDuration());
  r = RunCypher("PROFILE MATCH (p:Person) RETURN count(*)", &g_);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->plan.size(), 2u);
  EXPECT_EQ(r->plan[0].rows, 2);
  EXPECT_EQ(r->plan[1].op, "Aggregation");
  EXPECT_EQ(r->plan[1].rows, 1);
  const std::string table = FormatPlan(r->plan, /*profiled=*/true);
  // The one table style: a header, a rule, columns two spaces apart.
  EXPECT_TRUE(absl::StartsWith(table, "clause  operator")) << table;
  EXPECT_THAT(table, ::testing::ContainsRegex("\n0 +NodeByLabelScan +\\(p:Person\\)")) << table;
}

TEST_F(cypher_plan, ExplainDoesNotRun) {
  absl::StatusOr<QueryResult> r = RunCypher("EXPLAIN CREATE (:X)", &g_);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(g_.node_count(), 3u);
  EXPECT_EQ(r->columns, (std::vector<std::string>{"clause", "operator", "details", "estimated rows"}));
  EXPECT_EQ(Render(r, &g_), std::vector<std::string>{"0, 'Create', '(:X)', null"});
}

TEST_F(cypher_plan, PruningOnlyWhenMultiplicitiesAreInvisible) {
  auto first_expand = [&](const std::string& q) {
    for (const std::string& op : Ops(RunCypher("EXPLAIN " + q, &g_))) {
      if (op.find("Expand") != std::string::npos) return op.substr(0, op.find(' '));
    }
    return std::string();
  };
  EXPECT_EQ(first_expand("MATCH (s)-[*1..3]-(e) RETURN count(DISTINCT e)"), "PruningVarLengthExpand");
  EXPECT_EQ(first_expand("MATCH (s)-[*0..3]->(e) RETURN DISTINCT s, e"), "PruningVarLengthExpand");
  EXPECT_EQ(first_expand("MATCH (s)-[*1..3]-(e) UNWIND [1] AS x RETURN DISTINCT e"), "PruningVarLengthExpand");
  EXPECT_EQ(first_expand("MATCH (s)-[*1..3]-(e) RETURN count(e)"), "VarLengthExpand");
  EXPECT_EQ(first_expand("MATCH (s)-[r*1..3]-(e) RETURN DISTINCT r"), "VarLengthExpand");
  EXPECT_EQ(first_expand("MATCH p = (s)-[*1..3]-(e) RETURN DISTINCT e"), "VarLengthExpand");
  EXPECT_EQ(first_expand("MATCH (s)-[*2..3]-(e) RETURN DISTINCT e"), "VarLengthExpand");
  EXPECT_EQ(first_expand("MATCH (s)-[*1..3]-(e)-->(f) RETURN DISTINCT e"), "VarLengthExpand");
  EXPECT_EQ(first_expand("MATCH (s)-[*1..3]-(e) CREATE (:Y) RETURN DISTINCT e"), "VarLengthExpand");
  EXPECT_EQ(first_expand("WITH [] AS r MATCH (s)-[r*1..2]-(e) RETURN DISTINCT e"),
            "VarLengthExpand");
}

// A pattern predicate asks only whether it matches: its variable-length
// relationship is found by the BFS, unless the walk's length or path shows.
TEST_F(cypher_plan, PatternPredicatesPruneVarLength) {
  auto pattern_expr = [&](const std::string& q) {
    for (const std::string& op : Ops(RunCypher("EXPLAIN " + q, &g_))) {
      if (absl::StartsWith(op, "PatternExpression")) return op;
    }
    return std::string();
  };
  using ::testing::HasSubstr;
  using ::testing::Not;
  EXPECT_THAT(pattern_expr("MATCH (a), (b) WHERE (a)-[*1..3]-(b) RETURN a"),
              HasSubstr("PruningVarLengthExpand"));
  EXPECT_THAT(pattern_expr("MATCH (a) WHERE exists((a)-[:R*]->()) RETURN a"),
              HasSubstr("PruningVarLengthExpand"));
  EXPECT_THAT(pattern_expr("MATCH (a), (b) WHERE (a)-[*2..3]-(b) RETURN a"),
              Not(HasSubstr("Pruning")));
  EXPECT_THAT(pattern_expr("MATCH (a), (b) WHERE (a)-[*1..2]-()-->(b) RETURN a"),
              Not(HasSubstr("Pruning")));
  EXPECT_THAT(pattern_expr("MATCH (a), (b) RETURN shortestPath((a)-[*..3]-(b))"),
              Not(HasSubstr("Pruning")));
}

// Random multigraphs with self-loops and parallel relationships: the pruned
// expansion must give exactly the rows of walk enumeration, up to multiplicity.
TEST(cypher_pruning, MatchesWalkEnumerationOnRandomGraphs) {
  const std::vector<std::string> queries = {
      "MATCH (s)-[*1..3]-(e) RETURN s.id AS s, count(DISTINCT e) AS c ORDER BY s",
      "MATCH (s)-[*1..3]->(e) RETURN DISTINCT s.id AS s, e.id AS e ORDER BY s, e",
      "MATCH (s)<-[*..2]-(e) RETURN DISTINCT s.id AS s, e.id AS e ORDER BY s, e",
      "MATCH (s)-[:A*0..2]->(e) RETURN DISTINCT s.id AS s, e.id AS e ORDER BY s, e",
      "MATCH (s)-[*1..4]-(s) RETURN DISTINCT s.id AS s ORDER BY s",
      "MATCH (s)-[*1..2]->(s) RETURN DISTINCT s.id AS s ORDER BY s",
      "MATCH (s)-[:B*1..3]-(s) RETURN DISTINCT s.id AS s ORDER BY s",
      "MATCH (s:L)-[:A|B*1..3]-(e:L) WHERE e.id <> 2 RETURN DISTINCT s.id AS s, e.id AS e ORDER BY s, e",
      "MATCH (s)-[*1]-(e) RETURN count(DISTINCT e) AS c, max(e.id) AS m",
      // Pattern predicates: only whether a walk exists.
      "MATCH (s), (e) WHERE (s)-[*1..3]-(e) RETURN s.id AS s, e.id AS e ORDER BY s, e",
      "MATCH (s), (e) WHERE exists((s)-[:A*..2]->(e)) RETURN s.id AS s, e.id AS e ORDER BY s, e",
      "MATCH (s) WHERE (s)-[*1..3]->(s) RETURN s.id AS s ORDER BY s",
      "MATCH (s) WHERE NOT (s)<-[:B*0..2]-(:L) RETURN s.id AS s ORDER BY s",
      "MATCH (s), (e) WHERE s.id < e.id AND (s)-[*2..3]-(e) "
      "RETURN s.id AS s, e.id AS e ORDER BY s, e",
      "MATCH (s), (e) RETURN s.id AS s, e.id AS e, length(shortestPath((s)-[*..3]-(e))) AS d "
      "ORDER BY s, e",
  };
  ExecOptions naive;
  naive.prune_var_length = false;
  std::mt19937 rng(871);
  for (int trial = 0; trial < 40; ++trial) {
    InMemoryGraph g;
    const int nodes = 3 + static_cast<int>(rng() % 5);
    const int rels = static_cast<int>(rng() % (2 * nodes + 2));
    for (int i = 0; i < nodes; ++i) {
      g.CreateNode(rng() % 2 ? std::vector<std::string>{"L"} : std::vector<std::string>{},
                   {{"id", Value::Int(i)}});
    }
    for (int j = 0; j < rels; ++j) {
      // Self-loops and parallel relationships are likely on so few nodes.
      g.CreateRel(rng() % nodes, rng() % nodes, rng() % 3 ? "A" : "B", {});
    }
    for (const std::string& q : queries) {
      ASSERT_EQ(Render(RunCypher(q, &g), &g), Render(RunCypher(q, &g, {}, naive), &g))
          << "trial " << trial << ": " << q;
    }
  }
}

// NebulaGraph #871: count(DISTINCT e) over 1..3 hops of a complete graph.
// One relationship per unordered pair; the undirected pattern reaches every
// node from every start, itself through a triangle.
TEST(cypher_pruning, CompleteGraphEndpointsAreAllNodes) {
  InMemoryGraph g;
  ASSERT_TRUE(RunCypher("UNWIND range(1, 40) AS i CREATE (:N {id: i})", &g).ok());
  ASSERT_TRUE(RunCypher("MATCH (a:N), (b:N) WHERE a.id < b.id CREATE (a)-[:R]->(b)", &g).ok());
  ASSERT_EQ(g.rel_count(), 40u * 39 / 2);
  EXPECT_EQ(Render(RunCypher("MATCH (s)-[*1..3]-(e) RETURN count(DISTINCT e)", &g), &g),
            std::vector<std::string>{"40"});
  EXPECT_EQ(Render(RunCypher("MATCH (s)-[*1..3]-(e) RETURN count(DISTINCT [s, e]) AS pairs", &g), &g),
            std::vector<std::string>{"1600"});
}

}  // namespace
}  // namespace newsgraph::cypher
