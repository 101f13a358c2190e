// The native neighbourhood on graphs built by hand: hops, the relationships
// that reach each node at its shortest distance, the filters, the limit and
// its note, each relationship examined once; and, on random graphs, the
// same rows as the registry's Cypher text.
#include "queries/canned/neighbourhood.h"

#include <algorithm>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "queries/canned/registry.h"
#include "queries/cypher/executor/exec.h"
#include "schema/dates.h"

namespace newsgraph::queries {
namespace {

using cypher::InMemoryGraph;
using cypher::PropertyMap;
using cypher::Value;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Pair;

int64_t Day(const char* iso) { return DayNumber(*ParseIsoDay(iso)); }

// Names to node ids, and the relationships the tests build.
class NeighbourhoodTest : public ::testing::Test {
 protected:
  int64_t Node(const std::string& label, const std::string& name, PropertyMap props = {}) {
    props["name"] = Value::String(name);
    return ids_[name] = g_.CreateNode({label}, std::move(props));
  }
  // A contact, stored once each way as the importer stores it.
  void Met(const std::string& a, const std::string& b, const char* date,
           const char* factuality = "happened") {
    PropertyMap props;
    if (date != nullptr) props["date"] = Value::Date(Day(date));
    props["factuality"] = Value::String(factuality);
    g_.CreateRel(ids_.at(a), ids_.at(b), "MET", props);
    g_.CreateRel(ids_.at(b), ids_.at(a), "MET", props);
  }
  int64_t Rel(const std::string& a, const std::string& type, const std::string& b) {
    return g_.CreateRel(ids_.at(a), ids_.at(b), type, {});
  }

  // A - B - D - E and A - C - D by MET, B - C (the same hop), a cancelled
  // contact A - F, a self-loop on A; A and E at a happened event, A at a
  // planned one; A holds a role in a state.
  void SetUp() override {
    for (const char* name : {"A", "B", "C", "D", "E", "F"}) Node("Person", name);
    Node("Event", "ev1", {{"factuality", Value::String("happened")}});
    Node("Event", "ev2", {{"factuality", Value::String("planned")}});
    Node("State", "S");
    Met("A", "B", "2023-01-10");
    Met("A", "C", "2023-05-01");
    Met("B", "D", "2022-01-01");
    Met("C", "D", "2023-06-01");
    Met("B", "C", "2023-02-01");
    Met("D", "E", nullptr);
    Met("A", "F", "2023-01-01", "cancelled");
    Rel("A", "MET", "A");
    Rel("A", "PARTICIPATED_IN", "ev1");
    Rel("A", "PARTICIPATED_IN", "ev2");
    Rel("E", "PARTICIPATED_IN", "ev1");
    Rel("A", "HOLDS_ROLE", "S");
  }

  NeighbourhoodSpec Spec(int k, std::vector<std::string> types = {"MET", "SPOKE_WITH"}) {
    NeighbourhoodSpec spec;
    spec.starts = {ids_.at("A")};
    spec.k = k;
    spec.types = std::move(types);
    spec.factualities = std::vector<std::string>{"happened"};
    return spec;
  }

  std::string NameOf(int64_t id) const {
    for (const auto& [name, node] : ids_) {
      if (node == id) return name;
    }
    return "?";
  }
  // "name:hop" per node.
  std::vector<std::string> Nodes(const Neighbourhood& n) const {
    std::vector<std::string> out;
    for (const auto& [id, hop] : n.nodes) out.push_back(absl::StrCat(NameOf(id), ":", hop));
    return out;
  }
  // "from>to:hop" per edge, sorted.
  std::vector<std::string> Edges(const Neighbourhood& n) const {
    std::vector<std::string> out;
    for (const NeighbourhoodEdge& e : n.edges) {
      out.push_back(absl::StrCat(NameOf(e.from), ">", NameOf(e.to), ":", e.hops));
    }
    std::sort(out.begin(), out.end());
    return out;
  }
  Neighbourhood Expand(const NeighbourhoodSpec& spec) {
    absl::StatusOr<Neighbourhood> n = ExpandNeighbourhood(g_, spec);
    EXPECT_TRUE(n.ok()) << n.status();
    return n.ok() ? *std::move(n) : Neighbourhood();
  }

