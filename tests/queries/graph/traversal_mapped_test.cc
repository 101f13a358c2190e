// The mapped engine (Traverser with TraversalEngine::kMapped): on a store
// bulk-loaded (which writes the adjacency file) and then committed to (the
// edge log's delta), every answer equals the snapshot engine's; the
// overlay follows new commits; a store without a usable file falls back.
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "gtest/gtest.h"
#include "newsgraph/adjacency_file.h"
#include "newsgraph/bulk_load.h"
#include "newsgraph/store.h"
#include "newsgraph/traversal.h"
#include "tests/queries/test_graph.h"

namespace newsgraph {
namespace {

using testing_util::TempStoreDir;
using Edges = std::vector<std::pair<uint64_t, uint64_t>>;

// Skewed random edges among ids [1, nodes] (hubs at low ids).
Edges RandomEdges(uint32_t seed, uint64_t nodes, int count) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> u(0, 1);
  Edges edges;
  for (int i = 0; i < count; ++i) {
    edges.emplace_back(1 + static_cast<uint64_t>(u(rng) * u(rng) * nodes),
                       1 + static_cast<uint64_t>(u(rng) * nodes));
  }
  return edges;
}

// Loads `edges` among the nodes 1..nodes (or their multiples of `id_step`,
// which makes the ids sparse) with `run_edges` edges sorted at a time (few:
// spilled runs, and the file written by a scan of the store; the default:
// one run, and the file written from it).
void BulkLoadEdges(const std::string& dir, uint64_t nodes, Edges edges, uint64_t id_step = 1,
                   size_t run_edges = BulkLoadOptions().run_edges) {
  const std::string nodes_csv = dir + "-nodes.csv", edges_csv = dir + "-edges.csv";
  std::ofstream n(nodes_csv), e(edges_csv);
  n << "id,kind\n";
  for (uint64_t id = 1; id <= nodes; ++id) n << id * id_step << ",PERSON\n";
  for (auto& [src, dst] : edges) {
    src *= id_step;
    dst *= id_step;
  }
  e << "src,dst,type\n";
  for (size_t i = 0; i < edges.size(); ++i) {
    e << edges[i].first << "," << edges[i].second << "," << 1 + i % 8 << "\n";
  }
  n.close();
  e.close();
  BulkLoadOptions options;
  options.run_edges = run_edges;
  absl::StatusOr<BulkLoadReport> r = BulkLoad(dir, nodes_csv, edges_csv, options);
  std::remove(nodes_csv.c_str());
  std::remove(edges_csv.c_str());
  ASSERT_TRUE(r.ok()) << r.status();
}

// Commits `edges`, a few per write set, as single-article imports do.
void CommitEdges(Store& store, const Edges& edges, size_t per_set) {
  for (size_t i = 0; i < edges.size(); i += per_set) {
    std::unique_ptr<WriteSet> set = store.NewWriteSet();
    for (size_t j = i; j < std::min(edges.size(), i + per_set); ++j) {
      pb::Edge edge;
      edge.set_src(edges[j].first);
      edge.set_dst(edges[j].second);
      edge.set_type(static_cast<pb::EdgeType>(1 + j % 8));
      set->PutEdge(edge);
    }
    ASSERT_TRUE(store.Commit(*set).ok());
  }
}

std::unique_ptr<Traverser> Make(const Store& store, TraversalEngine engine) {
  TraverserOptions options;
  options.engine = engine;
  absl::StatusOr<std::unique_ptr<Traverser>> t = Traverser::Create(store, options);
  EXPECT_TRUE(t.ok()) << t.status();
  return std::move(*t);
}

// Every query of every workload, for ids 1..max_id, gives the same answer.
void ExpectSameAnswers(Traverser& mapped, Traverser& snapshot, uint64_t max_id) {
  for (uint64_t v = 1; v <= max_id; ++v) {
    for (Direction d : {Direction::kOut, Direction::kIn}) {
      EXPECT_EQ(*mapped.Neighbours(v, d), *snapshot.Neighbours(v, d)) << v;
      KHopOptions hop;
      hop.direction = d;
      EXPECT_EQ(mapped.KHop(v, hop)->nodes, snapshot.KHop(v, hop)->nodes) << v;
      const BfsResult a = *mapped.Bfs(v, d), b = *snapshot.Bfs(v, d);
      EXPECT_EQ(a.reached, b.reached) << v;
      EXPECT_EQ(a.depth, b.depth) << v;
    }
    for (uint64_t w = 1; w <= max_id; w += 7) {
      EXPECT_EQ(*mapped.ShortestPathLength(v, w, 6), *snapshot.ShortestPathLength(v, w, 6))
          << v << "->" << w;
    }
  }
}

TEST(MappedTraverserTest, AnswersEqualTheSnapshotEngineWithADelta) {
  TempStoreDir dir;
  BulkLoadEdges(dir.path(), 150, RandomEdges(3, 150, 500));
  {
    absl::StatusOr<std::unique_ptr<Store>> writer = Store::Open(dir.path(), StoreOptions{});
    ASSERT_TRUE(writer.ok()) << writer.status();
    // Old nodes and new ones (ids past the file's range) in the delta.
    CommitEdges(**writer, RandomEdges(4, 180, 300), 3);
  }
  StoreOptions read;
  read.read_only = true;
  std::unique_ptr<Store> store = std::move(*Store::Open(dir.path(), read));
  std::unique_ptr<Traverser> mapped = Make(*store, TraversalEngine::kMapped);
  EXPECT_EQ(mapped->stats().engine, TraversalEngine::kMapped);
  EXPECT_EQ(mapped->stats().snapshot_edges, 800u);
  ExpectSameAnswers(*mapped, *Make(*store, TraversalEngine::kSnapshot), 185);
}

// Bfs puts a large level in index order and leaves a small one as found:
// a graph of 3,000 nodes with a wide part (a hub's fan) and a long chain
// (levels of one node among 47 bitmap words) has both, and with the delta's
// new nodes (indices past the file's) in either.
TEST(MappedTraverserTest, BfsOfWideAndThinLevelsEqualsTheSnapshotEngine) {
  TempStoreDir dir;
  constexpr uint64_t kNodes = 3000;
  Edges edges = RandomEdges(7, kNodes / 2, 4000);
  for (uint64_t v = kNodes / 2; v < kNodes; ++v) edges.emplace_back(v, v + 1);
  edges.emplace_back(3, kNodes / 2);
  BulkLoadEdges(dir.path(), kNodes, edges);
  {
    absl::StatusOr<std::unique_ptr<Store>> writer = Store::Open(dir.path(), StoreOptions{});
    ASSERT_TRUE(writer.ok()) << writer.status();
    CommitEdges(**writer, {{kNodes, kNodes + 5}, {kNodes + 5, 2}, {9, kNodes + 6}}, 1);
  }
  StoreOptions read;
  read.read_only = true;
  std::unique_ptr<Store> store = std::move(*Store::Open(dir.path(), read));
  std::unique_ptr<Traverser> mapped = Make(*store, TraversalEngine::kMapped);
  std::unique_ptr<Traverser> snapshot = Make(*store, TraversalEngine::kSnapshot);
  ASSERT_EQ(mapped->stats().engine, TraversalEngine::kMapped);
  for (uint64_t v : {uint64_t{1}, uint64_t{2}, uint64_t{3}, kNodes / 2, kNodes - 10, kNodes + 5}) {
    for (Direction d : {Direction::kOut, Direction::kIn}) {
      for (int max_depth : {2, 50, 4000}) {
        const BfsResult a = *mapped->Bfs(v, d, max_depth), b = *snapshot->Bfs(v, d, max_depth);
        EXPECT_EQ(a.reached, b.reached) << v << " depth " << max_depth;
        EXPECT_EQ(a.depth, b.depth) << v << " depth " << max_depth;
      }
    }
  }
  // The chain is followed to its end through the small levels.
  EXPECT_GT(mapped->Bfs(3, Direction::kOut, 4000)->depth, 1500);
}

TEST(MappedTraverserTest, FoldedDeltaGivesTheSameAnswers) {
  TempStoreDir dir;
  BulkLoadEdges(dir.path(), 100, RandomEdges(5, 100, 300));
  absl::StatusOr<std::unique_ptr<Store>> writer = Store::Open(dir.path(), StoreOptions{});
  ASSERT_TRUE(writer.ok());
  CommitEdges(**writer, RandomEdges(6, 120, 200), 2);
  absl::StatusOr<AdjacencyFileReport> folded = CompactAdjacency(**writer);
  ASSERT_TRUE(folded.ok()) << folded.status();
  EXPECT_EQ(folded->edges, 500u);
  CommitEdges(**writer, RandomEdges(7, 130, 50), 5);
  std::unique_ptr<Traverser> mapped = Make(**writer, TraversalEngine::kMapped);
  EXPECT_EQ(mapped->stats().snapshot_edges, 550u);
  ExpectSameAnswers(*mapped, *Make(**writer, TraversalEngine::kSnapshot), 135);
}

// The file written from the loader's in-memory run and the one written by
// a scan after a load of spilled runs answer alike, with ids contiguous or
// sparse (then the file holds the id of every index).
TEST(MappedTraverserTest, LoaderWrittenAndScannedFilesAgree) {
  for (const uint64_t step : {1, 7}) {
    TempStoreDir one_run, spilled;
    const Edges edges = RandomEdges(9, 90, 400);
    BulkLoadEdges(one_run.path(), 90, edges, step);
    BulkLoadEdges(spilled.path(), 90, edges, step, /*run_edges=*/50);
    StoreOptions read;
    read.read_only = true;
    std::unique_ptr<Store> a = std::move(*Store::Open(one_run.path(), read));
    std::unique_ptr<Store> b = std::move(*Store::Open(spilled.path(), read));
    std::unique_ptr<Traverser> from_run = Make(*a, TraversalEngine::kMapped);
    std::unique_ptr<Traverser> from_scan = Make(*b, TraversalEngine::kMapped);
    ASSERT_EQ(from_run->stats().engine, TraversalEngine::kMapped);
    ASSERT_EQ(from_scan->stats().engine, TraversalEngine::kMapped);
    ExpectSameAnswers(*from_run, *from_scan, 92 * step);
    ExpectSameAnswers(*from_run, *Make(*a, TraversalEngine::kSnapshot), 92 * step);
  }
}

// In the writer's process (or a secondary after CatchUp) each query first
// reads the log rows committed since the last one.
TEST(MappedTraverserTest, OverlayFollowsCommits) {
  TempStoreDir dir;
  BulkLoadEdges(dir.path(), 10, {{1, 2}, {2, 3}});
  absl::StatusOr<std::unique_ptr<Store>> store = Store::Open(dir.path(), StoreOptions{});
  ASSERT_TRUE(store.ok());
  std::unique_ptr<Traverser> t = Make(**store, TraversalEngine::kMapped);
  EXPECT_EQ(*t->ShortestPathLength(1, 20, 6), -1);
  CommitEdges(**store, {{3, 20}}, 1);
  EXPECT_EQ(*t->ShortestPathLength(1, 20, 6), 3);
  EXPECT_EQ(*t->Neighbours(20, Direction::kIn), std::vector<uint64_t>{3});
  CommitEdges(**store, {{1, 20}, {1, 2}}, 2);
  EXPECT_EQ(*t->ShortestPathLength(1, 20, 6), 1);
  EXPECT_EQ(*t->Neighbours(1, Direction::kOut), (std::vector<uint64_t>{2, 20}));
  EXPECT_EQ(t->KHop(1, KHopOptions{})->nodes, (std::vector<uint64_t>{2, 20, 3}));
  EXPECT_EQ(t->stats().snapshot_sequence, (*store)->LatestSequence());
  EXPECT_EQ(t->stats().snapshot_edges, 5u);
}

TEST(MappedTraverserTest, WithoutAFileTheOtherEnginesServe) {
  TempStoreDir dir;
  absl::StatusOr<std::unique_ptr<Store>> store = Store::Open(dir.path(), StoreOptions{});
  ASSERT_TRUE(store.ok());
  CommitEdges(**store, {{1, 2}, {2, 3}}, 2);
  EXPECT_EQ(TraverserOptions().engine, TraversalEngine::kMapped);  // the default
  std::unique_ptr<Traverser> t = Make(**store, TraversalEngine::kMapped);
  EXPECT_EQ(t->stats().engine, TraversalEngine::kStore);
  EXPECT_EQ(*t->ShortestPathLength(1, 3, 6), 2);
  EXPECT_EQ(Make(**store, TraversalEngine::kAuto)->stats().engine, TraversalEngine::kSnapshot);
  ASSERT_TRUE(CompactAdjacency(**store).ok());
  EXPECT_EQ(Make(**store, TraversalEngine::kAuto)->stats().engine, TraversalEngine::kMapped);
}

// A file that, with the log, does not account for the store's edges (here
// one copied from another store) is not used.
TEST(MappedTraverserTest, AFileOfAnotherStateIsNotUsed) {
  TempStoreDir a, b;
  BulkLoadEdges(a.path(), 10, {{1, 2}, {2, 3}, {3, 4}});
  BulkLoadEdges(b.path(), 10, {{1, 2}});
  for (const auto& entry : std::filesystem::directory_iterator(b.path())) {
    if (entry.path().extension() == ".csr") std::filesystem::remove(entry.path());
  }
  for (const auto& entry : std::filesystem::directory_iterator(a.path())) {
    if (entry.path().extension() == ".csr") {
      std::filesystem::copy_file(entry.path(), b.path() + "/" + entry.path().filename().string());
    }
  }
  StoreOptions read;
  read.read_only = true;
  std::unique_ptr<Store> store = std::move(*Store::Open(b.path(), read));
  std::unique_ptr<Traverser> t = Make(*store, TraversalEngine::kMapped);
  EXPECT_EQ(t->stats().engine, TraversalEngine::kStore);
  EXPECT_EQ(*t->ShortestPathLength(1, 3, 6), -1);
}

// A reader whose view predates a fold (and the commits it folded) keeps
// using the previous file with its own, shorter delta.
TEST(MappedTraverserTest, AFileNewerThanTheViewIsNotUsed) {
  TempStoreDir dir;
  BulkLoadEdges(dir.path(), 10, {{1, 2}});
  absl::StatusOr<std::unique_ptr<Store>> writer = Store::Open(dir.path(), StoreOptions{});
  ASSERT_TRUE(writer.ok());
  CommitEdges(**writer, {{2, 3}}, 1);
  StoreOptions read;
  read.read_only = true;
  std::unique_ptr<Store> reader = std::move(*Store::Open(dir.path(), read));
  CommitEdges(**writer, {{3, 4}}, 1);
  ASSERT_TRUE(CompactAdjacency(**writer).ok());
  std::unique_ptr<Traverser> t = Make(*reader, TraversalEngine::kMapped);
  EXPECT_EQ(t->stats().engine, TraversalEngine::kMapped);
  EXPECT_EQ(*t->ShortestPathLength(1, 3, 6), 2);
  EXPECT_EQ(*t->ShortestPathLength(1, 4, 6), -1);  // not in the reader's view
  EXPECT_EQ(t->stats().snapshot_edges, 2u);
}

}  // namespace
}  // namespace newsgraph
