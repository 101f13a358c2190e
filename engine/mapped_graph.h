// MappedGraph: the graph as a reader traverses it without building
// anything: the store's memory-mapped adjacency file (adjacency_file.h)
// plus an in-memory overlay of the edges committed after it, read from the
// edge log (adjacency_log.h) at one consistent RocksDB view.
//
// Vertices are the file's dense indices [0, file vertices), then the ids
// that only the overlay knows (nodes made after the file), numbered in the
// order they appear. Refresh() brings the overlay to the store's latest
// state by reading only the log rows it has not seen.
//
// Thread safety: none; one per thread (the file itself is shared through
// the page cache). Must not outlive its store.
#ifndef NEWSGRAPH_ENGINE_MAPPED_GRAPH_H_
#define NEWSGRAPH_ENGINE_MAPPED_GRAPH_H_

#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "engine/adjacency_file.h"
#include "engine/rocks_store.h"
#include "newsgraph/store.h"

namespace newsgraph::engine {

class MappedGraph {
 public:
  static constexpr uint32_t kNoVertex = AdjacencyFile::kNoVertex;

  // The graph of `store` as of now, or nullptr when it has no usable
  // adjacency file: none, none old enough for the store's state (written
  // after this view), or one that with the log does not account for every
  // edge the store counts (then the caller falls back to another engine).
  static absl::StatusOr<std::unique_ptr<MappedGraph>> Open(const Store& store);

  // Reads the log rows committed since the last refresh, when the store's
  // sequence has moved. Returns false when file and log no longer account
  // for every counted edge (the graph must then not be used).
  absl::StatusOr<bool> Refresh();

  const AdjacencyFile& file() const { return *file_; }
  uint64_t sequence() const { return sequence_; }  // the state reflected
  uint64_t overlay_edges() const { return overlay_edges_; }
  uint64_t num_edges() const { return file_->num_edges() + overlay_edges_; }
  uint32_t num_vertices() const { return file_vertices_ + static_cast<uint32_t>(extra_ids_.size()); }
  // Whether some vertices are the overlay's: their indices do not follow id order.
  bool has_extra_vertices() const { return !extra_ids_.empty(); }

  uint32_t VertexOrNone(uint64_t id) const {
    const uint32_t v = file_->VertexOrNone(id);
    if (v != kNoVertex || extra_index_.empty()) return v;
    const auto it = extra_index_.find(id);
    return it == extra_index_.end() ? kNoVertex : it->second;
  }
  uint64_t id(uint32_t v) const {
    return v < file_vertices_ ? file_->id(v) : extra_ids_[v - file_vertices_];
  }

  // Calls f(w) for every edge v -> w (kOut) or w -> v (kIn): the file's
  // row first (sorted), then the overlay's (in commit order).
  template <typename F>
  void ForEachNeighbour(uint32_t v, Direction d, F&& f) const {
    if (v < file_vertices_) {
      const uint64_t* start = file_->start(d);
      const uint32_t* column = file_->column(d);
      for (uint64_t e = start[v], end = start[v + 1]; e < end; ++e) f(column[e]);
    }
    if (overlay_edges_ == 0) return;
    const Overlay& o = overlay_[d == Direction::kOut ? 0 : 1];
    if ((o.marked[v / 64] >> (v % 64) & 1) == 0) return;
    for (uint32_t e = o.start[v], end = o.start[v + 1]; e < end; ++e) f(o.column[e]);
  }

 private:
  // One direction's delta rows as a small CSR over every vertex (built by
  // a counting sort of the delta: no allocation per row, so opening and
  // closing cost about a pass over the delta and the vertices). `marked`
  // is a bitmap of the vertices with a row, small enough to stay in cache:
  // the usual vertex costs a bit test, not a miss on `start`.
  struct Overlay {
    std::vector<uint64_t> marked;
    std::vector<uint32_t> start;   // num_vertices() + 1
    std::vector<uint32_t> column;  // the delta's ends, row after row
    // Rows of `edges` by their first (out) or second (in) end.
    void Build(const std::vector<std::pair<uint32_t, uint32_t>>& edges, uint32_t vertices,
               bool by_second);
  };

  MappedGraph(const RocksStore& store, std::unique_ptr<AdjacencyFile> file);
  // The index of `id`, made an overlay vertex when new.
  uint32_t VertexOrAdd(uint64_t id);
  // Adds the log rows from log_bound_ on, as of `view`; false when the
  // edges then do not add up to the store's total.
  absl::StatusOr<bool> ReadDelta(const RocksStore::ReadView& view);

  const RocksStore& store_;
  std::unique_ptr<AdjacencyFile> file_;
  uint32_t file_vertices_ = 0;
  uint64_t log_bound_ = 0;  // log rows below it are in file or overlay
  uint64_t sequence_ = 0;
  uint64_t overlay_edges_ = 0;
  std::vector<std::pair<uint32_t, uint32_t>> delta_;  // every overlay edge, as indices
  Overlay overlay_[2];  // kOut, kIn
  absl::flat_hash_map<uint64_t, uint32_t> extra_index_;
  std::vector<uint64_t> extra_ids_;
};

}  // namespace newsgraph::engine

#endif  // NEWSGRAPH_ENGINE_MAPPED_GRAPH_H_
