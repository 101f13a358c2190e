#include "engine/keys.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace newsgraph::keys {
namespace {

constexpr int32_t kMinDay = std::numeric_limits<int32_t>::min();
constexpr int32_t kMaxDay = std::numeric_limits<int32_t>::max();

std::string DayBytes(int32_t day) {
  std::string s;
  AppendDay(&s, day);
  return s;
}

TEST(KeysTest, DaysSortNumerically) {
  const std::vector<int32_t> days = {kMinDay, -2147483647, -1000, -1, 0, 1, 19000, kMaxDay};
  for (size_t i = 0; i + 1 < days.size(); ++i) {
    EXPECT_LT(DayBytes(days[i]), DayBytes(days[i + 1])) << days[i] << " vs " << days[i + 1];
  }
  for (const int32_t day : days) EXPECT_EQ(ReadDay(DayBytes(day), 0), day);
}

TEST(KeysTest, IdsSortNumerically) {
  EXPECT_LT(NodeKey(1), NodeKey(2));
  EXPECT_LT(NodeKey(255), NodeKey(256));
  EXPECT_LT(NodeKey(0xffffffff), NodeKey(0x100000000));
  EXPECT_EQ(DecodeIdKey(NodeKey(0x0123456789abcdef)), 0x0123456789abcdefu);
  EXPECT_EQ(DecodeIdKey("short"), std::nullopt);
}

TEST(KeysTest, EdgeKeyRoundTripAndLength) {
  const EdgeKey key{42, 7, -5, 99, 1234567};
  const std::string encoded = EncodeEdgeKey(key);
  EXPECT_EQ(encoded.size(), kEdgeKeyLength);
  const std::optional<EdgeKey> decoded = DecodeEdgeKey(encoded);
  ASSERT_TRUE(decoded.has_value());
  EXPECT_EQ(decoded->node, 42u);
  EXPECT_EQ(decoded->type, 7);
  EXPECT_EQ(decoded->start_day, -5);
  EXPECT_EQ(decoded->other, 99u);
  EXPECT_EQ(decoded->seq, 1234567u);
  const EdgeKey mirrored = Mirror(key);
  EXPECT_EQ(mirrored.node, 99u);
  EXPECT_EQ(mirrored.other, 42u);
}

TEST(KeysTest, EdgeKeysSortByNodeTypeDayThenOther) {
  std::vector<std::string> sorted = {
      EncodeEdgeKey({1, 1, kMinDay, 9, 1}), EncodeEdgeKey({1, 1, -1, 9, 1}),
      EncodeEdgeKey({1, 1, 0, 2, 5}),       EncodeEdgeKey({1, 1, 0, 3, 1}),
      EncodeEdgeKey({1, 1, 100, 1, 1}),     EncodeEdgeKey({1, 2, kMinDay, 1, 1}),
      EncodeEdgeKey({1, 7, kMaxDay, 1, 1}), EncodeEdgeKey({2, 0, kMinDay, 0, 0})};
  std::vector<std::string> shuffled(sorted.rbegin(), sorted.rend());
  std::sort(shuffled.begin(), shuffled.end());
  EXPECT_EQ(shuffled, sorted);
}

TEST(KeysTest, OutAndInKeysMirrorEachOther) {
  pb::Edge edge;
  edge.set_src(10);
  edge.set_dst(20);
  edge.set_type(pb::MET);
  edge.mutable_time()->set_from_day(-3);
  const auto out = DecodeEdgeKey(OutKey(edge, 5));
  const auto in = DecodeEdgeKey(InKey(edge, 5));
  ASSERT_TRUE(out && in);
  EXPECT_EQ(EncodeEdgeKey(Mirror(*in)), OutKey(edge, 5));
  EXPECT_EQ(out->node, 10u);
  EXPECT_EQ(in->node, 20u);
  EXPECT_EQ(in->start_day, -3);
}

TEST(KeysTest, ScanBoundsEncloseExactlyTheWindow) {
  const std::string lower = EdgeScanLower(5, 3, -10);
  const std::string upper = EdgeScanUpper(5, 3, 10);
  auto inside = [&](const EdgeKey& k) {
    const std::string e = EncodeEdgeKey(k);
    return lower <= e && e < upper;
  };
  EXPECT_TRUE(inside({5, 3, -10, 0, 0}));
  EXPECT_TRUE(inside({5, 3, 10, UINT64_MAX, UINT64_MAX}));
  EXPECT_TRUE(inside({5, 3, 0, 7, 7}));
  EXPECT_FALSE(inside({5, 3, -11, UINT64_MAX, UINT64_MAX}));
  EXPECT_FALSE(inside({5, 3, 11, 0, 0}));
  EXPECT_FALSE(inside({5, 2, 0, 0, 0}));
  EXPECT_FALSE(inside({5, 4, 0, 0, 0}));
  EXPECT_FALSE(inside({4, 3, 0, 0, 0}));
  EXPECT_FALSE(inside({6, 3, 0, 0, 0}));
}

TEST(KeysTest, ScanUpperBoundCarriesOverflow) {
  // to_day = max day: the bound is the start of the next type.
  const std::string upper = EdgeScanUpper(5, 3, kMaxDay);
  EXPECT_LT(EncodeEdgeKey({5, 3, kMaxDay, UINT64_MAX, UINT64_MAX}), upper);
  EXPECT_LE(upper, EncodeEdgeKey({5, 4, kMinDay, 0, 0}));
  // Last type and day: the next node.
  EXPECT_EQ(EdgeScanUpper(5, UINT16_MAX, kMaxDay), NodePrefix(6));
  EXPECT_EQ(NodeScanUpper(5), NodePrefix(6));
  EXPECT_EQ(NodeScanUpper(UINT64_MAX), "");
  EXPECT_EQ(PrefixSuccessor(std::string("a\xff\xff", 3)), "b");
}

TEST(KeysTest, NameKeysDoNotPrefixMatchLongerNames) {
  const std::string prefix = NamePrefix(pb::PERSON, "ab");
  const std::string longer = NameKey(pb::PERSON, "ab c", 1);
  EXPECT_NE(longer.compare(0, prefix.size(), prefix), 0);
  const std::string exact = NameKey(pb::PERSON, "ab", 7);
  EXPECT_EQ(exact.compare(0, prefix.size(), prefix), 0);
  EXPECT_EQ(DecodeNameKeyNode(exact), 7u);
  // Kinds partition the index.
  EXPECT_LT(NameKey(pb::PERSON, "zz", 1), NameKey(pb::STATE, "aa", 1));
}

}  // namespace
}  // namespace newsgraph::keys
