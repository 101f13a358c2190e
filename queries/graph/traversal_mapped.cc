// The mapped engine of Traverser: the loops of the snapshot engine
// (internal/csr_loops.h) over engine::MappedGraph, the store's
// memory-mapped adjacency file plus the overlay of later commits. Nothing
// is built at creation: the file is used in place, so a fresh process
// answers its first query in about the time it takes to open the store.
#include <algorithm>
#include <memory>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "engine/mapped_graph.h"
#include "newsgraph/traversal.h"
#include "queries/graph/internal/csr_loops.h"
#include "queries/graph/traversal.h"

namespace newsgraph::traversal {
namespace {

using engine::MappedGraph;
constexpr uint32_t kNone = MappedGraph::kNoVertex;

class MappedTraverser final : public Traverser {
 public:
  MappedTraverser(const Store& store, std::unique_ptr<MappedGraph> graph)
      : store_(store), graph_(std::move(graph)) {
    stats_.engine = TraversalEngine::kMapped;
    Sized();
  }

  TraverserStats stats() const override { return stats_; }
  absl::StatusOr<std::vector<uint64_t>> Neighbours(uint64_t node, Direction direction) override;
  absl::StatusOr<KHopResult> KHop(uint64_t seed, const KHopOptions& options) override;
  absl::StatusOr<int> ShortestPathLength(uint64_t source, uint64_t target, int max_depth) override;
  absl::StatusOr<BfsResult> Bfs(uint64_t source, Direction direction, int max_depth) override;

 private:
  // Brings the overlay up to the store's state. When file and log stop
  // accounting for every edge (which no path of this store makes happen),
  // the store engine answers from then on.
  absl::Status Refresh() {
    if (fallback_ != nullptr) return absl::OkStatus();
    absl::StatusOr<bool> complete = graph_->Refresh();
    if (!complete.ok()) return complete.status();
    if (!*complete) {
      absl::StatusOr<std::unique_ptr<Traverser>> store = NewStoreTraverser(store_);
      if (!store.ok()) return store.status();
      fallback_ = std::move(*store);
      graph_.reset();
      return absl::OkStatus();
    }
    Sized();
    return absl::OkStatus();
  }
  // Grows the visited marks to the vertices (the overlay may add some).
  void Sized() {
    forward_.Grow(graph_->num_vertices());
    backward_.Grow(graph_->num_vertices());
    stats_.snapshot_sequence = graph_->sequence();
    stats_.snapshot_edges = graph_->num_edges();
  }
  // MappedGraph::ForEachNeighbour, as the neighbour source of
  // internal/csr_loops.h.
  auto Source() const {
    return [graph = graph_.get()](uint32_t u, Direction direction, const auto& visit) {
      graph->ForEachNeighbour(u, direction, visit);
    };
  }
  // Puts a level of Bfs (its vertices also set in level_bits_) in index
  // order when it is large, and clears its bits.
  void InIndexOrder(std::vector<uint32_t>* level);
  // Appends the ids of `vertices` to `out`, sorted by id if asked.
  void AppendIds(std::vector<uint32_t>& vertices, bool sort, std::vector<uint64_t>* out) const {
    const size_t first = out->size();
    const bool by_index = sort && !graph_->has_extra_vertices();  // indices follow ids
    if (by_index) std::sort(vertices.begin(), vertices.end());
    out->reserve(out->size() + vertices.size());
    for (const uint32_t v : vertices) out->push_back(graph_->id(v));
    if (sort && !by_index) std::sort(out->begin() + first, out->end());
  }

