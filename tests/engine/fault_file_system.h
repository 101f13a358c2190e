// FaultFileSystem: a rocksdb::FileSystemWrapper that fails writes, syncs
// or renames with ENOSPC or EIO -- at the Nth call of a kind, or once N
// bytes have been written (the write that crosses the line is cut short, as
// on a full disk). After the first failure every later call of that kind
// fails too, as a full disk would, until Reset(). Like SQLite's and
// RocksDB's own fault-injection file systems, it lets a test try every
// point of an import, a bulk load or an open.
//
// Also here: DumpStore, every key and value of every column family, which
// is what "equal to a clean import" compares.
#ifndef NEWSGRAPH_TESTS_ENGINE_FAULT_FILE_SYSTEM_H_
#define NEWSGRAPH_TESTS_ENGINE_FAULT_FILE_SYSTEM_H_

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "engine/rocks_store.h"
#include "engine/test_env.h"
#include "rocksdb/env.h"
#include "rocksdb/file_system.h"

namespace newsgraph::testing_util {

class FaultFileSystem : public rocksdb::FileSystemWrapper {
 public:
  enum class Kind { kWrite, kSync, kRename };
  struct Plan {
    Kind kind = Kind::kWrite;
    int64_t fail_at_call = 0;     // 1-based call of `kind` that fails; 0 = none
    int64_t fail_after_bytes = -1;  // writes only; -1 = no byte limit
    bool no_space = true;         // ENOSPC, else EIO
  };

  FaultFileSystem() : rocksdb::FileSystemWrapper(rocksdb::FileSystem::Default()) {}
  static const char* kClassName() { return "NewsgraphFaultFileSystem"; }
  const char* Name() const override { return kClassName(); }

  // Starts counting afresh under `plan`.
  void Arm(const Plan& plan) {
    plan_ = plan;
    for (auto& c : calls_) c = 0;
    bytes_ = 0;
    tripped_ = false;
  }
  void Reset() { Arm(Plan{}); }
  bool tripped() const { return tripped_; }
  int64_t calls(Kind kind) const { return calls_[static_cast<int>(kind)]; }
  int64_t bytes() const { return bytes_; }

  // Counts one call of `kind` carrying `size` bytes; returns how many of
  // them may be written and whether the call fails.
  std::pair<size_t, bool> Admit(Kind kind, size_t size) {
    const int64_t n = ++calls_[static_cast<int>(kind)];
    if (tripped_ && kind == plan_.kind) return {0, true};
    if (kind == plan_.kind && plan_.fail_at_call > 0 && n >= plan_.fail_at_call) {
      tripped_ = true;
      return {0, true};
    }
    if (kind == Kind::kWrite && plan_.kind == Kind::kWrite && plan_.fail_after_bytes >= 0 &&
        bytes_ + static_cast<int64_t>(size) > plan_.fail_after_bytes) {
      tripped_ = true;
      const size_t room = static_cast<size_t>(plan_.fail_after_bytes - bytes_);
      bytes_ = plan_.fail_after_bytes;
      return {room, true};
    }
    if (kind == Kind::kWrite) bytes_ += static_cast<int64_t>(size);
    return {size, false};
  }
  rocksdb::IOStatus Failure() const {
    return plan_.no_space ? rocksdb::IOStatus::NoSpace("injected: no space left on device")
                          : rocksdb::IOStatus::IOError("injected: input/output error");
  }

  rocksdb::IOStatus NewWritableFile(const std::string& name, const rocksdb::FileOptions& options,
                                    std::unique_ptr<rocksdb::FSWritableFile>* result,
                                    rocksdb::IODebugContext* dbg) override {
    rocksdb::IOStatus s = target()->NewWritableFile(name, options, result, dbg);
    if (s.ok()) *result = std::make_unique<File>(std::move(*result), this);
    return s;
  }
  rocksdb::IOStatus ReopenWritableFile(const std::string& name,
                                       const rocksdb::FileOptions& options,
                                       std::unique_ptr<rocksdb::FSWritableFile>* result,
                                       rocksdb::IODebugContext* dbg) override {
    rocksdb::IOStatus s = target()->ReopenWritableFile(name, options, result, dbg);
    if (s.ok()) *result = std::make_unique<File>(std::move(*result), this);
    return s;
  }
  rocksdb::IOStatus ReuseWritableFile(const std::string& name, const std::string& old_name,
                                      const rocksdb::FileOptions& options,
                                      std::unique_ptr<rocksdb::FSWritableFile>* result,
                                      rocksdb::IODebugContext* dbg) override {
    rocksdb::IOStatus s = target()->ReuseWritableFile(name, old_name, options, result, dbg);
    if (s.ok()) *result = std::make_unique<File>(std::move(*result), this);
    return s;
  }
  rocksdb::IOStatus RenameFile(const std::string& src, const std::string& target_name,
                               const rocksdb::IOOptions& options,
                               rocksdb::IODebugContext* dbg) override {
    if (Admit(Kind::kRename, 0).second) return Failure();
    return target()->RenameFile(src, target_name, options, dbg);
  }

