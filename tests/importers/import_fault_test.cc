// A full disk or an I/O error at any point of creating a store and
// importing into it: the import stops with an error naming the cause and
// a count of what was stored, the process never aborts, and the store,
// reopened with room again, equals a clean import of exactly the articles
// reported stored. Each injection point is one write, sync or rename call
// (or a byte budget) of RocksDB's, counted by FaultFileSystem.
#include <filesystem>
#include <iostream>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "newsgraph/importer.h"
#include "newsgraph/store.h"
#include "tests/engine/fault_file_system.h"
#include "tests/engine/test_store_dir.h"

namespace newsgraph {
namespace {

namespace fs = std::filesystem;
using testing_util::DumpStore;
using testing_util::FaultFileSystem;
using testing_util::ScopedFaultEnv;
using testing_util::TestStoreDir;
using Dump = std::map<std::string, std::string>;

const std::string kSample = std::string(NEWSGRAPH_SOURCE_DIR) + "/data/sample/articles.jsonl";

std::vector<std::string> ReadLines(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

ImporterOptions Fast() {
  ImporterOptions options;
  options.parse_sentences = false;  // the sentence parser writes nothing
  return options;
}

struct Outcome {
  absl::Status status;  // the first error of open, seeding, import or sync
  bool seeded = false;  // Importer::Create committed the knowledge base
  uint64_t imported = 0;
  // The final sync failed: commits since the store's last sync may be
  // lost, so the store holds some prefix of what was committed.
  bool sync_failed = false;
};

// What the CLI's import does: open without per-commit sync, seed, import,
// one Sync at the end.
Outcome Import(const std::string& dir, const std::string& file) {
  Outcome out;
  StoreOptions options;
  options.sync_commits = false;
  absl::StatusOr<std::unique_ptr<Store>> store = Store::Open(dir, options);
  if (!store.ok()) {
    out.status = store.status();
    return out;
  }
  absl::StatusOr<std::unique_ptr<Importer>> importer = Importer::Create(store->get(), Fast());
  if (!importer.ok()) {
    out.status = importer.status();
    return out;
  }
  out.seeded = true;
  ImportReport report;
  out.status = (*importer)->ImportJsonLines(file, &report);
  out.imported = report.imported;
  if (absl::Status synced = (*store)->Sync(); !synced.ok() && out.status.ok()) {
    out.status = synced;
    out.sync_failed = true;
  }
  return out;
}

class ImportFaultTest : public ::testing::Test {
 protected:
  // The dumps of clean imports of the first k sample articles, k = 0..n,
  // and of a store that was created but never seeded.
  static void SetUpTestSuite() {
    const std::vector<std::string> lines = ReadLines(kSample);
    ASSERT_GE(lines.size(), 10u);
    references_ = new std::vector<Dump>();
    TestStoreDir dir;
    for (size_t k = 0; k <= lines.size(); ++k) {
      const std::string prefix = dir.path() + "_prefix.jsonl";
      std::ofstream out(prefix);
      for (size_t i = 0; i < k; ++i) out << lines[i] << "\n";
      out.close();
      const std::string store = absl::StrCat(dir.path(), "/", k);
      const Outcome clean = Import(store, prefix);
      ASSERT_TRUE(clean.status.ok()) << clean.status;
      references_->push_back(DumpStore(store));
      fs::remove(prefix);
    }
    { ASSERT_TRUE(Store::Open(dir.path() + "/unseeded", StoreOptions{}).ok()); }
    unseeded_ = new Dump(DumpStore(dir.path() + "/unseeded"));
  }
  static void TearDownTestSuite() {
    delete references_;
    delete unseeded_;
  }

  // Runs one import under `plan`; checks the outcome and the reopened
  // store. Returns whether the fault fired.
  static bool TryPoint(ScopedFaultEnv& env, const FaultFileSystem::Plan& plan,
                       const std::string& label) {
    TestStoreDir dir;
    env.fs().Arm(plan);
    const Outcome outcome = Import(dir.path(), kSample);
    const bool tripped = env.fs().tripped();
    env.fs().Reset();
    if (!outcome.status.ok()) {
      EXPECT_TRUE(absl::StrContains(outcome.status.message(), "injected")) << label << ": "
                                                                         << outcome.status;
    }
    // Room again: the store opens and holds exactly what was reported.
    const Dump& expected = !outcome.seeded ? *unseeded_ : (*references_)[outcome.imported];
    ++points_;
    if (!outcome.seeded && !fs::exists(dir.path())) return tripped;  // creation undone
    const Dump found = DumpStore(dir.path());
    if (outcome.sync_failed) {
      bool a_prefix = found == *unseeded_;
      for (uint64_t k = 0; k <= outcome.imported; ++k) a_prefix |= found == (*references_)[k];
      EXPECT_TRUE(a_prefix) << label << ": not a clean import of any prefix";
      return tripped;
    }
    EXPECT_EQ(found.size(), expected.size()) << label << ", " << outcome.imported << " stored";
    EXPECT_TRUE(found == expected) << label << ", " << outcome.imported << " stored";
    return tripped;
  }

  static std::vector<Dump>* references_;
  static Dump* unseeded_;
  static int points_;
};

std::vector<Dump>* ImportFaultTest::references_ = nullptr;
Dump* ImportFaultTest::unseeded_ = nullptr;
int ImportFaultTest::points_ = 0;

TEST_F(ImportFaultTest, EveryWriteSyncAndRenameCanFailCleanly) {
  ScopedFaultEnv env;
  // A clean run under the counting file system: how many calls there are.
  env.fs().Reset();
  TestStoreDir counted;
  ASSERT_TRUE(Import(counted.path(), kSample).status.ok());
  const int64_t writes = env.fs().calls(FaultFileSystem::Kind::kWrite);
  const int64_t syncs = env.fs().calls(FaultFileSystem::Kind::kSync);
  const int64_t renames = env.fs().calls(FaultFileSystem::Kind::kRename);
  const int64_t bytes = env.fs().bytes();
  ASSERT_GT(writes, 10);

  int fired = 0;
  for (int64_t n = 1; n <= writes; ++n) {
    fired += TryPoint(env, {FaultFileSystem::Kind::kWrite, n, -1, n % 2 == 0},
                      absl::StrCat("write call ", n));
  }
  for (int64_t n = 1; n <= syncs; ++n) {
    fired += TryPoint(env, {FaultFileSystem::Kind::kSync, n, -1, n % 2 == 0},
                      absl::StrCat("sync call ", n));
  }
  for (int64_t n = 1; n <= renames; ++n) {
    fired += TryPoint(env, {FaultFileSystem::Kind::kRename, n, -1, true},
                      absl::StrCat("rename call ", n));
  }
  // A disk that fills part-way through a write: the WAL's tail is torn.
  for (int i = 1; i <= 12; ++i) {
    const int64_t budget = bytes * i / 13;
    fired += TryPoint(env, {FaultFileSystem::Kind::kWrite, 0, budget, true},
                      absl::StrCat("full after ", budget, " bytes"));
  }
  EXPECT_GE(fired, 50);
  std::cout << "[ import fault injection ] " << fired << " faults fired at "
            << writes << " write, " << syncs << " sync, " << renames
            << " rename calls and 12 byte budgets; " << points_ << " stores checked\n";
}

}  // namespace
}  // namespace newsgraph
