// BulkLoad: what it writes reads back through the Store API like committed
// data; bad input is named by file and line.
#include "newsgraph/bulk_load.h"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <fstream>
#include <string>
#include <tuple>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "newsgraph/store.h"
#include "rocksdb/db.h"
#include "tests/engine/test_records.h"
#include "tests/engine/test_store_dir.h"

namespace newsgraph {
namespace {

using testing_util::MakeEdge;
using testing_util::OpenReader;
using testing_util::OpenWriter;
using testing_util::TestStoreDir;

void Write(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

const char kNodes[] = "id,kind\n1,PERSON\n2,PERSON\n3,STATE\n10,7\n";
// Parallel edges (1->2 twice), a self-loop, names and numbers for types.
const char kEdges[] = "src,dst,type\n1,2,MET\n1,2,7\n2,3,HOLDS_ROLE\n3,10,2\n1,1,8\n10,1,3\n\n";

// (node, other, type) of every edge of `node` in `direction`.
std::vector<std::tuple<uint64_t, uint64_t, int>> Scan(const Store& store, uint64_t node,
                                                      Direction direction) {
  std::vector<std::tuple<uint64_t, uint64_t, int>> seen;
  absl::Status s = store.ScanEdges(node, direction, EdgeFilter{}, [&](const pb::Edge& e) {
    seen.emplace_back(e.src(), e.dst(), e.type());
    return true;
  });
  EXPECT_TRUE(s.ok()) << s;
  return seen;
}

class BulkLoadTest : public ::testing::Test {
 protected:
  std::string File(const std::string& name) { return files_.path() + "-" + name; }
  void TearDown() override {
    for (const char* name : {"nodes.csv", "edges.csv"}) std::remove(File(name).c_str());
  }
  absl::StatusOr<BulkLoadReport> Load(const std::string& nodes, const std::string& edges,
                                      BulkLoadOptions options = {}) {
    Write(File("nodes.csv"), nodes);
    Write(File("edges.csv"), edges);
    return BulkLoad(dir_.path(), File("nodes.csv"), File("edges.csv"), options);
  }
  // Loads the files last written into `into` on one thread, as one run: the
  // store the parallel and spilling paths must give.
  void LoadReference(const TestStoreDir& into) {
    BulkLoadOptions single;
    single.parse_threads = 1;
    ASSERT_TRUE(BulkLoad(into.path(), File("nodes.csv"), File("edges.csv"), single).ok());
  }

  TestStoreDir dir_;
  TestStoreDir files_;
};

TEST_F(BulkLoadTest, ReadableInBothDirectionsWithStats) {
  absl::StatusOr<BulkLoadReport> report = Load(kNodes, kEdges);
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->nodes, 4u);
  EXPECT_EQ(report->edges, 6u);
  EXPECT_EQ(report->runs, 1);

  std::unique_ptr<Store> store = OpenReader(dir_.path());
  ASSERT_NE(store, nullptr);
  using E = std::tuple<uint64_t, uint64_t, int>;
  EXPECT_EQ(Scan(*store, 1, Direction::kOut),
            (std::vector<E>{{1, 2, pb::MET}, {1, 2, pb::MET}, {1, 1, pb::SPOKE_WITH}}));
  EXPECT_EQ(Scan(*store, 1, Direction::kIn),
            (std::vector<E>{{10, 1, pb::REPORTED_IN}, {1, 1, pb::SPOKE_WITH}}));
  EXPECT_EQ(Scan(*store, 2, Direction::kIn), (std::vector<E>{{1, 2, pb::MET}, {1, 2, pb::MET}}));
  EXPECT_EQ(Scan(*store, 10, Direction::kOut), (std::vector<E>{{10, 1, pb::REPORTED_IN}}));
  EXPECT_TRUE(Scan(*store, 4, Direction::kOut).empty());

  absl::StatusOr<std::optional<pb::Node>> node = store->GetNode(10);
  ASSERT_TRUE(node.ok() && node->has_value());
  EXPECT_EQ((*node)->kind(), pb::ARTICLE);

  absl::StatusOr<StoreStats> stats = store->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->nodes_by_kind.at("PERSON"), 2u);
  EXPECT_EQ(stats->nodes_by_kind.at("STATE"), 1u);
  EXPECT_EQ(stats->edges_by_type.at("MET"), 2u);
  EXPECT_EQ(stats->edges_by_type.at("SPOKE_WITH"), 1u);
}

// Database::BulkLoad's path: the store stays open, and the same handle
// sees the load at once and hands out ids beyond it.
TEST_F(BulkLoadTest, LoadsIntoAStoreOpenForWriting) {
  Write(File("nodes.csv"), kNodes);
  Write(File("edges.csv"), kEdges);
  std::unique_ptr<Store> store = OpenWriter(dir_.path());
  ASSERT_NE(store, nullptr);
  absl::StatusOr<BulkLoadReport> report = BulkLoad(*store, File("nodes.csv"), File("edges.csv"));
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->edges, 6u);
  using E = std::tuple<uint64_t, uint64_t, int>;
  EXPECT_EQ(Scan(*store, 2, Direction::kIn), (std::vector<E>{{1, 2, pb::MET}, {1, 2, pb::MET}}));
  absl::StatusOr<StoreStats> stats = store->Stats();
  ASSERT_TRUE(stats.ok()) << stats.status();
  EXPECT_EQ(stats->edges_by_type.at("MET"), 2u);
  EXPECT_GT(store->NewWriteSet()->NewNodeId(), 10u);
  // A second load finds the store no longer empty.
  EXPECT_EQ(BulkLoad(*store, File("nodes.csv"), File("edges.csv")).status().code(),
            absl::StatusCode::kFailedPrecondition);
}

