// newsgraph::Store — the embedded graph store: typed nodes and typed, dated
// edges in one RocksDB database per directory. Keys and column families are
// described in docs/storage.md; every key is encoded in engine/keys.h.
//
// Thread safety: a Store may be read from several threads at once; writes
// (Commit) must come from one thread at a time. One process at a time may
// open a directory for writing; any number may open it read-only or as a
// secondary (StoreOptions). CatchUp must not run beside reads.
#ifndef NEWSGRAPH_STORE_H_
#define NEWSGRAPH_STORE_H_

#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "schema/records.pb.h"

namespace newsgraph {

struct StoreOptions {
  // Open without taking the writer's lock; every write then fails.
  bool read_only = false;
  // Create the directory and database when missing (ignored if read_only).
  bool create_if_missing = true;
  // Sync the write-ahead log at every Commit. Without it a commit is still
  // atomic and survives a crash of the process (kill -9): the OS holds the
  // log; only a power loss may drop the latest commits, never half of one.
  // Bulk importers turn it off and call Sync() at the end.
  bool sync_commits = true;
  // Open as a RocksDB secondary instance: read-only like `read_only`, but
  // able to follow a writer that is running in another process: CatchUp()
  // replays what the writer has written since. (A read_only store sees the
  // store as of its open only.) The secondary keeps its own info log and
  // state in `secondary_path`; empty = a fresh directory under the system
  // temp dir, removed when the store is closed.
  bool secondary = false;
  std::string secondary_path;
};

enum class Direction { kOut, kIn };

// Which edges of one node to visit. Type and start-day window become the
// bounds of one RocksDB range scan; nothing outside them is read.
struct EdgeFilter {
  pb::EdgeType type = pb::EDGE_TYPE_UNSPECIFIED;  // UNSPECIFIED = every type
  int32_t from_day = std::numeric_limits<int32_t>::min();  // start day, inclusive
  int32_t to_day = std::numeric_limits<int32_t>::max();    // start day, inclusive
  // When set, ScanEdges adds the number of keys its iterator landed on,
  // inside the window or not: the proof that a window is a range read.
  uint64_t* keys_read = nullptr;
};

// One `out` row as its key gives it, without reading the Edge record: all
// that a whole-graph scan needs (GraphSnapshot::FromStore).
struct EdgeRef {
  uint64_t src = 0;
  uint64_t dst = 0;
  pb::EdgeType type = pb::EDGE_TYPE_UNSPECIFIED;
  int32_t start_day = 0;
};

struct StoreStats {
  absl::flat_hash_map<std::string, uint64_t> nodes_by_kind;  // "PERSON" -> n
  absl::flat_hash_map<std::string, uint64_t> edges_by_type;  // "MET" -> n
  uint64_t articles = 0;
  uint64_t evidence = 0;
};

// Writes gathered for one atomic commit (one article, one KB seeding).
// Ids are handed out at once; they are only used if the batch commits.
class WriteSet {
 public:
  virtual ~WriteSet() = default;
  virtual uint64_t NewNodeId() = 0;
  virtual uint64_t NewEvidenceId() = 0;
  // Writes the node and one `name` row per distinct normalised name/alias.
  // Writing a node id twice in a set keeps the last; rows of names dropped
  // from an existing node are removed.
  virtual void PutNode(const pb::Node& node) = 0;
  // Writes both directions of the edge (its `out` and `in` keys).
  virtual void PutEdge(const pb::Edge& edge) = 0;
  virtual void PutEvidence(const pb::Evidence& evidence) = 0;
  virtual void PutArticle(const pb::Article& article) = 0;
  // A meta value in the `default` column family (key must not start "meta/").
  virtual void PutMeta(absl::string_view key, absl::string_view value) = 0;
  // Counts of what this set writes, for import reports.
  virtual uint64_t nodes_added() const = 0;
  virtual uint64_t edges_added() const = 0;
  virtual uint64_t evidence_added() const = 0;
};

class Store {
 public:
  // Opens (or creates) the store in `dir`. Errors: FailedPrecondition with
  // "store is locked by another writer" when another process holds it for
  // writing; NotFound when read_only/!create_if_missing and there is none;
  // DataLoss/Internal for a damaged database.
  static absl::StatusOr<std::unique_ptr<Store>> Open(const std::string& dir,
                                                     const StoreOptions& options);
  virtual ~Store() = default;

