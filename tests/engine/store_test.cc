// Round trips, commit atomicity, FindNodes and Stats of the RocksDB store.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "newsgraph/store.h"
#include "tests/engine/test_records.h"
#include "tests/engine/test_store_dir.h"

namespace newsgraph {
namespace {

using testing_util::MakeEdge;
using testing_util::MakeNode;
using testing_util::OpenReader;
using testing_util::OpenWriter;
using testing_util::TestStoreDir;
using Ids = std::vector<uint64_t>;

std::vector<uint64_t> Find(const Store& store, pb::NodeKind kind, const std::string& name) {
  absl::StatusOr<std::vector<uint64_t>> ids = store.FindNodes(kind, name);
  EXPECT_TRUE(ids.ok()) << ids.status();
  return ids.ok() ? *ids : std::vector<uint64_t>{};
}

TEST(StoreTest, RoundTripsEveryRecord) {
  TestStoreDir dir;
  auto store = OpenWriter(dir.path());
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->dir(), dir.path());
  auto writes = store->NewWriteSet();
  const uint64_t id = writes->NewNodeId();
  pb::Node node = MakeNode(id, pb::PERSON, "Viktor Orbán", {"Orban"});
  node.set_kb_key("viktor-orban");
  node.set_state("HU");
  writes->PutNode(node);
  pb::Evidence evidence;
  evidence.set_id(writes->NewEvidenceId());
  evidence.set_article_id("a1");
  evidence.set_sentence("Orbán met Scholz.");
  writes->PutEvidence(evidence);
  pb::Article article;
  article.set_id("a1");
  article.set_title("Title");
  article.set_date("2023-05-01");
  writes->PutArticle(article);
  writes->PutMeta("import/last", "a1");
  EXPECT_EQ(writes->nodes_added(), 1u);
  EXPECT_EQ(writes->evidence_added(), 1u);
  ASSERT_TRUE(store->Commit(*writes).ok());

  auto got = store->GetNode(id);
  ASSERT_TRUE(got.ok() && got->has_value());
  EXPECT_EQ((*got)->SerializeAsString(), node.SerializeAsString());
  auto got_evidence = store->GetEvidence(evidence.id());
  ASSERT_TRUE(got_evidence.ok() && got_evidence->has_value());
  EXPECT_EQ((*got_evidence)->sentence(), "Orbán met Scholz.");
  auto got_article = store->GetArticle("a1");
  ASSERT_TRUE(got_article.ok() && got_article->has_value());
  EXPECT_EQ((*got_article)->title(), "Title");
  auto meta = store->GetMeta("import/last");
  ASSERT_TRUE(meta.ok() && meta->has_value());
  EXPECT_EQ(**meta, "a1");