TEST_F(BulkLoadTest, RefusesAStoreOpenReadOnly) {
  Write(File("nodes.csv"), kNodes);
  Write(File("edges.csv"), kEdges);
  OpenWriter(dir_.path());  // makes the empty store
  std::unique_ptr<Store> store = OpenReader(dir_.path());
  ASSERT_NE(store, nullptr);
  absl::StatusOr<BulkLoadReport> report = BulkLoad(*store, File("nodes.csv"), File("edges.csv"));
  EXPECT_EQ(report.status().code(), absl::StatusCode::kFailedPrecondition) << report.status();
  EXPECT_TRUE(Scan(*store, 1, Direction::kOut).empty());
}

TEST_F(BulkLoadTest, CommitsAfterALoadGetFreshIdsAndSeqs) {
  ASSERT_TRUE(Load(kNodes, kEdges).ok());
  std::unique_ptr<Store> store = OpenWriter(dir_.path());
  ASSERT_NE(store, nullptr);
  std::unique_ptr<WriteSet> set = store->NewWriteSet();
  EXPECT_GT(set->NewNodeId(), 10u);
  // Same endpoints, type and day as a loaded edge: only a fresh seq keeps
  // it from overwriting that edge.
  pb::Edge edge = MakeEdge(1, 2, pb::MET, 0);
  edge.clear_time();
  set->PutEdge(edge);
  ASSERT_TRUE(store->Commit(*set).ok());
  EXPECT_EQ(Scan(*store, 1, Direction::kOut).size(), 4u);
  EXPECT_EQ(store->Stats()->edges_by_type.at("MET"), 3u);
}

TEST_F(BulkLoadTest, ManyRunsGiveTheSameStore) {
  std::string edges = "src,dst,type\n";
  for (int i = 0; i < 300; ++i) {
    edges += std::to_string(1 + (i * 7) % 4 % 3) + "," + std::to_string(1 + (i * 13) % 3) + "," +
             std::to_string(1 + i % 8) + "\n";
  }
  BulkLoadOptions small;
  small.run_edges = 7;
  absl::StatusOr<BulkLoadReport> report = Load(kNodes, edges, small);
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->runs, 43);

  TestStoreDir other;
  ASSERT_TRUE(BulkLoad(other.path(), File("nodes.csv"), File("edges.csv")).ok());
  std::unique_ptr<Store> a = OpenReader(dir_.path());
  std::unique_ptr<Store> b = OpenReader(other.path());
  size_t total = 0;
  for (uint64_t node : {1, 2, 3}) {
    for (Direction d : {Direction::kOut, Direction::kIn}) {
      EXPECT_EQ(Scan(*a, node, d), Scan(*b, node, d));
      if (d == Direction::kOut) total += Scan(*a, node, d).size();
    }
  }
  EXPECT_EQ(total, 300u);
}

