// PageRank with Graphalytics semantics. Hand-written: Boost's page_rank
// leaves dangling vertices' rank out, where Graphalytics spreads it evenly.
#include <cstdint>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "boost/range/iterator_range.hpp"
#include "newsgraph/algorithms.h"

namespace newsgraph {

absl::StatusOr<std::vector<double>> PageRank(const GraphSnapshot& snapshot,
                                             const PageRankOptions& options) {
  if (!(options.damping >= 0 && options.damping <= 1)) {
    return absl::InvalidArgumentError(
        absl::StrCat("PageRank damping must lie in [0, 1], not ", options.damping));
  }
  if (options.iterations < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("PageRank iterations must be >= 0, not ", options.iterations));
  }
  const CsrGraph& g = snapshot.graph();
  const size_t n = snapshot.num_vertices();
  if (n == 0) return std::vector<double>();
  const double d = options.damping;
  std::vector<double> rank(n, 1.0 / static_cast<double>(n));
  std::vector<double> next(n);
  // What a vertex sends along each out-edge: rank / out-degree.
  std::vector<double> share(n);
  for (int iteration = 0; iteration < options.iterations; ++iteration) {
    double dangling = 0;
    for (CsrVertex v = 0; v < n; ++v) {
      const auto degree = boost::out_degree(v, g);
      if (degree == 0) {
        dangling += rank[v];
        share[v] = 0;
      } else {
        share[v] = rank[v] / static_cast<double>(degree);
      }
    }
    const double base = (1 - d) / static_cast<double>(n) + d * dangling / static_cast<double>(n);
    // Pull over in-edges: each vertex sums its own inputs, no scatter.
    for (CsrVertex v = 0; v < n; ++v) {
      double incoming = 0;
      for (const auto e : boost::make_iterator_range(boost::in_edges(v, g))) {
        incoming += share[boost::source(e, g)];
      }
      next[v] = base + d * incoming;
    }
    rank.swap(next);
  }
  return rank;
}

}  // namespace newsgraph