  // Absent records are nullopt, not errors.
  auto missing = store->GetNode(id + 100);
  ASSERT_TRUE(missing.ok());
  EXPECT_FALSE(missing->has_value());
  EXPECT_FALSE(store->GetArticle("nope")->has_value());
  EXPECT_FALSE(store->GetMeta("nope")->has_value());
}

TEST(StoreTest, DataAndIdCountersSurviveReopen) {
  TestStoreDir dir;
  uint64_t first = 0;
  {
    auto store = OpenWriter(dir.path());
    auto writes = store->NewWriteSet();
    first = writes->NewNodeId();
    writes->PutNode(MakeNode(first, pb::STATE, "Hungary"));
    ASSERT_TRUE(store->Commit(*writes).ok());
  }
  auto store = OpenWriter(dir.path());
  EXPECT_TRUE(store->GetNode(first)->has_value());
  auto writes = store->NewWriteSet();
  EXPECT_GT(writes->NewNodeId(), first);
}

TEST(StoreTest, UncommittedSetLeavesNothing) {
  TestStoreDir dir;
  auto store = OpenWriter(dir.path());
  uint64_t dropped_id = 0;
  {
    auto writes = store->NewWriteSet();
    dropped_id = writes->NewNodeId();
    writes->PutNode(MakeNode(dropped_id, pb::PERSON, "Ghost"));
    writes->PutEdge(MakeEdge(dropped_id, dropped_id, pb::MET, 10));
    pb::Article article;
    article.set_id("ghost");
    writes->PutArticle(article);
  }  // dropped without Commit
  EXPECT_FALSE(store->GetNode(dropped_id)->has_value());
  EXPECT_TRUE(Find(*store, pb::PERSON, "ghost").empty());
  EXPECT_FALSE(store->GetArticle("ghost")->has_value());
  int edges = 0;
  ASSERT_TRUE(store
                  ->ScanEdges(dropped_id, Direction::kOut, {},
                              [&](const pb::Edge&) { return ++edges, true; })
                  .ok());
  EXPECT_EQ(edges, 0);
  auto stats = store->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_TRUE(stats->nodes_by_kind.empty());
  EXPECT_EQ(stats->articles, 0u);

  // Ids of the dropped set are never handed out again.
  auto writes = store->NewWriteSet();
  EXPECT_GT(writes->NewNodeId(), dropped_id);
}

TEST(StoreTest, FailedCommitLeavesNothing) {
  TestStoreDir dir;
  auto store = OpenWriter(dir.path());
  auto writes = store->NewWriteSet();
  const uint64_t id = writes->NewNodeId();
  writes->PutNode(MakeNode(id, pb::PERSON, "Someone"));
  writes->PutMeta("meta/counters", "clobber");  // reserved: the whole set is refused
  const absl::Status status = store->Commit(*writes);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << status;
  EXPECT_FALSE(store->GetNode(id)->has_value());
}

TEST(StoreTest, CommitTwiceIsRefused) {
  TestStoreDir dir;
  auto store = OpenWriter(dir.path());
  auto writes = store->NewWriteSet();
  writes->PutNode(MakeNode(writes->NewNodeId(), pb::PERSON, "Once"));
  ASSERT_TRUE(store->Commit(*writes).ok());
  EXPECT_EQ(store->Commit(*writes).code(), absl::StatusCode::kFailedPrecondition);
}

TEST(StoreTest, FindNodesByNameAndAliasesIgnoringCaseAndDiacritics) {
  TestStoreDir dir;
  auto store = OpenWriter(dir.path());
  auto writes = store->NewWriteSet();
  const uint64_t blinken = writes->NewNodeId();
  const uint64_t us = writes->NewNodeId();
  const uint64_t orban = writes->NewNodeId();
  writes->PutNode(MakeNode(blinken, pb::PERSON, "Antony Blinken",
                           {"Antony J. Blinken", "Tony Blinken", "", "antony  blinken"}));
  writes->PutNode(MakeNode(us, pb::STATE, "United States", {"US", "U.S.", "USA"}));
  writes->PutNode(MakeNode(orban, pb::PERSON, "Viktor Orbán"));
  ASSERT_TRUE(store->Commit(*writes).ok());

  EXPECT_EQ(Find(*store, pb::PERSON, "antony j. BLINKEN"), (Ids{blinken}));
  EXPECT_EQ(Find(*store, pb::PERSON, "Tony Blinken"), (Ids{blinken}));
  EXPECT_EQ(Find(*store, pb::PERSON, "viktor orban"), (Ids{orban}));
  EXPECT_EQ(Find(*store, pb::STATE, "us"), (Ids{us}));
  EXPECT_EQ(Find(*store, pb::STATE, "u s"), (Ids{us}));
  // Kind is part of the key; prefixes of names do not match.
  EXPECT_TRUE(Find(*store, pb::PERSON, "United States").empty());
  EXPECT_TRUE(Find(*store, pb::PERSON, "Antony").empty());
  EXPECT_TRUE(Find(*store, pb::PERSON, "").empty());
}

TEST(StoreTest, FindNodesReturnsEveryHolderInIdOrder) {
  TestStoreDir dir;
  auto store = OpenWriter(dir.path());
  auto writes = store->NewWriteSet();
  const uint64_t a = writes->NewNodeId();
  const uint64_t b = writes->NewNodeId();
  writes->PutNode(MakeNode(b, pb::PERSON, "Kim", {"Mr Kim"}));
  writes->PutNode(MakeNode(a, pb::PERSON, "KIM"));
  ASSERT_TRUE(store->Commit(*writes).ok());
  EXPECT_EQ(Find(*store, pb::PERSON, "kim"), (Ids{a, b}));
}

TEST(StoreTest, RenamesDropStaleNameRows) {
  TestStoreDir dir;
  auto store = OpenWriter(dir.path());
  uint64_t id = 0;
  {
    auto writes = store->NewWriteSet();
    id = writes->NewNodeId();
    writes->PutNode(MakeNode(id, pb::PERSON, "Old Name", {"Alias One", "Kept"}));
    ASSERT_TRUE(store->Commit(*writes).ok());
  }
  {
    // Renamed across sets, and written twice within one set: the last wins.
    auto writes = store->NewWriteSet();
    writes->PutNode(MakeNode(id, pb::PERSON, "Interim", {"Alias Two"}));
    writes->PutNode(MakeNode(id, pb::PERSON, "New Name", {"Kept"}));
    EXPECT_EQ(writes->nodes_added(), 0u);
    ASSERT_TRUE(store->Commit(*writes).ok());
  }
  EXPECT_TRUE(Find(*store, pb::PERSON, "old name").empty());
  EXPECT_TRUE(Find(*store, pb::PERSON, "alias one").empty());
  EXPECT_TRUE(Find(*store, pb::PERSON, "interim").empty());
  EXPECT_TRUE(Find(*store, pb::PERSON, "alias two").empty());
  EXPECT_EQ(Find(*store, pb::PERSON, "new name"), (Ids{id}));
  EXPECT_EQ(Find(*store, pb::PERSON, "kept"), (Ids{id}));

  // A change of kind moves every name row to the new kind.
  auto writes = store->NewWriteSet();
  writes->PutNode(MakeNode(id, pb::ORGANIZATION, "New Name", {"Kept"}));
  ASSERT_TRUE(store->Commit(*writes).ok());
  EXPECT_TRUE(Find(*store, pb::PERSON, "kept").empty());
  EXPECT_EQ(Find(*store, pb::ORGANIZATION, "kept"), (Ids{id}));
  auto stats = store->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->nodes_by_kind.count("PERSON"), 0u);
  EXPECT_EQ(stats->nodes_by_kind.at("ORGANIZATION"), 1u);
}

