// newsgraph query as a user meets it: formats, parameters, errors, and the
// Cypher form of Q1 (examples/officials_met.cypher) giving the same pairs
// as `newsgraph ask officials-met` on the sample corpus and, when
// ../shared is present, on the development corpus.
#include <set>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "tests/tools/cli_test_util.h"

namespace newsgraph::testing {
namespace {

const std::string kSampleDir = std::string(NEWSGRAPH_SOURCE_DIR) + "/data/sample";
const std::string kQ1 = std::string(NEWSGRAPH_SOURCE_DIR) + "/examples/officials_met.cypher";

void ImportSample(const std::string& db) {
  RunResult r = RunCli("import -q --db " + db + " " + kSampleDir + "/articles.jsonl");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = RunCli("import -q --db " + db + " --date 2023-06-19 " + kSampleDir +
             "/2023-06-19-blinken-beijing.txt");
  ASSERT_EQ(r.exit_code, 0) << r.err;
}

class QueryCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir("query_cli");
    ImportSample(dir_->Join("db"));
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static std::string Db() { return dir_->Join("db"); }
  static TempDir* dir_;
};
TempDir* QueryCliTest::dir_ = nullptr;

TEST_F(QueryCliTest, HelpNamesTheOptions) {
  RunResult r = RunCli("query --help");
  EXPECT_EQ(r.exit_code, 0);
  for (const char* flag :
       {"--db", "--param", "--file", "--format", "--max-rows", "--max-memory", "--timeout"}) {
    EXPECT_TRUE(absl::StrContains(r.out, flag)) << flag;
  }
}

TEST_F(QueryCliTest, QueryFromStandardInput) {
  for (const char* dash : {"", " -"}) {
    RunResult r = RunShell("echo 'MATCH (s:State {kb_key: \"CN\"}) RETURN s.name AS name' | " +
                           std::string(NEWSGRAPH_CLI) + " query --db " + Db() + dash);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(absl::StrContains(r.out, "China")) << r.out;
  }
  RunResult empty = RunShell(std::string(NEWSGRAPH_CLI) + " query --db " + Db() + " - </dev/null");
  EXPECT_EQ(empty.exit_code, 1);
  EXPECT_TRUE(absl::StrContains(empty.err, "standard input (which was empty)")) << empty.err;
}

// The budgets are the user's to set: a small one fails the query and says
// which flag sets it; a large one lets a query through that the default
// row budget stops.
TEST_F(QueryCliTest, BudgetsAreFlags) {
  const std::string product = " 'UNWIND range(1, 1500000) AS x RETURN count(*) AS n'";
  RunResult small = RunCli("query --db " + Db() + " --max-rows 10" + product);
  EXPECT_EQ(small.exit_code, 1);
  EXPECT_TRUE(absl::StrContains(small.err, "row budget of 10 rows")) << small.err;
  EXPECT_TRUE(absl::StrContains(small.err, "--max-rows")) << small.err;
  RunResult defaults = RunCli("query --db " + Db() + product);
  EXPECT_EQ(defaults.exit_code, 1) << "1.5M rows are over the default budget of 1M";
  RunResult raised =
      RunCli("query --db " + Db() + " --max-rows 2000000 --max-memory 2048 --timeout 120" + product);
  EXPECT_EQ(raised.exit_code, 0) << raised.err;
  EXPECT_TRUE(absl::StrContains(raised.out, "1500000")) << raised.out;
  RunResult bad = RunCli("query --db " + Db() + " --timeout -3" + product);
  EXPECT_NE(bad.exit_code, 0);
}

// A 1 GiB budget once let a 4-way product reach 1.18 GB of RSS: rows were
// counted at two thirds of what malloc gave them, and the process's own
// memory not at all. The command line's budget now bounds its peak RSS.
TEST_F(QueryCliTest, MemoryBudgetBoundsThePeakRss) {
  if (!std::filesystem::exists("/usr/bin/time")) GTEST_SKIP() << "GNU time is not installed";
  RunResult r = RunShell("/usr/bin/time -f 'rss_kb=%M' " + std::string(NEWSGRAPH_CLI) +
                         " query --db " + Db() +
                         " --max-rows 1000000000 --max-memory 150 'MATCH (a), (b), (c) RETURN count(*)'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(absl::StrContains(r.err, "memory budget")) << r.err;
  const size_t at = r.err.find("rss_kb=");
  ASSERT_NE(at, std::string::npos) << r.err;
  EXPECT_LT(std::stol(r.err.substr(at + 7)), 150 * 1024) << r.err;
}

TEST_F(QueryCliTest, TableJsonAndCsv) {
  const std::string q =
      "'MATCH (s:State {kb_key: $code}) RETURN s.name AS name, s.kb_key AS code'";
  RunResult table = RunCli("query --db " + Db() + " --param code=CN " + q);
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_TRUE(absl::StartsWith(table.out, "name   code\n-----  ----\nChina  CN\n(1 row)\n"))
      << table.out;

  RunResult json = RunCli("query --db " + Db() + " --param code=CN --format json " + q);
  ASSERT_EQ(json.exit_code, 0) << json.err;
  EXPECT_EQ(nlohmann::json::parse(json.out),
            nlohmann::json::parse(R"([{"name": "China", "code": "CN"}])"));

  RunResult csv = RunCli("query --db " + Db() + " --param code=CN --format csv " + q);
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_EQ(csv.out, "name,code\nChina,CN\n");
}

TEST_F(QueryCliTest, DateParametersAndFiles) {
  const std::string file = dir_->Join("events.cypher");
  WriteFile(file,
            "MATCH (e:Event)\n"
            "WHERE e.date >= $from AND e.date <= $to\n"
            "RETURN count(e) AS n, min(e.date) >= $from AS inside\n");
  RunResult r = RunCli("query --db " + Db() + " --file " + file +
                       " --param from=2022-01-01 --param to=2023-12-31 --format csv");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(absl::StartsWith(r.out, "n,inside\n")) << r.out;
  EXPECT_TRUE(absl::EndsWith(r.out, ",true\n")) << r.out;
}

// A file of statements runs them in order; ';' in strings, quoted names
// and comments separates nothing; an error names the file and its line
// and stops the run.
TEST_F(QueryCliTest, FileOfStatements) {
  const std::string file = dir_->Join("script.cypher");
  WriteFile(file,
            "// how many; and who\n"
            "MATCH (s:State {kb_key: 'CN'}) RETURN s.name AS name;\n\n"
            "/* second; */ RETURN 'a;b' AS `x;y`; // trailing; comment\n"
            "RETURN $n + 1 AS n\n");
  RunResult r = RunCli("query --db " + Db() + " --param n=41 --file " + file);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "name\n-----\nChina\n(1 row)\n\nx;y\n---\na;b\n(1 row)\n\nn\n--\n42\n(1 row)\n");
  r = RunCli("query --db " + Db() + " --param n=1 --format json --file " + file);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "[{\"name\":\"China\"}]\n[{\"x;y\":\"a;b\"}]\n[{\"n\":2}]\n");
  // The same script on standard input.
  r = RunShell(std::string(NEWSGRAPH_CLI) + " query --db " + Db() + " --param n=1 --format csv < " +
               file);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "name\nChina\n\nx;y\na;b\n\nn\n2\n");

  const std::string bad = dir_->Join("bad_script.cypher");
  WriteFile(bad, "RETURN 1 AS a;\n\nMATCH (p:Person\nRETURN p;\nRETURN 3 AS c;\n");
  r = RunCli("query --db " + Db() + " --file " + bad);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "a\n-\n1\n(1 row)\n\n");  // the first ran, the third did not
  EXPECT_TRUE(absl::StrContains(r.err, bad + ":4:1: expected ')'")) << r.err;
  WriteFile(bad, "RETURN 1 AS a;\nRETURN 'open; AS b;\n");
  r = RunCli("query --db " + Db() + " --file " + bad);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(absl::StrContains(r.err, bad + ":2: unterminated string")) << r.err;
  EXPECT_TRUE(r.out.empty()) << "nothing runs from a script that does not split: " << r.out;
}

