// A store knows it is a store: only a missing or empty directory becomes
// one, only a marked one is opened, and a refused directory is left exactly
// as it was -- RocksDB never sees it.
#include "engine/store_dir.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "newsgraph/bulk_load.h"
#include "newsgraph/store.h"
#include "rocksdb/db.h"
#include "tests/engine/test_records.h"
#include "tests/engine/test_store_dir.h"

namespace newsgraph {
namespace {

namespace fs = std::filesystem;
using engine::InspectStoreDir;
using engine::StoreDirKind;
using testing_util::MakeNode;
using testing_util::OpenWriter;
using testing_util::TestStoreDir;

// Every file under `dir` (recursively) with its bytes: a checksum that
// notices any created, deleted, renamed or changed file.
std::map<std::string, std::string> Snapshot(const std::string& dir) {
  std::map<std::string, std::string> files;
  for (const fs::directory_entry& e : fs::recursive_directory_iterator(dir)) {
    std::ifstream in(e.path(), std::ios::binary);
    std::ostringstream bytes;
    if (e.is_regular_file()) bytes << in.rdbuf();
    files[fs::relative(e.path(), dir).string()] = bytes.str();
  }
  return files;
}

void WriteFile(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

// Every way of opening `dir` is refused with a message naming it, and the
// directory's files are unchanged afterwards.
void ExpectRefusedUntouched(const std::string& dir, const std::string& what) {
  const std::map<std::string, std::string> before = fs::is_directory(dir) ? Snapshot(dir)
                                                                          : std::map<std::string, std::string>{};
  StoreOptions writer, reader, secondary;
  reader.read_only = true;
  secondary.secondary = true;
  for (const StoreOptions& options : {writer, reader, secondary}) {
    absl::StatusOr<std::unique_ptr<Store>> store = Store::Open(dir, options);
    ASSERT_FALSE(store.ok()) << what;
    EXPECT_EQ(store.status().code(), absl::StatusCode::kFailedPrecondition) << store.status();
    EXPECT_NE(store.status().message().find("is not a newsgraph store"), std::string::npos)
        << store.status();
    EXPECT_NE(store.status().message().find(what), std::string::npos) << store.status();
  }
  const fs::path csv = fs::path(::testing::TempDir()) / "store_dir_test_empty.csv";
  WriteFile(csv, "");
  EXPECT_FALSE(BulkLoad(dir, csv.string(), csv.string(), BulkLoadOptions{}).ok());
  if (fs::is_directory(dir)) EXPECT_EQ(Snapshot(dir), before) << what;
}

// Another program's RocksDB (or a half-made one): `families` created, a
// key put in the second when `with_data`, the database closed again.
void MakeRawRocksDb(const std::string& dir, const std::vector<std::string>& families,
                    bool with_data) {
  rocksdb::Options options;
  options.create_if_missing = true;
  options.create_missing_column_families = true;
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  for (const std::string& name : families) descriptors.emplace_back(name, rocksdb::ColumnFamilyOptions());
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* db = nullptr;
  ASSERT_TRUE(rocksdb::DB::Open(options, dir, descriptors, &handles, &db).ok());
  if (with_data) ASSERT_TRUE(db->Put(rocksdb::WriteOptions(), handles[1], "alice", "1").ok());
  for (auto* h : handles) ASSERT_TRUE(db->DestroyColumnFamilyHandle(h).ok());
  delete db;
}

TEST(StoreDirTest, ForeignRocksDbIsRefusedAndKeepsWorking) {
  TestStoreDir dir;
  MakeRawRocksDb(dir.path(), {rocksdb::kDefaultColumnFamilyName, "users"}, /*with_data=*/true);
  ExpectRefusedUntouched(dir.path(), "another program's RocksDB database");
  std::vector<std::string> families;
  ASSERT_TRUE(rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), dir.path(), &families).ok());
  EXPECT_EQ(families, (std::vector<std::string>{"default", "users"}));
}

TEST(StoreDirTest, OrdinaryDirectoryIsRefusedEvenWithRocksDbLookingNames) {
  TestStoreDir dir;
  fs::create_directories(dir.path());
  WriteFile(fs::path(dir.path()) / "000009.sst", "not a table");
  WriteFile(fs::path(dir.path()) / "LOG", "someone's log");
  WriteFile(fs::path(dir.path()) / "LOG.old.1700000000", "an old log");
  WriteFile(fs::path(dir.path()) / "notes.txt", "keep me");
  ExpectRefusedUntouched(dir.path(), "4 entries ('000009.sst', 'LOG', 'LOG.old.1700000000', ...)");
}

TEST(StoreDirTest, FileIsRefused) {
  TestStoreDir dir;
  fs::create_directories(dir.path());
  const std::string file = dir.path() + "/articles.jsonl";
  WriteFile(file, "{}\n");
  ExpectRefusedUntouched(file, "it is a file");
  std::ifstream in(file);
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line, "{}");
}