TEST(StoreTest, ScanNodesByKindInIdOrder) {
  TestStoreDir dir;
  auto store = OpenWriter(dir.path());
  auto writes = store->NewWriteSet();
  std::vector<uint64_t> people;
  for (int i = 0; i < 5; ++i) {
    const uint64_t id = writes->NewNodeId();
    const bool person = i % 2 == 0;
    if (person) people.push_back(id);
    writes->PutNode(MakeNode(id, person ? pb::PERSON : pb::STATE, "n" + std::to_string(i)));
  }
  ASSERT_TRUE(store->Commit(*writes).ok());
  std::vector<uint64_t> seen;
  ASSERT_TRUE(store
                  ->ScanNodes(pb::PERSON,
                              [&](const pb::Node& n) { return seen.push_back(n.id()), true; })
                  .ok());
  EXPECT_EQ(seen, people);
  int all = 0;
  ASSERT_TRUE(store->ScanNodes(pb::NODE_KIND_UNSPECIFIED, [&](const pb::Node&) {
    return ++all < 2;  // stops early
  }).ok());
  EXPECT_EQ(all, 2);
}

TEST(StoreTest, ScanArticlesVisitsEach) {
  TestStoreDir dir;
  auto store = OpenWriter(dir.path());
  auto writes = store->NewWriteSet();
  for (const char* id : {"b", "a", "c"}) {
    pb::Article article;
    article.set_id(id);
    writes->PutArticle(article);
  }
  ASSERT_TRUE(store->Commit(*writes).ok());
  std::vector<std::string> ids;
  ASSERT_TRUE(
      store->ScanArticles([&](const pb::Article& a) { return ids.push_back(a.id()), true; }).ok());
  EXPECT_EQ(ids, (std::vector<std::string>{"a", "b", "c"}));
}

