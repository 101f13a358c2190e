// Traverser: every answer equals a plain BFS over adjacency lists, on
// random multigraphs both bulk-loaded and committed edge by edge.
#include "newsgraph/traversal.h"

#include <algorithm>
#include <deque>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "gtest/gtest.h"
#include "newsgraph/bulk_load.h"
#include "newsgraph/store.h"
#include "queries/graph/traversal.h"
#include "tests/queries/test_graph.h"

namespace newsgraph {
namespace {

using testing_util::TempStoreDir;
using Adjacency = std::map<uint64_t, std::vector<uint64_t>>;

// Distances from `source` by plain BFS, at most `max_depth`.
std::map<uint64_t, int> Distances(const Adjacency& adj, uint64_t source, int max_depth) {
  std::map<uint64_t, int> dist = {{source, 0}};
  std::deque<uint64_t> queue = {source};
  while (!queue.empty()) {
    const uint64_t u = queue.front();
    queue.pop_front();
    if (dist[u] == max_depth || !adj.count(u)) continue;
    for (uint64_t v : adj.at(u)) {
      if (dist.emplace(v, dist[u] + 1).second) queue.push_back(v);
    }
  }
  return dist;
}

struct Graph {
  uint64_t nodes;
  std::vector<std::pair<uint64_t, uint64_t>> edges;
  Adjacency out, in;
};

Graph RandomGraph(uint32_t seed, uint64_t nodes, int edges) {
  std::mt19937 rng(seed);
  // Squaring a uniform draw skews degrees toward low ids: hubs and leaves.
  std::uniform_real_distribution<double> u(0, 1);
  Graph g{nodes, {}, {}, {}};
  for (int i = 0; i < edges; ++i) {
    const uint64_t s = 1 + static_cast<uint64_t>(u(rng) * u(rng) * nodes);
    const uint64_t d = 1 + static_cast<uint64_t>(u(rng) * nodes);
    g.edges.emplace_back(s, d);
    g.out[s].push_back(d);
    g.in[d].push_back(s);
  }
  return g;
}

// Parameters: bulk-loaded (true) or committed; the engine under test.
class TraversalTest : public ::testing::TestWithParam<std::tuple<bool, TraversalEngine>> {
 protected:
  // Stores `g` by bulk load or by commits with varied types and days
  // (types and days must not matter to traversals).
  std::unique_ptr<Store> Build(const Graph& g) {
    if (std::get<0>(GetParam())) {
      const std::string nodes = dir_.path() + "-nodes.csv", edges = dir_.path() + "-edges.csv";
      std::ofstream n(nodes), e(edges);
      n << "id,kind\n";
      for (uint64_t id = 1; id <= g.nodes; ++id) n << id << ",PERSON\n";
      e << "src,dst,type\n";
      for (size_t i = 0; i < g.edges.size(); ++i) {
        e << g.edges[i].first << "," << g.edges[i].second << "," << 1 + i % 8 << "\n";
      }
      n.close();
      e.close();
      BulkLoadOptions options;
      options.run_edges = 97;
      absl::StatusOr<BulkLoadReport> r = BulkLoad(dir_.path(), nodes, edges, options);
      std::remove(nodes.c_str());
      std::remove(edges.c_str());
      EXPECT_TRUE(r.ok()) << r.status();
    } else {
      absl::StatusOr<std::unique_ptr<Store>> store = Store::Open(dir_.path(), StoreOptions{});
      EXPECT_TRUE(store.ok());
      std::unique_ptr<WriteSet> set = (*store)->NewWriteSet();
      for (size_t i = 0; i < g.edges.size(); ++i) {
        pb::Edge edge;
        edge.set_src(g.edges[i].first);
        edge.set_dst(g.edges[i].second);
        edge.set_type(static_cast<pb::EdgeType>(1 + i % 8));
        edge.mutable_time()->set_from_day(static_cast<int32_t>(i % 5) * 1000 - 2000);
        set->PutEdge(edge);
      }
      EXPECT_TRUE((*store)->Commit(*set).ok());
    }
    StoreOptions read;
    read.read_only = true;
    absl::StatusOr<std::unique_ptr<Store>> store = Store::Open(dir_.path(), read);
    EXPECT_TRUE(store.ok()) << store.status();
    return std::move(*store);
  }

