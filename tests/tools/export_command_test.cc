// newsgraph export (every format) and import --format jsonl, as a user
// runs them, on a store of the bundled sample corpus.
#include <set>
#include <sstream>
#include <string>

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "tests/tools/cli_test_util.h"

namespace newsgraph::testing {
namespace {

const std::string kSample = std::string(NEWSGRAPH_SOURCE_DIR) + "/data/sample/articles.jsonl";

class ExportCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    RunResult r = RunCli("import -q --db " + db_ + " " + kSample);
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }

  TempDir dir_{"export_command"};
  const std::string db_ = dir_.Join("db");
};

TEST_F(ExportCommandTest, JsonlReadBackIntoAnEmptyStoreExportsTheSameBytes) {
  const std::string file = dir_.Join("graph.jsonl");
  RunResult r = RunCli("export --db " + db_ + " --format jsonl --out " + file);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(absl::StrContains(r.err, "exported ")) << r.err;
  EXPECT_TRUE(r.out.empty());
  const std::string copy = dir_.Join("copy");
  r = RunCli("import --db " + copy + " --format jsonl " + file);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(absl::StartsWith(r.out, "graph read: ")) << r.out;
  r = RunCli("export --db " + copy + " --format jsonl");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, ReadFile(file));
  // The copy answers questions like the original.
  const std::string ask = "ask officials-met --a US --b CN --from 2022-01-01 --to 2023-12-31 --db ";
  EXPECT_EQ(RunCli(ask + copy).out, RunCli(ask + db_).out);
  // Not into a store that holds something.
  r = RunCli("import --db " + db_ + " --format jsonl " + file);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(absl::StrContains(r.err, "is not empty")) << r.err;
}

TEST_F(ExportCommandTest, EventIdsAreTheIdsExplainTakes) {
  RunResult r = RunCli("export --db " + db_ + " --event-ids");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::istringstream lines(r.out);
  std::string line;
  ASSERT_TRUE(std::getline(lines, line));
  EXPECT_TRUE(absl::StartsWith(line, "{\"event_id\":")) << line;
  const uint64_t id = nlohmann::json::parse(line)["event_id"];
  EXPECT_EQ(RunCli("explain --db " + db_ + " " + std::to_string(id)).exit_code, 0);
  // Without the flag, the lines are as before.
  EXPECT_FALSE(absl::StrContains(RunCli("export --db " + db_).out, "event_id"));
}

TEST_F(ExportCommandTest, GraphFormatsWriteWhereAsked) {
  RunResult r = RunCli("export --db " + db_ + " --format graphml --types MET --from 2023-01-01");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(absl::StartsWith(r.out, "<?xml")) << r.out.substr(0, 100);
  EXPECT_TRUE(absl::StrContains(r.out, "<data key=\"type\">MET</data>"));
  EXPECT_FALSE(absl::StrContains(r.out, "<data key=\"type\">HOLDS_ROLE</data>"));
  r = RunCli("export --db " + db_ + " --format turtle");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(absl::StartsWith(r.out, "@prefix ng: <https://newsgraph.dev/ns#> .")) << r.out;
  const std::string neo4j = dir_.Join("neo4j");
  r = RunCli("export --db " + db_ + " --format neo4j --out " + neo4j);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(absl::StartsWith(ReadFile(neo4j + "/nodes_Person.csv"), "id:ID,:LABEL,"));
  EXPECT_TRUE(absl::StrContains(ReadFile(neo4j + "/import.sh"), "neo4j-admin database import"));
}

TEST_F(ExportCommandTest, MisusedFlagsAreRefusedWithAReason) {
  struct Case {
    std::string args;
    int exit_code;
    std::string says;
  };
  for (const Case& c :
       std::vector<Case>{{"--format neo4j", 1, "give --out DIR"},
                         {"--format events --types MET", 1, "are for the graph formats"},
                         {"--format jsonl --types KNOWS", 1, "unknown relationship type \"KNOWS\""},
                         {"--format jsonl --factuality maybe", 1, "unknown factuality \"maybe\""},
                         {"--format jsonl --from 2022-02-30", 1, "--from"},
                         {"--format neo4j --out x --array-delimiter ,,", 1, "one character"},
                         {"--format xml", 2, "xml"}}) {
    RunResult r = RunCli("export --db " + db_ + " " + c.args);
    EXPECT_EQ(r.exit_code, c.exit_code) << c.args << ": " << r.err;
    EXPECT_TRUE(absl::StrContains(r.err, c.says)) << c.args << ": " << r.err;
  }
  RunResult r = RunCli("import --db " + dir_.Join("x") + " --format jsonl " + kSample);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(absl::StrContains(r.err, "not a newsgraph graph export")) << r.err;
}

}  // namespace
}  // namespace newsgraph::testing
