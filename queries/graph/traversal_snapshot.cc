// The snapshot engine of Traverser: the same level-synchronous BFS as the
// store engine, over the CSR arrays of a GraphSnapshot. Its loops
// (internal/csr_loops.h, shared with the mapped engine) are those of
// bench/csr_baseline.cc: dense vertex indices, O(1)-cleared stamp arrays,
// frontier vectors kept across queries, no sorting of frontiers (the CSR
// needs no key order); ids are translated only at the ends.
#include <algorithm>
#include <chrono>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "newsgraph/graph_snapshot.h"
#include "newsgraph/traversal.h"
#include "queries/graph/internal/csr_loops.h"
#include "queries/graph/traversal.h"

namespace newsgraph::traversal {
namespace {

constexpr CsrVertex kNone = GraphSnapshot::kNoVertex;

// One direction of the CSR: the neighbours of v are
// column[start[v]] .. column[start[v + 1] - 1], in index (= id) order
// (GraphSnapshot::FromStore sorts each row).
struct Rows {
  const uint64_t* start;
  const CsrVertex* column;
};

// Both directions, as the neighbour source of internal/csr_loops.h.
struct RowSource {
  Rows out;
  Rows in;
  template <typename Visit>
  void operator()(CsrVertex u, Direction direction, const Visit& visit) const {
    const Rows& rows = direction == Direction::kOut ? out : in;
    for (uint64_t e = rows.start[u]; e < rows.start[u + 1]; ++e) visit(rows.column[e]);
  }
};

class SnapshotTraverser final : public Traverser {
 public:
  explicit SnapshotTraverser(const Store& store) : store_(store) {
    stats_.engine = TraversalEngine::kSnapshot;
  }

  // Builds the snapshot when there is none or the store has moved past it.
  absl::Status Refresh() {
    if (snapshot_ && store_.LatestSequence() == snapshot_->sequence()) return absl::OkStatus();
    const auto start = std::chrono::steady_clock::now();
    SnapshotOptions options;
    options.fill_id_range = true;  // isolated vertices cost nothing to traversals
    absl::StatusOr<GraphSnapshot> snapshot = GraphSnapshot::FromStore(store_, options);
    if (!snapshot.ok()) return snapshot.status();
    snapshot_.reset();  // the old arrays go before the new ones are sized for
    snapshot_.emplace(std::move(*snapshot));
    forward_.Reset(snapshot_->num_vertices());
    backward_.Reset(snapshot_->num_vertices());
    ++stats_.snapshot_builds;
    stats_.snapshot_seconds +=
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    stats_.snapshot_sequence = snapshot_->sequence();
    stats_.snapshot_edges = snapshot_->num_edges();
    return absl::OkStatus();
  }

  TraverserStats stats() const override { return stats_; }
  absl::StatusOr<std::vector<uint64_t>> Neighbours(uint64_t node, Direction direction) override;
  absl::StatusOr<KHopResult> KHop(uint64_t seed, const KHopOptions& options) override;
  absl::StatusOr<int> ShortestPathLength(uint64_t source, uint64_t target, int max_depth) override;
  absl::StatusOr<BfsResult> Bfs(uint64_t source, Direction direction, int max_depth) override;

 private:
  Rows RowsOf(Direction direction) const {
    const CsrGraph& g = snapshot_->graph();
    return direction == Direction::kOut
               ? Rows{g.m_forward.m_rowstart.data(), g.m_forward.m_column.data()}
               : Rows{g.m_backward.m_rowstart.data(), g.m_backward.m_column.data()};
  }
  RowSource BothRows() const { return {RowsOf(Direction::kOut), RowsOf(Direction::kIn)}; }
  // Appends the ids of `vertices` to `out`, sorted first if asked.
  void AppendIds(std::vector<CsrVertex>& vertices, bool sort, std::vector<uint64_t>* out) const {
    if (sort) std::sort(vertices.begin(), vertices.end());
    out->reserve(out->size() + vertices.size());
    for (CsrVertex v : vertices) out->push_back(snapshot_->id(v));
  }

  const Store& store_;
  std::optional<GraphSnapshot> snapshot_;
  TraverserStats stats_;
  Marks forward_;
  Marks backward_;
  internal::Frontiers<CsrVertex> frontiers_;
};

absl::StatusOr<std::vector<uint64_t>> SnapshotTraverser::Neighbours(uint64_t node,
                                                                    Direction direction) {
  if (absl::Status s = Refresh(); !s.ok()) return s;
  std::vector<uint64_t> result;
  const CsrVertex v = snapshot_->VertexOrNone(node);
  if (v == kNone) return result;
  // A row is sorted, so parallel edges are adjacent: no visited set.
  const Rows rows = RowsOf(direction);
  result.reserve(rows.start[v + 1] - rows.start[v]);
  CsrVertex previous = kNone;
  for (uint64_t e = rows.start[v]; e < rows.start[v + 1]; ++e) {
    const CsrVertex w = rows.column[e];
    if (w != previous) result.push_back(snapshot_->id(w));
    previous = w;
  }
  return result;
}

absl::StatusOr<KHopResult> SnapshotTraverser::KHop(uint64_t seed, const KHopOptions& options) {
  if (absl::Status s = CheckKHopDepth(options.max_depth); !s.ok()) return s;
  if (absl::Status s = Refresh(); !s.ok()) return s;
  KHopResult result;
  if (options.max_results == 0) {
    result.truncated = true;
    return result;
  }
  const CsrVertex v = snapshot_->VertexOrNone(seed);
  if (v == kNone) return result;
  internal::KHopLevels(
      v, options, BothRows(),
      [this](std::vector<CsrVertex>& level, bool sort, std::vector<uint64_t>* out) {
        AppendIds(level, sort, out);
      },
      forward_, frontiers_, &result);
  return result;
}

absl::StatusOr<int> SnapshotTraverser::ShortestPathLength(uint64_t source, uint64_t target,
                                                          int max_depth) {
  if (source == target) return 0;
  if (absl::Status s = Refresh(); !s.ok()) return s;
  const CsrVertex from = snapshot_->VertexOrNone(source);
  const CsrVertex to = snapshot_->VertexOrNone(target);
  if (from == kNone || to == kNone) return -1;  // an end without edges
  return internal::ShortestPathLength(from, to, max_depth, BothRows(), forward_, backward_,
                                      frontiers_);
}

absl::StatusOr<BfsResult> SnapshotTraverser::Bfs(uint64_t source, Direction direction,
                                                 int max_depth) {
  if (absl::Status s = Refresh(); !s.ok()) return s;
  BfsResult result;
  result.reached = 1;
  const CsrVertex v = snapshot_->VertexOrNone(source);
  if (v == kNone) return result;
  forward_.Clear();
  return internal::BfsLevels(
      v, direction, max_depth, BothRows(), [this](CsrVertex w) { return forward_.Insert(w); },
      [](std::vector<CsrVertex>*) {}, frontiers_);
}

}  // namespace

absl::StatusOr<std::unique_ptr<Traverser>> NewSnapshotTraverser(const Store& store) {
  auto traverser = std::make_unique<SnapshotTraverser>(store);
  if (absl::Status s = traverser->Refresh(); !s.ok()) return s;
  return std::unique_ptr<Traverser>(std::move(traverser));
}

}  // namespace newsgraph::traversal
