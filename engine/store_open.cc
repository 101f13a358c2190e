// Store::Open: column families, their table options, the writer lock, the
// read-only and secondary opens; CatchUp.
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "engine/info_log.h"
#include "engine/adjacency_log.h"
#include "engine/keys.h"
#include "engine/rocks_store.h"
#include "engine/status.h"
#include "engine/store_dir.h"
#include "engine/test_env.h"
#include "rocksdb/filter_policy.h"
#include "rocksdb/options.h"
#include "rocksdb/slice_transform.h"
#include "rocksdb/table.h"

namespace newsgraph {

absl::StatusOr<std::unique_ptr<Store>> Store::Open(const std::string& dir,
                                                   const StoreOptions& options) {
  auto store = engine::RocksStore::OpenRocks(dir, options);
  if (!store.ok()) return store.status();
  return std::unique_ptr<Store>(std::move(*store));
}

namespace engine {
namespace {

// 2: `out` values leave src, dst and type to the key (1 repeated them).
// Version 1 values read the same way, so a writer upgrades a version 1
// store with its first commit.
constexpr uint32_t kSchemaVersion = 2;
constexpr size_t kBlockCacheBytes = size_t{64} << 20;
constexpr int kBloomBitsPerKey = 10;

// Names of RocksStore::Cf, by index.
constexpr absl::string_view kCfNames[RocksStore::kNumCfs] = {
    keys::kCfDefault, keys::kCfNode,     keys::kCfName,   keys::kCfOut,
    keys::kCfIn,      keys::kCfEvidence, keys::kCfArticle};

rocksdb::ColumnFamilyOptions CfOptions(RocksStore::Cf which,
                                       const std::shared_ptr<rocksdb::Cache>& cache) {
  rocksdb::ColumnFamilyOptions options;
  rocksdb::BlockBasedTableOptions table;
  table.block_cache = cache;
  switch (which) {
    case RocksStore::kOut:
    case RocksStore::kIn:
      // Every edge scan stays inside one node's 8-byte prefix, so a prefix
      // bloom lets RocksDB skip files without edges of that node. `out`
      // keeps whole-key blooms too: in-scans fetch full out keys.
      options.prefix_extractor.reset(rocksdb::NewFixedPrefixTransform(keys::kNodePrefixLength));
      table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(kBloomBitsPerKey));
      table.whole_key_filtering = which == RocksStore::kOut;
      break;
    case RocksStore::kNode:
    case RocksStore::kEvidence:
    case RocksStore::kArticle:
      // Point lookups by id: whole-key blooms.
      table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(kBloomBitsPerKey));
      break;
    default:
      // `name` and meta are only prefix-scanned; a filter would not help.
      break;
  }
  options.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  return options;
}

bool StoreExists(const std::string& dir) {
  std::error_code ec;
  return std::filesystem::exists(std::filesystem::path(dir) / "CURRENT", ec);
}

// Makes `dir` a store directory: it is created when missing and marked
// before RocksDB writes anything, so that it is recognisably ours even if
// the creation stops half-way.
absl::Status PrepareNewStore(const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    return absl::PermissionDeniedError(
        absl::StrCat("cannot create store directory ", dir, ": ", ec.message()));
  }
  return WriteStoreMarker(dir, kSchemaVersion);
}

// NotFound when the database lacks one of newsgraph's column families: its
// creation was stopped (kill -9) before RocksDB had made them all.
absl::Status CheckColumnFamilies(const rocksdb::DBOptions& options, const std::string& dir) {
  std::vector<std::string> existing;
  const rocksdb::Status s = rocksdb::DB::ListColumnFamilies(options, dir, &existing);
  if (!s.ok()) return FromRocks(s, absl::StrCat("listing column families of ", dir));
  for (absl::string_view name : kCfNames) {
    if (std::find(existing.begin(), existing.end(), name) == existing.end()) {
      return absl::NotFoundError(absl::StrCat(
          "no store in ", dir, " (its creation did not finish; the next import completes it)"));
    }
  }
  return absl::OkStatus();
}

// Undoes a creation that failed: the directory was missing or empty, so
// everything in it now is ours to remove.
void RemoveFailedCreation(const std::string& dir, bool dir_was_missing) {
  std::error_code ec;
  if (dir_was_missing) {
    std::filesystem::remove_all(dir, ec);
    return;
  }
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code ignored;
    std::filesystem::remove_all(it->path(), ignored);
  }
}

// Opens of a store that a writer is compacting, before giving up.
constexpr int kReadOnlyOpenAttempts = 20;

// A fresh directory for a secondary instance's own files.
absl::StatusOr<std::string> MakeSecondaryDir() {
  std::error_code ec;
  const std::filesystem::path base = std::filesystem::temp_directory_path(ec);
  std::string pattern = ((ec ? std::filesystem::path("/tmp") : base) /
                         "newsgraph-secondary-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) {
    return absl::InternalError(
        absl::StrCat("cannot create a secondary directory ", pattern, ": ", std::strerror(errno)));
  }
  return pattern;
}

}  // namespace

