// Replays the fuzzer's checked-in corpus (tests/fuzz/corpus/cypher_parser)
// through the same code as the libFuzzer target, without sanitizers, so
// that the normal build keeps every input that once crashed or found new
// coverage in play. Also pins the inputs behind each bug the fuzzer found.
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "absl/status/status.h"
#include "gtest/gtest.h"
#include "queries/cypher/executor/exec.h"
#include "queries/cypher/parser/parser.h"
#include "tests/fuzz/cypher_fuzz_input.h"

namespace newsgraph::cypher {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// OK, or the InvalidArgument every syntax and semantic error is.
void ExpectResultOrError(const absl::Status& status, const std::string& what) {
  EXPECT_TRUE(status.ok() || status.code() == absl::StatusCode::kInvalidArgument)
      << what << ": " << status;
}

// A run may also stop on a guard (FuzzExecOptions), never otherwise.
void ExpectRunResultOrError(const absl::Status& status, const std::string& what) {
  const absl::StatusCode code = status.code();
  EXPECT_TRUE(status.ok() || code == absl::StatusCode::kInvalidArgument ||
              code == absl::StatusCode::kResourceExhausted ||
              code == absl::StatusCode::kDeadlineExceeded)
      << what << ": " << status;
}

TEST(cypher_fuzz_corpus, EveryInputParsesOrFailsCleanly) {
  const fs::path dir = fs::path(NEWSGRAPH_SOURCE_DIR) / "tests/fuzz/corpus/cypher_parser";
  ASSERT_TRUE(fs::is_directory(dir)) << dir;
  int inputs = 0, parsed = 0, executed = 0;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    const FuzzOutcome outcome = FuzzOneInput(ReadFile(entry.path()));
    ExpectResultOrError(outcome.parsed, entry.path().filename().string());
    ExpectRunResultOrError(outcome.executed, entry.path().filename().string());
    ++inputs;
    parsed += outcome.parsed.ok();
    executed += outcome.parsed.ok() && outcome.executed.ok();
  }
  // The hand-written seeds alone are a couple of hundred files, most valid,
  // and most of those run on the fuzz graph.
  EXPECT_GE(inputs, 150);
  EXPECT_GE(parsed, 100);
  EXPECT_GE(executed, 50);
}

// \u took its digits through std::stoul, which threw on non-hex text.
TEST(cypher_fuzz_corpus, BadUnicodeEscapeIsAnError) {
  for (const char* q : {"RETURN '\\uZZZZ'", "RETURN '\\u-FFF'", "RETURN '\\u 12a'", "RETURN '\\u12'"}) {
    absl::StatusOr<Query> parsed = ParseQuery(q);
    ASSERT_FALSE(parsed.ok()) << q;
    EXPECT_NE(parsed.status().message().find("bad \\u escape"), std::string::npos) << parsed.status();
  }
  absl::StatusOr<Query> ok = ParseQuery("RETURN '\\u00e9\\u4E2D'");
  ASSERT_TRUE(ok.ok()) << ok.status();
  EXPECT_EQ(ok->clauses[0].projection.items[0].expr->value.s, "\xC3\xA9\xE4\xB8\xAD");
}

// Thousands of open brackets overflowed the stack of the recursive descent.
TEST(cypher_fuzz_corpus, DeepNestingIsAnErrorNotAStackOverflow) {
  for (const std::string open : {"[", "(", "{a: ", "NOT ", "- "}) {
    std::string q = "RETURN ";
    for (int i = 0; i < 100000; ++i) q += open;
    q += "1";
    absl::StatusOr<Query> parsed = ParseQuery(q);
    ASSERT_FALSE(parsed.ok()) << open;
    EXPECT_NE(parsed.status().message().find("nested too deeply"), std::string::npos)
        << parsed.status();
  }
  std::string q = "RETURN ";
  for (int i = 0; i < 200; ++i) q += "[";
  q += "1";
  for (int i = 0; i < 200; ++i) q += "]";
  EXPECT_TRUE(ParseQuery(q).ok());
}

// A '(' is tried as a pattern predicate before an expression; failed tries
// nested in property maps re-parsed their insides twice per level.
TEST(cypher_fuzz_corpus, NestedFailedPatternTriesAreNotExponential) {
  std::string q = "RETURN ";
  for (int i = 0; i < 60; ++i) q += "({a: ";
  q += "1";
  for (int i = 0; i < 60; ++i) q += "})-1";
  absl::StatusOr<Query> parsed = ParseQuery(q);  // 2^60 steps before the fix
  EXPECT_TRUE(parsed.ok()) << parsed.status();
}

