// newsgraph bench as a user runs it: load, the four workloads, the JSON
// summary, and bad input named by file and line.
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "tests/tools/cli_test_util.h"

namespace newsgraph::testing {
namespace {

// 1 -> 2 (twice) -> 3 -> 4 -> 1, a self-loop on 1, and 5 alone.
const char kNodes[] = "id,kind\n1,PERSON\n2,PERSON\n3,STATE\n4,EVENT\n5,PERSON\n";
const char kEdges[] = "src,dst,type\n1,2,7\n1,2,7\n2,3,1\n3,4,2\n1,1,8\n4,1,3\n";

std::string LastLine(const std::string& text) {
  std::vector<std::string> lines = absl::StrSplit(text, '\n', absl::SkipEmpty());
  return lines.empty() ? "" : lines.back();
}

TEST(BenchCliTest, LoadThenEveryWorkload) {
  TempDir dir("bench");
  WriteFile(dir.Join("nodes.csv"), kNodes);
  WriteFile(dir.Join("edges.csv"), kEdges);
  WriteFile(dir.Join("seeds.txt"), "1\n2\n5\n");
  WriteFile(dir.Join("pairs.txt"), "1 4\n4 3\n5 1\n1 1\n");
  const std::string db = dir.Join("db");
  RunResult load = RunCli("bench load --db " + db + " --nodes " + dir.Join("nodes.csv") +
                          " --edges " + dir.Join("edges.csv"));
  ASSERT_EQ(load.exit_code, 0) << load.err;
  EXPECT_TRUE(absl::StrContains(load.out, "edges loaded: 6")) << load.out;
  EXPECT_TRUE(absl::StrContains(load.out, "edges/s: ")) << load.out;

  struct Case {
    std::string workload, input, answers;
    int queries;
  };
  const Case cases[] = {
      {"hop1", "seeds.txt", "2\n1\n0\n", 3},
      {"hop2", "seeds.txt", "2\n2\n0\n", 3},
      {"sp", "pairs.txt", "3\n3\n-1\n0\n", 4},
      {"bfs", "seeds.txt", "4 3\n4 3\n1 0\n", 3},
  };
  for (const std::string engine : {"mapped", "snapshot", "store"}) {
    for (const Case& c : cases) {
      RunResult run = RunCli("bench run --db " + db + " --workload " + c.workload + " --input " +
                             dir.Join(c.input) + " --repeat 3 --engine " + engine);
      ASSERT_EQ(run.exit_code, 0) << c.workload << run.err;
      EXPECT_EQ(run.out, c.answers) << c.workload << " " << engine;
      const nlohmann::json summary = nlohmann::json::parse(LastLine(run.err));
      EXPECT_EQ(summary["workload"], c.workload);
      EXPECT_EQ(summary["queries"], c.queries);
      EXPECT_EQ(summary["engine"], engine);
      // The load wrote the adjacency file, so the mapped engine serves.
      EXPECT_EQ(summary["engine_used"], engine);
      EXPECT_GT(summary["first_answer_s"].get<double>(), 0.0);
      EXPECT_GE(summary["median_s"].get<double>(), 0.0);
      // The snapshot is built once, and its time is reported, not hidden.
      EXPECT_EQ(summary["snapshot_builds"], engine == "snapshot" ? 1 : 0);
      EXPECT_TRUE(summary.contains("snapshot_s"));
    }
  }
  EXPECT_EQ(RunCli("bench run --db " + db + " --workload hop1 --input " + dir.Join("seeds.txt") +
                   " --engine csr")
                .exit_code,
            2);
}

// compact-adjacency writes a new adjacency file of the store; a missing
// store is an error, not a new empty one.
TEST(BenchCliTest, CompactAdjacency) {
  TempDir dir("compact");
  WriteFile(dir.Join("nodes.csv"), kNodes);
  WriteFile(dir.Join("edges.csv"), kEdges);
  const std::string db = dir.Join("db");
  ASSERT_EQ(RunCli("bench load --db " + db + " --nodes " + dir.Join("nodes.csv") + " --edges " +
                   dir.Join("edges.csv"))
                .exit_code,
            0);
  RunResult compact = RunCli("compact-adjacency --db " + db);
  ASSERT_EQ(compact.exit_code, 0) << compact.err;
  EXPECT_TRUE(absl::StrContains(compact.out, "edges: 6")) << compact.out;
  EXPECT_TRUE(absl::StrContains(compact.out, "adjacency-")) << compact.out;
  RunResult missing = RunCli("compact-adjacency --db " + dir.Join("none"));
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_TRUE(absl::StrContains(missing.err, "compact-adjacency")) << missing.err;
}

TEST(BenchCliTest, BadInputNamesFileAndLine) {
  TempDir dir("benchbad");
  WriteFile(dir.Join("nodes.csv"), kNodes);
  WriteFile(dir.Join("edges.csv"), "src,dst,type\n1,2,7\n1,two,7\n");
  RunResult load = RunCli("bench load --db " + dir.Join("db") + " --nodes " +
                          dir.Join("nodes.csv") + " --edges " + dir.Join("edges.csv"));
  EXPECT_EQ(load.exit_code, 1);
  EXPECT_TRUE(absl::StrContains(load.err, dir.Join("edges.csv") + ":3: bad dst id")) << load.err;

  WriteFile(dir.Join("edges.csv"), "src,dst,type\n1,2,7\n");
  ASSERT_EQ(RunCli("bench load --db " + dir.Join("db2") + " --nodes " + dir.Join("nodes.csv") +
                   " --edges " + dir.Join("edges.csv"))
                .exit_code,
            0);
  WriteFile(dir.Join("pairs.txt"), "1 2\n3\n");
  RunResult run = RunCli("bench run --db " + dir.Join("db2") + " --workload sp --input " +
                         dir.Join("pairs.txt"));
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_TRUE(absl::StrContains(run.err, dir.Join("pairs.txt") + ":2:")) << run.err;

  EXPECT_EQ(RunCli("bench run --db x --workload hop3 --input y").exit_code, 2);
  EXPECT_EQ(RunCli("bench --help").exit_code, 0);
}

}  // namespace
}  // namespace newsgraph::testing