TEST_F(BulkLoadTest, BadLinesNameFileAndLine) {
  struct Case {
    std::string nodes, edges, message;
  };
  const Case cases[] = {
      {kNodes, "src,dst,type\n1,2,MET\n1,x,MET\n", "edges.csv:3: bad dst id \"x\""},
      {kNodes, "src,dst,type\n1,2,MET\n\n1,2,FLEW\n", "edges.csv:4: unknown edge type"},
      {kNodes, "src,dst,type\n1,2,0\n", "edges.csv:2: unknown edge type"},
      {kNodes, "src,dst,type\n1,2\n", "edges.csv:2: expected 3 fields"},
      {kNodes, "src,dst,type\n1,99,MET\n", "edges.csv:2: node 99 is not in"},
      {kNodes, "from,to,type\n", "edges.csv:1: header must be \"src,dst,type\""},
      {"id,kind\n1,PERSON\n0,PERSON\n", kEdges, "nodes.csv:3: bad node id \"0\""},
      {"id,kind\n1,PERSON\n1,STATE\n", kEdges,
       "nodes.csv:3: duplicate node id 1 (first at line 2)"},
      {"id,kind\n1,WIZARD\n", kEdges, "nodes.csv:2: unknown node kind \"WIZARD\""},
  };
  for (const Case& c : cases) {
    absl::StatusOr<BulkLoadReport> report = Load(c.nodes, c.edges);
    ASSERT_FALSE(report.ok()) << c.message;
    EXPECT_EQ(report.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_TRUE(absl::StrContains(report.status().message(), c.message))
        << report.status() << " / wanted " << c.message;
  }
  // Nothing of the failed loads is visible.
  std::unique_ptr<Store> store = OpenReader(dir_.path());
  EXPECT_TRUE(Scan(*store, 1, Direction::kOut).empty());
}

TEST_F(BulkLoadTest, DatedEdgesCarryTheirDay) {
  const std::string edges =
      "src,dst,type,date\n1,2,MET,2022-03-04\n1,2,MET,\n1,3,8,19000\n2,1,MET,-3\n";
  ASSERT_TRUE(Load(kNodes, edges).ok());
  std::unique_ptr<Store> store = OpenReader(dir_.path());
  ASSERT_NE(store, nullptr);
  std::vector<pb::Edge> out;
  ASSERT_TRUE(store
                  ->ScanEdges(1, Direction::kOut, EdgeFilter{},
                              [&](const pb::Edge& e) {
                                out.push_back(e);
                                return true;
                              })
                  .ok());
  ASSERT_EQ(out.size(), 3u);
  // Key order: type (MET = 7, SPOKE_WITH = 8), then start day (0 when undated).
  EXPECT_FALSE(out[0].has_time());
  EXPECT_EQ(out[1].time().from_day(), 19055);  // 2022-03-04
  EXPECT_EQ(out[1].time().to_day(), 19055);
  EXPECT_EQ(out[1].time().granularity(), pb::DAY);
  EXPECT_EQ(out[2].dst(), 3u);
  EXPECT_EQ(out[2].time().from_day(), 19000);

  // The day is the start day of the keys: a window is a range read, both ways.
  EdgeFilter march;
  march.from_day = 19050;
  march.to_day = 19060;
  int in_window = 0;
  ASSERT_TRUE(store
                  ->ScanEdges(2, Direction::kIn, march,
                              [&](const pb::Edge& e) {
                                EXPECT_EQ(e.time().from_day(), 19055);
                                ++in_window;
                                return true;
                              })
                  .ok());
  EXPECT_EQ(in_window, 1);
  EdgeFilter before_1970;
  before_1970.to_day = -1;
  int early = 0;
  ASSERT_TRUE(store
                  ->ScanEdges(1, Direction::kIn, before_1970,
                              [&](const pb::Edge& e) {
                                EXPECT_EQ(e.src(), 2u);
                                ++early;
                                return true;
                              })
                  .ok());
  EXPECT_EQ(early, 1);

  TestStoreDir bad;
  Write(File("edges.csv"), "src,dst,type,date\n1,2,MET,2022-02-30\n");
  absl::StatusOr<BulkLoadReport> report =
      BulkLoad(bad.path(), File("nodes.csv"), File("edges.csv"));
  EXPECT_TRUE(absl::StrContains(report.status().message(), "edges.csv:2: bad date \"2022-02-30\""))
      << report.status();

  // Day numbers beyond what a bulk load packs are refused by line.
  TestStoreDir far;
  Write(File("edges.csv"), "src,dst,type,date\n1,2,MET,100\n1,2,MET,-9000000\n");
  report = BulkLoad(far.path(), File("nodes.csv"), File("edges.csv"));
  EXPECT_TRUE(absl::StrContains(report.status().message(),
                                "edges.csv:3: day -9000000 is outside the days a bulk load takes"))
      << report.status();
}

// Every edge of `node` both ways, whole, in scan order.
std::vector<std::string> ScanWhole(const Store& store, uint64_t node) {
  std::vector<std::string> seen;
  for (Direction d : {Direction::kOut, Direction::kIn}) {
    absl::Status s = store.ScanEdges(node, d, EdgeFilter{}, [&](const pb::Edge& e) {
      seen.push_back(e.ShortDebugString());
      return true;
    });
    EXPECT_TRUE(s.ok()) << s;
  }
  return seen;
}

// Every row of every column family of the store in `dir` (keys and values,
// in order), as one FNV-1a digest: what a bulk load stored, byte for byte.
uint64_t StoreDigest(const std::string& dir) {
  std::vector<std::string> families;
  EXPECT_TRUE(rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), dir, &families).ok());
  std::sort(families.begin(), families.end());
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  for (const std::string& name : families) {
    descriptors.emplace_back(name, rocksdb::ColumnFamilyOptions());
  }
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  EXPECT_TRUE(
      rocksdb::DB::OpenForReadOnly(rocksdb::Options(), dir, descriptors, &handles, &raw).ok());
  std::unique_ptr<rocksdb::DB> db(raw);
  uint64_t digest = 14695981039346656037ULL;
  auto mix = [&digest](const rocksdb::Slice& bytes) {
    for (size_t i = 0; i < bytes.size(); ++i) {
      digest = (digest ^ static_cast<unsigned char>(bytes[i])) * 1099511628211ULL;
    }
    digest = (digest ^ bytes.size()) * 1099511628211ULL;  // where each piece ends
  };
  for (size_t f = 0; f < handles.size(); ++f) {
    mix(families[f]);
    std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(rocksdb::ReadOptions(), handles[f]));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      mix(it->key());
      mix(it->value());
    }
    EXPECT_TRUE(it->status().ok()) << it->status().ToString();
  }
  for (rocksdb::ColumnFamilyHandle* handle : handles) db->DestroyColumnFamilyHandle(handle);
  return digest;
}

