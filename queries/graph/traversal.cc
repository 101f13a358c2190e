// Traverser::Create, and the store engine: level-synchronous BFS over
// engine::AdjacencyReader in all its forms, each level expanded as one
// sorted batch.
#include "queries/graph/traversal.h"

#include <algorithm>
#include <memory>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "engine/adjacency.h"
#include "newsgraph/traversal.h"

namespace newsgraph {
namespace traversal {

absl::Status CheckKHopDepth(int max_depth) {
  if (max_depth >= 1) return absl::OkStatus();
  return absl::InvalidArgumentError(
      absl::StrCat("k-hop depth must be at least 1, not ", max_depth));
}

void SortFrontier(std::vector<uint64_t>* ids, uint64_t bound, std::vector<uint64_t>* scratch) {
  // The bitmap pays off once the ids are more than about one in 64 of the
  // id space (its scan touches bound/64 words).
  if (ids->size() < 64 || ids->size() < bound / 64) {
    std::sort(ids->begin(), ids->end());
    return;
  }
  scratch->assign(bound / 64 + 1, 0);
  std::vector<uint64_t> above;
  for (uint64_t id : *ids) {
    if (id < bound) {
      (*scratch)[id / 64] |= uint64_t{1} << (id % 64);
    } else {
      above.push_back(id);
    }
  }
  ids->clear();
  for (size_t w = 0; w < scratch->size(); ++w) {
    for (uint64_t bits = (*scratch)[w]; bits != 0; bits &= bits - 1) {
      ids->push_back(w * 64 + __builtin_ctzll(bits));
    }
  }
  std::sort(above.begin(), above.end());
  ids->insert(ids->end(), above.begin(), above.end());
}

}  // namespace traversal

namespace {

using traversal::VisitedSet;

// Dense visited arrays cover at most this many ids (256 MB of stamps);
// ids above go to the hash set.
constexpr uint64_t kMaxDenseIds = uint64_t{1} << 26;

class TraverserImpl final : public Traverser {
 public:
  explicit TraverserImpl(std::unique_ptr<engine::AdjacencyReader> reader)
      : reader_(std::move(reader)),
        bound_(std::min(reader_->id_bound(), kMaxDenseIds)),
        forward_(bound_),
        backward_(bound_) {}

  TraverserStats stats() const override { return TraverserStats(); }
  absl::StatusOr<std::vector<uint64_t>> Neighbours(uint64_t node, Direction direction) override;
  absl::StatusOr<KHopResult> KHop(uint64_t seed, const KHopOptions& options) override;
  absl::StatusOr<int> ShortestPathLength(uint64_t source, uint64_t target, int max_depth) override;
  absl::StatusOr<BfsResult> Bfs(uint64_t source, Direction direction, int max_depth) override;

 private:
  // Expands the sorted `frontier` one level: every neighbour new to
  // `visited` is added to it and to `next` (unsorted). `stop(v)` is asked
  // for each new neighbour; when it returns true expansion ends at once.
  template <typename Stop>
  absl::Status ExpandLevel(const std::vector<uint64_t>& frontier, Direction direction,
                           VisitedSet& visited, std::vector<uint64_t>* next, Stop stop,
                           bool* stopped) {
    next->clear();
    *stopped = false;
    return reader_->Expand(frontier, direction, [&](uint64_t, uint64_t neighbour) {
      if (!visited.Insert(neighbour)) return true;
      next->push_back(neighbour);
      if (stop(neighbour)) {
        *stopped = true;
        return false;
      }
      return true;
    });
  }

