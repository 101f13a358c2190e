// LocalClustering: Graphalytics' LCC, hand-written because Boost's
// clustering_coefficient counts neither both directions nor distinct
// neighbours of a multigraph the way Graphalytics does.
#include <cstdint>
#include <vector>

#include "boost/range/iterator_range.hpp"
#include "newsgraph/algorithms.h"

namespace newsgraph {

std::vector<double> LocalClustering(const GraphSnapshot& snapshot) {
  const CsrGraph& g = snapshot.graph();
  const size_t n = snapshot.num_vertices();
  std::vector<double> coefficient(n, 0.0);
  // Marks instead of sets: neighbour_of[w] == v + 1 means w is in N(v);
  // counted_for[w] == token means the pair (u, w) was already counted for
  // the current u (parallel edges count once). Neither is ever cleared.
  std::vector<uint64_t> neighbour_of(n, 0);
  std::vector<uint64_t> counted_for(n, 0);
  uint64_t token = 0;
  std::vector<CsrVertex> neighbours;
  for (CsrVertex v = 0; v < n; ++v) {
    neighbours.clear();
    auto add = [&](CsrVertex u) {
      if (u != v && neighbour_of[u] != v + 1) {
        neighbour_of[u] = v + 1;
        neighbours.push_back(u);
      }
    };
    for (const auto e : boost::make_iterator_range(boost::out_edges(v, g))) {
      add(boost::target(e, g));
    }
    for (const auto e : boost::make_iterator_range(boost::in_edges(v, g))) {
      add(boost::source(e, g));
    }
    const size_t k = neighbours.size();
    if (k < 2) continue;
    uint64_t links = 0;
    for (const CsrVertex u : neighbours) {
      ++token;
      for (const auto e : boost::make_iterator_range(boost::out_edges(u, g))) {
        const CsrVertex w = boost::target(e, g);
        if (w != u && neighbour_of[w] == v + 1 && counted_for[w] != token) {
          counted_for[w] = token;
          ++links;
        }
      }
    }
    coefficient[v] = static_cast<double>(links) / (static_cast<double>(k) * (k - 1));
  }
  return coefficient;
}

}  // namespace newsgraph
