// Faults at every write, sync and rename of a bulk load and of reopening a
// store: each either succeeds or fails with the injected error, never
// aborts, and leaves a store equal to what a clean run gives -- the whole
// load or none of it (bulk_load.cc ingests nodes, edges and totals in one
// atomic step), and an unchanged store after a failed reopen.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "newsgraph/bulk_load.h"
#include "newsgraph/store.h"
#include "tests/engine/fault_file_system.h"
#include "tests/engine/test_store_dir.h"

namespace newsgraph {
namespace {

using testing_util::DumpStore;
using testing_util::FaultFileSystem;
using testing_util::ScopedFaultEnv;
using testing_util::TestStoreDir;
using Dump = std::map<std::string, std::string>;
using Kind = FaultFileSystem::Kind;

// A small graph in the bulk loader's CSV: 300 people, 2,000 dated edges.
void WriteGraph(const std::string& nodes, const std::string& edges) {
  std::ofstream n(nodes);
  n << "id,kind\n";
  for (int i = 1; i <= 300; ++i) n << i << ",PERSON\n";
  std::ofstream e(edges);
  e << "src,dst,type,date\n";
  for (int i = 0; i < 2000; ++i) {
    e << 1 + (i * 7) % 300 << "," << 1 + (i * 13 + 5) % 300 << ",MET,2023-"
      << (i % 9 + 1 < 10 ? "0" : "") << i % 9 + 1 << "-1" << i % 9 << "\n";
  }
}

// Counts the calls of a clean run of `run`, then fails each one in turn
// (and a dozen byte budgets); `check` judges each outcome. Returns how many
// faults fired.
template <typename Run, typename Check>
int Sweep(ScopedFaultEnv& env, Run run, Check check) {
  env.fs().Reset();
  EXPECT_TRUE(run(nullptr).ok()) << "the clean run must succeed";
  const int64_t counts[] = {env.fs().calls(Kind::kWrite), env.fs().calls(Kind::kSync),
                            env.fs().calls(Kind::kRename)};
  const int64_t bytes = env.fs().bytes();
  int fired = 0;
  auto one = [&](const FaultFileSystem::Plan& plan, const std::string& label) {
    env.fs().Arm(plan);
    const absl::Status status = run(&label);
    fired += env.fs().tripped();
    env.fs().Reset();
    check(status, label);
  };
  for (Kind kind : {Kind::kWrite, Kind::kSync, Kind::kRename}) {
    for (int64_t n = 1; n <= counts[static_cast<int>(kind)]; ++n) {
      one({kind, n, -1, n % 2 == 1}, absl::StrCat("call ", n, " of kind ", static_cast<int>(kind)));
    }
  }
  for (int i = 1; i <= 12; ++i) {
    one({Kind::kWrite, 0, bytes * i / 13, true}, absl::StrCat("full after ", bytes * i / 13));
  }
  return fired;
}

TEST(BulkLoadFaultTest, EveryFaultLeavesTheWholeLoadOrNone) {
  TestStoreDir files;
  std::filesystem::create_directories(files.path());
  const std::string nodes = files.path() + "/nodes.csv", edges = files.path() + "/edges.csv";
  WriteGraph(nodes, edges);
  Dump empty, loaded;
  {
    TestStoreDir dir;
    { ASSERT_TRUE(Store::Open(dir.path(), StoreOptions{}).ok()); }
    empty = DumpStore(dir.path());
    ASSERT_TRUE(BulkLoad(dir.path(), nodes, edges, BulkLoadOptions{}).ok());
    loaded = DumpStore(dir.path());
    ASSERT_GT(loaded.size(), 4000u);
  }
  ScopedFaultEnv env;
  std::string current;
  int checked = 0, runs = 0;
  const int fired = Sweep(
      env,
      [&](const std::string* label) {
        current = files.path() + "/store" + std::to_string(runs++);
        return BulkLoad(current, nodes, edges, BulkLoadOptions{}).status();
      },
      [&](const absl::Status& status, const std::string& label) {
        ++checked;
        if (!status.ok()) {
          EXPECT_TRUE(absl::StrContains(status.message(), "injected")) << label << ": " << status;
        }
        if (!std::filesystem::exists(current)) {
          EXPECT_FALSE(status.ok()) << label;  // a failed creation, undone
          return;
        }
        const Dump found = DumpStore(current);
        EXPECT_TRUE(found == (status.ok() ? loaded : empty))
            << label << ": " << status << "; " << found.size() << " rows";
        std::filesystem::remove_all(current);
      });
  EXPECT_GE(fired, 25);
  std::cout << "[ bulk load fault injection ] " << fired << " faults fired, " << checked
            << " stores checked\n";
}

TEST(BulkLoadFaultTest, FailedReopenLeavesTheStoreAsItWas) {
  TestStoreDir dir;
  TestStoreDir files;
  std::filesystem::create_directories(files.path());
  WriteGraph(files.path() + "/nodes.csv", files.path() + "/edges.csv");
  ASSERT_TRUE(BulkLoad(dir.path(), files.path() + "/nodes.csv", files.path() + "/edges.csv",
                       BulkLoadOptions{})
                  .ok());
  const Dump before = DumpStore(dir.path());
  ScopedFaultEnv env;
  int checked = 0;
  const int fired = Sweep(
      env,
      [&](const std::string*) {
        absl::StatusOr<std::unique_ptr<Store>> store = Store::Open(dir.path(), StoreOptions{});
        return store.status();
      },
      [&](const absl::Status& status, const std::string& label) {
        ++checked;
        if (!status.ok()) {
          EXPECT_TRUE(absl::StrContains(status.message(), "injected")) << label << ": " << status;
        }
        EXPECT_TRUE(DumpStore(dir.path()) == before) << label << ": " << status;
      });
  EXPECT_GE(fired, 10);
  std::cout << "[ reopen fault injection ] " << fired << " faults fired, " << checked
            << " reopens checked\n";
}

}  // namespace
}  // namespace newsgraph
