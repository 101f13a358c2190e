// A small store written by hand through the Store/WriteSet API, following
// docs/graph-model.md, in a fresh temporary directory removed afterwards.
// Header-only: the test target globs *_test.cc and nothing else.
#ifndef NEWSGRAPH_TESTS_QUERIES_TEST_GRAPH_H_
#define NEWSGRAPH_TESTS_QUERIES_TEST_GRAPH_H_

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <map>
#include <memory>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "gtest/gtest.h"
#include "newsgraph/store.h"
#include "schema/dates.h"

namespace newsgraph::testing_util {

// A unique directory per test, removed by the destructor.
class TempStoreDir {
 public:
  TempStoreDir() {
    static std::atomic<int> counter{0};
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = ::testing::TempDir() + "newsgraph_queries_" + std::to_string(::getpid()) + "_" +
            (info ? std::string(info->test_suite_name()) + "_" + info->name() : "x") + "_" +
            std::to_string(counter++);
    // Parameterised tests have '/' in their names: keep one directory level.
    std::replace(path_.begin() + ::testing::TempDir().size(), path_.end(), '/', '_');
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  ~TempStoreDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempStoreDir(const TempStoreDir&) = delete;
  TempStoreDir& operator=(const TempStoreDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// One participant of an event as an article reads it.
struct Taking {
  uint64_t person = 0;
  std::string state;  // PARTICIPATED_IN.state; "" leaves the node's
  std::string title;  // PARTICIPATED_IN.title
};

struct Sentence {
  std::string article_id;
  std::string sentence;
};

inline pb::TimeSpan SpanOf(const std::string& iso) {
  absl::StatusOr<pb::TimeSpan> span = ParseIsoSpan(iso);
  EXPECT_TRUE(span.ok()) << iso;
  return span.ok() ? *span : pb::TimeSpan();
}

// A span the importer writes when the text gives no date: the
// publication day, flagged.
inline pb::TimeSpan FellBackSpan(const std::string& published) {
  pb::TimeSpan span = SpanOf(published);
  span.set_granularity(pb::GRANULARITY_UNKNOWN);
  span.set_fell_back(true);
  return span;
}

// Writes nodes and edges into one WriteSet; Commit() applies it.
class GraphBuilder {
 public:
  explicit GraphBuilder(Store* store) : store_(store), writes_(store->NewWriteSet()) {}

  uint64_t State(const std::string& code, const std::string& name) {
    pb::Node node = NewNode(pb::STATE, name);
    node.set_kb_key(code);
    node.add_aliases(code);
    writes_->PutNode(node);
    return node.id();
  }

  uint64_t Alliance(const std::string& name, const std::string& full_name) {
    pb::Node node = NewNode(pb::ALLIANCE, name);
    node.set_kb_key(name);
    node.add_aliases(full_name);
    writes_->PutNode(node);
    return node.id();
  }

  // "" for an open end.
  void MemberOf(uint64_t state, uint64_t alliance, const std::string& from,
                const std::string& to) {
    pb::Edge edge = NewEdge(pb::MEMBER_OF, state, alliance);
    edge.mutable_time()->set_from_day(from.empty() ? -std::numeric_limits<int32_t>::max()
                                                   : SpanOf(from).from_day());
    edge.mutable_time()->set_to_day(to.empty() ? std::numeric_limits<int32_t>::max()
                                               : SpanOf(to).to_day());
    edge.mutable_time()->set_granularity(pb::DAY);
    writes_->PutEdge(edge);
  }

  // A PERSON with `state` and `role`, and its HOLDS_ROLE edge to `affiliation`.
  uint64_t Person(const std::string& name, const std::string& state, const std::string& role,
                  uint64_t affiliation) {
    pb::Node node = NewNode(pb::PERSON, name);
    node.set_state(state);
    node.set_role(role);
    writes_->PutNode(node);
    pb::Edge edge = NewEdge(pb::HOLDS_ROLE, node.id(), affiliation);
    *edge.mutable_time() = SpanOf("2017-01-20");
    edge.mutable_time()->set_to_day(std::numeric_limits<int32_t>::max());
    edge.set_role(role);
    writes_->PutEdge(edge);
    return node.id();
  }

  // A CONSULT event with its evidence and PARTICIPATED_IN edges.
  uint64_t Event(const std::string& mode, const pb::TimeSpan& span, pb::Factuality factuality,
                 const std::string& place, const std::vector<Taking>& people,
                 const std::vector<Sentence>& sentences) {
    pb::Node node = NewNode(pb::EVENT, "");
    pb::EventInfo* info = node.mutable_event();
    info->set_plover_type("CONSULT");
    info->set_mode(mode);
    *info->mutable_time() = span;
    info->set_factuality(factuality);
    info->set_place(place);
    for (const Sentence& s : sentences) {
      pb::Evidence evidence;
      evidence.set_id(writes_->NewEvidenceId());
      evidence.set_article_id(s.article_id);
      evidence.set_sentence(s.sentence);
      evidence.set_rule("test");
      writes_->PutEvidence(evidence);
      info->add_evidence_ids(evidence.id());
    }
    writes_->PutNode(node);
    for (const Taking& t : people) {
      pb::Edge edge = NewEdge(pb::PARTICIPATED_IN, t.person, node.id());
      *edge.mutable_time() = span;
      edge.set_factuality(factuality);
      edge.set_role("attendee");
      edge.set_state(t.state);
      edge.set_title(t.title);
      writes_->PutEdge(edge);
    }
    return node.id();
  }

  uint64_t Event(const std::string& mode, const std::string& date, pb::Factuality factuality,
                 const std::string& place, const std::vector<Taking>& people,
                 const std::vector<Sentence>& sentences) {
    return Event(mode, SpanOf(date), factuality, place, people, sentences);
  }

  // A PARTICIPATED_IN edge from a non-person node (a state) to `event`.
  void NodeTakesPart(uint64_t node, uint64_t event, const pb::TimeSpan& span) {
    pb::Edge edge = NewEdge(pb::PARTICIPATED_IN, node, event);
    *edge.mutable_time() = span;
    writes_->PutEdge(edge);
  }

  absl::Status Commit() { return store_->Commit(*writes_); }

 private:
  pb::Node NewNode(pb::NodeKind kind, const std::string& name) {
    pb::Node node;
    node.set_id(writes_->NewNodeId());
    node.set_kind(kind);
    node.set_name(name);
    return node;
  }

  static pb::Edge NewEdge(pb::EdgeType type, uint64_t src, uint64_t dst) {
    pb::Edge edge;
    edge.set_type(type);
    edge.set_src(src);
    edge.set_dst(dst);
    edge.set_confidence(1.0f);
    return edge;
  }

  Store* store_;
  std::unique_ptr<WriteSet> writes_;
};

// Node ids of the fixture. Window of most tests: 2022-01-01 .. 2023-12-31.
struct ContactGraph {
  uint64_t us = 0, cn = 0, fr = 0, fi = 0, nato = 0;
  uint64_t biden = 0, blinken = 0, xi = 0, wang = 0, macron = 0, stoltenberg = 0,
           niinisto = 0;
  uint64_t bali = 0;           // in-person, happened, 2022-11-14, Biden–Xi, two articles
  uint64_t zurich = 0;         // in-person, happened, 2021-10-06 (before the window)
  uint64_t rome = 0;           // in-person, planned, 2022-03-14, Blinken–Wang
  uint64_t call = 0;           // phone, happened, 2023-02 (month), Blinken–Wang
  uint64_t visit = 0;          // visit, happened, 2023-06-01, Blinken and Wang
  uint64_t fell_back = 0;      // in-person, happened, no date in the text, Biden–Wang
  uint64_t woodside = 0;       // summit, happened, 2023-11 (month), Biden–Xi
  uint64_t video = 0;          // video, happened, 2023-12-31, Macron–Xi
  uint64_t helsinki_2022 = 0;  // in-person, happened, 2022-06-10, Niinistö–Wang (FI not in NATO)
  uint64_t helsinki_2023 = 0;  // in-person, happened, 2023-06-10, Niinistö–Xi (FI in NATO)
  uint64_t vilnius = 0;        // summit, happened, 2023-07-11, Stoltenberg, Biden, Blinken, Macron
  uint64_t straddling = 0;     // in-person, happened, week 2022-02-28..03-06, Biden–Xi
  uint64_t year_only = 0;      // in-person, happened, the year 2022, Biden–Xi
  uint64_t states_only = 0;    // in-person, happened, 2022-09-01, only STATE participants
};

inline void WriteContactGraph(GraphBuilder& g, ContactGraph* c) {
  c->us = g.State("US", "United States");
  c->cn = g.State("CN", "China");
  c->fr = g.State("FR", "France");
  c->fi = g.State("FI", "Finland");
  c->nato = g.Alliance("NATO", "North Atlantic Treaty Organization");
  g.MemberOf(c->us, c->nato, "1949-08-24", "");
  g.MemberOf(c->fr, c->nato, "1949-08-24", "");
  g.MemberOf(c->fi, c->nato, "2023-04-04", "");

  c->biden = g.Person("Joe Biden", "US", "President", c->us);
  c->blinken = g.Person("Antony Blinken", "US", "Secretary of State", c->us);
  c->xi = g.Person("Xi Jinping", "CN", "President", c->cn);
  c->wang = g.Person("Wang Yi", "CN", "Foreign Minister", c->cn);
  c->macron = g.Person("Emmanuel Macron", "FR", "President", c->fr);
  c->stoltenberg = g.Person("Jens Stoltenberg", "NATO", "Secretary General", c->nato);
  c->niinisto = g.Person("Sauli Niinistö", "FI", "President", c->fi);

  c->bali = g.Event("in-person", "2022-11-14", pb::HAPPENED, "Bali, Indonesia",
                    {{c->biden, "US", "President"}, {c->xi, "CN", "President"}},
                    {{"wh-1", "President Biden met President Xi in Bali, Indonesia."},
                     {"cnn-2", "Biden and Xi, \"candid\", met for three hours, in Bali."}});
  c->zurich = g.Event("in-person", "2021-10-06", pb::HAPPENED, "Zurich",
                      {{c->blinken, "US", ""}, {c->wang, "CN", ""}},
                      {{"wh-3", "Blinken met Wang in Zurich."}});
  c->rome = g.Event("in-person", "2022-03-14", pb::PLANNED, "Rome",
                    {{c->blinken, "US", "Secretary"}, {c->wang, "CN", ""}},
                    {{"wh-4", "Blinken will meet Wang Yi in Rome on Monday."}});
  c->call = g.Event("phone", "2023-02", pb::HAPPENED, "",
                    {{c->blinken, "US", ""}, {c->wang, "CN", "Director"}},
                    {{"seed-001", "Blinken spoke by phone with Wang Yi two weeks ago."}});
  c->visit = g.Event("visit", "2023-06-01", pb::HAPPENED, "Beijing",
                     {{c->blinken, "US", ""}, {c->wang, "CN", ""}},
                     {{"hk-5", "Blinken is in Beijing."}});
  c->fell_back = g.Event("in-person", FellBackSpan("2022-05-01"), pb::HAPPENED, "",
                         {{c->biden, "US", ""}, {c->wang, "CN", ""}},
                         {{"hk-6", "Biden has met Wang Yi."}});
  c->woodside = g.Event("summit", "2023-11", pb::HAPPENED, "Woodside, California",
                        {{c->biden, "US", "President"}, {c->xi, "CN", "President"}},
                        {{"cnn-7", "Biden and Xi held a summit in Woodside last month."}});
  c->video = g.Event("video", "2023-12-31", pb::HAPPENED, "",
                     {{c->macron, "FR", ""}, {c->xi, "CN", ""}},
                     {{"hk-8", "Macron held a video call with Xi Jinping."}});
  c->helsinki_2022 = g.Event("in-person", "2022-06-10", pb::HAPPENED, "Helsinki",
                             {{c->niinisto, "", ""}, {c->wang, "", ""}},
                             {{"hk-9", "Niinistö met Wang Yi in Helsinki."}});
  c->helsinki_2023 = g.Event("in-person", "2023-06-10", pb::HAPPENED, "Helsinki",
                             {{c->niinisto, "", ""}, {c->xi, "", ""}},
                             {{"hk-10", "Niinistö met Xi Jinping in Helsinki."}});
  c->vilnius = g.Event("summit", "2023-07-11", pb::HAPPENED, "Vilnius",
                       {{c->stoltenberg, "NATO", "Secretary General"},
                        {c->biden, "US", "President"},
                        {c->blinken, "US", "Secretary of State"},
                        {c->macron, "FR", "President"}},
                       {{"cnn-11", "Leaders gathered in Vilnius for the NATO summit."}});
  pb::TimeSpan week = SpanOf("2022-02-28");
  week.set_to_day(SpanOf("2022-03-06").to_day());
  week.set_granularity(pb::WEEK);
  c->straddling = g.Event("in-person", week, pb::HAPPENED, "",
                          {{c->biden, "US", ""}, {c->xi, "CN", ""}},
                          {{"hk-12", "Biden met Xi last week."}});
  c->year_only = g.Event("in-person", "2022", pb::HAPPENED, "",
                         {{c->biden, "US", ""}, {c->xi, "CN", ""}},
                         {{"hk-13", "Biden met Xi in 2022."}});
  c->states_only = g.Event("in-person", "2022-09-01", pb::HAPPENED, "", {},
                           {{"hk-14", "America and China met."}});
  g.NodeTakesPart(c->us, c->states_only, SpanOf("2022-09-01"));
  g.NodeTakesPart(c->cn, c->states_only, SpanOf("2022-09-01"));
}

// Opens a store in `dir` and writes the fixture in one commit.
inline absl::StatusOr<std::unique_ptr<Store>> MakeContactGraph(const std::string& dir,
                                                               ContactGraph* graph) {
  absl::StatusOr<std::unique_ptr<Store>> store = Store::Open(dir, StoreOptions());
  if (!store.ok()) return store.status();
  GraphBuilder builder(store->get());
  WriteContactGraph(builder, graph);
  if (absl::Status s = builder.Commit(); !s.ok()) return s;
  return store;
}

// A test whose store holds the contact graph, written by SetUp. Fixtures
// with more to set up call ContactGraphTest::SetUp() first.
class ContactGraphTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<std::unique_ptr<Store>> store = MakeContactGraph(dir_.path(), &g_);
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = std::move(*store);
  }

  TempStoreDir dir_;  // declared first: removed after the store closes
  ContactGraph g_;
  std::unique_ptr<Store> store_;
};

}  // namespace newsgraph::testing_util

#endif  // NEWSGRAPH_TESTS_QUERIES_TEST_GRAPH_H_
