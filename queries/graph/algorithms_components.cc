// WeakComponents (Boost disjoint sets over every edge) and
// LabelPropagation (hand-written: Graphalytics' CDLP tie and direction
// rules have no Boost counterpart).
#include <algorithm>
#include <cstdint>
#include <limits>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "boost/pending/disjoint_sets.hpp"
#include "boost/range/iterator_range.hpp"
#include "newsgraph/algorithms.h"

namespace newsgraph {

std::vector<uint64_t> WeakComponents(const GraphSnapshot& snapshot) {
  const CsrGraph& g = snapshot.graph();
  const size_t n = snapshot.num_vertices();
  // A union per edge, whatever its direction, is the undirected view.
  std::vector<CsrVertex> parent(n);
  std::vector<uint32_t> rank(n, 0);
  boost::disjoint_sets<uint32_t*, CsrVertex*> sets(rank.data(), parent.data());
  for (CsrVertex v = 0; v < n; ++v) sets.make_set(v);
  for (const auto e : boost::make_iterator_range(boost::edges(g))) {
    sets.union_set(boost::source(e, g), boost::target(e, g));
  }
  // Label each component with its smallest id, so that labels do not
  // depend on union order.
  std::vector<uint64_t> smallest(n, std::numeric_limits<uint64_t>::max());
  for (CsrVertex v = 0; v < n; ++v) {
    uint64_t& label = smallest[sets.find_set(v)];
    label = std::min(label, snapshot.id(v));
  }
  std::vector<uint64_t> component(n);
  for (CsrVertex v = 0; v < n; ++v) component[v] = smallest[sets.find_set(v)];
  return component;
}

absl::StatusOr<std::vector<uint64_t>> LabelPropagation(const GraphSnapshot& snapshot,
                                                       int iterations) {
  if (iterations < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("label propagation iterations must be >= 0, not ", iterations));
  }
  const CsrGraph& g = snapshot.graph();
  const size_t n = snapshot.num_vertices();
  std::vector<uint64_t> label = snapshot.ids();
  std::vector<uint64_t> next(n);
  std::vector<uint64_t> seen;  // the neighbours' labels of one vertex
  for (int iteration = 0; iteration < iterations; ++iteration) {
    for (CsrVertex v = 0; v < n; ++v) {
      seen.clear();
      for (const auto e : boost::make_iterator_range(boost::out_edges(v, g))) {
        seen.push_back(label[boost::target(e, g)]);
      }
      for (const auto e : boost::make_iterator_range(boost::in_edges(v, g))) {
        seen.push_back(label[boost::source(e, g)]);
      }
      if (seen.empty()) {
        next[v] = label[v];
        continue;
      }
      // Sorted, runs of equal labels; the first longest run is the most
      // frequent label, and the smallest such on a tie.
      std::sort(seen.begin(), seen.end());
      uint64_t best = seen[0];
      size_t best_count = 0;
      for (size_t i = 0; i < seen.size();) {
        size_t j = i;
        while (j < seen.size() && seen[j] == seen[i]) ++j;
        if (j - i > best_count) {
          best = seen[i];
          best_count = j - i;
        }
        i = j;
      }
      next[v] = best;
    }
    label.swap(next);
  }
  return label;
}

}  // namespace newsgraph