RocksStore::RocksStore(std::string dir, bool read_only, bool sync_commits)
    : dir_(std::move(dir)), read_only_(read_only), sync_commits_(sync_commits) {}

RocksStore::~RocksStore() {
  // A writer leaves its memtables in table files: with the write-ahead log on,
  // RocksDB would keep them only in the log, and every later open would
  // replay it (about 30 ms of a one-shot query on the dev store). The log
  // still holds the data if this fails, so the error changes nothing.
  if (!read_only_ && db_ != nullptr) {
    FoldAdjacencyIfGrown();
    std::vector<rocksdb::ColumnFamilyHandle*> families;
    for (auto& handle : handles_) {
      if (handle != nullptr) families.push_back(handle.get());
    }
    rocksdb::FlushOptions flush;
    flush.wait = true;
    db_->Flush(flush, families).PermitUncheckedError();
  }
  // Handles go before the DB (member order does it too; this states it).
  for (auto& handle : handles_) handle.reset();
  other_handles_.clear();
  db_.reset();
  if (!owned_secondary_dir_.empty()) {
    std::error_code ec;
    std::filesystem::remove_all(owned_secondary_dir_, ec);
  }
}

absl::Status RocksStore::CatchUp() {
  if (!secondary_) return Store::CatchUp();
  if (auto s = db_->TryCatchUpWithPrimary(); !s.ok()) {
    return FromRocks(s, absl::StrCat("catching up with the writer of ", dir_));
  }
  // The writer may have handed out ids since: dense arrays sized by
  // NodeIdBound must cover them.
  return LoadCounters();
}

absl::StatusOr<std::unique_ptr<RocksStore>> RocksStore::OpenRocks(const std::string& dir,
                                                                  const StoreOptions& options) {
  const bool read_only = options.read_only || options.secondary;
  const bool may_create = !read_only && options.create_if_missing;
  absl::StatusOr<StoreDirState> state = InspectStoreDir(dir);
  if (!state.ok()) return state.status();
  const bool exists = state->kind == StoreDirKind::kStore || state->kind == StoreDirKind::kUnmarked;
  if (state->schema_version > kSchemaVersion) {
    return absl::FailedPreconditionError(
        absl::StrCat("store ", dir, " has schema version ", state->schema_version,
                     "; this build reads up to ", kSchemaVersion));
  }
  const bool creating = !exists;
  if (creating) {
    if (!may_create) {
      return absl::NotFoundError(absl::StrCat(
          "no store in ", dir,
          state->kind == StoreDirKind::kUnfinished ? " (its creation did not finish)" : ""));
    }
    if (absl::Status s = PrepareNewStore(dir); !s.ok()) {
      RemoveFailedCreation(dir, state->kind == StoreDirKind::kMissing);
      return s;
    }
  }

  std::unique_ptr<RocksStore> store(new RocksStore(dir, read_only, options.sync_commits));
  store->block_cache_ = rocksdb::NewLRUCache(kBlockCacheBytes);

  rocksdb::DBOptions db_options;
  db_options.create_if_missing = may_create;
  // A store killed while RocksDB created its column families lacks some:
  // the directory is ours (marked), so a writer finishes the creation.
  db_options.create_missing_column_families = !read_only;
  db_options.keep_log_file_num = 5;
  // Readers log nowhere in the store (a read-only open writes nothing);
  // the writer's log survives a full disk (info_log.h).
  if (!read_only) db_options.info_log = OpenInfoLog(dir);
  if (rocksdb::Env* env = StoreEnvForTesting(); env != nullptr) db_options.env = env;

  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  for (int i = 0; i < kNumCfs; ++i) {
    descriptors.emplace_back(std::string(kCfNames[i]),
                             CfOptions(static_cast<Cf>(i), store->block_cache_));
  }
  // A reader of such a store finds no store yet, as before CURRENT exists.
  if (read_only && !creating) {
    if (absl::Status s = CheckColumnFamilies(db_options, dir); !s.ok()) return s;
  }
  // A writer must open every column family the database has.
  if (!read_only && StoreExists(dir)) {
    std::vector<std::string> existing;
    const rocksdb::Status s = rocksdb::DB::ListColumnFamilies(db_options, dir, &existing);
    if (!s.ok()) return FromRocks(s, absl::StrCat("listing column families of ", dir));
    const absl::flat_hash_set<absl::string_view> ours(std::begin(kCfNames), std::end(kCfNames));
    for (const std::string& name : existing) {
      if (!ours.contains(name)) descriptors.emplace_back(name, rocksdb::ColumnFamilyOptions());
    }
  }

  std::vector<rocksdb::ColumnFamilyHandle*> raw_handles;
  rocksdb::DB* raw_db = nullptr;
  rocksdb::Status s;
  if (options.secondary) {
    // RocksDB requires every table file open for a secondary, which also
    // keeps the writer's compactions from deleting one under it.
    db_options.max_open_files = -1;
    std::string path = options.secondary_path;
    if (path.empty()) {
      absl::StatusOr<std::string> made = MakeSecondaryDir();
      if (!made.ok()) return made.status();
      path = store->owned_secondary_dir_ = *made;
    }
    store->secondary_ = true;
    s = rocksdb::DB::OpenAsSecondary(db_options, dir, path, descriptors, &raw_handles, &raw_db);
  } else if (options.read_only) {
    // A reader beside a running writer: every table file is opened at once
    // (max_open_files = -1), so the writer's compactions cannot delete one
    // from under it later; a file deleted between reading the manifest and
    // opening it only means the open must be tried again.
    db_options.max_open_files = -1;
    // RocksDB opens those files with this many threads per column family,
    // spawned even for a family of one file: the default 16 made the
    // thread starts and joins a fifth of a one-shot query's open.
    db_options.max_file_opening_threads = 1;
    for (int attempt = 0; attempt < kReadOnlyOpenAttempts; ++attempt) {
      s = rocksdb::DB::OpenForReadOnly(db_options, dir, descriptors, &raw_handles, &raw_db);
      if (s.ok() || !StoreExists(dir) || !(s.IsIOError() || s.IsCorruption() || s.IsPathNotFound())) {
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10 * (attempt + 1)));
    }
  } else {
    s = rocksdb::DB::Open(db_options, dir, descriptors, &raw_handles, &raw_db);
  }
  store->db_.reset(raw_db);
  for (size_t i = 0; i < raw_handles.size(); ++i) {
    if (i < kNumCfs) {
      store->handles_[i].reset(raw_handles[i]);
    } else {
      store->other_handles_.emplace_back(raw_handles[i]);
    }
  }
  if (!s.ok()) {
    if (creating) {
      store.reset();
      RemoveFailedCreation(dir, state->kind == StoreDirKind::kMissing);
    }
    if (IsLockError(s)) {
      return absl::FailedPreconditionError(
          absl::StrCat("store is locked by another writer: ", dir, " (", s.ToString(), ")"));
    }
    return FromRocks(s, absl::StrCat("opening store ", dir));
  }
  absl::Status ready = store->LoadCounters();
  // A writer marks stores made before markers, and notes a schema upgrade.
  if (ready.ok() && !read_only && !creating && state->schema_version != kSchemaVersion) {
    ready = WriteStoreMarker(dir, kSchemaVersion);
  }
  if (!ready.ok()) {
    if (creating) {
      store.reset();
      RemoveFailedCreation(dir, state->kind == StoreDirKind::kMissing);
    }
    return ready;
  }
  return store;
}

