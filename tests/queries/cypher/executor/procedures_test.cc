// CALL db.labels(), db.relationshipTypes() and db.schema(): alone, inside
// a query with YIELD, and their errors; on an in-memory graph and a store.
#include "queries/cypher/executor/procedures.h"

#include "absl/strings/match.h"
#include "absl/strings/str_join.h"
#include "gtest/gtest.h"
#include "newsgraph/cypher.h"
#include "queries/cypher/executor/exec.h"
#include "tests/queries/test_graph.h"

namespace newsgraph::cypher {
namespace {

class CypherProceduresTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(RunCypher("CREATE (a:Person {name: 'Ann', age: 30}), (b:Person {name: 'Bob'}),"
                          " (c:City {name: 'Oslo'}), (a)-[:KNOWS {since: 2001}]->(b),"
                          " (a)-[:LIVES_IN]->(c), (b)-[:LIVES_IN]->(c)", &g_).ok());
  }
  // The result as "col1, col2" then one "v1, v2" line per row.
  std::vector<std::string> Table(absl::string_view q) {
    absl::StatusOr<QueryResult> r = RunCypher(q, &g_);
    EXPECT_TRUE(r.ok()) << q << ": " << r.status();
    if (!r.ok()) return {};
    std::vector<std::string> out = {absl::StrJoin(r->columns, ", ")};
    for (const auto& row : r->rows) {
      std::string line;
      for (size_t i = 0; i < row.size(); ++i) line += (i ? ", " : "") + FormatValue(row[i], &g_);
      out.push_back(line);
    }
    return out;
  }
  std::string Error(absl::string_view q) {
    absl::StatusOr<QueryResult> r = RunCypher(q, &g_);
    EXPECT_FALSE(r.ok()) << q;
    return r.ok() ? "" : std::string(r.status().message());
  }
  InMemoryGraph g_;
};

TEST_F(CypherProceduresTest, StandaloneCallsReturnEveryField) {
  EXPECT_EQ(Table("CALL db.labels()"),
            (std::vector<std::string>{"label", "'City'", "'Person'"}));
  EXPECT_EQ(Table("CALL db.relationshipTypes"),  // no parentheses, as Neo4j allows
            (std::vector<std::string>{"relationshipType", "'KNOWS'", "'LIVES_IN'"}));
  EXPECT_EQ(Table("call db.schema();"),
            (std::vector<std::string>{"pattern, count, properties",
                                      "'(:City)', 1, ['name']",
                                      "'(:Person)', 2, ['age', 'name']",
                                      "'(:Person)-[:KNOWS]->(:Person)', 1, ['since']",
                                      "'(:Person)-[:LIVES_IN]->(:City)', 2, []"}));
}

TEST_F(CypherProceduresTest, YieldRenamesFiltersAndFeedsTheRestOfTheQuery) {
  EXPECT_EQ(Table("CALL db.schema() YIELD count AS n, pattern"),
            (std::vector<std::string>{"n, pattern", "1, '(:City)'", "2, '(:Person)'",
                                      "1, '(:Person)-[:KNOWS]->(:Person)'",
                                      "2, '(:Person)-[:LIVES_IN]->(:City)'"}));
  EXPECT_EQ(Table("CALL db.labels() YIELD label WHERE label <> 'City' RETURN label"),
            (std::vector<std::string>{"label", "'Person'"}));
  EXPECT_EQ(Table("MATCH (p:Person) CALL db.labels() YIELD label "
                  "RETURN p.name AS name, count(label) AS labels ORDER BY name"),
            (std::vector<std::string>{"name, labels", "'Ann', 2", "'Bob', 2"}));
  EXPECT_EQ(Table("CALL db.relationshipTypes() YIELD relationshipType AS t "
                  "MATCH ()-[r]->() WHERE type(r) = t RETURN t, count(r) AS n ORDER BY t"),
            (std::vector<std::string>{"t, n", "'KNOWS', 1", "'LIVES_IN', 2"}));
}

TEST_F(CypherProceduresTest, ErrorsNameTheProblem) {
  EXPECT_TRUE(absl::StartsWith(Error("CALL db.nothing()"), "ProcedureNotFound: ")) << Error("CALL db.nothing()");
  EXPECT_TRUE(absl::StrContains(Error("CALL db.Labels()"), "db.labels, db.relationshipTypes"));
  EXPECT_TRUE(absl::StartsWith(Error("CALL db.labels(1)"), "InvalidNumberOfArguments: "));
  EXPECT_TRUE(absl::StrContains(Error("CALL db.labels() YIELD name"), "unknown procedure output"));
  EXPECT_TRUE(absl::StrContains(Error("MATCH (n) CALL db.labels() RETURN n"), "needs YIELD"));
  EXPECT_TRUE(absl::StrContains(Error("MATCH (label) CALL db.labels() YIELD label RETURN label"),
                                "VariableAlreadyBound"));
  EXPECT_TRUE(absl::StrContains(Error("UNWIND [1] AS x CALL db.labels() YIELD label"),
                                "must end with RETURN"));
}

TEST_F(CypherProceduresTest, ExplainAndProfileNameTheCall) {
  absl::StatusOr<QueryResult> r = RunCypher("PROFILE CALL db.labels()", &g_);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->plan.size(), 1u);
  EXPECT_EQ(r->plan[0].op, "ProcedureCall");
  EXPECT_EQ(r->plan[0].rows, 2);
  EXPECT_EQ(r->rows.size(), 2u);
}

TEST(CypherProceduresStoreTest, TheStoreAnswersWithItsLabelsAndTypes) {
  testing_util::TempStoreDir dir;
  testing_util::ContactGraph graph;
  absl::StatusOr<std::unique_ptr<Store>> store = testing_util::MakeContactGraph(dir.path(), &graph);
  ASSERT_TRUE(store.ok()) << store.status();
  absl::StatusOr<CypherResult> labels = newsgraph::RunCypher(**store, "CALL db.labels()");
  ASSERT_TRUE(labels.ok()) << labels.status();
  std::vector<std::string> names;
  for (const auto& row : labels->rows) names.push_back(row[0].text);
  EXPECT_TRUE(std::find(names.begin(), names.end(), "Person") != names.end());
  EXPECT_TRUE(std::find(names.begin(), names.end(), "Event") != names.end());
  absl::StatusOr<CypherResult> schema = newsgraph::RunCypher(
      **store, "CALL db.schema() YIELD pattern, count WHERE pattern CONTAINS 'PARTICIPATED_IN' "
               "RETURN pattern, count");
  ASSERT_TRUE(schema.ok()) << schema.status();
  std::vector<std::string> patterns;
  for (const auto& row : schema->rows) {
    patterns.push_back(row[0].text);
    EXPECT_GT(row[1].integer, 0) << row[0].text;
  }
  EXPECT_TRUE(std::find(patterns.begin(), patterns.end(),
                        "(:Person)-[:PARTICIPATED_IN]->(:Event)") != patterns.end())
      << ::testing::PrintToString(patterns);
}

}  // namespace
}  // namespace newsgraph::cypher
