// A time-window neighbourhood is one range read: the scan's iterator lands
// on the keys inside the window and (almost) nothing else.
#include "gtest/gtest.h"
#include "newsgraph/store.h"
#include "tests/engine/test_records.h"
#include "tests/engine/test_store_dir.h"

namespace newsgraph::testing_util {
namespace {

// A hub with one MET edge a week for ten years, and as many SPOKE_WITH and
// PARTICIPATED_IN edges, written across several commits and flushed
// through a reopen so that both memtable and table files are read.
void BuildHub(const std::string& dir, uint64_t hub, int32_t first_day, int weeks) {
  std::unique_ptr<Store> store = OpenWriter(dir);
  ASSERT_NE(store, nullptr);
  for (int batch = 0; batch < 4; ++batch) {
    std::unique_ptr<WriteSet> writes = store->NewWriteSet();
    for (int w = batch; w < weeks; w += 4) {
      const int32_t day = first_day + 7 * w;
      const uint64_t other = 1000 + static_cast<uint64_t>(w);
      for (pb::EdgeType type : {pb::PARTICIPATED_IN, pb::MET, pb::SPOKE_WITH}) {
        writes->PutEdge(MakeEdge(hub, other, type, day));
      }
    }
    ASSERT_TRUE(store->Commit(*writes).ok());
  }
}

TEST(WindowScanTest, OneYearWindowReadsOnlyTheKeysInsideIt) {
  TestStoreDir dir;
  constexpr uint64_t kHub = 7;
  constexpr int32_t kFirstDay = 18000;  // 2019-04-14
  constexpr int kWeeks = 520;
  BuildHub(dir.path(), kHub, kFirstDay, kWeeks);
  std::unique_ptr<Store> store = OpenReader(dir.path());
  ASSERT_NE(store, nullptr);

  const int32_t from = kFirstDay + 7 * 200;
  const int32_t to = from + 363;  // 52 weekly edges
  for (Direction direction : {Direction::kOut, Direction::kIn}) {
    uint64_t keys_read = 0;
    uint64_t visited = 0;
    EdgeFilter filter{pb::MET, from, to, &keys_read};
    const uint64_t node = direction == Direction::kOut ? kHub : 1000 + 250;
    ASSERT_TRUE(store
                    ->ScanEdges(node, direction, filter,
                                [&](const pb::Edge& e) {
                                  EXPECT_GE(e.time().from_day(), from);
                                  EXPECT_LE(e.time().from_day(), to);
                                  ++visited;
                                  return true;
                                })
                    .ok());
    const uint64_t expected = direction == Direction::kOut ? 52 : 1;
    EXPECT_EQ(visited, expected);
    // Every key the iterator touched was one it returned: the other 468
    // MET edges and the 1040 edges of other types were never read.
    EXPECT_EQ(keys_read, visited);
  }
}

TEST(WindowScanTest, AllTypesTouchAtMostOneOutsideKeyPerType) {
  TestStoreDir dir;
  BuildHub(dir.path(), 7, 18000, 520);
  std::unique_ptr<Store> store = OpenReader(dir.path());
  ASSERT_NE(store, nullptr);
  uint64_t keys_read = 0;
  uint64_t visited = 0;
  EdgeFilter filter{pb::EDGE_TYPE_UNSPECIFIED, 18000 + 7 * 200, 18000 + 7 * 200 + 363,
                    &keys_read};
  ASSERT_TRUE(store->ScanEdges(7, Direction::kOut, filter, [&](const pb::Edge&) {
                      ++visited;
                      return true;
                    }).ok());
  EXPECT_EQ(visited, 3u * 52u);
  // Per type at most two keys outside the window are touched: the one that
  // ends a type's window and the one a seek lands on before the next.
  EXPECT_LE(keys_read, visited + 2 * 3);
}

}  // namespace
}  // namespace newsgraph::testing_util
