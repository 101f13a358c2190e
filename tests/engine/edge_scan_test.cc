// ScanEdges: type and window filters, in/out symmetry, early stop.
#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "gtest/gtest.h"
#include "newsgraph/store.h"
#include "tests/engine/test_records.h"
#include "tests/engine/test_store_dir.h"

namespace newsgraph {
namespace {

using testing_util::MakeEdge;
using testing_util::MakeNode;
using testing_util::OpenWriter;
using testing_util::TestStoreDir;

constexpr int32_t kOpen = std::numeric_limits<int32_t>::max();

// (other end, start day, type) of each visited edge, in visit order.
struct Seen {
  uint64_t other;
  int32_t day;
  pb::EdgeType type;
  bool operator==(const Seen& o) const {
    return other == o.other && day == o.day && type == o.type;
  }
};
std::ostream& operator<<(std::ostream& os, const Seen& s) {
  return os << "{" << s.other << "," << s.day << "," << pb::EdgeType_Name(s.type) << "}";
}

class EdgeScanTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = OpenWriter(dir_.path());
    ASSERT_NE(store_, nullptr);
    auto writes = store_->NewWriteSet();
    a_ = writes->NewNodeId();
    b_ = writes->NewNodeId();
    c_ = writes->NewNodeId();
    x_ = writes->NewNodeId();
    for (uint64_t id : {a_, b_, c_}) writes->PutNode(MakeNode(id, pb::PERSON, "p"));
    writes->PutNode(MakeNode(x_, pb::STATE, "X"));
    writes->PutEdge(MakeEdge(a_, b_, pb::MET, 100));
    writes->PutEdge(MakeEdge(a_, c_, pb::MET, -50));  // before 1970
    writes->PutEdge(MakeEdge(a_, b_, pb::MET, 200));
    writes->PutEdge(MakeEdge(a_, b_, pb::MET, 200));  // parallel: same type/day/ends
    writes->PutEdge(MakeEdge(a_, c_, pb::SPOKE_WITH, 150));
    writes->PutEdge(MakeEdge(a_, x_, pb::HOLDS_ROLE, -kOpen, kOpen));  // open span
    writes->PutEdge(MakeEdge(b_, a_, pb::MET, 100));
    writes->PutEdge(MakeEdge(c_, a_, pb::SPOKE_WITH, 150));
    ASSERT_TRUE(store_->Commit(*writes).ok());
  }

  std::vector<Seen> Scan(uint64_t node, Direction direction, EdgeFilter filter) {
    std::vector<Seen> seen;
    const absl::Status status = store_->ScanEdges(node, direction, filter, [&](const pb::Edge& e) {
      // The visitor gets the whole edge in both directions.
      EXPECT_TRUE(direction == Direction::kOut ? e.src() == node : e.dst() == node);
      EXPECT_FLOAT_EQ(e.confidence(), 0.5f);
      seen.push_back({direction == Direction::kOut ? e.dst() : e.src(), e.time().from_day(),
                      e.type()});
      return true;
    });
    EXPECT_TRUE(status.ok()) << status;
    return seen;
  }

  static EdgeFilter Filter(pb::EdgeType type, int32_t from = std::numeric_limits<int32_t>::min(),
                           int32_t to = kOpen) {
    EdgeFilter filter;
    filter.type = type;
    filter.from_day = from;
    filter.to_day = to;
    return filter;
  }

  TestStoreDir dir_;
  std::unique_ptr<Store> store_;
  uint64_t a_ = 0, b_ = 0, c_ = 0, x_ = 0;
};

TEST_F(EdgeScanTest, AllOutEdgesInTypeThenDayOrder) {
  const std::vector<Seen> expected = {{x_, -kOpen, pb::HOLDS_ROLE},
                                      {c_, -50, pb::MET},
                                      {b_, 100, pb::MET},
                                      {b_, 200, pb::MET},
                                      {b_, 200, pb::MET},
                                      {c_, 150, pb::SPOKE_WITH}};
  EXPECT_EQ(Scan(a_, Direction::kOut, {}), expected);
}

