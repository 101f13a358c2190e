// newsgraph shell driven as a user would: a script on standard input, and
// a pseudo-terminal (util-linux `script`) for prompts, line editing and
// the history file.
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/tools/cli_test_util.h"

namespace newsgraph::testing {
namespace {

const std::string kSample = std::string(NEWSGRAPH_SOURCE_DIR) + "/data/sample/articles.jsonl";

class ShellCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir("shell_cli");
    RunResult r = RunCli("import -q --no-parse --db " + Db() + " " + kSample);
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static std::string Db() { return dir_->Join("db"); }

  // Runs the shell with `input` on standard input (a file, not a terminal).
  static RunResult Shell(const std::string& input, const std::string& flags = "") {
    const std::string script = dir_->Join("input.txt");
    WriteFile(script, input);
    return RunShell(absl::StrCat(NEWSGRAPH_CLI, " shell --db ", Db(), " --history '' ", flags,
                                 " < ", script));
  }
  static TempDir* dir_;
};
TempDir* ShellCliTest::dir_ = nullptr;

TEST_F(ShellCliTest, HelpNamesTheOptions) {
  RunResult r = RunCli("shell --help");
  EXPECT_EQ(r.exit_code, 0);
  for (const char* flag : {"--db", "--history", "--param", "--format", "--max-rows", "--timeout"}) {
    EXPECT_TRUE(absl::StrContains(r.out, flag)) << flag;
  }
}

// Statements over several lines, two on one line, ';' in a string, and no
// prompts: the output is the answers only.
TEST_F(ShellCliTest, AScriptOnStandardInputRunsStatementByStatement) {
  RunResult r = Shell(
      "MATCH (s:State {kb_key: 'CN'})\n"
      "RETURN s.name AS name;\n"
      "RETURN 1 AS one; RETURN 'a;b' AS two;\n"
      "  // a comment; alone\n"
      "RETURN 3 AS three\n");  // the last needs no ';'
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "name\n-----\nChina\n(1 row)\n\none\n---\n1\n(1 row)\n\ntwo\n---\na;b\n(1 row)\n\n"
            "three\n-----\n3\n(1 row)\n\n");
  EXPECT_EQ(r.err, "");
}

TEST_F(ShellCliTest, CommandsSetTheFormatAndParametersAndShowTheSchema) {
  RunResult r = Shell(
      ":format csv\n"
      ":param who=Wang Yi\n"
      "MATCH (p:Person {name: $who}) RETURN p.name AS name;\n"
      ":schema\n"
      ":format json\n"
      "CALL db.labels() YIELD label WHERE label = 'Person' RETURN label;\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(absl::StartsWith(r.out, "name\nWang Yi\n\npattern,count,properties\n")) << r.out;
  EXPECT_TRUE(absl::StrContains(r.out, "\n(:Person)-[:PARTICIPATED_IN]->(:Event),")) << r.out;
  EXPECT_TRUE(absl::EndsWith(r.out, "[\n  {\n    \"label\": \"Person\"\n  }\n]\n\n")) << r.out;

  r = Shell(":help\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* text : {":schema", ":quit", ":format", ":param", "CALL db.relationshipTypes()"}) {
    EXPECT_TRUE(absl::StrContains(r.out, text)) << text << " not in " << r.out;
  }
}

// A failed statement is reported with its input line and the shell goes
// on; a script with a failure exits 1. :quit stops reading.
TEST_F(ShellCliTest, ErrorsNameTheLineAndTheRestStillRuns) {
  RunResult r = Shell(
      "RETURN 1 AS a;\n"
      "MATCH (p:Person)\n"
      "RETURN nope;\n"
      ":nonsense\n"
      "RETURN 2 AS b;\n"
      ":quit\n"
      "RETURN 3 AS c;\n");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "a\n-\n1\n(1 row)\n\nb\n-\n2\n(1 row)\n\n");
  EXPECT_TRUE(absl::StrContains(r.err, "error: stdin:2: UndefinedVariable: nope")) << r.err;
  EXPECT_TRUE(absl::StrContains(r.err, "error: unknown command :nonsense")) << r.err;

  r = Shell("RETURN 'open;\n");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(absl::StrContains(r.err, "unterminated string")) << r.err;
  r = Shell("RETURN 1 AS x;\n", "--max-rows 0");
  EXPECT_NE(r.exit_code, 0);
}

// On a terminal: a banner, prompts (a continuation prompt inside a
// statement), and, built with libedit, a history file whose last entry
// the up arrow brings back in the next session.
TEST_F(ShellCliTest, OnATerminalItPromptsAndKeepsHistory) {
  if (RunShell("command -v script").exit_code != 0) {
    GTEST_SKIP() << "util-linux `script` (a pseudo-terminal) is not installed";
  }
  const std::string history = dir_->Join("history");
  const std::string shell =
      absl::StrCat(NEWSGRAPH_CLI, " shell --db ", Db(), " --history ", history);
  auto on_terminal = [&](const std::string& keys) {
    WriteFile(dir_->Join("keys"), keys);
    return RunShell(absl::StrCat("TERM=xterm timeout 30 script -qec '", shell, "' /dev/null < ",
                                 dir_->Join("keys")));
  };
  RunResult r = on_terminal("RETURN 40 +\n2 AS answer;\n:help\n:quit\n");
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_TRUE(absl::StrContains(r.out, "newsgraph shell on ")) << r.out;
  EXPECT_TRUE(absl::StrContains(r.out, "newsgraph> RETURN 40 +")) << r.out;
  EXPECT_TRUE(absl::StrContains(r.out, "...> 2 AS answer;")) << r.out;
  EXPECT_TRUE(absl::StrContains(r.out, "42")) << r.out;
  if (!absl::StrContains(r.out, "Line editing: libedit")) {
    GTEST_SKIP() << "built without libedit: no history to check";
  }
  EXPECT_TRUE(absl::StrContains(ReadFile(history), "2\\040AS\\040answer;")) << ReadFile(history);

  // A statement's first line, then up four times: past that line, :quit
  // and :help to the last session's "2 AS answer;".
  r = on_terminal("RETURN 40 +\n\x1b[A\x1b[A\x1b[A\x1b[A\n:quit\n");
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_TRUE(absl::StrContains(r.out, "42")) << r.out;
}

}  // namespace
}  // namespace newsgraph::testing