  InMemoryGraph g_;
  std::map<std::string, int64_t> ids_;
};

TEST_F(NeighbourhoodTest, HopsAreShortestDistancesAndEdgesReachAtThem) {
  const Neighbourhood n = Expand(Spec(2));
  EXPECT_THAT(Nodes(n), ElementsAre("B:1", "C:1", "D:2"));
  // B - C joins two nodes of hop 1: no row; D is reached twice at hop 2.
  EXPECT_THAT(Edges(n), ElementsAre("A>B:1", "A>C:1", "B>D:2", "C>D:2"));
  EXPECT_FALSE(n.limit_reached);
  EXPECT_THAT(Nodes(Expand(Spec(3))), ElementsAre("B:1", "C:1", "D:2", "E:3"));
  EXPECT_THAT(Nodes(Expand(Spec(1))), ElementsAre("B:1", "C:1"));
}

TEST_F(NeighbourhoodTest, EachRelationshipIsExaminedOnce) {
  // MET is read only the way it points: from A its two contacts (the
  // self-loop and F's cancelled contact aside: F fails the factuality
  // after one look), from B and C one new contact each.
  EXPECT_EQ(Expand(Spec(2)).relationships_examined, 5);
  // PARTICIPATED_IN is read from both ends: A's two, then ev1's other
  // participant; A -> ev1 is not looked at again from ev1.
  const Neighbourhood events = Expand(Spec(2, {"PARTICIPATED_IN"}));
  EXPECT_THAT(Nodes(events), ElementsAre("ev1:1", "E:2"));
  EXPECT_EQ(events.relationships_examined, 3);
  // Every relationship within reach once: A's 3 + 2 + 1 outgoing (MET,
  // PARTICIPATED_IN, HOLDS_ROLE), then from hop 1 B > D, C > D and E -> ev1;
  // D > E joins two nodes of hop 2 and is not looked at.
  const Neighbourhood all = Expand(Spec(3, {"MET", "PARTICIPATED_IN", "HOLDS_ROLE"}));
  EXPECT_EQ(all.relationships_examined, 6 + 3 + 0);
}

TEST_F(NeighbourhoodTest, TypesWindowAndFactualityFilter) {
  EXPECT_THAT(Nodes(Expand(Spec(1, {"HOLDS_ROLE"}))), ElementsAre("S:1"));
  EXPECT_THAT(Nodes(Expand(Spec(2, {}))), ElementsAre());
  EXPECT_THAT(Nodes(Expand(Spec(2, {"LOCATED_IN"}))), ElementsAre());
  NeighbourhoodSpec window = Spec(3);
  window.from_day = Day("2023-03-01");
  // A - B (January) ends before the window; the undated D - E passes.
  EXPECT_THAT(Nodes(Expand(window)), ElementsAre("C:1", "D:2", "E:3"));
  window.from_day.reset();
  window.to_day = Day("2022-12-31");
  EXPECT_THAT(Nodes(Expand(window)), ElementsAre());
  NeighbourhoodSpec any = Spec(1);
  any.factualities.reset();
  EXPECT_THAT(Nodes(Expand(any)), ElementsAre("B:1", "C:1", "F:1"));
  NeighbourhoodSpec planned = Spec(1, {"PARTICIPATED_IN"});
  EXPECT_THAT(Nodes(Expand(planned)), ElementsAre("ev1:1"));
  planned.factualities = std::vector<std::string>{"happened", "planned"};
  EXPECT_THAT(Nodes(Expand(planned)), ElementsAre("ev1:1", "ev2:1"));
}

// The search stops at the first entity beyond the limit: the frontier is
// taken by name, each node's relationships in the graph's order.
TEST_F(NeighbourhoodTest, LimitKeepsTheNearestFirstFoundAndSaysSo) {
  NeighbourhoodSpec spec = Spec(2);
  spec.limit = 1;
  Neighbourhood n = Expand(spec);
  EXPECT_THAT(Nodes(n), ElementsAre("B:1"));
  EXPECT_THAT(Edges(n), ElementsAre("A>B:1"));
  EXPECT_TRUE(n.limit_reached);
  spec.limit = 2;
  n = Expand(spec);
  EXPECT_THAT(Nodes(n), ElementsAre("B:1", "C:1"));
  EXPECT_TRUE(n.limit_reached);
  // The cut stopped the search: B's relationship to D was the last looked at.
  EXPECT_EQ(n.relationships_examined, 4);
  // Exactly the limit, and nothing further within k: no note.
  spec.limit = 3;
  EXPECT_FALSE(Expand(spec).limit_reached);
  spec.k = 3;
  n = Expand(spec);
  EXPECT_THAT(Nodes(n), ElementsAre("B:1", "C:1", "D:2"));
  EXPECT_TRUE(n.limit_reached);
  EXPECT_THAT(NeighbourhoodLimitNote(3), HasSubstr("limit of 3 entities was reached"));
}

TEST_F(NeighbourhoodTest, RejectsBadBounds) {
  NeighbourhoodSpec spec = Spec(0);
  EXPECT_FALSE(ExpandNeighbourhood(g_, spec).ok());
  spec = Spec(1);
  spec.limit = 0;
  EXPECT_FALSE(ExpandNeighbourhood(g_, spec).ok());
}

TEST_F(NeighbourhoodTest, RowsHaveTheCypherEntrysColumnsAndOrder) {
  const CypherResult rows = NeighbourhoodRows(g_, Expand(Spec(2)));
  EXPECT_THAT(rows.columns,
              ElementsAre("hops", "from_entity", "via", "entity", "kind", "evidence"));
  std::vector<std::string> seen;
  for (const auto& row : rows.rows) {
    ASSERT_EQ(row.size(), 6u);
    EXPECT_EQ(row[2].kind, CypherValue::Kind::kRelationship);
    EXPECT_EQ(row[2].integer, row[5].integer);  // the evidence is the relationship
    ASSERT_EQ(row[4].list.size(), 1u);
    EXPECT_EQ(row[4].list[0].text, "Person");
    seen.push_back(absl::StrCat(row[0].integer, " ", row[1].map.at("name").text, ">",
                                row[3].map.at("name").text));
  }
  EXPECT_THAT(seen, ElementsAre("1 A>B", "1 A>C", "2 B>D", "2 C>D"));
}

// The registry's Cypher text over the same graph: its rows, as
// (hops, from, relationship, to), sorted.
using RowKey = std::tuple<int64_t, int64_t, int64_t, int64_t>;

struct Params {
  int k = 2;
  std::vector<std::string> types;
  std::optional<int64_t> from, to;
  std::optional<std::vector<std::string>> factualities;
};

Value StringList(const std::vector<std::string>& items) {
  std::vector<Value> list;
  for (const std::string& s : items) list.push_back(Value::String(s));
  return Value::List(std::move(list));
}

std::vector<RowKey> CypherRows(InMemoryGraph* g, const std::string& text, const std::string& entity,
                               const Params& p) {
  cypher::Params params;
  params["entity"] = Value::String(entity);
  params["k"] = Value::Int(p.k);
  params["types"] = StringList(p.types);
  params["from"] = p.from ? Value::Date(*p.from) : Value::Null();
  params["to"] = p.to ? Value::Date(*p.to) : Value::Null();
  params["factuality"] = p.factualities ? StringList(*p.factualities) : Value::Null();
  params["limit"] = Value::Int(10000);
  absl::StatusOr<cypher::QueryResult> r = cypher::RunCypher(text, g, params);
  EXPECT_TRUE(r.ok()) << r.status();
  std::vector<RowKey> out;
  if (!r.ok()) return out;
  for (const auto& row : r->rows) out.emplace_back(row[0].i, row[1].i, row[2].i, row[3].i);
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<RowKey> NativeRows(const InMemoryGraph& g, const std::string& entity, const Params& p) {
  CypherParams params;
  params["entity"] = CypherValue::String(entity);
  params["k"] = CypherValue::Int(p.k);
  std::vector<CypherValue> types;
  for (const std::string& t : p.types) types.push_back(CypherValue::String(t));
  params["types"] = CypherValue::List(types);
  if (p.from) params["from"] = CypherValue::Date(static_cast<int32_t>(*p.from));
  if (p.to) params["to"] = CypherValue::Date(static_cast<int32_t>(*p.to));
  if (p.factualities) {
    std::vector<CypherValue> list;
    for (const std::string& f : *p.factualities) list.push_back(CypherValue::String(f));
    params["factuality"] = CypherValue::List(list);
  }
  params["limit"] = CypherValue::Int(10000);
  absl::StatusOr<NeighbourhoodSpec> spec = NeighbourhoodSpecOf(g, params);
  EXPECT_TRUE(spec.ok()) << spec.status();
  std::vector<RowKey> out;
  if (!spec.ok()) return out;
  absl::StatusOr<Neighbourhood> n = ExpandNeighbourhood(g, *spec);
  EXPECT_TRUE(n.ok()) << n.status();
  if (!n.ok()) return out;
  for (const NeighbourhoodEdge& e : n->edges) out.emplace_back(e.hops, e.from, e.rel, e.to);
  std::sort(out.begin(), out.end());
  return out;
}

// People and events with random contacts (both ways, as stored),
// participations, roles, dates, open ends and factualities.
InMemoryGraph RandomGraph(std::mt19937* rng) {
  InMemoryGraph g;
  const char* facts[] = {"happened", "planned", "cancelled"};
  const int people = 4 + static_cast<int>((*rng)() % 6);
  const int events = 1 + static_cast<int>((*rng)() % 4);
  for (int i = 0; i < people; ++i) {
    g.CreateNode({"Person"}, {{"name", Value::String(absl::StrCat("p", i))}});
  }
  for (int i = 0; i < events; ++i) {
    PropertyMap props = {{"name", Value::String(absl::StrCat("e", i))}};
    if ((*rng)() % 4 != 0) props["factuality"] = Value::String(facts[(*rng)() % 3]);
    g.CreateNode({"Event"}, std::move(props));
  }
  auto rel_props = [&] {
    PropertyMap props;
    if ((*rng)() % 4 != 0) props["date"] = Value::Date(19000 + (*rng)() % 40);
    if ((*rng)() % 3 == 0) props["end_date"] = Value::Date(19020 + (*rng)() % 40);
    if ((*rng)() % 3 != 0) props["factuality"] = Value::String(facts[(*rng)() % 3]);
    return props;
  };
  const int rels = static_cast<int>((*rng)() % (3 * people));
  for (int j = 0; j < rels; ++j) {
    const int64_t a = (*rng)() % people;
    switch ((*rng)() % 3) {
      case 0: {
        const int64_t b = (*rng)() % people;
        const PropertyMap props = rel_props();
        g.CreateRel(a, b, "MET", props);
        if (a != b) g.CreateRel(b, a, "MET", props);
        break;
      }
      case 1: g.CreateRel(a, people + (*rng)() % events, "PARTICIPATED_IN", rel_props()); break;
      default: g.CreateRel(a, (*rng)() % people, "HOLDS_ROLE", rel_props()); break;
    }
  }
  return g;
}

TEST(NeighbourhoodRandomTest, SameRowsAsTheCypherText) {
  absl::StatusOr<CannedRegistry> registry = LoadCannedRegistry({}, "");
  ASSERT_TRUE(registry.ok()) << registry.status();
  const CannedEntry* entry = registry->Find("neighbourhood");
  ASSERT_NE(entry, nullptr);
  const std::vector<Params> cases = {
      {2, {"MET", "SPOKE_WITH"}, std::nullopt, std::nullopt, std::vector<std::string>{"happened"}},
      {3, {"MET", "PARTICIPATED_IN"}, std::nullopt, std::nullopt, std::nullopt},
      {3, {"MET", "PARTICIPATED_IN", "HOLDS_ROLE"}, 19010, 19030,
       std::vector<std::string>{"happened", "planned"}},
      {1, {"PARTICIPATED_IN", "HOLDS_ROLE"}, 19025, std::nullopt, std::nullopt},
      {2, {"HOLDS_ROLE", "MET"}, std::nullopt, 19015, std::vector<std::string>{"cancelled"}},
  };
  std::mt19937 rng(13);
  int nonempty = 0;
  for (int trial = 0; trial < 60; ++trial) {
    InMemoryGraph g = RandomGraph(&rng);
    for (const Params& p : cases) {
      const std::vector<RowKey> native = NativeRows(g, "p0", p);
      ASSERT_EQ(native, CypherRows(&g, entry->cypher, "p0", p))
          << "trial " << trial << ", k " << p.k << ", types " << p.types.size();
      if (!native.empty()) ++nonempty;
    }
  }
  EXPECT_GE(nonempty, 100);  // the comparison saw real answers
}

}  // namespace
}  // namespace newsgraph::queries