  absl::StatusOr<std::unique_ptr<Traverser>> Create(const Store& store) {
    TraverserOptions options;
    options.engine = std::get<1>(GetParam());
    return Traverser::Create(store, options);
  }

  TempStoreDir dir_;
};

TEST_P(TraversalTest, AnswersEqualPlainBfs) {
  const Graph g = RandomGraph(7, 120, 400);
  std::unique_ptr<Store> store = Build(g);
  absl::StatusOr<std::unique_ptr<Traverser>> t = Create(*store);
  ASSERT_TRUE(t.ok()) << t.status();
  EXPECT_EQ((*t)->stats().engine, std::get<1>(GetParam()));
  for (uint64_t v = 1; v <= g.nodes + 2; ++v) {  // + ids without any edge
    const std::map<uint64_t, int> d2 = Distances(g.out, v, 2);
    std::set<uint64_t> want1;
    if (auto it = g.out.find(v); it != g.out.end())
      want1.insert(it->second.begin(), it->second.end());
    absl::StatusOr<std::vector<uint64_t>> n = (*t)->Neighbours(v, Direction::kOut);
    ASSERT_TRUE(n.ok());
    EXPECT_EQ(*n, std::vector<uint64_t>(want1.begin(), want1.end())) << v;

    absl::StatusOr<KHopResult> hop2 = (*t)->KHop(v, KHopOptions{});
    ASSERT_TRUE(hop2.ok());
    EXPECT_EQ(hop2->nodes.size(), d2.size() - 1) << v;
    EXPECT_FALSE(hop2->truncated);
    std::set<uint64_t> got(hop2->nodes.begin(), hop2->nodes.end());
    EXPECT_EQ(got.size(), hop2->nodes.size());
    for (uint64_t w : got) EXPECT_TRUE(d2.count(w) && w != v) << v << "->" << w;
    // Levels in id order: nearest first, each sorted.
    for (size_t i = 1; i < hop2->nodes.size(); ++i) {
      const uint64_t a = hop2->nodes[i - 1], b = hop2->nodes[i];
      EXPECT_TRUE(d2.at(a) < d2.at(b) || (d2.at(a) == d2.at(b) && a < b)) << v;
    }
    KHopOptions unsorted;
    unsorted.sort_levels = false;
    absl::StatusOr<KHopResult> any_order = (*t)->KHop(v, unsorted);
    ASSERT_TRUE(any_order.ok());
    EXPECT_EQ(std::set<uint64_t>(any_order->nodes.begin(), any_order->nodes.end()), got) << v;

    std::set<uint64_t> want_in;
    if (auto it = g.in.find(v); it != g.in.end()) want_in.insert(it->second.begin(), it->second.end());
    EXPECT_EQ(*(*t)->Neighbours(v, Direction::kIn),
              std::vector<uint64_t>(want_in.begin(), want_in.end()))
        << v;

    const std::map<uint64_t, int> all = Distances(g.out, v, 1 << 30);
    int depth = 0;
    for (const auto& [w, d] : all) depth = std::max(depth, d);
    absl::StatusOr<BfsResult> bfs = (*t)->Bfs(v, Direction::kOut);
    ASSERT_TRUE(bfs.ok());
    EXPECT_EQ(bfs->reached, all.size()) << v;
    EXPECT_EQ(bfs->depth, depth) << v;

    const std::map<uint64_t, int> back = Distances(g.in, v, 1 << 30);
    EXPECT_EQ((*t)->Bfs(v, Direction::kIn)->reached, back.size()) << v;

    const std::map<uint64_t, int> d6 = Distances(g.out, v, 6);
    for (uint64_t w = 1; w <= g.nodes; w += 3) {
      absl::StatusOr<int> sp = (*t)->ShortestPathLength(v, w, 6);
      ASSERT_TRUE(sp.ok());
      EXPECT_EQ(*sp, d6.count(w) ? d6.at(w) : -1) << v << "->" << w;
    }
  }
}

TEST_P(TraversalTest, BudgetAndDepthCaps) {
  // A path 1 -> 2 -> ... -> 10 and a star 1 -> 11..40.
  Graph g{40, {}, {}, {}};
  for (uint64_t v = 1; v < 10; ++v) g.edges.emplace_back(v, v + 1);
  for (uint64_t v = 11; v <= 40; ++v) g.edges.emplace_back(1, v);
  std::unique_ptr<Store> store = Build(g);
  std::unique_ptr<Traverser> t = std::move(*Create(*store));
  KHopOptions options;
  options.max_results = 5;
  absl::StatusOr<KHopResult> r = t->KHop(1, options);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->nodes.size(), 5u);
  EXPECT_TRUE(r->truncated);
  options = KHopOptions{};
  options.max_depth = 4;
  EXPECT_EQ(t->KHop(1, options)->nodes.size(), 31u + 3);
  options.max_depth = 0;
  EXPECT_EQ(t->KHop(1, options).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(*t->ShortestPathLength(1, 7, 6), 6);
  EXPECT_EQ(*t->ShortestPathLength(1, 8, 6), -1);
  EXPECT_EQ(*t->ShortestPathLength(1, 8, 7), 7);
  EXPECT_EQ(*t->ShortestPathLength(8, 1, 7), -1);
  EXPECT_EQ(t->Bfs(1, Direction::kOut, 3)->reached, 1u + 30 + 3);
  EXPECT_EQ(t->Bfs(1, Direction::kOut, 3)->depth, 3);
}

INSTANTIATE_TEST_SUITE_P(BulkAndCommitted, TraversalTest,
                         ::testing::Combine(::testing::Bool(),
                                            ::testing::Values(TraversalEngine::kStore,
                                                              TraversalEngine::kSnapshot)));
// The mapped engine on a bulk-loaded store (which writes the adjacency
// file; committed edges are traversal_mapped_test.cc's).
INSTANTIATE_TEST_SUITE_P(BulkMapped, TraversalTest,
                         ::testing::Combine(::testing::Values(true),
                                            ::testing::Values(TraversalEngine::kMapped)));

// A snapshot traverser on a store being written to sees each new commit:
// it notices the store's sequence has moved on and rebuilds before the
// next query.
TEST(SnapshotTraverserTest, RebuildsWhenTheStoreMovesOn) {
  TempStoreDir dir;
  absl::StatusOr<std::unique_ptr<Store>> store = Store::Open(dir.path(), StoreOptions{});
  ASSERT_TRUE(store.ok()) << store.status();
  auto commit_edge = [&](uint64_t src, uint64_t dst) {
    std::unique_ptr<WriteSet> set = (*store)->NewWriteSet();
    pb::Edge edge;
    edge.set_src(src);
    edge.set_dst(dst);
    edge.set_type(pb::MET);
    set->PutEdge(edge);
    ASSERT_TRUE((*store)->Commit(*set).ok());
  };
  commit_edge(1, 2);
  TraverserOptions options;
  options.engine = TraversalEngine::kSnapshot;
  absl::StatusOr<std::unique_ptr<Traverser>> t = Traverser::Create(**store, options);
  ASSERT_TRUE(t.ok()) << t.status();
  EXPECT_EQ(*(*t)->ShortestPathLength(1, 3, 6), -1);
  EXPECT_EQ((*t)->stats().snapshot_builds, 1);  // fresh: no rebuild for that query

  commit_edge(2, 3);
  EXPECT_EQ(*(*t)->ShortestPathLength(1, 3, 6), 2);
  EXPECT_EQ(*(*t)->Neighbours(3, Direction::kIn), std::vector<uint64_t>{2});
  const TraverserStats stats = (*t)->stats();
  EXPECT_EQ(stats.snapshot_builds, 2);
  EXPECT_EQ(stats.snapshot_sequence, (*store)->LatestSequence());
  EXPECT_EQ(stats.snapshot_edges, 2u);
}

TEST(SnapshotTraverserTest, AutoPicksTheSnapshotWhenItFits) {
  TempStoreDir dir;
  absl::StatusOr<std::unique_ptr<Store>> store = Store::Open(dir.path(), StoreOptions{});
  ASSERT_TRUE(store.ok()) << store.status();
  std::unique_ptr<WriteSet> set = (*store)->NewWriteSet();
  pb::Edge edge;
  edge.set_src(1);
  edge.set_dst(2);
  edge.set_type(pb::MET);
  set->PutEdge(edge);
  ASSERT_TRUE((*store)->Commit(*set).ok());
  TraverserOptions options;
  options.engine = TraversalEngine::kAuto;
  EXPECT_EQ((*Traverser::Create(**store, options))->stats().engine, TraversalEngine::kSnapshot);
  options.max_snapshot_bytes = 1;  // one edge does not fit
  EXPECT_EQ((*Traverser::Create(**store, options))->stats().engine, TraversalEngine::kStore);
}

TEST(MarksTest, GrowKeepsMarksAndAddsUnmarkedRoom) {
  traversal::Marks marks;
  marks.Grow(1000);
  EXPECT_TRUE(marks.Insert(7));
  EXPECT_TRUE(marks.Insert(999));
  EXPECT_FALSE(marks.Insert(7));
  marks.Grow(3'000'000);  // past what malloc serves from its heap
  EXPECT_TRUE(marks.Contains(7));
  EXPECT_TRUE(marks.Contains(999));
  for (uint32_t v : {1000u, 123'456u, 2'999'999u}) EXPECT_FALSE(marks.Contains(v)) << v;
  EXPECT_TRUE(marks.Insert(2'999'999));
  marks.Clear();
  EXPECT_FALSE(marks.Contains(7));
  EXPECT_FALSE(marks.Contains(2'999'999));
  marks.Grow(10);  // never shrinks
  EXPECT_TRUE(marks.Insert(2'999'999));
  marks.Reset(5);
  EXPECT_FALSE(marks.Contains(4));
}

TEST(VisitedSetTest, ClearForgetsDenseAndOverflowIds) {
  traversal::VisitedSet set(100);
  EXPECT_TRUE(set.Insert(5));
  EXPECT_FALSE(set.Insert(5));
  EXPECT_TRUE(set.Insert(1000));
  EXPECT_TRUE(set.Contains(1000));
  set.Clear();
  EXPECT_FALSE(set.Contains(5));
  EXPECT_FALSE(set.Contains(1000));
  EXPECT_TRUE(set.Insert(5));
}

TEST(VisitedSetTest, GoesDenseWhenLargeAndKeepsItsIds) {
  traversal::VisitedSet set(1 << 23);  // dense past 8192 ids
  for (uint64_t id = 0; id < 10000; ++id) EXPECT_TRUE(set.Insert(id * 3));
  EXPECT_TRUE(set.Insert(uint64_t{1} << 40));
  EXPECT_TRUE(set.dense());
  for (uint64_t id = 0; id < 10000; ++id) {
    EXPECT_TRUE(set.Contains(id * 3));
    EXPECT_FALSE(set.Contains(id * 3 + 1));
    EXPECT_FALSE(set.Insert(id * 3));
  }
  EXPECT_FALSE(set.Insert(uint64_t{1} << 40));
  set.Clear();
  EXPECT_FALSE(set.Contains(3));
  EXPECT_FALSE(set.Contains(uint64_t{1} << 40));
}

TEST(SortFrontierTest, BitmapAndComparisonSortAgree) {
  std::mt19937 rng(3);
  std::vector<uint64_t> ids;
  for (uint64_t v = 0; v < 5000; ++v) {
    if (rng() % 3 == 0) ids.push_back(v);
  }
  ids.push_back(1u << 20);  // above the bound
  std::vector<uint64_t> want = ids;
  std::sort(want.begin(), want.end());
  std::shuffle(ids.begin(), ids.end(), rng);
  std::vector<uint64_t> scratch;
  traversal::SortFrontier(&ids, 5000, &scratch);
  EXPECT_EQ(ids, want);
}

}  // namespace
}  // namespace newsgraph
