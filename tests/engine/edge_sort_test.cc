// SortRecords: the counting sort (dense ranks, one thread per chunk) and
// the plain sort (sparse ranks) give exactly std::sort's order, both ways.
#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

#include "engine/bulk_load.h"
#include "gtest/gtest.h"

namespace newsgraph::engine {
namespace {

bool Same(const EdgeRecord& a, const EdgeRecord& b) { return a.hi == b.hi && a.lo == b.lo; }

std::vector<EdgeRecord> RandomRecords(size_t n, uint32_t node_count, std::mt19937_64* rng) {
  std::vector<EdgeRecord> records;
  for (size_t i = 0; i < n; ++i) {
    // Few types and days, so that ties go down to other and seq.
    const uint32_t node = (*rng)() % node_count;
    const uint32_t other = (*rng)() % node_count;
    const int32_t day = static_cast<int32_t>((*rng)() % 5) - 2;
    const bool dated = (*rng)() % 2 == 0;
    records.push_back(MakeEdgeRecord(node, other, static_cast<uint8_t>(1 + (*rng)() % 3),
                                     dated ? day : 0, dated, static_cast<uint32_t>(i)));
  }
  return records;
}

TEST(EdgeRecordTest, PacksAndUnpacksEveryField) {
  const EdgeRecord r = MakeEdgeRecord(7, 9, 200, kMinRecordDay, true, 1234);
  EXPECT_EQ(NodeOf(r), 7u);
  EXPECT_EQ(OtherOf(r), 9u);
  EXPECT_EQ(TypeOf(r), 200);
  EXPECT_EQ(DayOf(r), kMinRecordDay);
  EXPECT_TRUE(DatedOf(r));
  EXPECT_EQ(SeqOffsetOf(r), 1234u);
  const EdgeRecord m = Mirrored(r);
  EXPECT_EQ(NodeOf(m), 9u);
  EXPECT_EQ(OtherOf(m), 7u);
  EXPECT_EQ(DayOf(m), kMinRecordDay);
  EXPECT_TRUE(Same(Mirrored(m), r));
  EXPECT_EQ(DayOf(MakeEdgeRecord(0, 0, 1, kMaxRecordDay, true, 0)), kMaxRecordDay);
  EXPECT_EQ(SeqOffsetOf(MakeEdgeRecord(0, 0, 1, 0, false, kMaxSeqOffset)), kMaxSeqOffset);
}

TEST(EdgeRecordTest, OrderIsKeyOrderWhateverTheDatedBit) {
  // Same node, type and day 0: one dated, one not; `other` decides.
  const EdgeRecord undated_far = MakeEdgeRecord(1, 5, 1, 0, false, 1);
  const EdgeRecord dated_near = MakeEdgeRecord(1, 3, 1, 0, true, 2);
  EXPECT_TRUE(KeyLess()(dated_near, undated_far));
  EXPECT_FALSE(KeyLess()(undated_far, dated_near));
  // Type before day, day before other, negative days first.
  EXPECT_TRUE(KeyLess()(MakeEdgeRecord(1, 9, 1, 500, true, 0), MakeEdgeRecord(1, 0, 2, -5, true, 1)));
  EXPECT_TRUE(KeyLess()(MakeEdgeRecord(1, 9, 1, -5, true, 0), MakeEdgeRecord(1, 0, 1, 3, true, 1)));
}

class SortRecordsTest : public ::testing::TestWithParam<uint32_t> {};

TEST_P(SortRecordsTest, EqualsStdSortBothWays) {
  const uint32_t node_count = GetParam();
  std::mt19937_64 rng(node_count);
  const std::vector<EdgeRecord> records = RandomRecords(20000, node_count, &rng);
  for (const size_t chunks : {1, 2, 3}) {
    std::vector<RecordSpan> spans;
    const size_t part = (records.size() + chunks - 1) / chunks;
    for (size_t at = 0; at < records.size(); at += part) {
      spans.push_back({records.data() + at, std::min(part, records.size() - at)});
    }
    for (const bool mirror : {false, true}) {
      std::vector<EdgeRecord> expected = records;
      if (mirror) std::transform(expected.begin(), expected.end(), expected.begin(), Mirrored);
      std::sort(expected.begin(), expected.end(), KeyLess());
      std::vector<EdgeRecord> sorted(records.size());
      SortRecords(spans, mirror, node_count, sorted.data());
      EXPECT_TRUE(std::equal(sorted.begin(), sorted.end(), expected.begin(), Same))
          << "chunks " << chunks << " mirror " << mirror;
    }
  }
}

// 50 nodes: counting sort with big groups; 1000: small groups; 10M: more
// nodes than records allow, the plain sort.
INSTANTIATE_TEST_SUITE_P(NodeCounts, SortRecordsTest, ::testing::Values(50u, 1000u, 10000000u));

TEST(SortRecordsTest, EmptyInputWritesNothing) {
  EdgeRecord untouched{1, 2};
  SortRecords({{nullptr, 0}}, false, 10, &untouched);
  EXPECT_EQ(untouched.hi, 1u);
}

}  // namespace
}  // namespace newsgraph::engine
