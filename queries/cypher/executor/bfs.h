// Breadth-first searches the matcher uses instead of enumerating walks:
// the end nodes of a variable-length relationship when only distinct ends
// matter (PruningVarLengthExpand), and shortestPath/allShortestPaths.
#ifndef NEWSGRAPH_QUERIES_CYPHER_EXECUTOR_BFS_H_
#define NEWSGRAPH_QUERIES_CYPHER_EXECUTOR_BFS_H_

#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "queries/cypher/executor/guard.h"

namespace newsgraph::cypher {

// (relationship, node at its other end) pairs that one pattern step may take
// from a node, already filtered by type, properties and direction.
using Step = std::pair<int64_t, int64_t>;
using StepFn = std::function<absl::Status(int64_t node, std::vector<Step>* steps)>;

// Appends to *ends, in BFS order and each once, the nodes reachable from
// `start` by a walk of min_hops..max_hops steps that repeats no
// relationship. Requires min_hops <= 1: then a shortest walk (a simple path)
// witnesses every end other than `start`, and `start` itself is an end when
// min_hops == 0 or a cycle through it of at most max_hops distinct
// relationships exists. `node_count` (-1 when unknown) is the number of
// nodes in the graph: once all are reached the search stops early, which
// makes dense graphs cheap. `guard` (may be null) is stepped per expansion.
absl::Status ReachableEnds(int64_t start, int64_t min_hops, int64_t max_hops, int64_t node_count,
                           const StepFn& steps, Guard* guard, std::vector<int64_t>* ends);

// Appends to *paths the shortest paths from `from` to `to` of at most
// `max_hops` steps (all of them, or the first found when !all), each as
// alternating node, relationship, node ids. `forward` steps away from
// `from`, `backward` steps against the pattern's direction. Bidirectional:
// the smaller frontier is expanded first. from == to yields the empty path
// only when min_hops == 0.
absl::Status ShortestPaths(int64_t from, int64_t to, int64_t min_hops, int64_t max_hops, bool all,
                           const StepFn& forward, const StepFn& backward, Guard* guard,
                           std::vector<std::vector<int64_t>>* paths);

}  // namespace newsgraph::cypher

#endif  // NEWSGRAPH_QUERIES_CYPHER_EXECUTOR_BFS_H_