absl::Status RocksStore::LoadCounters() {
  std::string value;
  absl::StatusOr<bool> found = ReadValue(kDefault, keys::kMetaCounters, &value);
  if (!found.ok()) return found.status();
  pb::Counters counters;
  if (*found) {
    if (!counters.ParseFromString(value)) {
      return absl::DataLossError(absl::StrCat("unreadable meta/counters in ", dir_));
    }
    if (counters.schema_version() > kSchemaVersion) {
      return absl::FailedPreconditionError(
          absl::StrCat("store ", dir_, " has schema version ", counters.schema_version(),
                       "; this build reads up to ", kSchemaVersion));
    }
  } else {
    counters.set_next_node_id(1);
    counters.set_next_evidence_id(1);
    counters.set_next_edge_seq(1);
    counters.set_schema_version(kSchemaVersion);
    if (!read_only_) {
      rocksdb::WriteOptions write_options;
      write_options.sync = true;
      const rocksdb::Status s =
          db_->Put(write_options, cf(kDefault), std::string(keys::kMetaCounters),
                   counters.SerializeAsString());
      if (!s.ok()) return FromRocks(s, "writing meta/counters");
    }
  }
  next_node_id_ = std::max<uint64_t>(counters.next_node_id(), 1);
  next_evidence_id_ = std::max<uint64_t>(counters.next_evidence_id(), 1);
  next_edge_seq_ = std::max<uint64_t>(counters.next_edge_seq(), 1);
  schema_version_ = read_only_ ? counters.schema_version() : kSchemaVersion;
  if (!read_only_) {
    absl::StatusOr<uint64_t> log_bound = LogBound(*this, nullptr);
    if (!log_bound.ok()) return log_bound.status();
    next_log_commit_ = *log_bound;
  }
  return absl::OkStatus();
}

void RocksStore::AdvanceTo(std::atomic<uint64_t>& counter, uint64_t at_least) {
  uint64_t current = counter.load();
  while (current < at_least && !counter.compare_exchange_weak(current, at_least)) {
  }
}

}  // namespace engine
}  // namespace newsgraph
