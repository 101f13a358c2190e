// kill -9 during a stream of commits: every article is stored completely or
// not at all, and every acknowledged commit survives.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "newsgraph/store.h"
#include "tests/engine/test_records.h"
#include "tests/engine/test_store_dir.h"

namespace newsgraph {
namespace {

using testing_util::MakeEdge;
using testing_util::MakeNode;
using testing_util::OpenWriter;
using testing_util::TestStoreDir;

constexpr int kNodesPerArticle = 3;

// One "article": the article record, three named people, edges between
// them and one evidence record, in one write set.
absl::Status CommitArticle(Store& store, int i) {
  auto writes = store.NewWriteSet();
  uint64_t ids[kNodesPerArticle];
  for (int k = 0; k < kNodesPerArticle; ++k) {
    ids[k] = writes->NewNodeId();
    writes->PutNode(MakeNode(ids[k], pb::PERSON, absl::StrCat("n", i, " ", k)));
  }
  writes->PutEdge(MakeEdge(ids[0], ids[1], pb::MET, i));
  writes->PutEdge(MakeEdge(ids[1], ids[2], pb::SPOKE_WITH, i));
  pb::Evidence evidence;
  evidence.set_id(writes->NewEvidenceId());
  evidence.set_article_id(absl::StrCat("a", i));
  writes->PutEvidence(evidence);
  pb::Article article;
  article.set_id(absl::StrCat("a", i));
  article.set_text_bytes(static_cast<uint32_t>(i));
  writes->PutArticle(article);
  return store.Commit(*writes);
}

[[noreturn]] void RunWriterChild(const std::string& dir, int ack_fd) {
  auto store = Store::Open(dir, StoreOptions{});
  if (!store.ok()) _exit(2);
  for (int i = 0; i < 100000; ++i) {
    if (!CommitArticle(**store, i).ok()) _exit(3);
    if (write(ack_fd, &i, sizeof i) != sizeof i) _exit(4);
  }
  _exit(0);
}

TEST(CrashTest, KillDuringCommitsLeavesWholeArticles) {
  TestStoreDir dir;
  int acks[2];
  ASSERT_EQ(pipe(acks), 0);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    close(acks[0]);
    RunWriterChild(dir.path(), acks[1]);
  }
  close(acks[1]);
  int last_acked = -1;
  while (last_acked < 25) {
    int i = 0;
    if (read(acks[0], &i, sizeof i) != sizeof i) break;
    last_acked = i;
  }
  kill(child, SIGKILL);
  waitpid(child, nullptr, 0);
  close(acks[0]);
  ASSERT_GE(last_acked, 25) << "the writer child stopped early";

  auto store = OpenWriter(dir.path());
  ASSERT_NE(store, nullptr);
  int articles = 0;
  ASSERT_TRUE(store->ScanArticles([&](const pb::Article& article) {
    ++articles;
    const int i = static_cast<int>(article.text_bytes());
    for (int k = 0; k < kNodesPerArticle; ++k) {
      auto found = store->FindNodes(pb::PERSON, absl::StrCat("n", i, " ", k));
      EXPECT_TRUE(found.ok() && found->size() == 1) << "article " << i << " node " << k;
    }
    return true;
  }).ok());
  EXPECT_GT(articles, last_acked);  // every acknowledged commit is there
  // No half article: people without their article would be counted here.
  auto stats = store->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->articles, static_cast<uint64_t>(articles));
  EXPECT_EQ(stats->evidence, static_cast<uint64_t>(articles));
  EXPECT_EQ(stats->nodes_by_kind.at("PERSON"), static_cast<uint64_t>(articles * kNodesPerArticle));
  EXPECT_EQ(stats->edges_by_type.at("MET"), static_cast<uint64_t>(articles));
  int people = 0;
  ASSERT_TRUE(store->ScanNodes(pb::PERSON, [&](const pb::Node&) { return ++people, true; }).ok());
  EXPECT_EQ(people, articles * kNodesPerArticle);
  // And the store goes on: new ids do not collide with the killed writer's.
  EXPECT_TRUE(CommitArticle(*store, articles + 1000).ok());
}

}  // namespace
}  // namespace newsgraph