  virtual const std::string& dir() const = 0;

  virtual absl::StatusOr<std::optional<pb::Node>> GetNode(uint64_t id) const = 0;
  // Ids of the nodes of `kind` one of whose names normalises to the same
  // text as `name` (case and diacritics ignored), in id order.
  virtual absl::StatusOr<std::vector<uint64_t>> FindNodes(pb::NodeKind kind,
                                                          absl::string_view name) const = 0;
  virtual absl::StatusOr<std::optional<pb::Evidence>> GetEvidence(uint64_t id) const = 0;
  virtual absl::StatusOr<std::optional<pb::Article>> GetArticle(absl::string_view id) const = 0;
  virtual absl::StatusOr<std::optional<std::string>> GetMeta(absl::string_view key) const = 0;

  // Calls `visit` for each edge of `node` in `direction` that passes
  // `filter`, in key order (type, then start day), with the whole edge
  // (src, dst, type, time, ...) in both directions. Stops early, returning
  // OK, when `visit` returns false.
  virtual absl::Status ScanEdges(uint64_t node, Direction direction, const EdgeFilter& filter,
                                 const std::function<bool(const pb::Edge&)>& visit) const = 0;
  // Calls `visit` for every node of `kind` (UNSPECIFIED = all), in id order.
  virtual absl::Status ScanNodes(pb::NodeKind kind,
                                 const std::function<bool(const pb::Node&)>& visit) const = 0;
  virtual absl::Status ScanArticles(const std::function<bool(const pb::Article&)>& visit) const = 0;
  // Calls `visit` for every evidence record, in id order (whole-graph
  // exports: records no node or edge cites any more are kept too).
  virtual absl::Status ScanEvidence(
      const std::function<bool(const pb::Evidence&)>& /*visit*/) const {
    return absl::UnimplementedError("this store cannot list its evidence");
  }

  // Calls `visit` for every edge that passes `filter`, in `out` key order
  // (src, type, start day, dst), all read from one RocksDB snapshot whose
  // sequence number is stored in `*sequence` (if not null) before the first
  // visit. Stops early, returning OK, when `visit` returns false.
  // Errors: DataLoss for a malformed key; the store's read errors.
  virtual absl::Status ScanAllEdges(const EdgeFilter& filter,
                                    const std::function<bool(const EdgeRef&)>& visit,
                                    uint64_t* sequence) const = 0;
  // The sequence number of the latest write RocksDB has applied; it grows
  // with every Commit, so equal numbers mean an unchanged store.
  virtual uint64_t LatestSequence() const = 0;

  virtual absl::StatusOr<StoreStats> Stats() const = 0;

  // A new empty set of writes. Commit applies it in one RocksDB WriteBatch
  // (with the id counters), synced to the WAL: all of it or none survives a
  // crash. Errors: FailedPrecondition on a read-only store.
  virtual std::unique_ptr<WriteSet> NewWriteSet() = 0;
  virtual absl::Status Commit(WriteSet& writes) = 0;

  // Makes every commit so far durable (syncs the write-ahead log).
  virtual absl::Status Sync() = 0;

  // A secondary store (StoreOptions::secondary) catches up with the
  // writer: afterwards it sees every commit the writer had made (flushed
  // or only in its write-ahead log), and LatestSequence() has moved on.
  // Errors: FailedPrecondition when the store is not a secondary; the
  // store's read errors.
  virtual absl::Status CatchUp() {
    return absl::FailedPreconditionError("CatchUp needs a store opened as a secondary");
  }
};

// The text under which names are indexed: NFKD, diacritics removed, case
// folded, runs of spaces and punctuation collapsed to one space.
std::string NormalizeName(absl::string_view name);

}  // namespace newsgraph

#endif  // NEWSGRAPH_STORE_H_