// The rows a bulk load stores are pinned: a change that makes the loader
// faster must store the same bytes (keys, values, counters, totals). The
// graph has dated and undated edges, parallel edges, a self-loop, nodes
// without edges and two parsing threads' worth of lines. The digest was
// taken from the loader before its buffers changed (2026-12).
TEST_F(BulkLoadTest, StoresTheSameRowsAsBefore) {
  constexpr int kGoldenNodes = 4000;
  constexpr int kGoldenEdges = 150000;  // over 2 MB: two slices
  std::string nodes = "id,kind\n";
  for (int i = 1; i <= kGoldenNodes; ++i) absl::StrAppend(&nodes, i, i % 5 == 0 ? ",STATE\n" : ",PERSON\n");
  std::string edges = "src,dst,type,date\n1,1,MET,\n1,2,MET,2020-01-01\n1,2,MET,2020-01-01\n";
  uint64_t x = 4242;
  for (int i = 0; i < kGoldenEdges; ++i) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    absl::StrAppend(&edges, 1 + (x >> 33) % (kGoldenNodes - 100), ",",
                    1 + (x >> 13) % (kGoldenNodes - 100), ",", 1 + i % 8, ",",
                    i % 3 == 0 ? "" : absl::StrCat(18000 + i % 400), "\n");
  }
  BulkLoadOptions two;
  two.parse_threads = 2;
  absl::StatusOr<BulkLoadReport> report = Load(nodes, edges, two);
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(StoreDigest(dir_.path()), 15651003377762862808ULL);
}

