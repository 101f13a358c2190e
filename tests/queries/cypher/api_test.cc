// RunCypher over a store: results, parameters, errors, output formats, and
// the Cypher form of Q1 (examples/officials_met.cypher) against the C++
// officials-met on the hand-written contact graph.
#include "newsgraph/cypher.h"

#include <fstream>
#include <set>
#include <sstream>
#include <tuple>

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "newsgraph/query.h"
#include "nlohmann/json.hpp"
#include "schema/dates.h"
#include "tests/queries/test_graph.h"

namespace newsgraph {
namespace {

using testing_util::ContactGraph;
using testing_util::TempStoreDir;

std::string ReadText(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

const std::string kQ1Path = std::string(NEWSGRAPH_SOURCE_DIR) + "/examples/officials_met.cypher";

CypherValue DateParam(const std::string& iso) {
  return CypherValue::Date(DayNumber(*ParseIsoDay(iso)));
}

class CypherApiTest : public testing_util::ContactGraphTest {
 protected:
  CypherResult Run(absl::string_view query, const CypherParams& params = {}) {
    absl::StatusOr<CypherResult> r = RunCypher(*store_, query, params);
    EXPECT_TRUE(r.ok()) << query << ": " << r.status();
    return r.ok() ? *r : CypherResult();
  }
};

TEST_F(CypherApiTest, ReturnsColumnsAndConvertedValues) {
  CypherResult r = Run(
      "MATCH (p:Person {name: 'Antony Blinken'})-[t:PARTICIPATED_IN]->(e:Event {mode: 'phone'}) "
      "RETURN p, t, e.date AS day, e.evidence AS ev, p.name AS name");
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(r.columns, (std::vector<std::string>{"p", "t", "day", "ev", "name"}));
  const std::vector<CypherValue>& row = r.rows[0];
  EXPECT_EQ(row[0].kind, CypherValue::Kind::kNode);
  EXPECT_EQ(row[0].integer, static_cast<int64_t>(g_.blinken));
  EXPECT_EQ(row[0].labels, std::vector<std::string>{"Person"});
  EXPECT_EQ(row[0].map.at("role").text, "Secretary of State");
  EXPECT_EQ(row[1].kind, CypherValue::Kind::kRelationship);
  EXPECT_EQ(row[1].text, "PARTICIPATED_IN");
  EXPECT_EQ(row[1].start, static_cast<int64_t>(g_.blinken));
  EXPECT_EQ(row[1].end, static_cast<int64_t>(g_.call));
  EXPECT_EQ(row[2].kind, CypherValue::Kind::kDate);
  EXPECT_EQ(row[2].text, "2023-02-01");
  EXPECT_EQ(row[3].list.size(), 1u);
  EXPECT_EQ(CypherValueToText(row[4]), "Antony Blinken");
  EXPECT_EQ(CypherValueToText(row[0]).rfind("(:Person {", 0), 0u) << CypherValueToText(row[0]);
}

TEST_F(CypherApiTest, ParametersIncludingDates) {
  CypherParams params{{"from", DateParam("2023-01-01")}, {"who", CypherValue::String("Joe Biden")}};
  CypherResult r = Run(
      "MATCH (p:Person {name: $who})-[:PARTICIPATED_IN]->(e:Event) WHERE e.date >= $from "
      "RETURN toString(e.date) AS day ORDER BY day",
      params);
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_EQ(r.rows[0][0].text, "2023-07-11");
  EXPECT_EQ(r.rows[1][0].text, "2023-11-01");
}

TEST_F(CypherApiTest, ErrorsNamePositionOrKind) {
  absl::StatusOr<CypherResult> r = RunCypher(*store_, "MATCH (p:Person\nRETURN p");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StartsWith(r.status().message(), "line 2, column 1:")) << r.status();
  r = RunCypher(*store_, "CREATE (:Person {name: 'X'})");
  EXPECT_FALSE(r.ok());
  r = RunCypher(*store_, "RETURN $missing");
  EXPECT_FALSE(r.ok());
  CypherValue node;
  node.kind = CypherValue::Kind::kNode;
  r = RunCypher(*store_, "RETURN $n", {{"n", node}});
  EXPECT_TRUE(absl::StrContains(r.status().message(), "cannot be parameters")) << r.status();
}

TEST(CypherParamTest, ParsesTextByShape) {
  EXPECT_EQ(ParseCypherParam("42").kind, CypherValue::Kind::kInt);
  EXPECT_EQ(ParseCypherParam("-3").integer, -3);
  EXPECT_EQ(ParseCypherParam("2.5").number, 2.5);
  EXPECT_EQ(ParseCypherParam("true").boolean, true);
  EXPECT_EQ(ParseCypherParam("null").kind, CypherValue::Kind::kNull);
  EXPECT_EQ(ParseCypherParam("2022-01-01").kind, CypherValue::Kind::kDate);
  EXPECT_EQ(ParseCypherParam("2022-01-01").text, "2022-01-01");
  EXPECT_EQ(ParseCypherParam("2022-02-30").kind, CypherValue::Kind::kString);
  EXPECT_EQ(ParseCypherParam("'2022-01-01'").text, "2022-01-01");
  EXPECT_EQ(ParseCypherParam("'2022-01-01'").kind, CypherValue::Kind::kString);
  EXPECT_EQ(ParseCypherParam("\"42\"").kind, CypherValue::Kind::kString);
  EXPECT_EQ(ParseCypherParam("nan").kind, CypherValue::Kind::kString);
  EXPECT_EQ(ParseCypherParam("Wang Yi").text, "Wang Yi");
  EXPECT_EQ(ParseCypherParam("").kind, CypherValue::Kind::kString);
}

TEST_F(CypherApiTest, FormatsJsonCsvAndTable) {
  CypherResult r = Run(
      "MATCH (p:Person {name: 'Wang Yi'})-[t:HOLDS_ROLE]->(s:State) "
      "RETURN p.name AS name, s, t, [1, 'a, \"b\"'] AS list, null AS nothing");
  ASSERT_EQ(r.rows.size(), 1u);
  const nlohmann::json json = nlohmann::json::parse(CypherResultToJson(r));
  ASSERT_EQ(json.size(), 1u);
  EXPECT_EQ(json[0]["name"], "Wang Yi");
  EXPECT_EQ(json[0]["s"]["labels"][0], "State");
  EXPECT_EQ(json[0]["s"]["properties"]["kb_key"], "CN");
  EXPECT_EQ(json[0]["s"]["id"], g_.cn);
  EXPECT_EQ(json[0]["t"]["type"], "HOLDS_ROLE");
  EXPECT_EQ(json[0]["t"]["start"], g_.wang);
  EXPECT_EQ(json[0]["t"]["end"], g_.cn);
  EXPECT_EQ(json[0]["t"]["properties"]["date"], "2017-01-20");
  EXPECT_TRUE(json[0]["nothing"].is_null());

  const std::string csv = CypherResultToCsv(r);
  EXPECT_TRUE(absl::StartsWith(csv, "name,s,t,list,nothing\nWang Yi,")) << csv;
  EXPECT_TRUE(absl::StrContains(csv, R"("[1, 'a, ""b""']",)")) << csv;

  const std::string table = CypherResultToTable(r);
  EXPECT_TRUE(absl::StartsWith(table, "name     s")) << table;
  EXPECT_TRUE(absl::StrContains(table, "\n-------  ")) << table;
  EXPECT_TRUE(absl::EndsWith(table, "(1 row)\n")) << table;
}

// (official, counterpart, event ids) of each row.
using PairKey = std::tuple<std::string, std::string, std::vector<int64_t>>;

std::set<PairKey> CppPairs(const Store& store, const std::string& a, const std::string& b,
                           const std::string& from, const std::string& to) {
  OfficialsMetParams params;
  params.a = a;
  params.b = b;
  params.from = from;
  params.to = to;
  absl::StatusOr<std::vector<PairRow>> rows = OfficialsMet(store, params);
  EXPECT_TRUE(rows.ok()) << rows.status();
  std::set<PairKey> out;
  for (const PairRow& row : rows.ok() ? *rows : std::vector<PairRow>()) {
    std::vector<int64_t> events;
    for (const EventRow& e : row.events) events.push_back(static_cast<int64_t>(e.event_id));
    out.emplace(row.a.name, row.b.name, events);
  }
  return out;
}

std::set<PairKey> CypherPairs(const Store& store, const std::string& a, const std::string& b,
                              const std::string& from, const std::string& to) {
  CypherParams params{{"a", CypherValue::String(a)}, {"b", CypherValue::String(b)},
                      {"from", DateParam(from)}, {"to", DateParam(to)}};
  absl::StatusOr<CypherResult> r = RunCypher(store, ReadText(kQ1Path), params);
  EXPECT_TRUE(r.ok()) << r.status();
  std::set<PairKey> out;
  for (const std::vector<CypherValue>& row : r.ok() ? r->rows : std::vector<std::vector<CypherValue>>()) {
    std::vector<int64_t> events;
    for (const CypherValue& e : row[2].list) events.push_back(e.integer);
    EXPECT_EQ(row[3].list.size(), row[2].list.size()) << "one evidence list per event";
    out.emplace(row[0].text, row[1].text, events);
  }
  return out;
}

TEST_F(CypherApiTest, Q1CypherEqualsOfficialsMet) {
  ASSERT_FALSE(ReadText(kQ1Path).empty()) << kQ1Path;
  struct Case {
    std::string a, b, from, to;
  };
  const Case cases[] = {
      {"US", "CN", "2022-01-01", "2023-12-31"}, {"CN", "US", "2022-01-01", "2023-12-31"},
      {"US", "CN", "2021-01-01", "2023-12-31"}, {"US", "CN", "2022-11-14", "2022-11-14"},
      {"US", "CN", "2023-11-01", "2023-11-29"}, {"US", "CN", "2023-11-01", "2023-11-30"},
      {"US", "FR", "2022-01-01", "2023-12-31"}, {"FI", "CN", "2022-01-01", "2023-12-31"},
      {"US", "CN", "1900-01-01", "2999-12-31"},
  };
  size_t non_empty = 0;
  for (const Case& c : cases) {
    const std::set<PairKey> expected = CppPairs(*store_, c.a, c.b, c.from, c.to);
    EXPECT_EQ(CypherPairs(*store_, c.a, c.b, c.from, c.to), expected)
        << c.a << " " << c.b << " " << c.from << " " << c.to;
    if (!expected.empty()) ++non_empty;
  }
  EXPECT_GE(non_empty, 5u);  // the comparison is not between empty answers
}

TEST(CypherReadmeTest, ReadmeShowsTheQ1QueryVerbatim) {
  const std::string query = ReadText(kQ1Path);
  ASSERT_FALSE(query.empty());
  EXPECT_TRUE(absl::StrContains(ReadText(std::string(NEWSGRAPH_SOURCE_DIR) + "/README.md"), query))
      << "README.md's Cypher section must show examples/officials_met.cypher as it is";
}

}  // namespace
}  // namespace newsgraph
