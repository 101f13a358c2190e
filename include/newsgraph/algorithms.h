// Whole-graph algorithms over a GraphSnapshot, with the semantics of the
// LDBC Graphalytics benchmark (checked against its validation graphs in
// tests/queries/graph/graphalytics_test.cc): BFS, PageRank, weakly connected
// components, community detection by label propagation, local clustering
// coefficient, single-source shortest paths.
//
// Every result is a vector indexed by the snapshot's vertex index
// (snapshot.id(v) is the vertex's id). The graph is read as directed; an
// undirected graph is passed as a symmetric one (see graph_snapshot.h), for
// which every function returns the undirected result. To run an algorithm
// over a time window, build the snapshot with that window
// (SnapshotOptions::from_day/to_day).
//
// Thread safety: the functions only read the snapshot; several may run on
// one snapshot at once.
#ifndef NEWSGRAPH_ALGORITHMS_H_
#define NEWSGRAPH_ALGORITHMS_H_

#include <cstdint>
#include <limits>
#include <vector>

#include "absl/status/statusor.h"
#include "newsgraph/graph_snapshot.h"

namespace newsgraph {

// The depth of a vertex that the source does not reach (Graphalytics
// prints it as 9223372036854775807).
inline constexpr int64_t kUnreachableDepth = std::numeric_limits<int64_t>::max();

// Hops from the vertex with id `source` along out-edges (Boost
// breadth_first_search): 0 for the source, kUnreachableDepth when not
// reached. Errors: NotFound when `source` is not a vertex.
absl::StatusOr<std::vector<int64_t>> BreadthFirstDepths(const GraphSnapshot& snapshot,
                                                        uint64_t source);

// Least total weight of a path from the vertex with id `source` along
// out-edges (Boost dijkstra_shortest_paths): 0 for the source, +infinity
// when not reached. Errors: NotFound when `source` is not a vertex;
// InvalidArgument when an edge has a negative weight.
absl::StatusOr<std::vector<double>> ShortestPathLengths(const GraphSnapshot& snapshot,
                                                        uint64_t source);

struct PageRankOptions {
  double damping = 0.85;  // in [0, 1]
  int iterations = 20;    // >= 0; Graphalytics runs a fixed number
};

// PageRank as Graphalytics defines it: every rank starts at 1/n; each
// iteration gives every vertex (1-d)/n, plus d times the rank its
// in-neighbours send along each out-edge (rank / out-degree, parallel edges
// counted), plus d/n times the total rank of vertices without out-edges
// (their rank is spread evenly, so ranks keep summing to 1).
// Errors: InvalidArgument for damping outside [0, 1] or iterations < 0.
absl::StatusOr<std::vector<double>> PageRank(const GraphSnapshot& snapshot,
                                             const PageRankOptions& options);

// Weakly connected components (edge direction ignored; Boost disjoint
// sets): each vertex is labelled with the smallest id in its component.
std::vector<uint64_t> WeakComponents(const GraphSnapshot& snapshot);

// Community detection by synchronous label propagation (Graphalytics
// CDLP): labels start as the vertex ids; each of `iterations` rounds gives
// every vertex the most frequent label among its neighbours — in- and
// out-neighbours both count, once per edge — the smallest label on a tie;
// a vertex without neighbours keeps its label.
// Errors: InvalidArgument for iterations < 0.
absl::StatusOr<std::vector<uint64_t>> LabelPropagation(const GraphSnapshot& snapshot,
                                                       int iterations);

// Local clustering coefficient (Graphalytics LCC): with N(v) the distinct
// vertices other than v joined to v in either direction, the number of
// distinct ordered pairs (u, w) of N(v), u != w, with an edge u -> w,
// divided by |N(v)| (|N(v)| - 1); 0 when |N(v)| < 2.
std::vector<double> LocalClustering(const GraphSnapshot& snapshot);

}  // namespace newsgraph

#endif  // NEWSGRAPH_ALGORITHMS_H_