// A run of over 2M edges is written in pieces, one per thread; sparse ids
// (not a bitmap, not contiguous) are stored by rank and read back as ids.
// Both must give the store one thread and one piece give, and the edges
// must read back as committed edges do.
TEST_F(BulkLoadTest, PiecesAndSparseIdsGiveTheSameStore) {
  constexpr uint64_t kNodeCount = 3000;
  constexpr uint64_t kIdStep = 1000003;  // ids far apart: the sorted-list path
  constexpr int kManyEdges = (1 << 21) + 100000;
  std::string nodes = "id,kind\n";
  for (uint64_t i = 1; i <= kNodeCount; ++i) absl::StrAppend(&nodes, i * kIdStep, ",PERSON\n");
  std::string edges = "src,dst,type,date\n";
  uint64_t x = 777;
  for (int i = 0; i < kManyEdges; ++i) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    absl::StrAppend(&edges, (1 + (x >> 33) % kNodeCount) * kIdStep, ",",
                    (1 + (x >> 13) % kNodeCount) * kIdStep, ",", 1 + i % 8, ",",
                    i % 4 == 0 ? "" : absl::StrCat(-50 + i % 100), "\n");
  }
  BulkLoadOptions pieces;
  pieces.parse_threads = 2;
  ASSERT_TRUE(Load(nodes, edges, pieces).ok());
  TestStoreDir other;
  LoadReference(other);

  std::unique_ptr<Store> a = OpenReader(dir_.path());
  std::unique_ptr<Store> b = OpenReader(other.path());
  for (uint64_t node = kIdStep; node <= kNodeCount * kIdStep; node += 97 * kIdStep) {
    const std::vector<std::string> got = ScanWhole(*a, node);
    EXPECT_EQ(got, ScanWhole(*b, node)) << node;
    EXPECT_GT(got.size(), 1000u) << node;
  }
  EXPECT_TRUE(ScanWhole(*a, kIdStep + 1).empty());

  // The first edge of the file (undated) reads back whole: src, dst and
  // type come from the key, the value being empty.
  pb::Edge first;
  x = 777 * 6364136223846793005ULL + 1442695040888963407ULL;
  first.set_src((1 + (x >> 33) % kNodeCount) * kIdStep);
  first.set_dst((1 + (x >> 13) % kNodeCount) * kIdStep);
  first.set_type(static_cast<pb::EdgeType>(1));
  bool found = false;
  ASSERT_TRUE(a->ScanEdges(first.src(), Direction::kOut, EdgeFilter{},
                              [&](const pb::Edge& e) {
                                found = found || e.ShortDebugString() == first.ShortDebugString();
                                return true;
                              })
                  .ok());
  EXPECT_TRUE(found) << first.ShortDebugString();
}