// Fuzz inputs run through the executor (before it joined the fuzz target):
// each was undefined behaviour, a SIGFPE or an uncaught exception.
TEST(cypher_fuzz_corpus, RuntimeEdgesAreErrorsNotCrashes) {
  InMemoryGraph graph;
  absl::StatusOr<QueryResult> r = RunCypher("RETURN -9223372036854775808 / -1", &graph);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("overflow"), std::string::npos) << r.status();
  r = RunCypher("RETURN -9223372036854775808 % -1 AS m", &graph);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->rows[0][0].i, 0);

  r = RunCypher("RETURN abs(-9223372036854775807 - 1) AS a", &graph);
  ASSERT_FALSE(r.ok()) << "abs of the smallest integer was negative";
  EXPECT_NE(r.status().message().find("overflow"), std::string::npos) << r.status();
  r = RunCypher("RETURN abs(-9223372036854775807) AS a", &graph);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->rows[0][0].i, 9223372036854775807);

  r = RunCypher("RETURN 'a' =~ '(' AS m", &graph);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("bad regular expression"), std::string::npos) << r.status();

  for (const char* q : {"RETURN toInteger(1e30)", "RETURN toInteger('-1e300')",
                        "RETURN toInteger(0.0 / 0.0)"}) {
    r = RunCypher(q, &graph);
    ASSERT_FALSE(r.ok()) << q;
    EXPECT_NE(r.status().message().find("NumberOutOfRange"), std::string::npos) << r.status();
  }
  r = RunCypher("RETURN toInteger(-9223372036854775808.0) AS i", &graph);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->rows[0][0].i, INT64_MIN);

  // The step past the last value would overflow; the list stops there.
  r = RunCypher("RETURN range(9223372036854775800, 9223372036854775807, 5) AS l", &graph);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->rows[0][0].list.size(), 2u);
  EXPECT_EQ(r->rows[0][0].list[1].i, 9223372036854775805);
}

// Found once the fuzz target ran queries: a chain of additions nests one
// Binary node per operator, which the parser's bracket cap does not see.
// The evaluator had its own cap, but the binder (and the destructor) walked
// the tree first: a 52 KB chain was a SIGSEGV. Every chain of every
// operator, at 1 MB, is now a syntax error from the parser.
TEST(cypher_fuzz_corpus, OneMegabyteOperatorChainIsAnErrorNotACrash) {
  struct Chain { const char* head; const char* link; };
  const Chain chains[] = {
      {"RETURN 1", " + 1"},        {"RETURN 'a'", " + 'a'"},   {"RETURN true", " AND true"},
      {"RETURN false", " OR false"}, {"RETURN true", " XOR true"}, {"RETURN 2", " * 2"},
      {"RETURN 1", "^1"},          {"RETURN 1", " < 1"},       {"RETURN 1", " IN [1]"},
      {"RETURN 1", " IS NULL"},    {"RETURN [1]", "[0]"},      {"RETURN [1]", "[0..1]"},
      {"WITH {a: 1} AS m RETURN m", ".a"}, {"RETURN 'a'", " STARTS WITH 'a'"},
      {"MATCH (n) WHERE n.x", " = n.x"},   {"RETURN -1", " - -1"},
  };
  InMemoryGraph graph;
  for (const Chain& chain : chains) {
    std::string q = chain.head;
    while (q.size() < (1 << 20)) q += chain.link;
    absl::StatusOr<QueryResult> r = RunCypher(q, &graph);
    ASSERT_FALSE(r.ok()) << chain.link;
    EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument) << chain.link;
    EXPECT_NE(r.status().message().find("nested too deeply"), std::string::npos)
        << chain.link << ": " << r.status();
  }
  // A chain inside each level of bracket nesting adds up: the cap is on the
  // whole tree, not per chain.
  std::string nested = "RETURN " + std::string(100, '(') + "1";
  for (int level = 0; level < 100; ++level) nested += ") + 1 + 1 + 1";
  EXPECT_FALSE(ParseQuery(nested).ok());

  std::string q = "RETURN 1";
  for (int i = 0; i < 250; ++i) q += " + 1";
  absl::StatusOr<QueryResult> r = RunCypher(q, &graph);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->rows[0][0].i, 251);
  const FuzzOutcome outcome = FuzzOneInput(ReadFile(
      fs::path(NEWSGRAPH_SOURCE_DIR) /
      "tests/fuzz/corpus/cypher_parser/f7c35cdf36f2cae21fb40084c505787efd2b8f45"));
  EXPECT_NE(outcome.parsed.message().find("nested too deeply"), std::string::npos)
      << outcome.parsed;
}

}  // namespace
}  // namespace newsgraph::cypher
