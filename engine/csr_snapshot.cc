// GraphSnapshot: building the CSR from a store scan or from edge lists.
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

std::optional<CsrVertex> GraphSnapshot::vertex(uint64_t id) const {
  const auto it = index_of_.find(id);
  if (it == index_of_.end()) return std::nullopt;
  return it->second;
}

absl::StatusOr<GraphSnapshot> GraphSnapshot::FromEdges(std::vector<uint64_t> vertex_ids,
                                                       const std::vector<WeightedEdge>& edges) {
  if (vertex_ids.size() >= std::numeric_limits<CsrVertex>::max()) {
    return absl::InvalidArgumentError(
        absl::StrCat("too many vertices for a snapshot: ", vertex_ids.size()));
  }
  GraphSnapshot snapshot;
  snapshot.index_of_.reserve(vertex_ids.size());
  for (size_t i = 0; i < vertex_ids.size(); ++i) {
    if (!snapshot.index_of_.emplace(vertex_ids[i], static_cast<CsrVertex>(i)).second) {
      return absl::InvalidArgumentError(absl::StrCat("vertex id ", vertex_ids[i], " repeated"));
    }
  }
  IndexedEdges indexed;
  indexed.ends.reserve(edges.size());
  indexed.properties.reserve(edges.size());
  for (const WeightedEdge& edge : edges) {
    const auto src = snapshot.index_of_.find(edge.src);
    const auto dst = snapshot.index_of_.find(edge.dst);
    if (src == snapshot.index_of_.end() || dst == snapshot.index_of_.end()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "edge ", edge.src, " -> ", edge.dst, " has an end that is not a listed vertex"));
    }
    if (std::isnan(edge.weight)) {
      return absl::InvalidArgumentError(
          absl::StrCat("edge ", edge.src, " -> ", edge.dst, " has a NaN weight"));
    }
    indexed.ends.emplace_back(src->second, dst->second);
    indexed.properties.push_back(SnapshotEdge{edge.weight});
  }
  SortEdges(&indexed);
  snapshot.graph_ = CsrGraph(boost::edges_are_unsorted_multi_pass, indexed.ends.begin(),
                             indexed.ends.end(), indexed.properties.begin(), vertex_ids.size());
  snapshot.ids_ = std::move(vertex_ids);
  return snapshot;
}

absl::StatusOr<GraphSnapshot> GraphSnapshot::FromStore(const Store& store,
                                                       const SnapshotOptions& options) {
  if (options.from_day > options.to_day) {
    return absl::InvalidArgumentError(absl::StrCat("empty day window: ", options.from_day,
                                                   " > ", options.to_day));
  }
  std::vector<uint64_t> ids;
  // Nodes before edges: every node listed was committed before the edge
  // scan's RocksDB snapshot, so the vertex set never runs ahead of sequence().
  if (options.include_isolated_nodes) {
    absl::Status status =
        store.ScanNodes(pb::NODE_KIND_UNSPECIFIED, [&ids](const pb::Node& node) {
          ids.push_back(node.id());
          return true;
        });
    if (!status.ok()) return status;
  }

  // One type goes into the scan's filter; a set of them is checked per key.
  EdgeFilter filter;
  filter.from_day = options.from_day;
  filter.to_day = options.to_day;
  if (options.types.size() == 1) filter.type = options.types[0];
  const absl::flat_hash_set<pb::EdgeType> types(options.types.begin(), options.types.end());

  std::vector<std::pair<uint64_t, uint64_t>> id_edges;
  uint64_t sequence = 0;
  absl::Status status = store.ScanAllEdges(
      filter,
      [&](const EdgeRef& edge) {
        if (types.empty() || types.contains(edge.type)) id_edges.emplace_back(edge.src, edge.dst);
        return true;
      },
      &sequence);
  if (!status.ok()) return status;

  for (const auto& [src, dst] : id_edges) {
    ids.push_back(src);
    ids.push_back(dst);
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());

  std::vector<WeightedEdge> edges;
  edges.reserve(id_edges.size());
  for (const auto& [src, dst] : id_edges) edges.push_back(WeightedEdge{src, dst, 1.0});
  id_edges.clear();
  id_edges.shrink_to_fit();

  absl::StatusOr<GraphSnapshot> snapshot = FromEdges(std::move(ids), edges);
  if (snapshot.ok()) snapshot->sequence_ = sequence;
  return snapshot;
}

}  // namespace newsgraph
