// GraphSnapshot: the id index, and building the CSR from edge lists (from
// a store: csr_snapshot_store.cc).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <optional>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "newsgraph/graph_snapshot.h"

namespace newsgraph {
namespace {

// Edges as dense vertex indices, in the order given.
struct IndexedEdges {
  std::vector<std::pair<CsrVertex, CsrVertex>> ends;
  std::vector<SnapshotEdge> properties;
};

// Sorts by (source, target), keeping the order of parallel edges, so that
// each vertex's out-edges come out of the CSR in target order whatever the
// input order was: results never depend on how a file listed its edges.
void SortEdges(IndexedEdges* edges) {
  std::vector<size_t> order(edges->ends.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [edges](size_t a, size_t b) {
    return edges->ends[a] < edges->ends[b];
  });
  IndexedEdges sorted;
  sorted.ends.reserve(order.size());
  sorted.properties.reserve(order.size());
  for (size_t i : order) {
    sorted.ends.push_back(edges->ends[i]);
    sorted.properties.push_back(edges->properties[i]);
  }
  *edges = std::move(sorted);
}

}  // namespace

absl::Status GraphSnapshot::IndexIds() {
  dense_index_.clear();
  sparse_index_.clear();
  contiguous_ = !ids_.empty();
  for (size_t i = 1; contiguous_ && i < ids_.size(); ++i) contiguous_ = ids_[i] == ids_[i - 1] + 1;
  if (contiguous_) {
    first_id_ = ids_[0];
    return absl::OkStatus();
  }
  uint64_t max_id = 0;
  for (uint64_t id : ids_) max_id = std::max(max_id, id);
  // A dense array costs 4 bytes per id up to the largest; worth it while
  // that is a few words per vertex (it spares a hash probe per lookup).
  const bool dense = !ids_.empty() && max_id < (uint64_t{4} * ids_.size() + (uint64_t{1} << 16));
  if (dense) {
    dense_index_.assign(max_id + 1, kNoVertex);
  } else {
    sparse_index_.reserve(ids_.size());
  }
  for (size_t i = 0; i < ids_.size(); ++i) {
    const auto v = static_cast<CsrVertex>(i);
    const bool added = dense ? std::exchange(dense_index_[ids_[i]], v) == kNoVertex
                             : sparse_index_.emplace(ids_[i], v).second;
    if (!added) return absl::InvalidArgumentError(absl::StrCat("vertex id ", ids_[i], " repeated"));
  }
  return absl::OkStatus();
}

absl::StatusOr<GraphSnapshot> GraphSnapshot::FromEdges(std::vector<uint64_t> vertex_ids,
                                                       const std::vector<WeightedEdge>& edges) {
  if (vertex_ids.size() >= std::numeric_limits<CsrVertex>::max()) {
    return absl::InvalidArgumentError(
        absl::StrCat("too many vertices for a snapshot: ", vertex_ids.size()));
  }
  GraphSnapshot snapshot;
  snapshot.ids_ = std::move(vertex_ids);
  if (absl::Status s = snapshot.IndexIds(); !s.ok()) return s;
  IndexedEdges indexed;
  indexed.ends.reserve(edges.size());
  indexed.properties.reserve(edges.size());
  for (const WeightedEdge& edge : edges) {
    const CsrVertex src = snapshot.VertexOrNone(edge.src);
    const CsrVertex dst = snapshot.VertexOrNone(edge.dst);
    if (src == kNoVertex || dst == kNoVertex) {
      return absl::InvalidArgumentError(absl::StrCat(
          "edge ", edge.src, " -> ", edge.dst, " has an end that is not a listed vertex"));
    }
    if (std::isnan(edge.weight)) {
      return absl::InvalidArgumentError(
          absl::StrCat("edge ", edge.src, " -> ", edge.dst, " has a NaN weight"));
    }
    indexed.ends.emplace_back(src, dst);
    indexed.properties.push_back(SnapshotEdge{edge.weight});
  }
  SortEdges(&indexed);
  snapshot.graph_ = CsrGraph(boost::edges_are_unsorted_multi_pass, indexed.ends.begin(),
                             indexed.ends.end(), indexed.properties.begin(),
                             snapshot.ids_.size());
  return snapshot;
}

}  // namespace newsgraph
