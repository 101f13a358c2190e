// The snapshot engine of Traverser: the same level-synchronous BFS as the
// store engine, over the CSR arrays of a GraphSnapshot. Its loops are those
// of bench/csr_baseline.cc: dense vertex indices, O(1)-cleared stamp
// arrays, frontier vectors kept across queries, no sorting of frontiers
// (the CSR needs no key order); ids are translated only at the ends.
#include <algorithm>
#include <chrono>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "newsgraph/graph_snapshot.h"
#include "newsgraph/traversal.h"
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
  // Frontiers, kept so that their memory is reused query after query.
  std::vector<CsrVertex> level_;
  std::vector<CsrVertex> next_;
  std::vector<CsrVertex> ahead_;
  std::vector<CsrVertex> behind_;
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
  if (options.max_depth < 1) {
    return absl::InvalidArgumentError(
        absl::StrCat("k-hop depth must be at least 1, not ", options.max_depth));
  }
  if (absl::Status s = Refresh(); !s.ok()) return s;
  KHopResult result;
  if (options.max_results == 0) {
    result.truncated = true;
    return result;
  }
  const CsrVertex v = snapshot_->VertexOrNone(seed);
  if (v == kNone) return result;
  const Rows rows = RowsOf(options.direction);
  forward_.Clear();
  forward_.Insert(v);
  level_.assign(1, v);
  for (int depth = 1; depth <= options.max_depth && !level_.empty(); ++depth) {
    next_.clear();
    bool stopped = false;
    for (size_t i = 0; i < level_.size() && !stopped; ++i) {
      const CsrVertex u = level_[i];
      for (uint64_t e = rows.start[u]; e < rows.start[u + 1]; ++e) {
        const CsrVertex w = rows.column[e];
        if (!forward_.Insert(w)) continue;
        next_.push_back(w);
        if (result.nodes.size() + next_.size() >= options.max_results) {
          stopped = true;
          break;
        }
      }
    }
    AppendIds(next_, options.sort_levels, &result.nodes);
    if (stopped) {
      result.truncated = true;
      break;
    }
    level_.swap(next_);
  }
  return result;
}

absl::StatusOr<int> SnapshotTraverser::ShortestPathLength(uint64_t source, uint64_t target,
                                                          int max_depth) {
  if (source == target) return 0;
  if (absl::Status s = Refresh(); !s.ok()) return s;
  const CsrVertex from = snapshot_->VertexOrNone(source);
  const CsrVertex to = snapshot_->VertexOrNone(target);
  if (from == kNone || to == kNone) return -1;  // an end without edges
  const Rows out = RowsOf(Direction::kOut);
  const Rows in = RowsOf(Direction::kIn);
  forward_.Clear();
  backward_.Clear();
  forward_.Insert(from);
  backward_.Insert(to);
  ahead_.assign(1, from);
  behind_.assign(1, to);
  // As the store engine: no vertex is marked by both sides, so the first
  // vertex one side's new level shares with the other closes a shortest
  // path of exactly `depth` edges.
  for (int depth = 1; depth <= max_depth && !ahead_.empty() && !behind_.empty(); ++depth) {
    const bool forward = ahead_.size() <= behind_.size();
    Marks& mine = forward ? forward_ : backward_;
    const Marks& theirs = forward ? backward_ : forward_;
    const Rows rows = forward ? out : in;
    std::vector<CsrVertex>& frontier = forward ? ahead_ : behind_;
    next_.clear();
    for (const CsrVertex u : frontier) {
      for (uint64_t e = rows.start[u]; e < rows.start[u + 1]; ++e) {
        const CsrVertex w = rows.column[e];
        if (theirs.Contains(w)) return depth;
        if (mine.Insert(w)) next_.push_back(w);
      }
    }
    frontier.swap(next_);
  }
  return -1;
}

absl::StatusOr<BfsResult> SnapshotTraverser::Bfs(uint64_t source, Direction direction,
                                                 int max_depth) {
  if (absl::Status s = Refresh(); !s.ok()) return s;
  BfsResult result;
  result.reached = 1;
  const CsrVertex v = snapshot_->VertexOrNone(source);
  if (v == kNone) return result;
  const Rows rows = RowsOf(direction);
  forward_.Clear();
  forward_.Insert(v);
  level_.assign(1, v);
  for (int depth = 1; depth <= max_depth; ++depth) {
    next_.clear();
    for (const CsrVertex u : level_) {
      for (uint64_t e = rows.start[u]; e < rows.start[u + 1]; ++e) {
        const CsrVertex w = rows.column[e];
        if (forward_.Insert(w)) next_.push_back(w);
      }
    }
    if (next_.empty()) break;
    result.reached += next_.size();
    result.depth = depth;
    level_.swap(next_);
  }
  return result;
}

}  // namespace

absl::StatusOr<std::unique_ptr<Traverser>> NewSnapshotTraverser(const Store& store) {
  auto traverser = std::make_unique<SnapshotTraverser>(store);
  if (absl::Status s = traverser->Refresh(); !s.ok()) return s;
  return std::unique_ptr<Traverser>(std::move(traverser));
}

}  // namespace newsgraph::traversal
