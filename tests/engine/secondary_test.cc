// Store opened as a RocksDB secondary: it follows a running writer through
// CatchUp(), refuses writes, and a snapshot traverser over it picks up what
// it caught up with.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "newsgraph/store.h"
#include "newsgraph/traversal.h"
#include "tests/engine/test_records.h"
#include "tests/engine/test_store_dir.h"

namespace newsgraph {
namespace {

using testing_util::MakeNode;
using testing_util::OpenWriter;
using testing_util::TestStoreDir;

void CommitEdge(Store& store, uint64_t src, uint64_t dst) {
  std::unique_ptr<WriteSet> set = store.NewWriteSet();
  pb::Edge edge;
  edge.set_src(src);
  edge.set_dst(dst);
  edge.set_type(pb::MET);
  set->PutEdge(edge);
  ASSERT_TRUE(store.Commit(*set).ok());
}

std::vector<uint64_t> OutNeighbours(const Store& store, uint64_t node) {
  std::vector<uint64_t> ids;
  EXPECT_TRUE(store
                  .ScanEdges(node, Direction::kOut, EdgeFilter(),
                             [&](const pb::Edge& edge) {
                               ids.push_back(edge.dst());
                               return true;
                             })
                  .ok());
  return ids;
}

TEST(SecondaryTest, FollowsTheWriterThroughCatchUp) {
  TestStoreDir dir;
  std::unique_ptr<Store> writer = OpenWriter(dir.path());
  ASSERT_NE(writer, nullptr);
  CommitEdge(*writer, 1, 2);

  StoreOptions options;
  options.secondary = true;
  options.secondary_path = dir.path() + "-secondary";
  absl::StatusOr<std::unique_ptr<Store>> follower = Store::Open(dir.path(), options);
  ASSERT_TRUE(follower.ok()) << follower.status();
  EXPECT_EQ(OutNeighbours(**follower, 1), std::vector<uint64_t>{2});

  // Written after the secondary opened, still only in the writer's log.
  CommitEdge(*writer, 1, 3);
  pb::Node node = MakeNode(0, pb::PERSON, "Late Arrival");
  std::unique_ptr<WriteSet> set = writer->NewWriteSet();
  node.set_id(set->NewNodeId());
  set->PutNode(node);
  ASSERT_TRUE(writer->Commit(*set).ok());
  EXPECT_EQ(OutNeighbours(**follower, 1), std::vector<uint64_t>{2});  // not yet
  EXPECT_LT((*follower)->LatestSequence(), writer->LatestSequence());

  ASSERT_TRUE((*follower)->CatchUp().ok());
  EXPECT_EQ(OutNeighbours(**follower, 1), (std::vector<uint64_t>{2, 3}));
  absl::StatusOr<std::optional<pb::Node>> read = (*follower)->GetNode(node.id());
  ASSERT_TRUE(read.ok() && read->has_value());
  EXPECT_EQ((*read)->name(), "Late Arrival");
  EXPECT_EQ((*follower)->LatestSequence(), writer->LatestSequence());

  // A secondary never writes.
  std::unique_ptr<WriteSet> refused = (*follower)->NewWriteSet();
  EXPECT_EQ((*follower)->Commit(*refused).code(), absl::StatusCode::kFailedPrecondition);
  std::error_code ec;
  std::filesystem::remove_all(options.secondary_path, ec);
}

TEST(SecondaryTest, SnapshotTraverserSeesWhatWasCaughtUp) {
  TestStoreDir dir;
  std::unique_ptr<Store> writer = OpenWriter(dir.path());
  ASSERT_NE(writer, nullptr);
  CommitEdge(*writer, 1, 2);
  StoreOptions options;
  options.secondary = true;  // own directory made and removed by the store
  absl::StatusOr<std::unique_ptr<Store>> follower = Store::Open(dir.path(), options);
  ASSERT_TRUE(follower.ok()) << follower.status();
  TraverserOptions snapshot;
  snapshot.engine = TraversalEngine::kSnapshot;
  absl::StatusOr<std::unique_ptr<Traverser>> t = Traverser::Create(**follower, snapshot);
  ASSERT_TRUE(t.ok()) << t.status();
  EXPECT_EQ(*(*t)->ShortestPathLength(1, 3, 6), -1);

  CommitEdge(*writer, 2, 3);
  EXPECT_EQ(*(*t)->ShortestPathLength(1, 3, 6), -1);  // the follower has not caught up
  ASSERT_TRUE((*follower)->CatchUp().ok());
  EXPECT_EQ(*(*t)->ShortestPathLength(1, 3, 6), 2);
  EXPECT_EQ((*t)->stats().snapshot_builds, 2);
}

TEST(SecondaryTest, CatchUpNeedsASecondary) {
  TestStoreDir dir;
  std::unique_ptr<Store> writer = OpenWriter(dir.path());
  ASSERT_NE(writer, nullptr);
  EXPECT_EQ(writer->CatchUp().code(), absl::StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace newsgraph
