// The resource guards of ExecOptions: depth cap, row and memory budgets,
// timeout. Small budgets on small graphs; no timing assertions.
#include <limits>

#include "gtest/gtest.h"
#include "queries/cypher_exec.h"

namespace newsgraph::cypher {
namespace {

// A chain 0 -> 1 -> ... -> n-1 of :NEXT relationships.
void BuildChain(InMemoryGraph* g, int n) {
  ASSERT_TRUE(RunCypher("UNWIND range(0, $n - 1) AS i CREATE (:N {id: i})", g,
                        {{"n", Value::Int(n)}}).ok());
  ASSERT_TRUE(RunCypher("MATCH (a:N), (b:N) WHERE b.id = a.id + 1 CREATE (a)-[:NEXT]->(b)", g).ok());
}

int64_t SingleInt(const absl::StatusOr<QueryResult>& r) {
  EXPECT_TRUE(r.ok()) << r.status();
  if (!r.ok() || r->rows.size() != 1) return -1;
  return r->rows[0][0].i;
}

TEST(cypher_guards, UnboundedVarLengthStopsAtTheDepthCap) {
  InMemoryGraph g;
  BuildChain(&g, 10);
  const char* q = "MATCH (a:N {id: 0})-[*]->(b) RETURN count(b)";
  EXPECT_EQ(SingleInt(RunCypher(q, &g)), 6);
  ExecOptions deeper;
  deeper.max_var_length = 20;
  EXPECT_EQ(SingleInt(RunCypher(q, &g, {}, deeper)), 9);
  EXPECT_EQ(SingleInt(RunCypher("MATCH (a:N {id: 0})-[*2..]->(b) RETURN count(b)", &g)), 5);
}

TEST(cypher_guards, ExplicitBoundAboveTheCapIsAnError) {
  InMemoryGraph g;
  BuildChain(&g, 3);
  for (const char* q : {"MATCH (a)-[*1..7]->(b) RETURN b", "MATCH (a)-[*9]->(b) RETURN b",
                        "MATCH (a)-[*8..]->(b) RETURN b", "EXPLAIN MATCH (a)-[*..7]->(b) RETURN b"}) {
    absl::StatusOr<QueryResult> r = RunCypher(q, &g);
    ASSERT_FALSE(r.ok()) << q;
    EXPECT_NE(r.status().message().find("exceeds the depth cap of 6"), absl::string_view::npos)
        << r.status();
  }
  ExecOptions options;
  options.max_var_length = 7;
  EXPECT_TRUE(RunCypher("MATCH (a)-[*1..7]->(b) RETURN b", &g, {}, options).ok());
}

TEST(cypher_guards, RowBudgetStopsMatchAndUnwind) {
  InMemoryGraph g;
  BuildChain(&g, 10);
  ExecOptions options;
  options.max_rows = 50;
  absl::StatusOr<QueryResult> r = RunCypher("MATCH (a), (b) RETURN count(*)", &g, {}, options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(r.status().message(),
            "query exceeded its row budget of 50 rows; add LIMIT or narrow the pattern");
  r = RunCypher("UNWIND range(1, 51) AS x RETURN x", &g, {}, options);
  EXPECT_EQ(r.status().code(), absl::StatusCode::kResourceExhausted);
  // Narrowing the pattern brings it under budget.
  EXPECT_EQ(SingleInt(RunCypher("MATCH (a:N {id: 1}), (b) RETURN count(*)", &g, {}, options)), 10);
}

TEST(cypher_guards, MemoryBudget) {
  InMemoryGraph g;
  ExecOptions options;
  options.max_memory_bytes = 20'000;
  absl::StatusOr<QueryResult> r =
      RunCypher("UNWIND range(1, 1000) AS x RETURN x", &g, {}, options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_NE(r.status().message().find("memory budget of 20000 bytes"), absl::string_view::npos);
  EXPECT_TRUE(RunCypher("UNWIND range(1, 10) AS x RETURN x", &g, {}, options).ok());
}

TEST(cypher_guards, TimeoutStopsARunawayPattern) {
  // 12 nodes, every ordered pair linked: about 10^9 walks of up to 8 hops,
  // far beyond the timeout; only the clock can stop it (budgets are off).
  InMemoryGraph g;
  ASSERT_TRUE(RunCypher("UNWIND range(1, 12) AS i CREATE (:N {id: i})", &g).ok());
  ASSERT_TRUE(RunCypher("MATCH (a:N), (b:N) WHERE a <> b CREATE (a)-[:R]->(b)", &g).ok());
  ExecOptions options;
  options.max_rows = std::numeric_limits<int64_t>::max();
  options.max_memory_bytes = std::numeric_limits<int64_t>::max();
  options.timeout = absl::Milliseconds(50);
  options.max_var_length = 8;
  // The filter on b runs after each expansion: every walk is visited.
  absl::StatusOr<QueryResult> r =
      RunCypher("MATCH (a)-[*1..8]->(b) WHERE b.id < 0 RETURN count(*)", &g, {}, options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kDeadlineExceeded);
  EXPECT_NE(r.status().message().find("query exceeded its timeout of 50ms"), absl::string_view::npos)
      << r.status();
}

}  // namespace
}  // namespace newsgraph::cypher