  const Store& store_;
  std::unique_ptr<MappedGraph> graph_;
  std::unique_ptr<Traverser> fallback_;
  TraverserStats stats_;
  Marks forward_;
  Marks backward_;
  internal::Frontiers<uint32_t> frontiers_;
  std::vector<uint64_t> visited_bits_;  // Bfs's marks
  std::vector<uint64_t> level_bits_;    // Bfs's newest level, as bits
};

absl::StatusOr<std::vector<uint64_t>> MappedTraverser::Neighbours(uint64_t node,
                                                                  Direction direction) {
  if (absl::Status s = Refresh(); !s.ok()) return s;
  if (fallback_ != nullptr) return fallback_->Neighbours(node, direction);
  std::vector<uint64_t> result;
  const uint32_t v = graph_->VertexOrNone(node);
  if (v == kNone) return result;
  // The file's row is sorted, so its parallel edges are adjacent; the
  // overlay's are not, and then the whole answer is sorted again.
  uint32_t previous = kNone;
  graph_->ForEachNeighbour(v, direction, [&](uint32_t w) {
    if (w != previous) result.push_back(graph_->id(w));
    previous = w;
  });
  if (graph_->overlay_edges() > 0) {
    std::sort(result.begin(), result.end());
    result.erase(std::unique(result.begin(), result.end()), result.end());
  }
  return result;
}

absl::StatusOr<KHopResult> MappedTraverser::KHop(uint64_t seed, const KHopOptions& options) {
  if (absl::Status s = CheckKHopDepth(options.max_depth); !s.ok()) return s;
  if (absl::Status s = Refresh(); !s.ok()) return s;
  if (fallback_ != nullptr) return fallback_->KHop(seed, options);
  KHopResult result;
  if (options.max_results == 0) {
    result.truncated = true;
    return result;
  }
  const uint32_t v = graph_->VertexOrNone(seed);
  if (v == kNone) return result;
  internal::KHopLevels(
      v, options, Source(),
      [this](std::vector<uint32_t>& level, bool sort, std::vector<uint64_t>* out) {
        AppendIds(level, sort, out);
      },
      forward_, frontiers_, &result);
  return result;
}

absl::StatusOr<int> MappedTraverser::ShortestPathLength(uint64_t source, uint64_t target,
                                                        int max_depth) {
  if (source == target) return 0;
  if (absl::Status s = Refresh(); !s.ok()) return s;
  if (fallback_ != nullptr) return fallback_->ShortestPathLength(source, target, max_depth);
  const uint32_t from = graph_->VertexOrNone(source);
  const uint32_t to = graph_->VertexOrNone(target);
  if (from == kNone || to == kNone) return -1;  // an end without edges
  return internal::ShortestPathLength(from, to, max_depth, Source(), forward_, backward_,
                                      frontiers_);
}

absl::StatusOr<BfsResult> MappedTraverser::Bfs(uint64_t source, Direction direction,
                                               int max_depth) {
  if (absl::Status s = Refresh(); !s.ok()) return s;
  if (fallback_ != nullptr) return fallback_->Bfs(source, direction, max_depth);
  BfsResult result;
  result.reached = 1;
  const uint32_t v = graph_->VertexOrNone(source);
  if (v == kNone) return result;
  // A BFS may visit every vertex, and tests a mark per edge: a bitmap (128 KB
  // per million vertices, held in the L2 cache) instead of the 4-byte
  // stamps. Clearing it costs a pass over it, small beside such a query.
  const size_t words = graph_->num_vertices() / 64 + 1;
  visited_bits_.assign(words, 0);
  level_bits_.assign(words, 0);
  auto insert = [this](uint32_t w) {
    uint64_t& word = visited_bits_[w / 64];
    const uint64_t bit = uint64_t{1} << (w % 64);
    if ((word & bit) != 0) return false;
    word |= bit;
    level_bits_[w / 64] |= bit;
    return true;
  };
  return internal::BfsLevels(
      v, direction, max_depth, Source(), insert,
      [this](std::vector<uint32_t>* level) { InIndexOrder(level); }, frontiers_);
}

void MappedTraverser::InIndexOrder(std::vector<uint32_t>* level) {
  // A large level, taken in discovery order, reads the file's rows at
  // random: a cache miss or two per vertex, most of a whole-graph BFS's
  // time. In index order the reads only move forward. The level's bits
  // give that order for a pass over the bitmap, worth it when the level
  // holds a vertex per 16 words or more (a long thin BFS keeps its order).
  if (level->size() * 16 < level_bits_.size()) {
    for (const uint32_t w : *level) level_bits_[w / 64] = 0;
    return;
  }
  level->clear();
  for (size_t i = 0; i < level_bits_.size(); ++i) {
    for (uint64_t word = level_bits_[i]; word != 0; word &= word - 1) {
      level->push_back(static_cast<uint32_t>(i * 64 + __builtin_ctzll(word)));
    }
    level_bits_[i] = 0;
  }
}

}  // namespace

absl::StatusOr<std::unique_ptr<Traverser>> NewMappedTraverser(const Store& store) {
  absl::StatusOr<std::unique_ptr<MappedGraph>> graph = MappedGraph::Open(store);
  if (!graph.ok()) return graph.status();
  if (*graph == nullptr) return std::unique_ptr<Traverser>();
  return std::unique_ptr<Traverser>(new MappedTraverser(store, std::move(*graph)));
}

}  // namespace newsgraph::traversal