TEST_F(EdgeScanTest, FiltersByType) {
  const std::vector<Seen> expected = {{c_, 150, pb::SPOKE_WITH}};
  EXPECT_EQ(Scan(a_, Direction::kOut, Filter(pb::SPOKE_WITH)), expected);
  EXPECT_TRUE(Scan(a_, Direction::kOut, Filter(pb::MEMBER_OF)).empty());
}

TEST_F(EdgeScanTest, FiltersByWindowInclusive) {
  const std::vector<Seen> met = {{b_, 100, pb::MET}, {b_, 200, pb::MET}, {b_, 200, pb::MET}};
  EXPECT_EQ(Scan(a_, Direction::kOut, Filter(pb::MET, 100, 200)), met);
  const std::vector<Seen> negative = {{c_, -50, pb::MET}};
  EXPECT_EQ(Scan(a_, Direction::kOut, Filter(pb::MET, -100, -1)), negative);
  EXPECT_TRUE(Scan(a_, Direction::kOut, Filter(pb::MET, 101, 199)).empty());
  EXPECT_TRUE(Scan(a_, Direction::kOut, Filter(pb::MET, 300, 200)).empty());  // empty window
}

TEST_F(EdgeScanTest, WindowAcrossEveryTypeSkipsOutsideDays) {
  // MET at 100 and 200 (x2), SPOKE_WITH at 150; HOLDS_ROLE starts too early.
  const std::vector<Seen> expected = {{b_, 100, pb::MET},
                                      {b_, 200, pb::MET},
                                      {b_, 200, pb::MET},
                                      {c_, 150, pb::SPOKE_WITH}};
  EXPECT_EQ(Scan(a_, Direction::kOut, Filter(pb::EDGE_TYPE_UNSPECIFIED, 0, 1000)), expected);
  const std::vector<Seen> late = {{c_, 150, pb::SPOKE_WITH}};
  EXPECT_EQ(Scan(a_, Direction::kOut, Filter(pb::EDGE_TYPE_UNSPECIFIED, 101, 199)), late);
}

TEST_F(EdgeScanTest, InEdgesMirrorOutEdges) {
  const std::vector<Seen> into_b = {{a_, 100, pb::MET}, {a_, 200, pb::MET}, {a_, 200, pb::MET}};
  EXPECT_EQ(Scan(b_, Direction::kIn, {}), into_b);
  const std::vector<Seen> into_a = {{b_, 100, pb::MET}, {c_, 150, pb::SPOKE_WITH}};
  EXPECT_EQ(Scan(a_, Direction::kIn, {}), into_a);
  const std::vector<Seen> into_x = {{a_, -kOpen, pb::HOLDS_ROLE}};
  EXPECT_EQ(Scan(x_, Direction::kIn, Filter(pb::HOLDS_ROLE)), into_x);
  const std::vector<Seen> into_c = {{a_, -50, pb::MET}};
  EXPECT_EQ(Scan(c_, Direction::kIn, Filter(pb::MET, -50, -50)), into_c);

  // Every out-edge of every node appears once among the in-edges of its dst.
  size_t out_total = 0, in_total = 0;
  for (uint64_t n : {a_, b_, c_, x_}) {
    out_total += Scan(n, Direction::kOut, {}).size();
    in_total += Scan(n, Direction::kIn, {}).size();
  }
  EXPECT_EQ(out_total, 8u);
  EXPECT_EQ(in_total, out_total);
}

TEST_F(EdgeScanTest, StopsWhenVisitorReturnsFalse) {
  int visits = 0;
  const absl::Status status = store_->ScanEdges(a_, Direction::kOut, {}, [&](const pb::Edge&) {
    ++visits;
    return false;
  });
  EXPECT_TRUE(status.ok());
  EXPECT_EQ(visits, 1);
}

TEST_F(EdgeScanTest, NodeWithoutEdgesAndNeighbourIdsDoNotLeak) {
  EXPECT_TRUE(Scan(x_ + 1, Direction::kOut, {}).empty());
  EXPECT_TRUE(Scan(0, Direction::kIn, {}).empty());
  EXPECT_TRUE(Scan(std::numeric_limits<uint64_t>::max(), Direction::kOut, {}).empty());
}

}  // namespace
}  // namespace newsgraph
