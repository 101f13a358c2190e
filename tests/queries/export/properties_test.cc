#include "queries/export/properties.h"

#include <cstdint>
#include <limits>
#include <random>
#include <string>

#include "gtest/gtest.h"
#include "queries/export/slice.h"

namespace newsgraph::queries {
namespace {

TEST(ExportPropertiesTest, DaysReadBackAsTheSameDay) {
  for (int32_t day :
       {0, -1, 19310, -719528, 2932896, -2000000, 100000000,
        std::numeric_limits<int32_t>::max() - 1, std::numeric_limits<int32_t>::min() + 2}) {
    const std::string text = DayText(day);
    absl::StatusOr<int32_t> back = ParseDayText(text);
    ASSERT_TRUE(back.ok()) << text << ": " << back.status();
    EXPECT_EQ(*back, day) << text;
  }
  EXPECT_EQ(DayText(19310), "2022-11-14");
  EXPECT_EQ(DayText(-719528), "0000-01-01");
  EXPECT_EQ(DayText(-719529), "-0001-12-31");
  EXPECT_EQ(DayText(2932897), "10000-01-01");
}

TEST(ExportPropertiesTest, MalformedDaysAreErrors) {
  for (const char* text : {"", "2022-02-30", "2022-1-01", "22-01-01", "2022-01-01x", "-",
                           "2022/01/01", "+2022-01-01", "99999999999-01-01"}) {
    EXPECT_FALSE(ParseDayText(text).ok()) << text;
  }
}

TEST(ExportPropertiesTest, FloatsReadBackAsTheSameFloat) {
  EXPECT_EQ(FloatText(0.9f), "0.9");
  EXPECT_EQ(FloatText(1.0f), "1");
  std::mt19937 random(12);
  std::uniform_real_distribution<float> any(-1e6f, 1e6f);
  for (int i = 0; i < 10000; ++i) {
    const float f = any(random);
    EXPECT_EQ(std::strtof(FloatText(f).c_str(), nullptr), f) << FloatText(f);
  }
}

TEST(ExportPropertiesTest, RefsParseOnlyTheirOwnPrefix) {
  EXPECT_EQ(NodeRef(12), "n12");
  EXPECT_EQ(ParseRef("n12", 'n'), 12u);
  EXPECT_EQ(ParseRef("v5", 'v'), 5u);
  for (const char* bad : {"v12", "n", "n-1", "n+1", "n1x", "12", ""}) {
    EXPECT_FALSE(ParseRef(bad, 'n').has_value()) << bad;
  }
}

TEST(ExportPropertiesTest, OpenEndsHaveNoValueAndEventsReadAsTypeAndDate) {
  pb::Edge edge;
  edge.set_src(3);
  edge.set_dst(4);
  edge.set_type(pb::MEMBER_OF);
  edge.mutable_time()->set_from_day(-std::numeric_limits<int32_t>::max());
  edge.mutable_time()->set_to_day(std::numeric_limits<int32_t>::max());
  std::vector<Property> props = EdgeProperties(edge);
  ASSERT_GE(props.size(), 2u);
  EXPECT_EQ(props[0].name, "date");
  EXPECT_TRUE(props[0].values.empty());
  EXPECT_EQ(props[1].name, "end_date");
  EXPECT_TRUE(props[1].values.empty());
  // Both spellings of an open start give one id.
  pb::Edge other = edge;
  other.mutable_time()->set_from_day(std::numeric_limits<int32_t>::min());
  EXPECT_EQ(EdgeId(edge, 0), EdgeId(other, 0));
  EXPECT_EQ(EdgeId(edge, 0), "r3.MEMBER_OF.-2147483648.4");
  EXPECT_EQ(EdgeId(edge, 2), "r3.MEMBER_OF.-2147483648.4.2");

  pb::Node event;
  event.set_id(9);
  event.set_kind(pb::EVENT);
  event.mutable_event()->set_plover_type("CONSULT");
  event.mutable_event()->set_mode("in-person");
  event.mutable_event()->mutable_time()->set_from_day(19297);  // 2022-11-01
  event.mutable_event()->mutable_time()->set_to_day(19326);    // 2022-11-30
  event.mutable_event()->mutable_time()->set_granularity(pb::MONTH);
  EXPECT_EQ(NodeCaption(event), "MEET 2022-11");
  event.mutable_event()->mutable_time()->set_fell_back(true);
  EXPECT_EQ(NodeCaption(event), "MEET");
  pb::Node bare;
  bare.set_id(7);
  bare.set_kind(pb::PLACE);
  EXPECT_EQ(NodeCaption(bare), "Place #7");
}

}  // namespace
}  // namespace newsgraph::queries