  std::unique_ptr<engine::AdjacencyReader> reader_;
  const uint64_t bound_;
  VisitedSet forward_;
  VisitedSet backward_;
  std::vector<uint64_t> scratch_;
};

absl::StatusOr<std::vector<uint64_t>> TraverserImpl::Neighbours(uint64_t node,
                                                                Direction direction) {
  std::vector<uint64_t> result;
  const uint64_t one[] = {node};
  absl::Status s = reader_->Expand(one, direction, [&](uint64_t, uint64_t neighbour) {
    result.push_back(neighbour);
    return true;
  });
  if (!s.ok()) return s;
  std::sort(result.begin(), result.end());
  result.erase(std::unique(result.begin(), result.end()), result.end());
  return result;
}

absl::StatusOr<KHopResult> TraverserImpl::KHop(uint64_t seed, const KHopOptions& options) {
  if (absl::Status s = traversal::CheckKHopDepth(options.max_depth); !s.ok()) return s;
  KHopResult result;
  if (options.max_results == 0) {
    result.truncated = true;
    return result;
  }
  forward_.Clear();
  forward_.Insert(seed);
  std::vector<uint64_t> frontier = {seed};
  std::vector<uint64_t> next;
  for (int depth = 1; depth <= options.max_depth && !frontier.empty(); ++depth) {
    bool stopped = false;
    absl::Status s = ExpandLevel(
        frontier, options.direction, forward_, &next,
        [&](uint64_t) { return result.nodes.size() + next.size() >= options.max_results; },
        &stopped);
    if (!s.ok()) return s;
    // The next level is expanded in key order, so it is sorted anyway.
    traversal::SortFrontier(&next, bound_, &scratch_);
    result.nodes.insert(result.nodes.end(), next.begin(), next.end());
    if (stopped) {
      result.truncated = true;
      break;
    }
    frontier.swap(next);
  }
  return result;
}

absl::StatusOr<int> TraverserImpl::ShortestPathLength(uint64_t source, uint64_t target,
                                                      int max_depth) {
  if (source == target) return 0;
  forward_.Clear();
  backward_.Clear();
  forward_.Insert(source);
  backward_.Insert(target);
  std::vector<uint64_t> ahead = {source};   // forward frontier, sorted
  std::vector<uint64_t> behind = {target};  // backward frontier, sorted
  std::vector<uint64_t> next;
  int depth = 0;  // forward levels + backward levels expanded
  // Invariant: no node is in both visited sets, so every path is longer
  // than `depth`. The first node one side's new level shares with the other
  // side closes a path of exactly depth + 1: any node seen by the other side
  // is within its levels, and a shorter path would have met earlier.
  while (depth < max_depth && !ahead.empty() && !behind.empty()) {
    const bool forward = ahead.size() <= behind.size();
    VisitedSet& mine = forward ? forward_ : backward_;
    const VisitedSet& theirs = forward ? backward_ : forward_;
    bool met = false;
    absl::Status s = ExpandLevel(
        forward ? ahead : behind, forward ? Direction::kOut : Direction::kIn, mine, &next,
        [&](uint64_t v) { return theirs.Contains(v); }, &met);
    if (!s.ok()) return s;
    ++depth;
    if (met) return depth;
    traversal::SortFrontier(&next, bound_, &scratch_);
    (forward ? ahead : behind).swap(next);
  }
  return -1;
}

absl::StatusOr<BfsResult> TraverserImpl::Bfs(uint64_t source, Direction direction, int max_depth) {
  BfsResult result;
  forward_.Clear();
  forward_.Insert(source);
  result.reached = 1;
  std::vector<uint64_t> frontier = {source};
  std::vector<uint64_t> next;
  for (int depth = 1; depth <= max_depth && !frontier.empty(); ++depth) {
    bool stopped = false;
    absl::Status s = ExpandLevel(
        frontier, direction, forward_, &next, [](uint64_t) { return false; }, &stopped);
    if (!s.ok()) return s;
    if (next.empty()) break;
    result.reached += next.size();
    result.depth = depth;
    traversal::SortFrontier(&next, bound_, &scratch_);
    frontier.swap(next);
  }
  return result;
}

}  // namespace

namespace traversal {

absl::StatusOr<std::unique_ptr<Traverser>> NewStoreTraverser(const Store& store) {
  absl::StatusOr<std::unique_ptr<engine::AdjacencyReader>> reader =
      engine::AdjacencyReader::Create(store);
  if (!reader.ok()) return reader.status();
  return std::unique_ptr<Traverser>(new TraverserImpl(std::move(*reader)));
}

}  // namespace traversal

namespace {

// Bytes per edge and per vertex of a snapshot while it is built: both CSR
// directions, the unit weights and the scan's target list.
constexpr uint64_t kSnapshotBytesPerEdge = 4 + 8 + 4 + 8 + 8;
constexpr uint64_t kSnapshotBytesPerVertex = 8 + 8 + 8 + 4 + 16;

// kAuto's choice once no adjacency file serves.
absl::StatusOr<TraversalEngine> ChooseEngine(const Store& store, const TraverserOptions& options) {
  if (options.engine != TraversalEngine::kAuto) return options.engine;
  absl::StatusOr<StoreStats> stats = store.Stats();
  if (!stats.ok()) return stats.status();
  uint64_t edges = 0;
  uint64_t nodes = 0;
  for (const auto& [type, count] : stats->edges_by_type) edges += count;
  for (const auto& [kind, count] : stats->nodes_by_kind) nodes += count;
  const uint64_t bytes = edges * kSnapshotBytesPerEdge + nodes * kSnapshotBytesPerVertex;
  return bytes <= options.max_snapshot_bytes ? TraversalEngine::kSnapshot
                                             : TraversalEngine::kStore;
}

}  // namespace

absl::StatusOr<std::unique_ptr<Traverser>> Traverser::Create(const Store& store,
                                                             const TraverserOptions& options) {
  if (options.engine == TraversalEngine::kMapped || options.engine == TraversalEngine::kAuto) {
    absl::StatusOr<std::unique_ptr<Traverser>> mapped = traversal::NewMappedTraverser(store);
    if (!mapped.ok() || *mapped != nullptr) return mapped;
    if (options.engine == TraversalEngine::kMapped) return traversal::NewStoreTraverser(store);
  }
  absl::StatusOr<TraversalEngine> engine = ChooseEngine(store, options);
  if (!engine.ok()) return engine.status();
  return *engine == TraversalEngine::kSnapshot ? traversal::NewSnapshotTraverser(store)
                                               : traversal::NewStoreTraverser(store);
}

}  // namespace newsgraph
