// The adjacency file (engine/adjacency_file.h): written and mapped back
// with the same arrays, and its crash safety: a file cut off by a crash is
// refused and an older complete one used; a temporary left by a crash is
// removed by the next write. And the edge log that holds the delta.
#include "engine/adjacency_file.h"

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "engine/adjacency_log.h"
#include "engine/rocks_store.h"
#include "gtest/gtest.h"
#include "newsgraph/adjacency_file.h"
#include "newsgraph/graph_snapshot.h"
#include "newsgraph/store.h"
#include "tests/engine/test_store_dir.h"

namespace newsgraph::engine {
namespace {

using testing_util::TestStoreDir;

GraphSnapshot Graph(std::vector<uint64_t> ids, const std::vector<WeightedEdge>& edges) {
  absl::StatusOr<GraphSnapshot> g = GraphSnapshot::FromEdges(std::move(ids), edges);
  EXPECT_TRUE(g.ok()) << g.status();
  return std::move(*g);
}

// Every row of both directions of `file` equals the snapshot's.
void ExpectSameRows(const AdjacencyFile& file, const GraphSnapshot& g) {
  ASSERT_EQ(file.num_vertices(), g.num_vertices());
  ASSERT_EQ(file.num_edges(), g.num_edges());
  const auto& fwd = g.graph().m_forward;
  const auto& bwd = g.graph().m_backward;
  for (uint32_t v = 0; v < g.num_vertices(); ++v) {
    EXPECT_EQ(file.id(v), g.id(v));
    EXPECT_EQ(file.VertexOrNone(g.id(v)), v);
    EXPECT_EQ(file.start(Direction::kOut)[v], fwd.m_rowstart[v]);
    EXPECT_EQ(file.start(Direction::kIn)[v], bwd.m_rowstart[v]);
  }
  for (uint64_t e = 0; e < g.num_edges(); ++e) {
    EXPECT_EQ(file.column(Direction::kOut)[e], fwd.m_column[e]);
    EXPECT_EQ(file.column(Direction::kIn)[e], bwd.m_column[e]);
  }
}

TEST(AdjacencyFileTest, RoundTripWithSparseIds) {
  TestStoreDir dir;
  std::filesystem::create_directories(dir.path());
  const GraphSnapshot g =
      Graph({3, 10, 11, 500, 1u << 20}, {{3, 10}, {3, 500}, {500, 3}, {10, 10}, {3, 10}});
  std::string path;
  ASSERT_TRUE(WriteAdjacencyFile(dir.path(), g, {7, 99}, &path).ok());
  EXPECT_EQ(path, AdjacencyFilePath(dir.path(), 7));
  absl::StatusOr<std::unique_ptr<AdjacencyFile>> file = AdjacencyFile::Open(path);
  ASSERT_TRUE(file.ok()) << file.status();
  EXPECT_EQ((*file)->tag().log_bound, 7u);
  EXPECT_EQ((*file)->tag().sequence, 99u);
  ExpectSameRows(**file, g);
  EXPECT_EQ((*file)->VertexOrNone(4), AdjacencyFile::kNoVertex);
  EXPECT_EQ((*file)->VertexOrNone(1u << 21), AdjacencyFile::kNoVertex);
}

TEST(AdjacencyFileTest, RoundTripWithContiguousIdsAndNoEdges) {
  TestStoreDir dir;
  std::filesystem::create_directories(dir.path());
  const GraphSnapshot g = Graph({5, 6, 7, 8}, {{5, 8}, {8, 5}, {6, 7}});
  std::string path;
  ASSERT_TRUE(WriteAdjacencyFile(dir.path(), g, {1, 1}, &path).ok());
  std::unique_ptr<AdjacencyFile> file = std::move(*AdjacencyFile::Open(path));
  ExpectSameRows(*file, g);
  EXPECT_EQ(file->VertexOrNone(9), AdjacencyFile::kNoVertex);
  EXPECT_EQ(file->VertexOrNone(4), AdjacencyFile::kNoVertex);

  const GraphSnapshot empty = Graph({}, {});
  ASSERT_TRUE(WriteAdjacencyFile(dir.path(), empty, {2, 2}, &path).ok());
  file = std::move(*AdjacencyFile::Open(path));
  EXPECT_EQ(file->num_vertices(), 0u);
  EXPECT_EQ(file->VertexOrNone(1), AdjacencyFile::kNoVertex);
}

TEST(AdjacencyFileTest, RefusesIdsOutOfOrder) {
  TestStoreDir dir;
  std::filesystem::create_directories(dir.path());
  std::string path;
  EXPECT_EQ(WriteAdjacencyFile(dir.path(), Graph({9, 2}, {{9, 2}}), {0, 0}, &path).code(),
            absl::StatusCode::kInvalidArgument);
}

// A crash during a write leaves at most a temporary file (the rename is the
// commit point); a file cut short some other way is refused by its size,
// and the reader takes the newest complete file within its view.
TEST(AdjacencyFileTest, CutOffFilesAndLeftoversAreNeverUsed) {
  TestStoreDir dir;
  std::filesystem::create_directories(dir.path());
  const GraphSnapshot g = Graph({1, 2, 3}, {{1, 2}, {2, 3}});
  std::string good;
  ASSERT_TRUE(WriteAdjacencyFile(dir.path(), g, {4, 0}, &good).ok());
  const std::string cut = AdjacencyFilePath(dir.path(), 9);
  std::filesystem::copy_file(good, cut);
  std::filesystem::resize_file(cut, std::filesystem::file_size(good) - 4);
  EXPECT_EQ(AdjacencyFile::Open(cut).status().code(), absl::StatusCode::kDataLoss);
  std::ofstream(AdjacencyFilePath(dir.path(), 8)) << "garbage";
  EXPECT_EQ(AdjacencyFile::Open(AdjacencyFilePath(dir.path(), 8)).status().code(),
            absl::StatusCode::kDataLoss);

  absl::StatusOr<std::unique_ptr<AdjacencyFile>> newest = AdjacencyFile::OpenNewest(dir.path(), 100);
  ASSERT_TRUE(newest.ok() && *newest != nullptr);
  EXPECT_EQ((*newest)->path(), good);
  // A file newer than the reader's view is not taken either.
  EXPECT_EQ(*AdjacencyFile::OpenNewest(dir.path(), 3), nullptr);

  const std::string temp = dir.path() + "/adjacency.csr.tmp.12345";
  std::ofstream(temp) << "half a file";
  std::string next;
  ASSERT_TRUE(WriteAdjacencyFile(dir.path(), g, {10, 0}, &next).ok());
  EXPECT_FALSE(std::filesystem::exists(temp));
  // The two newest are kept (a reader may still want the previous one).
  EXPECT_TRUE(std::filesystem::exists(next));
  EXPECT_TRUE(std::filesystem::exists(cut));
  EXPECT_FALSE(std::filesystem::exists(good));
}

// Every commit with edges adds one log row, numbered in commit order, in
// the same batch as the edges; a bulk load adds none.
TEST(EdgeLogTest, CommitsAreLoggedInOrder) {
  TestStoreDir dir;
  absl::StatusOr<std::unique_ptr<RocksStore>> store = RocksStore::OpenRocks(dir.path(), {});
  ASSERT_TRUE(store.ok()) << store.status();
  EXPECT_EQ(*LogBound(**store, nullptr), 0u);
  auto commit = [&](std::vector<std::pair<uint64_t, uint64_t>> edges) {
    std::unique_ptr<WriteSet> set = (*store)->NewWriteSet();
    for (const auto& [src, dst] : edges) {
      pb::Edge edge;
      edge.set_src(src);
      edge.set_dst(dst);
      edge.set_type(pb::MET);
      set->PutEdge(edge);
    }
    ASSERT_TRUE((*store)->Commit(*set).ok());
  };
  commit({{1, 2}, {2, 3}});
  commit({});  // no edges: no row
  commit({{3, 1}});
  EXPECT_EQ(*LogBound(**store, nullptr), 2u);
  std::vector<std::pair<uint64_t, uint64_t>> seen;
  uint64_t bound = 0;
  auto visit = [&](uint64_t s, uint64_t d) { seen.emplace_back(s, d); };
  ASSERT_TRUE(ReadLog(**store, nullptr, 1, visit, &bound).ok());
  EXPECT_EQ(seen, (std::vector<std::pair<uint64_t, uint64_t>>{{3, 1}}));
  EXPECT_EQ(bound, 2u);
  EXPECT_EQ(*EdgeTotal(**store, nullptr), 3u);
  store->reset();
  // A writer reopening the store numbers on from the last row.
  store = RocksStore::OpenRocks(dir.path(), {});
  ASSERT_TRUE(store.ok());
  commit({{4, 5}});
  EXPECT_EQ(*LogBound(**store, nullptr), 3u);
  absl::StatusOr<AdjacencyFileReport> report = CompactAdjacency(**store);
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->log_bound, 3u);
  EXPECT_EQ(report->edges, 4u);
}

// A writer closing with a delta past its threshold folds it into a new
// file; under the threshold it leaves the store as it is.
TEST(EdgeLogTest, AWriterFoldsAGrownDeltaAtClose) {
  TestStoreDir dir;
  auto commit = [&](RocksStore& store, int edges) {
    std::unique_ptr<WriteSet> set = store.NewWriteSet();
    for (int i = 0; i < edges; ++i) {
      pb::Edge edge;
      edge.set_src(1 + i);
      edge.set_dst(2 + i);
      edge.set_type(pb::MET);
      set->PutEdge(edge);
    }
    ASSERT_TRUE(store.Commit(*set).ok());
  };
  {
    std::unique_ptr<RocksStore> store = std::move(*RocksStore::OpenRocks(dir.path(), {}));
    store->set_fold_adjacency_edges(3);
    commit(*store, 2);
  }
  EXPECT_EQ(*AdjacencyFile::OpenNewest(dir.path(), 100), nullptr);  // 2 < 3: no file
  {
    std::unique_ptr<RocksStore> store = std::move(*RocksStore::OpenRocks(dir.path(), {}));
    store->set_fold_adjacency_edges(3);
    commit(*store, 2);
  }
  std::unique_ptr<AdjacencyFile> file = std::move(*AdjacencyFile::OpenNewest(dir.path(), 100));
  ASSERT_NE(file, nullptr);  // 4 >= 3 since no file: folded
  EXPECT_EQ(file->tag().log_bound, 2u);
  EXPECT_EQ(file->num_edges(), 4u);
  {
    std::unique_ptr<RocksStore> store = std::move(*RocksStore::OpenRocks(dir.path(), {}));
    store->set_fold_adjacency_edges(3);
    commit(*store, 1);
  }
  // One edge past the file: the file stays.
  EXPECT_EQ((*AdjacencyFile::OpenNewest(dir.path(), 100))->tag().log_bound, 2u);
}

// A fold trims the log rows below the oldest file it keeps, never the last
// row: the numbering goes on after a reopen, and the newest file plus the
// rows after it still hold every edge.
TEST(EdgeLogTest, AFoldTrimsTheRowsNoKeptFileNeeds) {
  TestStoreDir dir;
  std::unique_ptr<RocksStore> store = std::move(*RocksStore::OpenRocks(dir.path(), {}));
  auto commit = [&](uint64_t src) {
    std::unique_ptr<WriteSet> set = store->NewWriteSet();
    pb::Edge edge;
    edge.set_src(src);
    edge.set_dst(src + 1);
    edge.set_type(pb::MET);
    set->PutEdge(edge);
    ASSERT_TRUE(store->Commit(*set).ok());
  };
  auto rows_from_zero = [&]() {
    int rows = 0;
    uint64_t bound = 0;
    EXPECT_TRUE(ReadLog(*store, nullptr, 0, [&](uint64_t, uint64_t) { ++rows; }, &bound).ok());
    return rows;
  };
  for (uint64_t i = 1; i <= 3; ++i) commit(i);
  ASSERT_TRUE(CompactAdjacency(*store).ok());  // file at bound 3: the only one kept
  EXPECT_EQ(rows_from_zero(), 1);              // rows 0 and 1 trimmed; row 2 is the last
  for (uint64_t i = 4; i <= 5; ++i) commit(i);
  ASSERT_TRUE(CompactAdjacency(*store).ok());  // files at 3 and 5 kept: rows from 3 stay
  EXPECT_EQ(rows_from_zero(), 2);
  for (uint64_t i = 6; i <= 7; ++i) commit(i);
  ASSERT_TRUE(CompactAdjacency(*store).ok());  // files at 5 and 7: rows 5 and 6 stay
  EXPECT_EQ(rows_from_zero(), 2);
  EXPECT_EQ(*LogBound(*store, nullptr), 7u);
  store.reset();
  store = std::move(*RocksStore::OpenRocks(dir.path(), {}));
  commit(8);
  EXPECT_EQ(*LogBound(*store, nullptr), 8u);  // numbered on after the reopen
  std::unique_ptr<AdjacencyFile> file = std::move(*AdjacencyFile::OpenNewest(dir.path(), 8));
  ASSERT_NE(file, nullptr);
  uint64_t delta = 0, bound = 0;
  ASSERT_TRUE(ReadLog(*store, nullptr, file->tag().log_bound,
                      [&](uint64_t, uint64_t) { ++delta; }, &bound)
                  .ok());
  EXPECT_EQ(file->num_edges() + delta, *EdgeTotal(*store, nullptr));
}

}  // namespace
}  // namespace newsgraph::engine
