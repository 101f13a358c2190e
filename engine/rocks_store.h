// RocksStore: the RocksDB implementation of newsgraph::Store (private to
// engine/; users see only include/newsgraph/store.h).
#ifndef NEWSGRAPH_ENGINE_ROCKS_STORE_H_
#define NEWSGRAPH_ENGINE_ROCKS_STORE_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "newsgraph/store.h"
#include "rocksdb/cache.h"
#include "rocksdb/db.h"
#include "schema/records.pb.h"

namespace newsgraph::engine {

class WriteSetImpl;

class RocksStore final : public Store {
 public:
  // The column families, in the order they are opened (handles_ index).
  enum Cf : int { kDefault = 0, kNode, kName, kOut, kIn, kEvidence, kArticle, kNumCfs };

  // Opens `dir` as described at Store::Open (store_open.cc).
  static absl::StatusOr<std::unique_ptr<RocksStore>> OpenRocks(const std::string& dir,
                                                                const StoreOptions& options);
  ~RocksStore() override;

  const std::string& dir() const override { return dir_; }

  absl::StatusOr<std::optional<pb::Node>> GetNode(uint64_t id) const override;
  absl::StatusOr<std::vector<uint64_t>> FindNodes(pb::NodeKind kind,
                                                  absl::string_view name) const override;
  absl::StatusOr<std::optional<pb::Evidence>> GetEvidence(uint64_t id) const override;
  absl::StatusOr<std::optional<pb::Article>> GetArticle(absl::string_view id) const override;
  absl::StatusOr<std::optional<std::string>> GetMeta(absl::string_view key) const override;

  absl::Status ScanEdges(uint64_t node, Direction direction, const EdgeFilter& filter,
                         const std::function<bool(const pb::Edge&)>& visit) const override;
  absl::Status ScanNodes(pb::NodeKind kind,
                         const std::function<bool(const pb::Node&)>& visit) const override;
  absl::Status ScanArticles(const std::function<bool(const pb::Article&)>& visit) const override;
  absl::Status ScanEvidence(const std::function<bool(const pb::Evidence&)>& visit) const override;
  absl::Status ScanAllEdges(const EdgeFilter& filter,
                            const std::function<bool(const EdgeRef&)>& visit,
                            uint64_t* sequence) const override;
  uint64_t LatestSequence() const override { return db_->GetLatestSequenceNumber(); }

  absl::StatusOr<StoreStats> Stats() const override;

  std::unique_ptr<WriteSet> NewWriteSet() override;
  absl::Status Commit(WriteSet& writes) override;
  absl::Status Sync() override;
  absl::Status CatchUp() override;

  // ---- for WriteSetImpl ----
  uint64_t AllocateNodeId() { return next_node_id_.fetch_add(1); }
  uint64_t AllocateEvidenceId() { return next_evidence_id_.fetch_add(1); }
  uint64_t AllocateEdgeSeq() { return next_edge_seq_.fetch_add(1); }
  // Keeps ids that a caller chose itself from being handed out again.
  void ReserveNodeId(uint64_t id) { AdvanceTo(next_node_id_, id + 1); }
  void ReserveEvidenceId(uint64_t id) { AdvanceTo(next_evidence_id_, id + 1); }
  // Whether `key` exists in `cf` (a bloom-filtered point lookup).
  absl::StatusOr<bool> KeyExists(Cf cf, absl::string_view key) const;

  // ---- for the engine's bulk paths (bulk_load.cc, adjacency.cc) ----
  rocksdb::DB* db() const { return db_.get(); }
  bool read_only() const { return read_only_; }  // read-only or secondary
  rocksdb::ColumnFamilyHandle* handle(Cf which) const { return cf(which); }
  // Reserves `n` consecutive edge seqs and returns the first.
  uint64_t AllocateEdgeSeqs(uint64_t n) { return next_edge_seq_.fetch_add(n); }
  // The meta/counters row for the ids handed out or reserved so far.
  std::string CountersValue() const;
  // One more than every node id handed out or reserved so far.
  uint64_t NodeIdBound() const { return next_node_id_.load(); }

