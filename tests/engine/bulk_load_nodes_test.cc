// NodeRanks: the same ranks whichever of its three forms a node set gets.
#include <cstdint>
#include <vector>

#include "engine/bulk_load.h"
#include "gtest/gtest.h"

namespace newsgraph::engine {
namespace {

std::vector<NodeLine> Lines(const std::vector<uint64_t>& ids) {
  std::vector<NodeLine> lines;
  for (uint64_t id : ids) lines.push_back({id, pb::PERSON, 0});
  return lines;
}

// Every id in [lo, hi) ranks as its index in `ids`, or not at all.
void ExpectRanks(const std::vector<uint64_t>& ids, uint64_t lo, uint64_t hi) {
  const NodeRanks ranks(Lines(ids));
  size_t next = 0;
  for (uint64_t id = lo; id < hi; ++id) {
    uint32_t rank = 99;
    const bool is_node = next < ids.size() && ids[next] == id;
    EXPECT_EQ(ranks.Rank(id, &rank), is_node) << id;
    if (is_node) EXPECT_EQ(rank, next++) << id;
  }
  uint32_t rank = 0;
  EXPECT_FALSE(ranks.Rank(UINT64_MAX, &rank));
}

TEST(NodeRanksTest, ContiguousIds) {
  EXPECT_TRUE(NodeRanks(Lines({5, 6, 7, 8, 9})).contiguous());
  EXPECT_FALSE(NodeRanks(Lines({5, 6, 8})).contiguous());
  ExpectRanks({5, 6, 7, 8, 9}, 0, 20);
}

TEST(NodeRanksTest, DenseIdsWithHoles) {
  std::vector<uint64_t> ids;
  for (uint64_t id = 3; id < 1000; id += (id % 7 == 0 ? 5 : 1)) ids.push_back(id);
  ExpectRanks(ids, 0, 1100);
}

TEST(NodeRanksTest, SparseIds) {
  const std::vector<uint64_t> ids = {1, uint64_t{1} << 40, (uint64_t{1} << 40) + 1,
                                     UINT64_MAX - 1};
  const NodeRanks ranks(Lines(ids));
  for (uint32_t i = 0; i < ids.size(); ++i) {
    uint32_t rank = 99;
    EXPECT_TRUE(ranks.Rank(ids[i], &rank));
    EXPECT_EQ(rank, i);
  }
  uint32_t rank = 0;
  EXPECT_FALSE(ranks.Rank(2, &rank));
  EXPECT_FALSE(ranks.Rank(uint64_t{1} << 39, &rank));
  ExpectRanks(ids, 0, 10);
}

TEST(NodeRanksTest, NoNodes) {
  const NodeRanks ranks({});
  uint32_t rank = 0;
  EXPECT_FALSE(ranks.Rank(0, &rank));
  EXPECT_FALSE(ranks.Rank(1, &rank));
}

}  // namespace
}  // namespace newsgraph::engine
