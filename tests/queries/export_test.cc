#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "newsgraph/query.h"
#include "nlohmann/json.hpp"
#include "tests/queries/test_graph.h"

namespace newsgraph {
namespace {

using ::testing::ElementsAre;
using Json = nlohmann::json;
using testing_util::ContactGraph;
using testing_util::TempStoreDir;

std::set<std::string> Keys(const Json& object) {
  std::set<std::string> keys;
  for (const auto& item : object.items()) keys.insert(item.key());
  return keys;
}

class ExportEventsTest : public testing_util::ContactGraphTest {
 protected:
  void SetUp() override {
    ContactGraphTest::SetUp();
    if (HasFatalFailure()) return;
    std::ostringstream out;
    absl::StatusOr<uint64_t> written = ExportEvents(*store_, out);
    ASSERT_TRUE(written.ok()) << written.status();
    written_ = *written;
    raw_ = out.str();
    std::istringstream lines(raw_);
    for (std::string line; std::getline(lines, line);) {
      Json record = Json::parse(line, nullptr, /*allow_exceptions=*/false);
      ASSERT_FALSE(record.is_discarded()) << line;
      records_.push_back(std::move(record));
    }
  }

  // The first record with a mention from `article_id` (mentions are sorted
  // by article id, so it need not be the record's first).
  const Json& ByArticle(const std::string& article_id) const {
    for (const Json& r : records_) {
      for (const Json& m : r["mentions"]) {
        if (m["article_id"] == article_id) return r;
      }
    }
    ADD_FAILURE() << "no event from " << article_id;
    static const Json kNull;
    return kNull;
  }

  uint64_t written_ = 0;
  std::string raw_;
  std::vector<Json> records_;
};

TEST_F(ExportEventsTest, WritesOneLinePerEventWithAPersonTakingPart) {
  EXPECT_EQ(written_, 13u);  // every event but the one with only states in it
  EXPECT_EQ(records_.size(), 13u);
  for (const Json& r : records_) {
    EXPECT_EQ(Keys(r), (std::set<std::string>{"event_type", "participants", "date", "place",
                                               "factuality", "mentions"}));
    EXPECT_NE(r["mentions"].at(0)["article_id"], "hk-14");
  }
}

TEST_F(ExportEventsTest, RecordCarriesParticipantsDatePlaceAndMentions) {
  const Json& bali = ByArticle("wh-1");
  EXPECT_EQ(bali["event_type"], "MEET");
  EXPECT_EQ(bali["date"], "2022-11-14");
  EXPECT_EQ(bali["place"], "Bali, Indonesia");
  EXPECT_EQ(bali["factuality"], "happened");
  ASSERT_EQ(bali["participants"].size(), 2u);
  const Json& biden = bali["participants"][0];
  EXPECT_EQ(Keys(biden), (std::set<std::string>{"name", "state", "role"}));
  EXPECT_EQ(biden["name"], "Joe Biden");
  EXPECT_EQ(biden["state"], "US");
  EXPECT_EQ(biden["role"], "President");
  EXPECT_EQ(bali["participants"][1]["name"], "Xi Jinping");
  ASSERT_EQ(bali["mentions"].size(), 2u);  // by article id
  EXPECT_EQ(bali["mentions"][0]["article_id"], "cnn-2");
  EXPECT_EQ(bali["mentions"][0]["sentence"],
            "Biden and Xi, \"candid\", met for three hours, in Bali.");
  EXPECT_EQ(bali["mentions"][1]["article_id"], "wh-1");
}

TEST_F(ExportEventsTest, UnknownValuesAreNull) {
  const Json& fell_back = ByArticle("hk-6");
  EXPECT_TRUE(fell_back["date"].is_null());
  EXPECT_TRUE(fell_back["place"].is_null());
  EXPECT_TRUE(fell_back["participants"][0]["role"].is_null());  // no title read

  EXPECT_TRUE(ByArticle("hk-12")["date"].is_null());  // a week across two months
  EXPECT_EQ(ByArticle("hk-13")["date"], "2022");
  EXPECT_EQ(ByArticle("seed-001")["date"], "2023-02");
  EXPECT_EQ(ByArticle("seed-001")["event_type"], "PHONE_CALL");
  EXPECT_EQ(ByArticle("hk-8")["event_type"], "VIDEO_CALL");
  EXPECT_EQ(ByArticle("hk-5")["event_type"], "VISIT");
  EXPECT_EQ(ByArticle("cnn-7")["event_type"], "SUMMIT");
  EXPECT_EQ(ByArticle("wh-4")["factuality"], "planned");
}

TEST_F(ExportEventsTest, StateFallsBackToThePersonsNodeAndKeepsUtf8) {
  const Json& helsinki = ByArticle("hk-9");
  std::vector<std::pair<std::string, std::string>> people;
  for (const Json& p : helsinki["participants"]) {
    people.emplace_back(p["name"].get<std::string>(), p["state"].get<std::string>());
  }
  // By name: node ids follow import order, names do not.
  EXPECT_THAT(people, ElementsAre(std::pair<std::string, std::string>("Sauli Niinistö", "FI"),
                                  std::pair<std::string, std::string>("Wang Yi", "CN")));
  EXPECT_NE(raw_.find("Sauli Niinistö"), std::string::npos);  // not \u00f6
}

}  // namespace
}  // namespace newsgraph