// A file large enough for two parsing threads, with runs small enough to
// spill many times, loads the same store as one thread and one run; an
// error in the second slice still names its line in the file.
TEST_F(BulkLoadTest, ParallelSlicesAndSpilledRunsGiveTheSameStore) {
  constexpr int kManyNodes = 5000;
  constexpr int kManyEdges = 200000;  // about 3 MB: two slices
  std::string nodes = "id,kind\n";
  for (int i = 1; i <= kManyNodes; ++i) nodes += std::to_string(i) + ",PERSON\n";
  std::string edges = "src,dst,type,date\n";
  uint64_t x = 12345;
  for (int i = 0; i < kManyEdges; ++i) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    edges += std::to_string(1 + (x >> 33) % kManyNodes) + "," +
             std::to_string(1 + (x >> 13) % kManyNodes) + "," + std::to_string(1 + i % 8) +
             (i % 3 == 0 ? ",\n" : "," + std::to_string(18000 + i % 50) + "\n");
  }
  BulkLoadOptions sliced;
  sliced.parse_threads = 2;
  sliced.run_edges = 20000;  // 10 runs per slice: spills, and a heap merge
  absl::StatusOr<BulkLoadReport> report = Load(nodes, edges, sliced);
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->edges, static_cast<uint64_t>(kManyEdges));
  EXPECT_GE(report->runs, 20);

  TestStoreDir other;
  LoadReference(other);
  std::unique_ptr<Store> a = OpenReader(dir_.path());
  std::unique_ptr<Store> b = OpenReader(other.path());
  size_t total = 0;
  for (uint64_t node = 1; node <= kManyNodes; node += 7) {
    for (Direction d : {Direction::kOut, Direction::kIn}) {
      const auto got = Scan(*a, node, d);
      EXPECT_EQ(got, Scan(*b, node, d)) << node;
      total += got.size();
    }
  }
  EXPECT_GT(total, 0u);
  EXPECT_EQ(a->Stats()->edges_by_type, b->Stats()->edges_by_type);

  // A bad line late in the file: found by the second slice.
  const int bad_line = kManyEdges - 10;  // line numbers count the header as 1
  size_t at = 0;
  for (int line = 1; line < bad_line; ++line) at = edges.find('\n', at) + 1;
  edges.insert(at, "1,nine,MET,\n");
  TestStoreDir third;
  Write(File("edges.csv"), edges);
  absl::StatusOr<BulkLoadReport> failed =
      BulkLoad(third.path(), File("nodes.csv"), File("edges.csv"), sliced);
  EXPECT_TRUE(absl::StrContains(failed.status().message(),
                                absl::StrCat("edges.csv:", bad_line, ": bad dst id \"nine\"")))
      << failed.status();
}

// A node file of over 2 MB is read by two threads: ids out of order still
// load, and a duplicate in the second slice is named by its file line.
TEST_F(BulkLoadTest, LargeNodeFileIsReadInSlices) {
  constexpr uint64_t kCount = 250000;  // about 3.3 MB
  std::string nodes = "id,kind\n";
  for (uint64_t i = kCount; i >= 1; --i) absl::StrAppend(&nodes, i, ",PERSON\n");
  const std::string edges = absl::StrCat("src,dst,type\n1,", kCount, ",MET\n");
  BulkLoadOptions two;
  two.parse_threads = 2;
  absl::StatusOr<BulkLoadReport> report = Load(nodes, edges, two);
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->nodes, kCount);
  std::unique_ptr<Store> store = OpenReader(dir_.path());
  EXPECT_EQ(Scan(*store, kCount, Direction::kIn).size(), 1u);
  store.reset();

  // Line 240002 holds id 10000; a second 10000 at the end.
  nodes += "10000,STATE\n";
  TestStoreDir again;
  Write(File("nodes.csv"), nodes);
  report = BulkLoad(again.path(), File("nodes.csv"), File("edges.csv"), two);
  EXPECT_TRUE(absl::StrContains(
      report.status().message(),
      absl::StrCat("nodes.csv:", kCount + 2, ": duplicate node id 10000 (first at line 240002)")))
      << report.status();
}

TEST_F(BulkLoadTest, RefusesAStoreWithData) {
  ASSERT_TRUE(Load(kNodes, kEdges).ok());
  absl::StatusOr<BulkLoadReport> again = Load(kNodes, kEdges);
  EXPECT_EQ(again.status().code(), absl::StatusCode::kFailedPrecondition) << again.status();
  EXPECT_EQ(BulkLoad(dir_.path(), "/nonexistent/n.csv", "/nonexistent/e.csv").status().code(),
            absl::StatusCode::kFailedPrecondition);
  TestStoreDir fresh;
  EXPECT_EQ(BulkLoad(fresh.path(), "/nonexistent/n.csv", "/nonexistent/e.csv").status().code(),
            absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace newsgraph
