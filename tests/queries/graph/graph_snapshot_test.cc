// GraphSnapshot built from a small store: ids, degrees, type and window
// filters, the sequence number; and the edge-list constructor's errors.
// (Suite names contain "graphalytics" so that one ctest -R selects every
// test of the algorithms' layer.)
#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "boost/range/iterator_range.hpp"
#include "gtest/gtest.h"
#include "newsgraph/algorithms.h"
#include "newsgraph/graph_snapshot.h"
#include "newsgraph/store.h"
#include "tests/queries/test_graph.h"

namespace newsgraph {
namespace {

using Pairs = std::vector<std::pair<uint64_t, uint64_t>>;

// The snapshot's edges as sorted (src id, dst id) pairs.
Pairs EdgesOf(const GraphSnapshot& snapshot) {
  const CsrGraph& g = snapshot.graph();
  Pairs pairs;
  for (const auto e : boost::make_iterator_range(boost::edges(g))) {
    pairs.emplace_back(snapshot.id(boost::source(e, g)), snapshot.id(boost::target(e, g)));
  }
  std::sort(pairs.begin(), pairs.end());
  return pairs;
}

class graphalytics_store_snapshot : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<std::unique_ptr<Store>> store = Store::Open(dir_.path(), StoreOptions());
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
    std::unique_ptr<WriteSet> writes = store_->NewWriteSet();
    a_ = AddPerson(*writes, "Alpha");
    b_ = AddPerson(*writes, "Bravo");
    c_ = AddPerson(*writes, "Charlie");
    d_ = AddPerson(*writes, "Delta");
    isolated_ = AddPerson(*writes, "Echo");
    AddEdge(*writes, a_, b_, pb::MET, 100);
    AddEdge(*writes, a_, b_, pb::MET, 300);  // the same pair again, later
    AddEdge(*writes, a_, c_, pb::MET, 200);
    AddEdge(*writes, b_, c_, pb::SPOKE_WITH, 150);
    AddEdge(*writes, c_, d_, pb::HOLDS_ROLE, 50);
    ASSERT_TRUE(store_->Commit(*writes).ok());
  }

  static uint64_t AddPerson(WriteSet& writes, const std::string& name) {
    pb::Node node;
    node.set_id(writes.NewNodeId());
    node.set_kind(pb::PERSON);
    node.set_name(name);
    writes.PutNode(node);
    return node.id();
  }
  static void AddEdge(WriteSet& writes, uint64_t src, uint64_t dst, pb::EdgeType type,
                      int32_t day) {
    pb::Edge edge;
    edge.set_src(src);
    edge.set_dst(dst);
    edge.set_type(type);
    edge.mutable_time()->set_from_day(day);
    edge.mutable_time()->set_to_day(day);
    writes.PutEdge(edge);
  }

  GraphSnapshot Snapshot(const SnapshotOptions& options) {
    absl::StatusOr<GraphSnapshot> snapshot = GraphSnapshot::FromStore(*store_, options);
    EXPECT_TRUE(snapshot.ok()) << snapshot.status();
    if (!snapshot.ok()) return *GraphSnapshot::FromEdges({}, {});
    return *std::move(snapshot);
  }

  testing_util::TempStoreDir dir_;
  std::unique_ptr<Store> store_;
  uint64_t a_ = 0, b_ = 0, c_ = 0, d_ = 0, isolated_ = 0;
};

TEST_F(graphalytics_store_snapshot, HoldsEveryEdgeWithIdsAndDegrees) {
  const GraphSnapshot snapshot = Snapshot(SnapshotOptions());
  EXPECT_EQ(snapshot.ids(), (std::vector<uint64_t>{a_, b_, c_, d_}));  // node id order
  EXPECT_FALSE(snapshot.vertex(isolated_));
  EXPECT_EQ(EdgesOf(snapshot), (Pairs{{a_, b_}, {a_, b_}, {a_, c_}, {b_, c_}, {c_, d_}}));
  const CsrGraph& g = snapshot.graph();
  const auto degrees = [&](uint64_t id) {
    const CsrVertex v = *snapshot.vertex(id);
    EXPECT_EQ(snapshot.id(v), id);
    return std::make_pair(boost::out_degree(v, g), boost::in_degree(v, g));
  };
  EXPECT_EQ(degrees(a_), std::make_pair(size_t{3}, size_t{0}));
  EXPECT_EQ(degrees(b_), std::make_pair(size_t{1}, size_t{2}));
  EXPECT_EQ(degrees(c_), std::make_pair(size_t{1}, size_t{2}));
  EXPECT_EQ(degrees(d_), std::make_pair(size_t{0}, size_t{1}));
}