TEST_F(QueryCliTest, ProfileAndTimingGoBesideTheResult) {
  const std::string q = "\"PROFILE MATCH (s:State {kb_key: 'CN'}) RETURN s.name AS name\"";
  RunResult table = RunCli("query --db " + Db() + " --timing " + q);
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_TRUE(absl::StartsWith(table.out, "name\n-----\nChina\n(1 row)\n\n")) << table.out;
  EXPECT_GT(table.out.size(), std::string("name\n-----\nChina\n(1 row)\n\n").size());
  EXPECT_TRUE(absl::StrContains(table.err, "query: ")) << table.err;
  RunResult json = RunCli("query --db " + Db() + " --format json " + q);
  ASSERT_EQ(json.exit_code, 0) << json.err;
  EXPECT_EQ(nlohmann::json::parse(json.out), nlohmann::json::parse(R"([{"name": "China"}])"));
  EXPECT_FALSE(json.err.empty());
}

TEST_F(QueryCliTest, ErrorsNameTheInputAndExitNonZero) {
  RunResult r = RunCli("query --db " + Db() + " 'MATCH (p:Person RETURN p'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(absl::StrContains(r.err, "line 1, column ")) << r.err;

  const std::string file = dir_->Join("bad.cypher");
  WriteFile(file, "MATCH (p:Person)\nRETURN p.name AS\n");
  r = RunCli("query --db " + Db() + " --file " + file);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(absl::StrContains(r.err, file + ":3:1: expected a variable")) << r.err;

  r = RunCli("query --db " + Db() + " --param 'no-equals' 'RETURN 1 AS x'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(absl::StrContains(r.err, "--param \"no-equals\"")) << r.err;

  r = RunCli("query --db " + Db() + " 'RETURN $x AS x'");
  EXPECT_EQ(r.exit_code, 1);
  r = RunCli("query --db " + Db() + " \"CREATE (:Person {name: 'X'})\"");
  EXPECT_EQ(r.exit_code, 1);
  r = RunCli("query --db " + dir_->Join("nowhere") + " 'RETURN 1 AS x'");
  EXPECT_EQ(r.exit_code, 1);
  r = RunCli("query --db " + Db() + " </dev/null");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(absl::StrContains(r.err, "--file")) << r.err;
  r = RunCli("query --db " + Db() + " --format xml 'RETURN 1 AS x'");
  EXPECT_NE(r.exit_code, 0);
}

