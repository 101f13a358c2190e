// The edge CSV reader: lines of the plain machine-written form (read by a
// fast path) give the rows the general path gives, and every line the fast
// path declines is still read, or refused with the same words.
#include "engine/graph_csv.h"

#include <cstdio>
#include <fstream>
#include <string>
#include <tuple>
#include <vector>

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "tests/engine/test_store_dir.h"

namespace newsgraph::engine {
namespace {

using testing_util::TestStoreDir;
using Row = std::tuple<uint64_t, uint64_t, int, bool, int32_t, int64_t>;

class GraphCsvTest : public ::testing::Test {
 protected:
  void TearDown() override { std::remove(path().c_str()); }
  std::string path() const { return dir_.path() + "-edges.csv"; }

  absl::Status Read(const std::string& text, std::vector<Row>* rows) {
    std::ofstream(path(), std::ios::binary) << text;
    return ReadEdgesCsv(path(), [&](const EdgeRow& r, int64_t line) {
      rows->emplace_back(r.src, r.dst, r.type, r.dated, r.day, line);
      return absl::OkStatus();
    });
  }
  // The error of reading `text`, which must fail.
  std::string ErrorOf(const std::string& text) {
    std::vector<Row> rows;
    const absl::Status s = Read(text, &rows);
    EXPECT_FALSE(s.ok()) << text;
    return std::string(s.message());
  }

  TestStoreDir dir_;
};

TEST_F(GraphCsvTest, PlainAndGeneralLinesGiveTheSameRows) {
  std::vector<Row> rows;
  ASSERT_TRUE(Read("src,dst,type,date\n"
                   "1,2,7,\n"              // plain, undated
                   "1,2,7,2022-03-04\n"    // plain, ISO date
                   " 1, 2 ,MET, 2022-03-04\r\n"  // spaces, a name, CRLF: general
                   "3,4,7,19000\n"         // plain, day number
                   "3,4,7,-3\n"            // plain, negative day number
                   "3, 4,7,-3\n",          // general
                   &rows)
                  .ok());
  const int met = pb::MET;
  EXPECT_EQ(rows, (std::vector<Row>{{1, 2, met, false, 0, 2},
                                    {1, 2, met, true, 19055, 3},
                                    {1, 2, met, true, 19055, 4},
                                    {3, 4, met, true, 19000, 5},
                                    {3, 4, met, true, -3, 6},
                                    {3, 4, met, true, -3, 7}}));
  rows.clear();
  ASSERT_TRUE(Read("src,dst,type\n18446744073709551615,2,7\n5,6, 8\n", &rows).ok());
  EXPECT_EQ(rows, (std::vector<Row>{{UINT64_MAX, 2, met, false, 0, 2},
                                    {5, 6, pb::SPOKE_WITH, false, 0, 3}}));
}

TEST_F(GraphCsvTest, LinesThePlainPathDeclinesAreRefusedWithTheGeneralWords) {
  const std::string four = "src,dst,type,date\n";
  EXPECT_TRUE(absl::StrContains(ErrorOf(four + "1,2,7,2022-02-30\n"), ":2: bad date"));
  EXPECT_TRUE(absl::StrContains(ErrorOf(four + "0,2,7,\n"), ":2: bad src id \"0\""));
  EXPECT_TRUE(absl::StrContains(ErrorOf(four + "1,0,7,\n"), ":2: bad dst id \"0\""));
  EXPECT_TRUE(absl::StrContains(ErrorOf(four + "1,2,99,\n"), ":2: unknown edge type \"99\""));
  EXPECT_TRUE(absl::StrContains(ErrorOf(four + "1,2,-7,\n"), ":2: unknown edge type \"-7\""));
  EXPECT_TRUE(absl::StrContains(ErrorOf(four + "1,2,7\n"), ":2: expected 4 fields"));
  EXPECT_TRUE(absl::StrContains(ErrorOf(four + "1,2,7,,\n"), ":2: expected 4 fields"));
  EXPECT_TRUE(absl::StrContains(ErrorOf(four + "1,2,7,5x\n"), ":2: bad date \"5x\""));
  EXPECT_TRUE(absl::StrContains(ErrorOf("src,dst,type\n1,2,7,5\n"), ":2: expected 3 fields"));
  EXPECT_TRUE(absl::StrContains(ErrorOf("src,dst,type\n18446744073709551616,2,7\n"),
                                ":2: bad src id"));
}

}  // namespace
}  // namespace newsgraph::engine