TEST(StoreDirTest, ForeignMarkerTextIsRefused) {
  TestStoreDir dir;
  fs::create_directories(dir.path());
  WriteFile(fs::path(dir.path()) / "NEWSGRAPH", "a file of someone else's\n");
  ExpectRefusedUntouched(dir.path(), "is not newsgraph's marker");
}

TEST(StoreDirTest, EmptyOrMissingDirectoryBecomesAMarkedStore) {
  TestStoreDir dir;
  fs::create_directories(dir.path() + "/empty");
  for (const std::string& path : {dir.path() + "/empty", dir.path() + "/missing"}) {
    EXPECT_EQ(InspectStoreDir(path)->kind,
              fs::exists(path) ? StoreDirKind::kEmpty : StoreDirKind::kMissing);
    ASSERT_NE(OpenWriter(path), nullptr);
    absl::StatusOr<engine::StoreDirState> state = InspectStoreDir(path);
    ASSERT_TRUE(state.ok()) << state.status();
    EXPECT_EQ(state->kind, StoreDirKind::kStore);
    EXPECT_GE(state->schema_version, 2u);
  }
}

// Stores made before the marker existed: a reader opens them and writes
// nothing; the first writer marks them.
TEST(StoreDirTest, UnmarkedNewsgraphStoreOpensAndTheWriterMarksIt) {
  TestStoreDir dir;
  {
    auto store = OpenWriter(dir.path());
    ASSERT_NE(store, nullptr);
    auto writes = store->NewWriteSet();
    writes->PutNode(MakeNode(writes->NewNodeId(), pb::PERSON, "Someone"));
    ASSERT_TRUE(store->Commit(*writes).ok());
  }
  fs::remove(fs::path(dir.path()) / "NEWSGRAPH");
  EXPECT_EQ(InspectStoreDir(dir.path())->kind, StoreDirKind::kUnmarked);
  const auto before = Snapshot(dir.path());
  {
    auto reader = testing_util::OpenReader(dir.path());
    ASSERT_NE(reader, nullptr);
    EXPECT_EQ(reader->FindNodes(pb::PERSON, "someone")->size(), 1u);
  }
  EXPECT_EQ(Snapshot(dir.path()), before);
  ASSERT_NE(OpenWriter(dir.path()), nullptr);
  EXPECT_EQ(InspectStoreDir(dir.path())->kind, StoreDirKind::kStore);
}

TEST(StoreDirTest, NewerSchemaIsRefusedBeforeRocksDbOpens) {
  TestStoreDir dir;
  { ASSERT_NE(OpenWriter(dir.path()), nullptr); }
  WriteFile(fs::path(dir.path()) / "NEWSGRAPH", "newsgraph store\nschema_version 99\n");
  const auto before = Snapshot(dir.path());
  absl::StatusOr<std::unique_ptr<Store>> store = Store::Open(dir.path(), StoreOptions{});
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("schema version 99"), std::string::npos)
      << store.status();
  EXPECT_EQ(Snapshot(dir.path()), before);
}

TEST(StoreDirTest, MarkerWithoutDatabaseIsAnUnfinishedCreation) {
  TestStoreDir dir;
  fs::create_directories(dir.path());
  ASSERT_TRUE(engine::WriteStoreMarker(dir.path(), 2).ok());
  EXPECT_EQ(InspectStoreDir(dir.path())->kind, StoreDirKind::kUnfinished);
  StoreOptions reader;
  reader.read_only = true;
  absl::StatusOr<std::unique_ptr<Store>> store = Store::Open(dir.path(), reader);
  EXPECT_EQ(store.status().code(), absl::StatusCode::kNotFound) << store.status();
  EXPECT_NE(OpenWriter(dir.path()), nullptr);
}

// Killed while RocksDB made the column families one by one: a marked
// store with only some of them. A reader finds no store yet (the crash
// campaign once met "Column family not found" here); a writer finishes it.
TEST(StoreDirTest, StoreKilledWhileMakingColumnFamiliesIsFinishedByTheWriter) {
  TestStoreDir dir;
  fs::create_directories(dir.path());
  ASSERT_TRUE(engine::WriteStoreMarker(dir.path(), 2).ok());
  MakeRawRocksDb(dir.path(), {rocksdb::kDefaultColumnFamilyName, "node"}, /*with_data=*/false);
  StoreOptions reader;
  reader.read_only = true;
  absl::StatusOr<std::unique_ptr<Store>> early = Store::Open(dir.path(), reader);
  ASSERT_EQ(early.status().code(), absl::StatusCode::kNotFound) << early.status();
  EXPECT_NE(early.status().message().find("creation did not finish"), std::string::npos);
  ASSERT_NE(OpenWriter(dir.path()), nullptr);
  EXPECT_NE(testing_util::OpenReader(dir.path()), nullptr);
}

}  // namespace
}  // namespace newsgraph
