// StoreGraphSource: the store as a Cypher graph, checked against the
// GraphSource default implementations (which filter exactly) on the
// hand-written contact graph of test_graph.h.
#include "queries/cypher/store_source.h"

#include <memory>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "newsgraph/cypher.h"
#include "schema/dates.h"
#include "tests/queries/test_graph.h"

namespace newsgraph::cypher {
namespace {

using testing_util::ContactGraph;
using testing_util::TempStoreDir;

int64_t Day(const std::string& iso) { return DayNumber(*ParseIsoDay(iso)); }

class StoreSourceTest : public testing_util::ContactGraphTest {
 protected:
  void SetUp() override {
    ContactGraphTest::SetUp();
    if (HasFatalFailure()) return;
    source_ = std::make_unique<StoreGraphSource>(*store_);
  }

  const Value& Prop(int64_t node, const std::string& key) {
    static const Value kNull;
    const PropertyMap& props = source_->NodeProperties(node);
    auto it = props.find(key);
    return it == props.end() ? kNull : it->second;
  }

  std::unique_ptr<StoreGraphSource> source_;
};

TEST_F(StoreSourceTest, LabelsAndNodeProperties) {
  EXPECT_EQ(source_->Labels(g_.wang), std::vector<std::string>{"Person"});
  EXPECT_EQ(source_->Labels(g_.nato), std::vector<std::string>{"Alliance"});
  EXPECT_EQ(Prop(g_.wang, "id").i, static_cast<int64_t>(g_.wang));
  EXPECT_EQ(Prop(g_.wang, "name").s, "Wang Yi");
  EXPECT_EQ(Prop(g_.wang, "state").s, "CN");
  EXPECT_EQ(Prop(g_.wang, "role").s, "Foreign Minister");
  EXPECT_TRUE(Prop(g_.wang, "kb_key").is_null());  // empty strings are absent
  EXPECT_EQ(Prop(g_.us, "kb_key").s, "US");
  ASSERT_EQ(Prop(g_.us, "aliases").kind, Value::Kind::kList);
  EXPECT_EQ(Prop(g_.us, "aliases").list[0].s, "US");
}

TEST_F(StoreSourceTest, EventPropertiesAndFallenBackDates) {
  EXPECT_EQ(source_->Labels(g_.woodside), std::vector<std::string>{"Event"});
  EXPECT_EQ(Prop(g_.woodside, "type").s, "CONSULT");
  EXPECT_EQ(Prop(g_.woodside, "mode").s, "summit");
  EXPECT_EQ(Prop(g_.woodside, "factuality").s, "happened");
  EXPECT_EQ(Prop(g_.woodside, "granularity").s, "month");
  ASSERT_EQ(Prop(g_.woodside, "date").kind, Value::Kind::kDate);
  EXPECT_EQ(Prop(g_.woodside, "date").i, Day("2023-11-01"));
  EXPECT_EQ(Prop(g_.woodside, "end_date").i, Day("2023-11-30"));
  EXPECT_EQ(Prop(g_.woodside, "place").s, "Woodside, California");
  EXPECT_FALSE(Prop(g_.woodside, "fell_back").b);
  EXPECT_EQ(Prop(g_.bali, "evidence").list.size(), 2u);
  EXPECT_EQ(Prop(g_.rome, "factuality").s, "planned");
  // The publication day an undated event fell back to is not its date.
  EXPECT_TRUE(Prop(g_.fell_back, "fell_back").b);
  EXPECT_TRUE(Prop(g_.fell_back, "date").is_null());
  EXPECT_TRUE(Prop(g_.fell_back, "granularity").is_null());
}

TEST_F(StoreSourceTest, RelationshipsCarryEdgeFieldsAndOneIdFromBothEnds) {
  std::vector<int64_t> out;
  source_->Relationships(g_.wang, Direction::kOut, RelFilter{{"PARTICIPATED_IN"}}, &out);
  int64_t to_call = -1;
  for (int64_t r : out) {
    EXPECT_EQ(source_->RelType(r), "PARTICIPATED_IN");
    EXPECT_EQ(source_->RelStart(r), static_cast<int64_t>(g_.wang));
    if (source_->RelEnd(r) == static_cast<int64_t>(g_.call)) to_call = r;
  }
  ASSERT_GE(to_call, 0);
  const PropertyMap& props = source_->RelProperties(to_call);
  EXPECT_EQ(props.at("state").s, "CN");
  EXPECT_EQ(props.at("title").s, "Director");
  EXPECT_EQ(props.at("role").s, "attendee");
  EXPECT_EQ(props.at("factuality").s, "happened");
  EXPECT_EQ(props.at("date").i, Day("2023-02-01"));
  EXPECT_EQ(props.at("confidence").f, 1.0);
  const std::vector<int64_t>& in = source_->Incoming(g_.call);
  EXPECT_NE(std::find(in.begin(), in.end(), to_call), in.end());
}

// Properties are built when first asked for, from the record the scan
// read; what they hand out stays put while later scans add relationships,
// and a relationship read again (from its other end) is the same one.
TEST_F(StoreSourceTest, RelationshipPropertiesAreTheRecordsAndStayPut) {
  std::vector<int64_t> out;
  source_->Relationships(g_.wang, Direction::kOut, RelFilter{}, &out);
  ASSERT_FALSE(out.empty());
  const PropertyMap& first = source_->RelProperties(out[0]);
  const PropertyMap copy = first;
  for (int64_t node : source_->AllNodes()) {
    source_->Outgoing(node);
    source_->Incoming(node);
  }
  EXPECT_EQ(&source_->RelProperties(out[0]), &first);
  ASSERT_EQ(first.size(), copy.size());
  for (const auto& [key, value] : copy) {
    EXPECT_EQ(CypherEquals(first.at(key), value), Tri::kTrue) << key;
  }
  const std::vector<int64_t>& in = source_->Incoming(source_->RelEnd(out[0]));
  EXPECT_NE(std::find(in.begin(), in.end(), out[0]), in.end());
}

// ForEachRelationship hands over what Relationships gives, in its order;
// stopped, it has read no further than where it stopped, and only a list
// read whole is cached.
TEST_F(StoreSourceTest, StreamedRelationshipsStopWhereTheVisitorStops) {
  for (const RelFilter& filter : {RelFilter{}, RelFilter{{"PARTICIPATED_IN", "MET"}}}) {
    for (Direction dir : {Direction::kOut, Direction::kIn, Direction::kBoth}) {
      StoreGraphSource fresh(*store_);
      std::vector<int64_t> streamed;
      fresh.ForEachRelationship(g_.wang, dir, filter, [&](int64_t r) {
        streamed.push_back(r);
        return true;
      });
      std::vector<int64_t> listed;
      const uint64_t scans = fresh.edge_scans();
      fresh.Relationships(g_.wang, dir, filter, &listed);
      EXPECT_EQ(fresh.edge_scans(), scans);  // the streamed lists were cached
      EXPECT_EQ(streamed, listed);
    }
  }
  RelFilter window;
  window.from_day = Day("2023-01-15");
  {
    StoreGraphSource fresh(*store_);
    std::vector<int64_t> streamed, listed;
    fresh.ForEachRelationship(g_.wang, Direction::kBoth, window, [&](int64_t r) {
      streamed.push_back(r);
      return true;
    });
    fresh.Relationships(g_.wang, Direction::kBoth, window, &listed);
    EXPECT_EQ(streamed, listed);
  }
  StoreGraphSource fresh(*store_);
  int visited = 0;
  fresh.ForEachRelationship(g_.wang, Direction::kBoth, RelFilter{}, [&](int64_t) {
    return ++visited < 1;
  });
  EXPECT_EQ(visited, 1);
  EXPECT_EQ(fresh.edges_read(), 1u);
  EXPECT_EQ(fresh.edge_scans(), 1u);
  std::vector<int64_t> all;
  fresh.Relationships(g_.wang, Direction::kOut, RelFilter{}, &all);
  EXPECT_GT(fresh.edges_read(), 1u);  // the stopped list was not cached as whole
  EXPECT_GT(all.size(), 1u);
}

TEST_F(StoreSourceTest, OpenEndsOfASpanAreNull) {
  std::vector<int64_t> rels;
  source_->Relationships(g_.fi, Direction::kOut, RelFilter{{"MEMBER_OF"}}, &rels);
  ASSERT_EQ(rels.size(), 1u);
  const PropertyMap& props = source_->RelProperties(rels[0]);
  EXPECT_EQ(props.at("date").i, Day("2023-04-04"));
  EXPECT_EQ(props.count("end_date"), 0u);
}

// Every pushed-down read must equal what the default implementation
// (filtering Outgoing/Incoming) gives.
TEST_F(StoreSourceTest, PushedDownStepsEqualTheDefaultFilter) {
  std::vector<RelFilter> filters = {RelFilter{}, RelFilter{{"PARTICIPATED_IN"}},
                                    RelFilter{{"MET", "HOLDS_ROLE", "NOPE"}}};
  RelFilter window{{"PARTICIPATED_IN"}};
  window.from_day = Day("2022-01-01");
  window.to_day = Day("2022-12-31");
  filters.push_back(window);
  RelFilter any_type_window;
  any_type_window.to_day = Day("2000-01-01");  // open-start memberships have no date
  filters.push_back(any_type_window);
  for (uint64_t node : {g_.biden, g_.wang, g_.bali, g_.us, g_.fi, g_.nato}) {
    for (Direction dir : {Direction::kOut, Direction::kIn, Direction::kBoth}) {
      for (const RelFilter& f : filters) {
        std::vector<int64_t> pushed, filtered;
        source_->Relationships(node, dir, f, &pushed);
        source_->GraphSource::Relationships(node, dir, f, &filtered);
        std::sort(pushed.begin(), pushed.end());
        std::sort(filtered.begin(), filtered.end());
        EXPECT_EQ(pushed, filtered) << "node " << node << " dir " << static_cast<int>(dir);
      }
    }
  }
  ASSERT_TRUE(source_->status().ok());
}

TEST_F(StoreSourceTest, TypeAndWindowBoundTheRangeScan) {
  RelFilter window{{"PARTICIPATED_IN"}};
  window.from_day = Day("2023-01-01");
  window.to_day = Day("2023-12-31");
  const uint64_t before = source_->edges_read();
  std::vector<int64_t> rels;
  source_->Relationships(g_.biden, Direction::kOut, window, &rels);
  // Woodside and Vilnius; nothing of 2021-2022 and no HOLDS_ROLE was read.
  EXPECT_EQ(rels.size(), 2u);
  EXPECT_EQ(source_->edges_read() - before, 2u);
}

TEST_F(StoreSourceTest, LabelAndNameLookUpsEqualTheDefault) {
  for (const std::string label : {"Person", "State", "Event", "Alliance", "Nope", ""}) {
    EXPECT_EQ(source_->NodesWithLabel(label), source_->GraphSource::NodesWithLabel(label))
        << label;
  }
  EXPECT_EQ(source_->AllNodes().size(), 26u);  // 4 states, NATO, 7 people, 14 events
  const Value wang = Value::String("Wang Yi");
  EXPECT_EQ(source_->NodesWithProperty("Person", "name", wang),
            std::vector<int64_t>{static_cast<int64_t>(g_.wang)});
  // The index ignores case; Cypher `=` does not.
  EXPECT_TRUE(source_->NodesWithProperty("", "name", Value::String("wang yi")).empty());
  EXPECT_TRUE(source_->NodesWithProperty("State", "name", wang).empty());
  for (const auto& [key, value] :
       std::vector<std::pair<std::string, Value>>{{"name", Value::String("United States")},
                                                  {"kb_key", Value::String("NATO")},
                                                  {"id", Value::Int(g_.xi)},
                                                  {"name", Value::String("-")}}) {
    EXPECT_EQ(source_->NodesWithProperty("", key, value),
              source_->GraphSource::NodesWithProperty("", key, value))
        << key;
  }
}

// A store whose node reads fail: the source records the error and
// RunCypher reports it instead of a partial answer.
class FailingStore : public Store {
 public:
  explicit FailingStore(const Store& real) : real_(real) {}
  const std::string& dir() const override { return real_.dir(); }
  absl::StatusOr<std::optional<pb::Node>> GetNode(uint64_t) const override {
    return absl::DataLossError("node record damaged");
  }
  absl::StatusOr<std::vector<uint64_t>> FindNodes(pb::NodeKind k, absl::string_view n) const override {
    return real_.FindNodes(k, n);
  }
  absl::StatusOr<std::optional<pb::Evidence>> GetEvidence(uint64_t id) const override {
    return real_.GetEvidence(id);
  }
  absl::StatusOr<std::optional<pb::Article>> GetArticle(absl::string_view id) const override {
    return real_.GetArticle(id);
  }
  absl::StatusOr<std::optional<std::string>> GetMeta(absl::string_view key) const override {
    return real_.GetMeta(key);
  }
  absl::Status ScanEdges(uint64_t node, newsgraph::Direction d, const EdgeFilter& f,
                         const std::function<bool(const pb::Edge&)>& visit) const override {
    return real_.ScanEdges(node, d, f, visit);
  }
  absl::Status ScanNodes(pb::NodeKind, const std::function<bool(const pb::Node&)>&) const override {
    return absl::DataLossError("node scan failed");
  }
  absl::Status ScanArticles(const std::function<bool(const pb::Article&)>& v) const override {
    return real_.ScanArticles(v);
  }
  absl::Status ScanAllEdges(const EdgeFilter& f, const std::function<bool(const EdgeRef&)>& v,
                            uint64_t* seq) const override {
    return real_.ScanAllEdges(f, v, seq);
  }
  uint64_t LatestSequence() const override { return real_.LatestSequence(); }
  absl::StatusOr<StoreStats> Stats() const override { return real_.Stats(); }
  std::unique_ptr<WriteSet> NewWriteSet() override { return nullptr; }
  absl::Status Commit(WriteSet&) override { return absl::FailedPreconditionError("read-only"); }
  absl::Status Sync() override { return absl::OkStatus(); }

 private:
  const Store& real_;
};

TEST_F(StoreSourceTest, StoreErrorsAreRecordedAndReported) {
  FailingStore failing(*store_);
  StoreGraphSource source(failing);
  EXPECT_TRUE(source.Labels(g_.wang).empty());
  EXPECT_EQ(source.status().code(), absl::StatusCode::kDataLoss);

  absl::StatusOr<CypherResult> r =
      RunCypher(failing, "MATCH (p:Person) RETURN count(p) AS n");
  EXPECT_EQ(r.status().code(), absl::StatusCode::kDataLoss) << r.status();
}

}  // namespace
}  // namespace newsgraph::cypher
