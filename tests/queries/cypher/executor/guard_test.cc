// The resource guards of ExecOptions: depth cap, row and memory budgets,
// timeout. Small budgets on small graphs; no timing assertions.
#include <malloc.h>

#include <limits>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "gtest/gtest.h"
#include "queries/cypher/executor/exec.h"
#include "queries/cypher/executor/match.h"

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


// Lists and strings an expression builds are charged to the memory budget
// before they are allocated; each of these once hung or ran out of memory.
void ExpectOverBudget(const char* q, const ExecOptions& options = ExecOptions()) {
  InMemoryGraph g;
  const absl::Time start = absl::Now();
  absl::StatusOr<QueryResult> r = RunCypher(q, &g, {}, options);
  ASSERT_FALSE(r.ok()) << q;
  EXPECT_EQ(r.status().code(), absl::StatusCode::kResourceExhausted) << q << ": " << r.status();
  EXPECT_NE(r.status().message().find(
                absl::StrCat("memory budget of ", options.max_memory_bytes, " bytes")),
            absl::string_view::npos)
      << r.status();
  // A generous ceiling: these failed by hanging, not by being slow.
  EXPECT_LT(absl::Now() - start, absl::Seconds(20)) << q;
}

TEST(cypher_guards, HugeRangeFailsBeforeAllocating) {
  ExpectOverBudget("RETURN size(range(1, 9000000000000000000))");
  ExpectOverBudget("RETURN range(9000000000000000000, -9000000000000000000, -1)");
  ExpectOverBudget("UNWIND range(1, 100000000) AS x RETURN count(*)");
  ExpectOverBudget("RETURN [x IN range(1, 100000000) | x]");
  InMemoryGraph g;
  EXPECT_EQ(SingleInt(RunCypher("RETURN size(range(1, 100000))", &g)), 100000);
  EXPECT_EQ(SingleInt(RunCypher("RETURN size(range(10, 1))", &g)), 0);
  EXPECT_EQ(SingleInt(RunCypher("RETURN size(range(10, 1, -3))", &g)), 4);
}

TEST(cypher_guards, ComprehensionCollectAndConcatenationAreCharged) {
  ExecOptions options;
  options.max_memory_bytes = 1 << 20;
  // Each inner range fits; the comprehension's result does not. Nested
  // results are charged whole: 50^3 values, though each level holds only 50.
  ExpectOverBudget("RETURN [x IN range(1, 2000) | range(1, 2000)]", options);
  ExpectOverBudget(
      "RETURN [x IN range(1, 50) | [y IN range(1, 50) | [z IN range(1, 50) | z]]]", options);
  ExpectOverBudget("UNWIND range(1, 2000) AS x RETURN collect(range(1, 100))", options);
  ExpectOverBudget("WITH range(1, 5000) AS l RETURN l + l + l", options);
  InMemoryGraph g;
  EXPECT_TRUE(RunCypher("RETURN [x IN range(1, 100) | range(1, 10)]", &g, {}, options).ok());
  absl::StatusOr<QueryResult> r = RunCypher("RETURN 'ab' + 'cd' AS s", &g, {}, options);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->rows[0][0].s, "abcd");
}

TEST(cypher_guards, TimeoutReachesListLoops) {
  InMemoryGraph g;
  ExecOptions options;
  options.timeout = absl::Milliseconds(50);
  // About 10^7 predicate evaluations per outer element: only the clock stops it.
  absl::StatusOr<QueryResult> r = RunCypher(
      "WITH range(1, 3000) AS l RETURN size([x IN l WHERE any(y IN l WHERE x * y < 0)])",
      &g, {}, options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kDeadlineExceeded) << r.status();
}

// RE2 matches in linear time; std::regex backtracked exponentially here.
TEST(cypher_guards, RegexCannotBacktrackExponentially) {
  InMemoryGraph g;
  absl::StatusOr<QueryResult> r =
      RunCypher("RETURN 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!' =~ '(a*)*b' AS m", &g);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_FALSE(r->rows[0][0].b);
  // Java's String.matches: the whole string must match.
  r = RunCypher("RETURN 'abc' =~ 'a.c', 'abcd' =~ 'a.c', 'xabc' =~ 'ab.*' AS m", &g);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_TRUE(r->rows[0][0].b);
  EXPECT_FALSE(r->rows[0][1].b);
  EXPECT_FALSE(r->rows[0][2].b);
  r = RunCypher("RETURN 'a' =~ '(a' AS m", &g);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find("bad regular expression '(a'"), absl::string_view::npos)
      << r.status();
}

// The memory budget is only as good as the row estimate: rows of four node
// variables were counted at about two thirds of what malloc handed out, so
// a 4-way product passed its 1 GiB budget with 1.18 GB of RSS.
TEST(cypher_guards, RowEstimateCoversWhatMallocHandsOut) {
  const size_t before = mallinfo2().uordblks;
  std::vector<Row> rows;
  rows.reserve(20000);
  int64_t estimate = static_cast<int64_t>(rows.capacity() * sizeof(Row));
  for (int i = 0; i < 20000; ++i) {
    Row row;
    for (const char* name : {"a", "b", "c", "d"}) row[name] = Value::Node(i);
    row["a_long_variable_name"] = Value::String(std::string(40, 'x'));
    estimate += ApproxRowBytes(row) - static_cast<int64_t>(3 * sizeof(Row));
    rows.push_back(std::move(row));
  }
  const int64_t used = static_cast<int64_t>(mallinfo2().uordblks - before);
  EXPECT_GE(estimate, used * 95 / 100) << "estimate " << estimate << ", malloc " << used;
  EXPECT_LE(estimate, used * 2) << "estimate " << estimate << ", malloc " << used;
}

}  // namespace
}  // namespace newsgraph::cypher