using Pair = std::tuple<std::string, std::string, std::set<int64_t>>;

// The (official, counterpart, event ids) of `ask officials-met` and of the
// Cypher Q1 on `db`, sides `a` and `b`, 2022-2023.
std::set<Pair> AskPairs(const std::string& db, const std::string& a = "US",
                        const std::string& b = "CN") {
  RunResult r = RunCli("ask officials-met --db " + db + " --a " + a + " --b " + b +
                       " --from 2022-01-01 --to 2023-12-31 --format json");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::set<Pair> pairs;
  for (const auto& row : nlohmann::json::parse(r.out)) {
    std::set<int64_t> events;
    for (const auto& e : row["events"]) events.insert(e["event_id"].get<int64_t>());
    pairs.emplace(row["a"]["name"], row["b"]["name"], events);
  }
  return pairs;
}

std::set<Pair> CypherPairs(const std::string& db, const std::string& a = "US",
                           const std::string& b = "CN") {
  RunResult r = RunCli("query --db " + db + " --file " + kQ1 + " --param a=" + a +
                       " --param b=" + b +
                       " --param from=2022-01-01 --param to=2023-12-31 --format json");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::set<Pair> pairs;
  for (const auto& row : nlohmann::json::parse(r.out)) {
    std::set<int64_t> events;
    for (const auto& e : row["events"]) events.insert(e.get<int64_t>());
    EXPECT_FALSE(row["evidence"].empty()) << row.dump();  // each row carries its evidence ids
    pairs.emplace(row["official"], row["counterpart"], events);
  }
  return pairs;
}

TEST_F(QueryCliTest, Q1CypherEqualsAskOnTheSampleCorpus) {
  const std::set<Pair> ask = AskPairs(Db());
  EXPECT_FALSE(ask.empty());
  EXPECT_EQ(CypherPairs(Db()), ask);
}

TEST(QueryCliSharedTest, Q1CypherEqualsAskOnTheDevCorpus) {
  const std::string shared = SharedDir();
  if (shared.empty()) GTEST_SKIP() << "../shared/data/articles/dev.jsonl is absent";
  TempDir dir("query_cli_dev");
  const std::string db = dir.Join("db");
  RunResult r = RunCli("import -q --db " + db + " " + shared + "/data/articles/dev.jsonl " +
                       shared + "/data/articles/seeds.jsonl");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::set<Pair> ask = AskPairs(db);
  EXPECT_FALSE(ask.empty());
  EXPECT_EQ(CypherPairs(db), ask);
  // Other pairs of distinct states read the same way.
  for (const auto& [a, b] : std::vector<std::pair<std::string, std::string>>{
           {"CN", "US"}, {"US", "RU"}, {"CN", "RU"}, {"US", "UA"}}) {
    EXPECT_EQ(CypherPairs(db, a, b), AskPairs(db, a, b)) << a << " " << b;
  }
}

}  // namespace
}  // namespace newsgraph::testing
