// newsgraph::Traverser — breadth-first traversals: k-hop expansion,
// shortest path length, BFS. Edge type and time are ignored: every stored
// edge is one hop. Two engines answer the same API (docs/storage.md,
// "Traversals"):
//
//  - kStore reads the store directly (no in-memory copy of the graph).
//    Each level is expanded in bulk: its node ids are sorted and their
//    adjacency ranges read in key order with one iterator per direction.
//    It sees the store as of its creation (one RocksDB snapshot).
//  - kMapped (the default) answers from the store's adjacency file,
//    mapped into memory and used in place (nothing is built: a fresh
//    process answers at once), plus an overlay of the edges committed
//    after the file, read from the store's edge log at one RocksDB view.
//    Before each query the overlay catches up with Store::LatestSequence()
//    by reading only the new log rows. Without a usable file (none yet,
//    or none that matches the store's state) it is kStore.
//  - kSnapshot answers from a GraphSnapshot (an in-memory CSR of both
//    directions) built at creation in one ordered scan. The snapshot is
//    tagged with the store sequence number it reflects; before each query
//    the traverser compares it with Store::LatestSequence() and rebuilds
//    the snapshot when the store has moved on, so every answer reflects
//    every commit made before the query began (on a read-only store the
//    sequence is frozen at open, so the snapshot never goes stale).
//    A per-query read of RocksDB costs microseconds; a CSR hop costs
//    nanoseconds: a process that runs many traversals wants this engine.
//
// Thread safety: none; one Traverser per thread. A traverser must not
// outlive its store.
#ifndef NEWSGRAPH_TRAVERSAL_H_
#define NEWSGRAPH_TRAVERSAL_H_

#include <cstdint>
#include <limits>
#include <memory>
#include <vector>

#include "absl/status/statusor.h"
#include "newsgraph/store.h"

namespace newsgraph {

enum class TraversalEngine {
  kStore,     // frontier expansion straight from the `out`/`in` keys
  kSnapshot,  // an in-memory CSR snapshot, rebuilt when stale
  // The store's memory-mapped adjacency file plus the edges committed
  // after it (adjacency_file.h); kStore when the store has no usable file.
  kMapped,
  // kMapped when the store has a usable file, else kSnapshot when it fits
  // TraverserOptions::max_snapshot_bytes, else kStore.
  kAuto,
};

struct TraverserOptions {
  TraversalEngine engine = TraversalEngine::kMapped;
  // kAuto's memory budget for the snapshot, estimated from the store's
  // edge and node totals (Store::Stats).
  uint64_t max_snapshot_bytes = uint64_t{4} << 30;
};

// What a traverser has done so far, for benchmarks and logs.
struct TraverserStats {
  TraversalEngine engine = TraversalEngine::kStore;  // the one in use (never kAuto)
  int snapshot_builds = 0;        // 1 after creation, +1 per rebuild when stale
  double snapshot_seconds = 0;    // wall time of all snapshot builds
  // The store sequence the snapshot (kMapped: file and overlay) reflects,
  // and its edges.
  uint64_t snapshot_sequence = 0;
  uint64_t snapshot_edges = 0;
};

struct KHopOptions {
  int max_depth = 2;  // hops from the seed, >= 1
  Direction direction = Direction::kOut;
  // Stop once this many nodes are found (the result is then truncated).
  uint64_t max_results = std::numeric_limits<uint64_t>::max();
  // Sort each level by id. Callers that only count or collect the nodes
  // may turn it off: levels then come in discovery order (kSnapshot; the
  // store engine sorts anyway, as it reads the next level in key order).
  bool sort_levels = true;
};

struct KHopResult {
  // Distinct nodes other than the seed within max_depth hops, nearest
  // levels first (in id order within a level, unless sort_levels is off).
  std::vector<uint64_t> nodes;
  bool truncated = false;  // max_results was reached: nodes may be missing
};

struct BfsResult {
  uint64_t reached = 0;  // nodes reached, the source included
  int depth = 0;         // the deepest level reached (0: only the source)
};

class Traverser {
 public:
  // kSnapshot (and kAuto choosing it) builds the snapshot here; kMapped
  // maps the adjacency file and reads the edge log's delta.
  // Errors: Unimplemented for kStore on a store that is not Store::Open's;
  // the store's read errors.
  static absl::StatusOr<std::unique_ptr<Traverser>> Create(
      const Store& store, const TraverserOptions& options = TraverserOptions());
  virtual ~Traverser() = default;

  virtual TraverserStats stats() const = 0;

  // Each query below may first rebuild a stale snapshot (kSnapshot) or
  // read the new edge log rows (kMapped); their read errors are then the
  // query's.

  // The distinct neighbours of `node` (itself included if it has a
  // self-loop), sorted by id.
  virtual absl::StatusOr<std::vector<uint64_t>> Neighbours(uint64_t node, Direction direction) = 0;
  // Errors: InvalidArgument for max_depth < 1.
  virtual absl::StatusOr<KHopResult> KHop(uint64_t seed, const KHopOptions& options) = 0;
  // The length of a shortest directed path from `source` to `target` (0
  // when they are equal), or -1 when there is none of at most `max_depth`
  // edges. Bidirectional BFS: out-edges from the source, in-edges from the
  // target, always growing the smaller frontier.
  virtual absl::StatusOr<int> ShortestPathLength(uint64_t source, uint64_t target,
                                                 int max_depth) = 0;
  // Every node reachable from `source` within `max_depth` levels.
  virtual absl::StatusOr<BfsResult> Bfs(uint64_t source, Direction direction,
                                        int max_depth = std::numeric_limits<int>::max()) = 0;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_TRAVERSAL_H_