 private:
  class File : public rocksdb::FSWritableFileOwnerWrapper {
   public:
    File(std::unique_ptr<rocksdb::FSWritableFile>&& file, FaultFileSystem* fs)
        : rocksdb::FSWritableFileOwnerWrapper(std::move(file)), fs_(fs) {}
    rocksdb::IOStatus Append(const rocksdb::Slice& data, const rocksdb::IOOptions& options,
                             rocksdb::IODebugContext* dbg) override {
      return Write(data, [&](const rocksdb::Slice& part) {
        return target()->Append(part, options, dbg);
      });
    }
    rocksdb::IOStatus Append(const rocksdb::Slice& data, const rocksdb::IOOptions& options,
                             const rocksdb::DataVerificationInfo& info,
                             rocksdb::IODebugContext* dbg) override {
      return Write(data, [&](const rocksdb::Slice& part) {
        return part.size() == data.size() ? target()->Append(part, options, info, dbg)
                                          : target()->Append(part, options, dbg);
      });
    }
    rocksdb::IOStatus PositionedAppend(const rocksdb::Slice& data, uint64_t offset,
                                       const rocksdb::IOOptions& options,
                                       rocksdb::IODebugContext* dbg) override {
      return Write(data, [&](const rocksdb::Slice& part) {
        return target()->PositionedAppend(part, offset, options, dbg);
      });
    }
    rocksdb::IOStatus Sync(const rocksdb::IOOptions& options, rocksdb::IODebugContext* dbg) override {
      return SyncWith([&] { return target()->Sync(options, dbg); }, options, dbg);
    }
    rocksdb::IOStatus Fsync(const rocksdb::IOOptions& options, rocksdb::IODebugContext* dbg) override {
      return SyncWith([&] { return target()->Fsync(options, dbg); }, options, dbg);
    }
    rocksdb::IOStatus RangeSync(uint64_t offset, uint64_t nbytes, const rocksdb::IOOptions& options,
                                rocksdb::IODebugContext* dbg) override {
      if (fs_->Admit(Kind::kSync, 0).second) return fs_->Failure();
      return target()->RangeSync(offset, nbytes, options, dbg);
    }

   private:
    template <typename WriteFn>
    rocksdb::IOStatus Write(const rocksdb::Slice& data, WriteFn write) {
      const auto [room, fail] = fs_->Admit(Kind::kWrite, data.size());
      if (room > 0) {
        rocksdb::IOStatus s = write(rocksdb::Slice(data.data(), room));
        if (!s.ok()) return s;
        written_ += room;
      }
      return fail ? fs_->Failure() : rocksdb::IOStatus::OK();
    }
    // A failed sync loses what was written since the last good one: the
    // model RocksDB's recovery is built on (its own FaultInjectionTestFS
    // drops unsynced data the same way).
    template <typename SyncFn>
    rocksdb::IOStatus SyncWith(SyncFn sync, const rocksdb::IOOptions& options,
                               rocksdb::IODebugContext* dbg) {
      if (fs_->Admit(Kind::kSync, 0).second) {
        target()->Flush(options, dbg);
        target()->Truncate(synced_, options, dbg);
        written_ = synced_;
        return fs_->Failure();
      }
      rocksdb::IOStatus s = sync();
      if (s.ok()) synced_ = written_;
      return s;
    }
    FaultFileSystem* fs_;
    uint64_t written_ = 0;  // bytes this wrapper let through
    uint64_t synced_ = 0;   // of those, the bytes covered by a good sync
  };

  Plan plan_;
  std::atomic<int64_t> calls_[3] = {0, 0, 0};
  std::atomic<int64_t> bytes_{0};
  std::atomic<bool> tripped_{false};
};

// Installs a FaultFileSystem under every store this process opens, for
// the lifetime of the object.
class ScopedFaultEnv {
 public:
  ScopedFaultEnv()
      : fs_(std::make_shared<FaultFileSystem>()), env_(rocksdb::NewCompositeEnv(fs_)) {
    engine::SetStoreEnvForTesting(env_.get());
  }
  ~ScopedFaultEnv() { engine::SetStoreEnvForTesting(nullptr); }
  ScopedFaultEnv(const ScopedFaultEnv&) = delete;
  ScopedFaultEnv& operator=(const ScopedFaultEnv&) = delete;
  FaultFileSystem& fs() { return *fs_; }

 private:
  std::shared_ptr<FaultFileSystem> fs_;
  std::unique_ptr<rocksdb::Env> env_;
};

// Every column family's keys and values ("cf\tkey" -> value), read through
// a read-only open; the error, as a one-entry map, when the store will not
// open.
inline std::map<std::string, std::string> DumpStore(const std::string& dir) {
  StoreOptions options;
  options.read_only = true;
  absl::StatusOr<std::unique_ptr<engine::RocksStore>> store =
      engine::RocksStore::OpenRocks(dir, options);
  if (!store.ok()) return {{"open failed", store.status().ToString()}};
  std::map<std::string, std::string> rows;
  for (int cf = 0; cf < engine::RocksStore::kNumCfs; ++cf) {
    std::unique_ptr<rocksdb::Iterator> it((*store)->db()->NewIterator(
        rocksdb::ReadOptions(), (*store)->handle(static_cast<engine::RocksStore::Cf>(cf))));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      rows[std::to_string(cf) + "\t" + it->key().ToString()] = it->value().ToString();
    }
  }
  return rows;
}

}  // namespace newsgraph::testing_util

#endif  // NEWSGRAPH_TESTS_ENGINE_FAULT_FILE_SYSTEM_H_
