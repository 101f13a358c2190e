// MappedGraph (mapped_graph.h): opening the file that fits the store's
// state, and the overlay of the edges committed after it.
#include "engine/mapped_graph.h"

#include <utility>

#include "engine/adjacency_log.h"

namespace newsgraph::engine {

void MappedGraph::Overlay::Build(const std::vector<std::pair<uint32_t, uint32_t>>& edges,
                                 uint32_t vertices, bool by_second) {
  marked.assign(vertices / 64 + 1, 0);
  start.assign(size_t{vertices} + 1, 0);
  for (const auto& [a, b] : edges) ++start[(by_second ? b : a) + 1];
  for (uint32_t v = 0; v < vertices; ++v) {
    if (start[v + 1] != 0) marked[v / 64] |= uint64_t{1} << (v % 64);
    start[v + 1] += start[v];
  }
  column.resize(edges.size());
  std::vector<uint32_t> fill(start.begin(), start.end() - 1);
  for (const auto& [a, b] : edges) column[fill[by_second ? b : a]++] = by_second ? a : b;
}

MappedGraph::MappedGraph(const RocksStore& store, std::unique_ptr<AdjacencyFile> file)
    : store_(store),
      file_(std::move(file)),
      file_vertices_(static_cast<uint32_t>(file_->num_vertices())),
      log_bound_(file_->tag().log_bound) {}

absl::StatusOr<std::unique_ptr<MappedGraph>> MappedGraph::Open(const Store& store) {
  const auto* rocks = dynamic_cast<const RocksStore*>(&store);
  if (rocks == nullptr) return std::unique_ptr<MappedGraph>();
  const RocksStore::ReadView view(*rocks);
  // A file may only hold commits this view has: one folded after the view
  // was taken would show edges the view does not.
  absl::StatusOr<uint64_t> bound = LogBound(*rocks, view.snapshot());
  if (!bound.ok()) return bound.status();
  absl::StatusOr<std::unique_ptr<AdjacencyFile>> file =
      AdjacencyFile::OpenNewest(rocks->dir(), *bound);
  if (!file.ok()) return file.status();
  if (*file == nullptr) return std::unique_ptr<MappedGraph>();
  std::unique_ptr<MappedGraph> graph(new MappedGraph(*rocks, std::move(*file)));
  absl::StatusOr<bool> complete = graph->ReadDelta(view);
  if (!complete.ok()) return complete.status();
  if (!*complete) return std::unique_ptr<MappedGraph>();
  return graph;
}

absl::StatusOr<bool> MappedGraph::Refresh() {
  if (store_.LatestSequence() == sequence_) return true;
  const RocksStore::ReadView view(store_);
  return ReadDelta(view);
}

uint32_t MappedGraph::VertexOrAdd(uint64_t id) {
  const uint32_t v = VertexOrNone(id);
  if (v != kNoVertex) return v;
  const uint32_t added = num_vertices();
  extra_index_.emplace(id, added);
  extra_ids_.push_back(id);
  return added;
}

absl::StatusOr<bool> MappedGraph::ReadDelta(const RocksStore::ReadView& view) {
  const size_t before = delta_.size();
  absl::Status s = ReadLog(
      store_, view.snapshot(), log_bound_,
      [this](uint64_t src, uint64_t dst) {
        const uint32_t from = VertexOrAdd(src);
        delta_.emplace_back(from, VertexOrAdd(dst));
      },
      &log_bound_);
  if (!s.ok()) return s;
  if (delta_.size() != before) {
    // Rebuilt whole: O(delta + vertices), once per refresh that found new
    // rows, against a whole-graph scan for the snapshot engine.
    overlay_[0].Build(delta_, num_vertices(), /*by_second=*/false);
    overlay_[1].Build(delta_, num_vertices(), /*by_second=*/true);
    overlay_edges_ = delta_.size();
  }
  absl::StatusOr<uint64_t> total = EdgeTotal(store_, view.snapshot());
  if (!total.ok()) return total.status();
  sequence_ = view.sequence();
  // Edges are never deleted, and every one is bulk-loaded (in the file) or
  // committed (logged): a difference means a file of another state, or
  // edges written by some other path, and the graph must not be trusted.
  return num_edges() == *total;
}

}  // namespace newsgraph::engine
