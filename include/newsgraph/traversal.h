// newsgraph::Traverser — breadth-first traversals read directly from the
// store (no in-memory copy of the graph): k-hop expansion, shortest path
// length, BFS. Each level is expanded in bulk: its node ids are sorted and
// their adjacency ranges read in key order with one iterator per direction.
// Edge type and time are ignored: every stored edge is one hop.
//
// Thread safety: none; one Traverser per thread. A traverser sees the
// store as of its creation and must not outlive it.
#ifndef NEWSGRAPH_TRAVERSAL_H_
#define NEWSGRAPH_TRAVERSAL_H_

#include <cstdint>
#include <limits>
#include <memory>
#include <vector>

#include "absl/status/statusor.h"
#include "newsgraph/store.h"

namespace newsgraph {

struct KHopOptions {
  int max_depth = 2;  // hops from the seed, >= 1
  Direction direction = Direction::kOut;
  // Stop once this many nodes are found (the result is then truncated).
  uint64_t max_results = std::numeric_limits<uint64_t>::max();
};

struct KHopResult {
  // Distinct nodes other than the seed within max_depth hops, nearest
  // levels first (in id order within a level).
  std::vector<uint64_t> nodes;
  bool truncated = false;  // max_results was reached: nodes may be missing
};

struct BfsResult {
  uint64_t reached = 0;  // nodes reached, the source included
  int depth = 0;         // the deepest level reached (0: only the source)
};

class Traverser {
 public:
  // Errors: Unimplemented for a store that is not Store::Open's.
  static absl::StatusOr<std::unique_ptr<Traverser>> Create(const Store& store);
  virtual ~Traverser() = default;

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
