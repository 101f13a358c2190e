#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "newsgraph/query.h"
#include "nlohmann/json.hpp"
#include "queries/output/text_width.h"

namespace newsgraph {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using Json = nlohmann::json;

std::set<std::string> Keys(const Json& object) {
  std::set<std::string> keys;
  for (const auto& item : object.items()) keys.insert(item.key());
  return keys;
}

EventRow Meeting() {
  EventRow e;
  e.event_id = 7;
  e.event_type = "MEET";
  e.date = "2022-11-14";
  e.place = "Bali, Indonesia";
  e.factuality = "happened";
  e.evidence = {{1, "wh-1", "Biden met Xi, \"candidly\", in Bali.", "meet-verb"},
                {2, "cnn-2", "They met\nagain.", "meet-verb"},
                {3, "wh-1", "A second sentence of wh-1.", "meet-verb"}};
  return e;
}

EventRow UndatedCall() {
  EventRow e;
  e.event_id = 8;
  e.event_type = "PHONE_CALL";
  e.place = "Zürich";
  e.factuality = "planned";
  e.evidence = {{4, "hk-3", std::string(300, 'x'), "call"}};
  return e;
}

std::vector<PairRow> SampleRows() {
  PairRow biden_xi;
  biden_xi.a = {1, "Joe Biden", "US", "President"};
  biden_xi.b = {2, "Xi Jinping", "CN", ""};
  biden_xi.events = {Meeting(), UndatedCall()};
  PairRow niinisto;
  niinisto.a = {3, "Sauli Niinistö", "", ""};
  niinisto.b = {4, "王毅", "CN", "Foreign Minister, Director"};
  niinisto.events = {Meeting()};
  return {biden_xi, niinisto};
}

TEST(PairRowsToJsonTest, HasExactlyTheDocumentedKeysAndNullsForUnknowns) {
  std::vector<PairRow> sample = SampleRows();
  sample[1].events[0].place = "";
  const Json rows = Json::parse(PairRowsToJson(sample), nullptr, false);
  ASSERT_TRUE(rows.is_array());
  ASSERT_EQ(rows.size(), 2u);
  const Json& row = rows[0];
  EXPECT_EQ(Keys(row), (std::set<std::string>{"a", "b", "events"}));
  EXPECT_EQ(Keys(row["a"]), (std::set<std::string>{"name", "state", "role"}));
  EXPECT_EQ(row["a"]["role"], "President");
  EXPECT_TRUE(row["b"]["role"].is_null());
  ASSERT_EQ(row["events"].size(), 2u);
  const Json& meeting = row["events"][0];
  EXPECT_EQ(Keys(meeting),
            (std::set<std::string>{"event_type", "date", "place", "factuality", "event_id",
                                   "evidence"}));
  EXPECT_EQ(meeting["date"], "2022-11-14");
  ASSERT_EQ(meeting["evidence"].size(), 3u);
  EXPECT_EQ(Keys(meeting["evidence"][0]), (std::set<std::string>{"article_id", "sentence"}));
  EXPECT_EQ(meeting["evidence"][0]["sentence"], "Biden met Xi, \"candidly\", in Bali.");
  EXPECT_TRUE(row["events"][1]["date"].is_null());
  EXPECT_EQ(row["events"][1]["place"], "Zürich");
  EXPECT_TRUE(rows[1]["events"][0]["place"].is_null());
  EXPECT_TRUE(rows[1]["a"]["state"].is_null());
  EXPECT_EQ(rows[1]["b"]["name"], "王毅");
}

TEST(PairRowsToJsonTest, IsPrettyPrintedAndKeepsUtf8) {
  const std::string json = PairRowsToJson(SampleRows());
  EXPECT_THAT(json, HasSubstr("\n  {\n    \"a\": {"));
  EXPECT_THAT(json, HasSubstr("Niinistö"));
  EXPECT_EQ(PairRowsToJson({}), "[]");
}

TEST(PairRowsToCsvTest, QuotesFieldsAsRfc4180AndWritesOneLinePerEvent) {
  const std::string csv = PairRowsToCsv(SampleRows());
  EXPECT_EQ(csv.substr(0, csv.find('\n')),
            "a_name,a_state,a_role,b_name,b_state,b_role,event_type,date,place,factuality,"
            "article_ids,sentence");
  // Header + 2 events + 1 event.
  EXPECT_THAT(csv, HasSubstr("Joe Biden,US,President,Xi Jinping,CN,,MEET,2022-11-14,"
                             "\"Bali, Indonesia\",happened,wh-1;cnn-2,"
                             "\"Biden met Xi, \"\"candidly\"\", in Bali.\"\n"));
  EXPECT_THAT(csv, HasSubstr("Joe Biden,US,President,Xi Jinping,CN,,PHONE_CALL,,Zürich,planned,hk-3,"));
  EXPECT_THAT(csv, HasSubstr("Sauli Niinistö,,,王毅,CN,\"Foreign Minister, Director\",MEET,"));
  std::vector<std::string> lines = absl::StrSplit(csv, '\n', absl::SkipEmpty());
  EXPECT_EQ(lines.size(), 4u);
  EXPECT_EQ(PairRowsToCsv({}), csv.substr(0, csv.find('\n') + 1));
}

TEST(PairRowsToCsvTest, QuotesLineBreaksInsideAField) {
  PairRow row = SampleRows()[0];
  row.events = {Meeting()};
  row.events[0].evidence = {{2, "cnn-2", "They met\nagain.", "meet-verb"}};
  EXPECT_THAT(PairRowsToCsv({row}), HasSubstr(",cnn-2,\"They met\nagain.\"\n"));
}

TEST(PairRowsToTableTest, ShowsPeopleEventsArticlesAndTheFirstSentence) {
  const std::string table = PairRowsToTable(SampleRows());
  EXPECT_THAT(table, HasSubstr("Joe Biden (President, US)"));
  EXPECT_THAT(table, HasSubstr("Xi Jinping (CN)"));
  EXPECT_THAT(table, HasSubstr("Sauli Niinistö  —  王毅 (Foreign Minister, Director, CN)"));
  EXPECT_THAT(table, HasSubstr("2022-11-14  MEET"));
  EXPECT_THAT(table, HasSubstr("read in wh-1, cnn-2"));
  EXPECT_THAT(table, HasSubstr("\"Biden met Xi, \"candidly\", in Bali.\""));
  EXPECT_THAT(table, HasSubstr("(no date)"));
  EXPECT_THAT(table, HasSubstr("2 pairs, 2 events"));
  EXPECT_THAT(table, Not(HasSubstr(std::string(101, 'x'))));  // long sentences are cut
  EXPECT_THAT(table, HasSubstr("xxx…\""));
}

TEST(PairRowsToTableTest, AlignsColumnsByDisplayWidth) {
  const std::string table = PairRowsToTable(SampleRows());
  // The factuality column starts at the same screen column on every event
  // line, although "Zürich" has more bytes than characters.
  std::vector<size_t> columns;
  for (absl::string_view line : absl::StrSplit(table, '\n')) {
    size_t at = line.find("happened");
    if (at == absl::string_view::npos) at = line.find("planned");
    if (line.substr(0, 2) == "  " && at != absl::string_view::npos) {
      columns.push_back(queries::DisplayWidth(line.substr(0, at)));
    }
  }
  ASSERT_EQ(columns.size(), 3u);
  EXPECT_EQ(columns[0], columns[1]);
  EXPECT_EQ(columns[0], columns[2]);
}

TEST(PairRowsToTableTest, EmptyAnswerSaysSo) { EXPECT_EQ(PairRowsToTable({}), "(no answer)\n"); }

TEST(TextWidthTest, CountsColumnsNotBytes) {
  EXPECT_EQ(queries::DisplayWidth("Niinistö"), 8u);
  EXPECT_EQ(queries::DisplayWidth("王毅"), 4u);
  EXPECT_EQ(queries::DisplayWidth("e\xCC\x81"), 1u);  // e + combining acute
  EXPECT_EQ(queries::DisplayWidth("\xFF"), 1u);        // an invalid byte still shows
  EXPECT_EQ(queries::TruncateToWidth("Niinistö", 8), "Niinistö");
  EXPECT_EQ(queries::TruncateToWidth("Niinistö met", 9), "Niinistö…");
  EXPECT_EQ(queries::TruncateToWidth("王毅王毅", 5), "王毅…");
  EXPECT_EQ(queries::PadToWidth("ö", 3), "ö  ");
  EXPECT_EQ(queries::CollapseSpaces(" a\n\tb\xC2\xA0 c "), "a b c");
}

TEST(CannedQueriesTest, ListsOfficialsMetAndContactsOfWithTheirParameters) {
  const std::vector<CannedQuery>& queries = CannedQueries();
  ASSERT_EQ(queries.size(), 2u);
  EXPECT_EQ(queries[0].name, "officials-met");
  EXPECT_EQ(queries[1].name, "contacts-of");
  std::vector<std::string> names;
  for (const auto& [name, description] : queries[0].params) names.push_back(name);
  EXPECT_EQ(names, (std::vector<std::string>{"a", "b", "from", "to", "mode", "factuality"}));
  EXPECT_EQ(queries[1].params.front().first, "person");
  for (const CannedQuery& q : queries) EXPECT_FALSE(q.summary.empty());
}

}  // namespace
}  // namespace newsgraph
