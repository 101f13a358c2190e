// The level-synchronous loops that the snapshot and mapped engines of
// Traverser share (traversal_snapshot.cc, traversal_mapped.cc). Both walk
// a CSR over dense vertex indices; they differ only in where a vertex's
// neighbours come from, so that is the parameter here:
//
//   neighbours(u, direction, visit) calls visit(w) for each neighbour w of
//   vertex u in that direction.
//
// Being templates, the loops compile to the same code as when each engine
// spelled them out. The store engine (traversal.cc) expands a whole
// sorted level per call through engine::AdjacencyReader, a batch shape
// these per-vertex loops do not have.
#ifndef NEWSGRAPH_QUERIES_GRAPH_INTERNAL_CSR_LOOPS_H_
#define NEWSGRAPH_QUERIES_GRAPH_INTERNAL_CSR_LOOPS_H_

#include <cstdint>
#include <vector>

#include "newsgraph/traversal.h"
#include "queries/graph/traversal.h"

namespace newsgraph::traversal::internal {

// Frontiers, kept by an engine so that their memory is reused query after
// query.
template <typename Vertex>
struct Frontiers {
  std::vector<Vertex> level;
  std::vector<Vertex> next;
  std::vector<Vertex> ahead;
  std::vector<Vertex> behind;
};

// The k-hop levels around vertex `seed` (options.max_depth >= 1,
// options.max_results >= 1), appended to `result` level by level through
// `append_ids(level, sort, &result->nodes)`, which turns indices into ids.
template <typename Vertex, typename Neighbours, typename AppendIds>
void KHopLevels(Vertex seed, const KHopOptions& options, const Neighbours& neighbours,
                const AppendIds& append_ids, Marks& marks, Frontiers<Vertex>& f,
                KHopResult* result) {
  marks.Clear();
  marks.Insert(seed);
  f.level.assign(1, seed);
  for (int depth = 1; depth <= options.max_depth && !f.level.empty(); ++depth) {
    f.next.clear();
    const size_t found = result->nodes.size();  // before this level
    bool stopped = false;
    for (size_t i = 0; i < f.level.size() && !stopped; ++i) {
      neighbours(f.level[i], options.direction, [&](Vertex w) {
        if (stopped || !marks.Insert(w)) return;
        f.next.push_back(w);
        stopped = found + f.next.size() >= options.max_results;
      });
    }
    append_ids(f.next, options.sort_levels, &result->nodes);
    if (stopped) {
      result->truncated = true;
      return;
    }
    f.level.swap(f.next);
  }
}

// The length of a shortest directed path from vertex `from` to vertex `to`
// (distinct) of at most `max_depth` edges, or -1: a bidirectional BFS that
// expands the smaller side each round.
template <typename Vertex, typename Neighbours>
int ShortestPathLength(Vertex from, Vertex to, int max_depth, const Neighbours& neighbours,
                       Marks& forward_marks, Marks& backward_marks, Frontiers<Vertex>& f) {
  forward_marks.Clear();
  backward_marks.Clear();
  forward_marks.Insert(from);
  backward_marks.Insert(to);
  f.ahead.assign(1, from);
  f.behind.assign(1, to);
  // As the store engine: no vertex is marked by both sides, so the first
  // vertex one side's new level shares with the other closes a shortest
  // path of exactly `depth` edges.
  for (int depth = 1; depth <= max_depth && !f.ahead.empty() && !f.behind.empty(); ++depth) {
    const bool forward = f.ahead.size() <= f.behind.size();
    Marks& mine = forward ? forward_marks : backward_marks;
    const Marks& theirs = forward ? backward_marks : forward_marks;
    std::vector<Vertex>& frontier = forward ? f.ahead : f.behind;
    const Direction direction = forward ? Direction::kOut : Direction::kIn;
    f.next.clear();
    bool met = false;
    for (size_t i = 0; i < frontier.size() && !met; ++i) {
      neighbours(frontier[i], direction, [&](Vertex w) {
        if (met) return;
        if (theirs.Contains(w)) {
          met = true;
        } else if (mine.Insert(w)) {
          f.next.push_back(w);
        }
      });
    }
    if (met) return depth;
    frontier.swap(f.next);
  }
  return -1;
}

// A BFS from vertex `source` over at most `max_depth` levels. `insert(w)`
// marks w and says whether it was new (the engine picks the marks' form);
// `order(&level)` may reorder a finished level before it is expanded.
template <typename Vertex, typename Neighbours, typename Insert, typename Order>
BfsResult BfsLevels(Vertex source, Direction direction, int max_depth, const Neighbours& neighbours,
                    const Insert& insert, const Order& order, Frontiers<Vertex>& f) {
  BfsResult result;
  result.reached = 1;
  insert(source);
  f.level.assign(1, source);
  for (int depth = 1; depth <= max_depth; ++depth) {
    f.next.clear();
    for (const Vertex u : f.level) {
      neighbours(u, direction, [&](Vertex w) {
        if (insert(w)) f.next.push_back(w);
      });
    }
    if (f.next.empty()) break;
    result.reached += f.next.size();
    result.depth = depth;
    order(&f.next);
    f.level.swap(f.next);
  }
  return result;
}

}  // namespace newsgraph::traversal::internal

#endif  // NEWSGRAPH_QUERIES_GRAPH_INTERNAL_CSR_LOOPS_H_
