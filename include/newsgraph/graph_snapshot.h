// newsgraph::GraphSnapshot — an immutable in-memory copy of (part of) the
// graph as a bidirectional Boost.Graph compressed_sparse_row_graph, for the
// whole-graph algorithms of algorithms.h.
//
// Vertices are dense indices 0..n-1; ids() maps each back to the id it had
// in the source (a store node id, or a vertex id of an edge-list file).
// Parallel edges are kept: the store records one edge per report and date.
// An undirected graph is represented as a symmetric directed one (both
// directions of every edge); every algorithm of algorithms.h then gives the
// undirected result.
//
// Thread safety: a snapshot is immutable once built; any number of threads
// may read it at once.
#ifndef NEWSGRAPH_GRAPH_SNAPSHOT_H_
#define NEWSGRAPH_GRAPH_SNAPSHOT_H_

#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "boost/graph/compressed_sparse_row_graph.hpp"
#include "newsgraph/store.h"
#include "schema/records.pb.h"

namespace newsgraph {

// The bundled property of every snapshot edge.
struct SnapshotEdge {
  double weight = 1.0;  // edges read from a store weigh 1 (one hop)
};

using CsrGraph = boost::compressed_sparse_row_graph<boost::bidirectionalS, boost::no_property,
                                                    SnapshotEdge, boost::no_property,
                                                    uint32_t, uint64_t>;
using CsrVertex = boost::graph_traits<CsrGraph>::vertex_descriptor;

// Which store edges a snapshot holds. The window is on the edge's start
// day, as in EdgeFilter, so "the graph as of a time window" is a snapshot.
struct SnapshotOptions {
  std::vector<pb::EdgeType> types;  // empty = every type
  int32_t from_day = std::numeric_limits<int32_t>::min();  // start day, inclusive
  int32_t to_day = std::numeric_limits<int32_t>::max();    // start day, inclusive
  // Also make a vertex of every stored node without a passing edge (one
  // extra scan of `node`); otherwise vertices are the ends of the edges.
  bool include_isolated_nodes = false;
  // Make a vertex of every id from the smallest vertex id to the largest
  // (ids without edges become isolated vertices, stored nodes or not) when
  // that range is at most twice the vertices: ids and indices then map by
  // arithmetic, which spares traversals a memory access per id.
  bool fill_id_range = false;
};

// One edge of an external graph, between vertex ids.
struct WeightedEdge {
  uint64_t src = 0;
  uint64_t dst = 0;
  double weight = 1.0;
};

class GraphSnapshot {
 public:
  // Reads the `out` edges of `store` that pass `options` in one ordered
  // scan of one RocksDB snapshot (engine/csr_snapshot_store.cc): keys only
  // (no Edge record is parsed), read ahead in large blocks and kept out of
  // the block cache, and the CSR arrays are filled straight from the scan,
  // which delivers edges grouped by source. sequence() is that snapshot's
  // sequence number: the snapshot reflects exactly the commits up to it.
  // Vertex indices follow node id order; each vertex's out-edges are in
  // target order, its in-edges in source order.
  // Errors: InvalidArgument for from_day > to_day; the store's read errors.
  static absl::StatusOr<GraphSnapshot> FromStore(const Store& store,
                                                 const SnapshotOptions& options);

  // A graph given as lists: every vertex id once (index i = vertex_ids[i]),
  // and edges between those ids. sequence() is 0.
  // Errors: InvalidArgument for a repeated vertex id, an edge whose end is
  // not a listed vertex, a NaN weight, or more than 2^32-1 vertices.
  static absl::StatusOr<GraphSnapshot> FromEdges(std::vector<uint64_t> vertex_ids,
                                                 const std::vector<WeightedEdge>& edges);

  GraphSnapshot(GraphSnapshot&&) = default;
  GraphSnapshot& operator=(GraphSnapshot&&) = default;

  const CsrGraph& graph() const { return graph_; }
  size_t num_vertices() const { return ids_.size(); }
  size_t num_edges() const { return boost::num_edges(graph_); }
  // Source id of each vertex index.
  const std::vector<uint64_t>& ids() const { return ids_; }
  uint64_t id(CsrVertex v) const { return contiguous_ ? first_id_ + v : ids_[v]; }
  // The vertex index of a source id; nullopt when it is not in the graph.
  std::optional<CsrVertex> vertex(uint64_t id) const {
    const CsrVertex v = VertexOrNone(id);
    if (v == kNoVertex) return std::nullopt;
    return v;
  }
  // The same without optional, for traversal loops: kNoVertex when absent.
  // Consecutive ids (index = id - first id) take arithmetic both ways; ids
  // that are dense enough (the usual case: a store hands out 1, 2, ...) are
  // looked up in an array, others in a hash map.
  static constexpr CsrVertex kNoVertex = std::numeric_limits<CsrVertex>::max();
  CsrVertex VertexOrNone(uint64_t id) const {
    if (contiguous_) {
      return id - first_id_ < ids_.size() ? static_cast<CsrVertex>(id - first_id_) : kNoVertex;
    }
    if (!dense_index_.empty() || sparse_index_.empty()) {
      return id < dense_index_.size() ? dense_index_[id] : kNoVertex;
    }
    const auto it = sparse_index_.find(id);
    return it == sparse_index_.end() ? kNoVertex : it->second;
  }
  // The RocksDB sequence number the snapshot reflects (0: not from a store).
  uint64_t sequence() const { return sequence_; }

 private:
  friend class SnapshotBuilder;  // engine/csr_snapshot_store.cc fills the CSR arrays

  GraphSnapshot() = default;
  // Fills the id -> index lookup from ids_. Errors: InvalidArgument for a
  // repeated id.
  absl::Status IndexIds();

  CsrGraph graph_;
  std::vector<uint64_t> ids_;
  // One of the two is used: dense_index_[id] (kNoVertex when absent) when
  // it would take at most a few words per vertex, else sparse_index_.
  std::vector<CsrVertex> dense_index_;
  absl::flat_hash_map<uint64_t, CsrVertex> sparse_index_;
  bool contiguous_ = false;  // ids_[i] == first_id_ + i: neither index is used
  uint64_t first_id_ = 0;
  uint64_t sequence_ = 0;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_GRAPH_SNAPSHOT_H_
