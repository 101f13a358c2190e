#include <cstdlib>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "queries/output/graph_output.h"
#include "tests/queries/output/test_values.h"

namespace newsgraph::queries {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using Value = CypherValue;

Value Person(int64_t id, const std::string& name) {
  return Node(id, "Person", {{"name", Value::String(name)}});
}

Value Date(const std::string& iso) {
  Value v = Value::String(iso);
  v.kind = Value::Kind::kDate;
  return v;
}

// A MET/SPOKE_WITH-like relationship of one event.
Value Rel(int64_t id, int64_t start, int64_t end, std::string type, const std::string& from,
          const std::string& to, const std::string& factuality, int64_t event) {
  std::map<std::string, Value> props;
  if (!from.empty()) props["date"] = Date(from);
  if (!to.empty()) props["end_date"] = Date(to);
  if (!factuality.empty()) props["factuality"] = Value::String(factuality);
  if (event != 0) props["event_id"] = Value::Int(event);
  // The header's five-argument Rel; this one hides it inside the namespace.
  return ::newsgraph::queries::Rel(id, start, end, std::move(type), std::move(props));
}

// Rows of a neighbourhood: (from, relationship, to), the first row's
// first node its centre.
CypherResult Rows(const std::vector<std::vector<Value>>& rows) {
  CypherResult result;
  result.columns = {"from", "via", "entity"};
  result.rows = rows;
  return result;
}

TEST(DateAtPrecisionTest, ShowsADateAsPreciseAsItIs) {
  auto element = [](const std::string& from, const std::string& to, const std::string& g) {
    Value v = Node(1, "Event", {{"date", Date(from)}, {"end_date", Date(to)}});
    if (!g.empty()) v.map["granularity"] = Value::String(g);
    return v;
  };
  EXPECT_EQ(DateAtPrecision(element("2022-11-01", "2022-11-30", "month")), "2022-11");
  EXPECT_EQ(DateAtPrecision(element("2022-01-01", "2022-12-31", "year")), "2022");
  EXPECT_EQ(DateAtPrecision(element("2022-11-14", "2022-11-14", "day")), "2022-11-14");
  EXPECT_EQ(DateAtPrecision(element("2022-11-14", "2022-11-20", "week")), "2022-11-14\u201320");
  EXPECT_EQ(DateAtPrecision(element("2022-02-28", "2022-03-06", "week")), "2022-02-28\u201303-06");
  // A relationship has no granularity: its span tells.
  EXPECT_EQ(DateAtPrecision(element("2024-02-01", "2024-02-29", "")), "2024-02");
  EXPECT_EQ(DateAtPrecision(element("2024-02-01", "2024-02-28", "")), "2024-02-01\u201328");
  EXPECT_EQ(DateAtPrecision(element("2023-01-01", "2023-12-31", "")), "2023");
  EXPECT_EQ(DateAtPrecision(Node(1, "Event", {{"date", Date("2023-06-19")}})), "2023-06-19");
  EXPECT_EQ(DateAtPrecision(Node(1, "Event", {})), "");
}

TEST(DotOutputTest, MergesParallelContactsWithTheirCountAndDateRange) {
  const Value wang = Person(1, "Wang Yi"), blinken = Person(2, "Antony Blinken");
  // Three meetings, one stored each way (the same event twice), one month.
  const std::string dot = AnswerGraphToDot(CollectAnswerGraph(Rows({
      {wang, Rel(10, 1, 2, "MET", "2023-02-01", "2023-02-28", "happened", 100), blinken},
      {wang, Rel(11, 2, 1, "MET", "2023-02-01", "2023-02-28", "happened", 100), blinken},
      {wang, Rel(12, 1, 2, "MET", "2023-06-19", "2023-06-19", "happened", 101), blinken},
      {wang, Rel(13, 1, 2, "MET", "2022-07-09", "2022-07-09", "happened", 102), blinken},
  })));
  EXPECT_THAT(dot, HasSubstr("n1 -> n2 [color=\"#0072B2\", style=solid, dir=none, penwidth=2.5, "
                             "label=\"\u00d73 2022-07-09\u20262023-06-19\""));
  EXPECT_THAT(dot, Not(HasSubstr("n2 -> n1")));
  EXPECT_THAT(dot, HasSubstr("N relationships, first\u2026last date"));  // the legend says so
}

TEST(DotOutputTest, FactualityIsTheLineStyleAndColourIsTheType) {
  const Value a = Person(1, "A"), b = Person(2, "B"), c = Person(3, "C"), d = Person(4, "D");
  const std::string dot = AnswerGraphToDot(CollectAnswerGraph(Rows({
      {a, Rel(10, 1, 2, "MET", "2023-01-05", "2023-01-05", "planned", 100), b},
      {a, Rel(11, 1, 3, "SPOKE_WITH", "2023-01-05", "", "possible", 101), c},
      {a, Rel(12, 1, 4, "MET", "2023-01-05", "", "cancelled", 102), d},
      {a, Rel(13, 1, 4, "MET", "2023-01-06", "", "happened", 103), d},
  })));
  EXPECT_THAT(dot, HasSubstr("n1 -> n2 [color=\"#0072B2\", style=dashed"));
  EXPECT_THAT(dot, HasSubstr("n1 -> n3 [color=\"#009E73\", style=dotted"));
  // Cancelled: grey, and the label says which, apart from the one that happened.
  EXPECT_THAT(dot, HasSubstr("n1 -> n4 [color=\"#A0A0A0\", style=solid, dir=none, "
                             "label=\"2023-01-05\\ncancelled\""));
  EXPECT_THAT(dot, HasSubstr("n1 -> n4 [color=\"#0072B2\", style=solid, dir=none, "
                             "label=\"2023-01-06\""));
  for (const char* legend : {">MET<", ">SPOKE_WITH<", ">planned<", ">possible<",
                             ">cancelled / denied<", ">start / end of the answer<"}) {
    EXPECT_THAT(dot, HasSubstr(legend));
  }
  EXPECT_THAT(dot, Not(HasSubstr(">HOLDS_ROLE<")));  // only the types drawn
}

TEST(DotOutputTest, MarksTheEndsAndShortensLongNames) {
  const Value a = Person(1, "Wang Yi");
  const Value b = Person(2, "Ursula Gertrud von der Leyen-Albrecht");
  const std::string dot = AnswerGraphToDot(
      CollectAnswerGraph(Rows({{a, Rel(10, 1, 2, "MET", "2023-01-05", "", "happened", 100), b}})));
  EXPECT_THAT(dot, HasSubstr("n1 [label=\"Wang Yi\", tooltip=\"Wang Yi (Person)\", "
                             "fillcolor=\"#FFD966\", penwidth=2.5"));
  EXPECT_THAT(dot, HasSubstr("n2 [label=\"Ursula Gertrud von der\u2026\", tooltip=\"Ursula "
                             "Gertrud von der Leyen-Albrecht (Person)\", fillcolor=\"#FFFFFF\""));
}

TEST(DotOutputTest, AnEventShowsItsTypeAndItsDateAtItsPrecision) {
  const Value e = Node(5, "Event",
                       {{"type", Value::String("CONSULT")},
                        {"date", Date("2022-11-01")},
                        {"end_date", Date("2022-11-30")},
                        {"granularity", Value::String("month")}});
  const std::string dot = AnswerGraphToDot(CollectAnswerGraph(Rows({{e}})));
  EXPECT_THAT(dot, HasSubstr("n5 [label=\"CONSULT\\n2022-11\""));
  EXPECT_THAT(dot, HasSubstr("shape=note"));
}

// More than a handful of entities, no path: neato, and each edge label a
// node on its line, so that overlap removal keeps labels apart.
TEST(DotOutputTest, LargeAnswersUseNeatoWithLabelNodes) {
  std::vector<std::vector<Value>> rows;
  const Value centre = Person(1, "Centre");
  for (int i = 2; i <= 14; ++i) {
    rows.push_back({centre, Rel(100 + i, 1, i, "MET", "2023-01-05", "", "happened", 200 + i),
                    Person(i, absl::StrCat("P", i))});
  }
  const std::string dot = AnswerGraphToDot(CollectAnswerGraph(Rows(rows)));
  EXPECT_THAT(dot, HasSubstr("layout=neato, overlap=prism"));
  EXPECT_THAT(dot, HasSubstr("  l0 [shape=plaintext"));
  EXPECT_THAT(dot, HasSubstr("  n1 -> l0 [color=\"#0072B2\", style=solid, dir=none];"));
  EXPECT_THAT(dot, HasSubstr("  l0 -> n2 [color=\"#0072B2\", style=solid, dir=none];"));
  EXPECT_THAT(dot, Not(HasSubstr("-> n2 [color=\"#0072B2\", style=solid, dir=none, label")));
  if (std::system("command -v dot >/dev/null 2>&1") == 0) {
    const std::string file = ::testing::TempDir() + "/large_" + std::to_string(getpid()) + ".dot";
    std::ofstream(file) << dot;
    EXPECT_EQ(std::system(("dot -Tsvg " + file + " >/dev/null").c_str()), 0);
    std::remove(file.c_str());
  }
}

TEST(DotOutputTest, PathsAreDrawnLeftToRightByDot) {
  CypherResult result;
  result.columns = {"p"};
  Value path;
  path.kind = Value::Kind::kPath;
  path.list = {Person(1, "A"), Rel(10, 1, 2, "MET", "2023-01-05", "", "happened", 100),
               Person(2, "B")};
  result.rows = {{path}};
  const std::string dot = AnswerGraphToDot(CollectAnswerGraph(result));
  EXPECT_THAT(dot, HasSubstr("layout=dot, rankdir=LR"));
  EXPECT_THAT(dot, HasSubstr("n2 [label=\"B\", tooltip=\"B (Person)\", fillcolor=\"#FFD966\""));
}

}  // namespace
}  // namespace newsgraph::queries