TEST_F(graphalytics_store_snapshot, IsolatedNodesOnRequest) {
  SnapshotOptions options;
  options.include_isolated_nodes = true;
  const GraphSnapshot snapshot = Snapshot(options);
  EXPECT_EQ(snapshot.ids(), (std::vector<uint64_t>{a_, b_, c_, d_, isolated_}));
  ASSERT_TRUE(snapshot.vertex(isolated_));
  EXPECT_EQ(boost::out_degree(*snapshot.vertex(isolated_), snapshot.graph()), 0u);
  EXPECT_EQ(snapshot.num_edges(), 5u);
}

TEST_F(graphalytics_store_snapshot, FiltersByTypeSet) {
  SnapshotOptions met;
  met.types = {pb::MET};
  EXPECT_EQ(EdgesOf(Snapshot(met)), (Pairs{{a_, b_}, {a_, b_}, {a_, c_}}));
  SnapshotOptions contacts;
  contacts.types = {pb::MET, pb::SPOKE_WITH};
  const GraphSnapshot snapshot = Snapshot(contacts);
  EXPECT_EQ(EdgesOf(snapshot), (Pairs{{a_, b_}, {a_, b_}, {a_, c_}, {b_, c_}}));
  EXPECT_FALSE(snapshot.vertex(d_));
}

TEST_F(graphalytics_store_snapshot, FiltersByStartDayWindow) {
  SnapshotOptions window;
  window.from_day = 100;
  window.to_day = 200;  // inclusive at both ends
  EXPECT_EQ(EdgesOf(Snapshot(window)), (Pairs{{a_, b_}, {a_, c_}, {b_, c_}}));

  // An algorithm over a window is an algorithm over that window's snapshot.
  window.from_day = 250;
  window.to_day = 400;
  const GraphSnapshot late = Snapshot(window);
  EXPECT_EQ(late.ids(), (std::vector<uint64_t>{a_, b_}));
  absl::StatusOr<std::vector<int64_t>> depths = BreadthFirstDepths(late, a_);
  ASSERT_TRUE(depths.ok()) << depths.status();
  EXPECT_EQ(*depths, (std::vector<int64_t>{0, 1}));
  EXPECT_EQ(BreadthFirstDepths(late, c_).status().code(), absl::StatusCode::kNotFound);

  window.from_day = 10;
  window.to_day = 9;
  EXPECT_EQ(GraphSnapshot::FromStore(*store_, window).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(graphalytics_store_snapshot, RecordsTheSequenceItReflects) {
  const GraphSnapshot before = Snapshot(SnapshotOptions());
  EXPECT_GT(before.sequence(), 0u);
  EXPECT_EQ(before.sequence(), store_->LatestSequence());

  std::unique_ptr<WriteSet> writes = store_->NewWriteSet();
  AddEdge(*writes, d_, a_, pb::MET, 400);
  ASSERT_TRUE(store_->Commit(*writes).ok());
  const GraphSnapshot after = Snapshot(SnapshotOptions());
  EXPECT_GT(after.sequence(), before.sequence());
  EXPECT_EQ(after.sequence(), store_->LatestSequence());
  EXPECT_EQ(after.num_edges(), 6u);
  EXPECT_EQ(before.num_edges(), 5u);  // a snapshot never changes
}

TEST(graphalytics_edge_list_snapshot, RejectsBadInput) {
  EXPECT_EQ(GraphSnapshot::FromEdges({1, 2, 1}, {}).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(GraphSnapshot::FromEdges({1, 2}, {{1, 3, 1.0}}).status().code(),
            absl::StatusCode::kInvalidArgument);
  absl::StatusOr<GraphSnapshot> negative = GraphSnapshot::FromEdges({1, 2}, {{1, 2, -1.0}});
  ASSERT_TRUE(negative.ok()) << negative.status();
  EXPECT_EQ(negative->sequence(), 0u);
  EXPECT_EQ(ShortestPathLengths(*negative, 1).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(PageRank(*negative, {1.5, 3}).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(LabelPropagation(*negative, -1).status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace newsgraph