TEST(StoreTest, ScanEvidenceVisitsEachInIdOrder) {
  TestStoreDir dir;
  auto store = OpenWriter(dir.path());
  auto writes = store->NewWriteSet();
  for (uint64_t id : {300, 2, 70000}) {
    pb::Evidence evidence;
    evidence.set_id(id);
    evidence.set_sentence(absl::StrCat("sentence ", id));
    writes->PutEvidence(evidence);
  }
  ASSERT_TRUE(store->Commit(*writes).ok());
  std::vector<std::string> seen;
  ASSERT_TRUE(store
                  ->ScanEvidence([&](const pb::Evidence& e) {
                    seen.push_back(absl::StrCat(e.id(), ":", e.sentence()));
                    return seen.size() < 2;  // stops early
                  })
                  .ok());
  EXPECT_EQ(seen, (std::vector<std::string>{"2:sentence 2", "300:sentence 300"}));
}

TEST(StoreTest, StatsCountKindsTypesArticlesEvidence) {
  TestStoreDir dir;
  auto store = OpenWriter(dir.path());
  uint64_t p1 = 0, p2 = 0, ev = 0;
  {
    auto writes = store->NewWriteSet();
    p1 = writes->NewNodeId();
    p2 = writes->NewNodeId();
    ev = writes->NewNodeId();
    writes->PutNode(MakeNode(p1, pb::PERSON, "A"));
    writes->PutNode(MakeNode(p2, pb::PERSON, "B"));
    writes->PutNode(MakeNode(ev, pb::EVENT, ""));
    writes->PutEdge(MakeEdge(p1, p2, pb::MET, 100));
    writes->PutEdge(MakeEdge(p2, p1, pb::MET, 100));
    writes->PutEdge(MakeEdge(p1, ev, pb::PARTICIPATED_IN, 100));
    pb::Evidence evidence;
    evidence.set_id(writes->NewEvidenceId());
    writes->PutEvidence(evidence);
    writes->PutEvidence(evidence);  // same id twice: one record
    pb::Article article;
    article.set_id("a1");
    writes->PutArticle(article);
    EXPECT_EQ(writes->nodes_added(), 3u);
    EXPECT_EQ(writes->edges_added(), 3u);
    EXPECT_EQ(writes->evidence_added(), 1u);
    ASSERT_TRUE(store->Commit(*writes).ok());
  }
  {
    // Rewriting existing nodes and articles adds no counts.
    auto writes = store->NewWriteSet();
    writes->PutNode(MakeNode(p1, pb::PERSON, "A2"));
    pb::Article article;
    article.set_id("a1");
    writes->PutArticle(article);
    EXPECT_EQ(writes->nodes_added(), 0u);
    ASSERT_TRUE(store->Commit(*writes).ok());
  }
  auto stats = store->Stats();
  ASSERT_TRUE(stats.ok()) << stats.status();
  EXPECT_EQ(stats->nodes_by_kind.at("PERSON"), 2u);
  EXPECT_EQ(stats->nodes_by_kind.at("EVENT"), 1u);
  EXPECT_EQ(stats->nodes_by_kind.size(), 2u);
  EXPECT_EQ(stats->edges_by_type.at("MET"), 2u);
  EXPECT_EQ(stats->edges_by_type.at("PARTICIPATED_IN"), 1u);
  EXPECT_EQ(stats->articles, 1u);
  EXPECT_EQ(stats->evidence, 1u);

  // The totals are stored, so a reader sees them too.
  store.reset();
  auto reader = OpenReader(dir.path());
  ASSERT_NE(reader, nullptr);
  auto reread = reader->Stats();
  ASSERT_TRUE(reread.ok());
  EXPECT_EQ(reread->nodes_by_kind.at("PERSON"), 2u);
  EXPECT_EQ(reread->edges_by_type.at("MET"), 2u);
}

TEST(StoreTest, CallerChosenIdsAreNotHandedOutAgain) {
  TestStoreDir dir;
  auto store = OpenWriter(dir.path());
  auto writes = store->NewWriteSet();
  writes->PutNode(MakeNode(1000, pb::PERSON, "Chosen"));
  EXPECT_GT(writes->NewNodeId(), 1000u);
}

}  // namespace
}  // namespace newsgraph
