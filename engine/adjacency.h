// AdjacencyReader: neighbour ids straight from the `out`/`in` keys, for
// traversals that expand whole frontiers. It never parses an Edge record
// and never reads `out` for an in-edge (the key holds both ends), and it
// walks a sorted frontier with one long-lived iterator per direction,
// stepping instead of seeking when the next node's edges are close by.
//
// Thread safety: none; one reader per thread. The reader sees the store as
// of its creation (one RocksDB snapshot) and must not outlive the store.
#ifndef NEWSGRAPH_ENGINE_ADJACENCY_H_
#define NEWSGRAPH_ENGINE_ADJACENCY_H_

#include <cstdint>
#include <memory>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "newsgraph/store.h"

namespace newsgraph::engine {

class AdjacencyReader {
 public:
  // Errors: Unimplemented when `store` is not the RocksDB store of
  // Store::Open.
  static absl::StatusOr<std::unique_ptr<AdjacencyReader>> Create(const Store& store);
  virtual ~AdjacencyReader() = default;

  // One more than every node id the store has handed out or reserved
  // (bulk-loaded ids included): a size for dense per-node arrays. Edges
  // may still name larger ids (written by hand); callers must cope.
  virtual uint64_t id_bound() const = 0;

  // Calls `visit(node, neighbour)` for every edge in `direction` of each
  // node of `sorted_nodes` (ascending; repeats are visited once), in key
  // order: by node, then type, then start day. Parallel edges are visited
  // once each. Stops early, returning OK, when `visit` returns false.
  // Errors: DataLoss for a malformed key; the store's read errors.
  virtual absl::Status Expand(absl::Span<const uint64_t> sorted_nodes, Direction direction,
                              absl::FunctionRef<bool(uint64_t node, uint64_t neighbour)> visit) = 0;
};

}  // namespace newsgraph::engine

#endif  // NEWSGRAPH_ENGINE_ADJACENCY_H_