  // A writer closing with at least this many edges in its edge log past
  // its newest adjacency file (all of them, without a file) folds them into
  // a new file (adjacency_fold.cc), so that readers' deltas stay small: the
  // way an LSM tree folds its memtables. 0: never.
  static constexpr uint64_t kDefaultFoldEdges = uint64_t{1} << 20;
  void set_fold_adjacency_edges(uint64_t edges) { fold_adjacency_edges_ = edges; }

  // A consistent view for several reads: a RocksDB snapshot, or none on a
  // secondary (RocksDB refuses snapshot reads there; a secondary changes
  // only in CatchUp, which must not run beside reads).
  class ReadView {
   public:
    explicit ReadView(const RocksStore& store)
        : db_(store.db()),
          snapshot_(store.secondary_ ? nullptr : db_->GetSnapshot()),
          sequence_(snapshot_ != nullptr ? snapshot_->GetSequenceNumber()
                                         : db_->GetLatestSequenceNumber()) {}
    ~ReadView() {
      if (snapshot_ != nullptr) db_->ReleaseSnapshot(snapshot_);
    }
    ReadView(const ReadView&) = delete;
    ReadView& operator=(const ReadView&) = delete;

    const rocksdb::Snapshot* snapshot() const { return snapshot_; }
    uint64_t sequence() const { return sequence_; }  // the state the view reads

   private:
    rocksdb::DB* db_;
    const rocksdb::Snapshot* snapshot_;
    uint64_t sequence_;
  };

 private:
  friend class WriteSetImpl;  // adds rows to its batch with cf()

  RocksStore(std::string dir, bool read_only, bool sync_commits);

  static void AdvanceTo(std::atomic<uint64_t>& counter, uint64_t at_least);

  rocksdb::ColumnFamilyHandle* cf(Cf which) const { return handles_[which].get(); }
  // Reads `key` of `cf` into `value`; nullopt-like false when absent.
  absl::StatusOr<bool> ReadValue(Cf which, absl::string_view key, std::string* value,
                                 const rocksdb::Snapshot* snapshot = nullptr) const;
  template <typename Message>
  absl::StatusOr<std::optional<Message>> ReadMessage(Cf which, absl::string_view key) const;

  // At a writer's close: CompactAdjacency when the delta reached
  // fold_adjacency_edges_ (adjacency_fold.cc).
  void FoldAdjacencyIfGrown();

  // Loads "meta/counters" into the atomics; a new writable store gets
  // counters starting at 1 (id 0 means "none" in records).
  absl::Status LoadCounters();
  // Reads a "meta/count/..." total (0 when absent).
  absl::StatusOr<uint64_t> ReadCount(absl::string_view key) const;
  // Adds to `batch` everything Commit derives from the DB: node and name
  // rows, kind/type/article/evidence totals, counters (store_commit.cc).
  absl::Status BuildCommitBatch(WriteSetImpl& set, rocksdb::WriteBatch* batch);

  const std::string dir_;
  const bool read_only_;  // read-only or secondary
  bool secondary_ = false;
  // The secondary's own directory when Open made it (removed at close).
  std::string owned_secondary_dir_;
  const bool sync_commits_;
  // The first failed commit's error (guarded by commit_mu_): later commits
  // and Sync return it without touching RocksDB again.
  absl::Status write_error_;
  std::shared_ptr<rocksdb::Cache> block_cache_;  // shared by every CF
  std::unique_ptr<rocksdb::DB> db_;
  // Declared after db_ so they are destroyed before it, as RocksDB requires.
  std::unique_ptr<rocksdb::ColumnFamilyHandle> handles_[kNumCfs];
  // Column families a later version may have added: opened (RocksDB
  // requires it of a writer) but not used.
  std::vector<std::unique_ptr<rocksdb::ColumnFamilyHandle>> other_handles_;

  std::atomic<uint64_t> next_node_id_{1};
  std::atomic<uint64_t> next_evidence_id_{1};
  std::atomic<uint64_t> next_edge_seq_{1};
  uint32_t schema_version_ = 0;
  std::mutex commit_mu_;  // one Commit at a time: it reads, then writes
  // The number of the next commit's edge log row (adjacency_log.h); a
  // writer's only, guarded by commit_mu_.
  uint64_t next_log_commit_ = 0;
  uint64_t fold_adjacency_edges_ = kDefaultFoldEdges;
};

}  // namespace newsgraph::engine

#endif  // NEWSGRAPH_ENGINE_ROCKS_STORE_H_
