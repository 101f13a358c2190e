// BreadthFirstDepths and ShortestPathLengths: Boost.Graph's own searches
// over the snapshot's CSR.
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "boost/graph/breadth_first_search.hpp"
#include "boost/graph/dijkstra_shortest_paths.hpp"
#include "boost/property_map/property_map.hpp"
#include "boost/range/iterator_range.hpp"
#include "newsgraph/algorithms.h"

namespace newsgraph {
namespace {

absl::StatusOr<CsrVertex> SourceVertex(const GraphSnapshot& snapshot, uint64_t source) {
  const std::optional<CsrVertex> vertex = snapshot.vertex(source);
  if (!vertex) return absl::NotFoundError(absl::StrCat("vertex ", source, " is not in the graph"));
  return *vertex;
}

}  // namespace

absl::StatusOr<std::vector<int64_t>> BreadthFirstDepths(const GraphSnapshot& snapshot,
                                                        uint64_t source) {
  absl::StatusOr<CsrVertex> start = SourceVertex(snapshot, source);
  if (!start.ok()) return start.status();
  const CsrGraph& g = snapshot.graph();
  std::vector<int64_t> depth(snapshot.num_vertices(), kUnreachableDepth);
  depth[*start] = 0;
  // Tree edges are the first discovery of each vertex, so parent depth + 1
  // is the hop count; vertices never discovered keep kUnreachableDepth.
  auto depth_map = boost::make_iterator_property_map(depth.begin(), get(boost::vertex_index, g));
  boost::breadth_first_search(
      g, *start,
      boost::visitor(boost::make_bfs_visitor(
          boost::record_distances(depth_map, boost::on_tree_edge()))));
  return depth;
}

absl::StatusOr<std::vector<double>> ShortestPathLengths(const GraphSnapshot& snapshot,
                                                        uint64_t source) {
  absl::StatusOr<CsrVertex> start = SourceVertex(snapshot, source);
  if (!start.ok()) return start.status();
  const CsrGraph& g = snapshot.graph();
  // Boost's Dijkstra throws on a negative weight; the API does not throw,
  // so the weights are checked first.
  for (const auto e : boost::make_iterator_range(boost::edges(g))) {
    if (!(g[e].weight >= 0)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "edge ", snapshot.id(boost::source(e, g)), " -> ", snapshot.id(boost::target(e, g)),
          " has a negative weight; Dijkstra needs weights >= 0"));
    }
  }
  constexpr double kInfinity = std::numeric_limits<double>::infinity();
  std::vector<double> distance(snapshot.num_vertices(), kInfinity);
  boost::dijkstra_shortest_paths(
      g, *start,
      boost::weight_map(boost::get(&SnapshotEdge::weight, g))
          .distance_map(
              boost::make_iterator_property_map(distance.begin(), get(boost::vertex_index, g)))
          .distance_inf(kInfinity));
  return distance;
}

}  // namespace newsgraph
