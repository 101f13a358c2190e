// Store::Open: creation, NotFound, read-only, and the writer lock.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>

#include "gtest/gtest.h"
#include "newsgraph/store.h"
#include "tests/engine/test_records.h"
#include "tests/engine/test_store_dir.h"

namespace newsgraph {
namespace {

using testing_util::MakeNode;
using testing_util::OpenReader;
using testing_util::OpenWriter;
using testing_util::TestStoreDir;

TEST(OpenTest, CreatesMissingDirectories) {
  TestStoreDir dir;
  auto store = OpenWriter(dir.path() + "/nested/store");
  ASSERT_NE(store, nullptr);
}

TEST(OpenTest, NotFoundWhenAbsentAndMayNotCreate) {
  TestStoreDir dir;
  StoreOptions no_create;
  no_create.create_if_missing = false;
  EXPECT_EQ(Store::Open(dir.path(), no_create).status().code(), absl::StatusCode::kNotFound);
  StoreOptions read_only;
  read_only.read_only = true;
  EXPECT_EQ(Store::Open(dir.path(), read_only).status().code(), absl::StatusCode::kNotFound);
}

TEST(OpenTest, ReadOnlyRefusesCommit) {
  TestStoreDir dir;
  { ASSERT_NE(OpenWriter(dir.path()), nullptr); }
  auto reader = OpenReader(dir.path());
  ASSERT_NE(reader, nullptr);
  auto writes = reader->NewWriteSet();
  writes->PutNode(MakeNode(writes->NewNodeId(), pb::PERSON, "Nobody"));
  EXPECT_EQ(reader->Commit(*writes).code(), absl::StatusCode::kFailedPrecondition);
}

TEST(OpenTest, ReadOnlyOpenWhileWriterHoldsIt) {
  TestStoreDir dir;
  auto writer = OpenWriter(dir.path());
  ASSERT_NE(writer, nullptr);
  auto writes = writer->NewWriteSet();
  const uint64_t id = writes->NewNodeId();
  writes->PutNode(MakeNode(id, pb::PERSON, "Visible"));
  ASSERT_TRUE(writer->Commit(*writes).ok());

  auto reader = OpenReader(dir.path());
  ASSERT_NE(reader, nullptr);
  auto node = reader->GetNode(id);
  ASSERT_TRUE(node.ok() && node->has_value());
  EXPECT_EQ((*node)->name(), "Visible");
  auto found = reader->FindNodes(pb::PERSON, "visible");
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->size(), 1u);
  // The writer keeps working while the reader is open.
  auto more = writer->NewWriteSet();
  more->PutNode(MakeNode(more->NewNodeId(), pb::PERSON, "Later"));
  EXPECT_TRUE(writer->Commit(*more).ok());
}

TEST(OpenTest, SecondWriterInSameProcessIsRefused) {
  TestStoreDir dir;
  auto writer = OpenWriter(dir.path());
  ASSERT_NE(writer, nullptr);
  const auto second = Store::Open(dir.path(), StoreOptions{});
  EXPECT_EQ(second.status().code(), absl::StatusCode::kFailedPrecondition) << second.status();
  EXPECT_NE(second.status().message().find("locked"), std::string::npos) << second.status();
}

// Exit codes of the child in the cross-process test.
constexpr int kChildLockedAsExpected = 0;
constexpr int kChildOpenedWriter = 1;
constexpr int kChildOtherError = 2;
constexpr int kChildReaderFailed = 3;
constexpr int kChildPipeFailed = 4;

// The child forks before the parent opens anything, so it shares no
// RocksDB state with it: the lock it meets is the parent's file lock.
int RunChild(const std::string& dir, int ready_fd) {
  char byte = 0;
  if (read(ready_fd, &byte, 1) != 1) return kChildPipeFailed;
  const auto writer = Store::Open(dir, StoreOptions{});
  if (writer.ok()) return kChildOpenedWriter;
  if (writer.status().code() != absl::StatusCode::kFailedPrecondition ||
      writer.status().message().find("locked") == std::string::npos) {
    return kChildOtherError;
  }
  StoreOptions read_only;
  read_only.read_only = true;
  const auto reader = Store::Open(dir, read_only);
  if (!reader.ok()) return kChildReaderFailed;
  const auto found = (*reader)->FindNodes(pb::PERSON, "parent wrote this");
  if (!found.ok() || found->size() != 1) return kChildReaderFailed;
  return kChildLockedAsExpected;
}

TEST(OpenTest, SecondWriterInAnotherProcessIsRefusedButMayRead) {
  TestStoreDir dir;
  int ready[2];
  ASSERT_EQ(pipe(ready), 0);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    close(ready[1]);
    _exit(RunChild(dir.path(), ready[0]));
  }
  close(ready[0]);
  // If an assertion below returns early, the child must not be left waiting.
  struct ChildGuard {
    pid_t pid;
    int fd;
    bool reaped = false;
    ~ChildGuard() {
      if (fd >= 0) close(fd);
      if (!reaped) {
        kill(pid, SIGKILL);
        waitpid(pid, nullptr, 0);
      }
    }
  } guard{child, ready[1]};
  {
    auto writer = OpenWriter(dir.path());
    ASSERT_NE(writer, nullptr);
    auto writes = writer->NewWriteSet();
    writes->PutNode(MakeNode(writes->NewNodeId(), pb::PERSON, "Parent wrote this"));
    ASSERT_TRUE(writer->Commit(*writes).ok());
    ASSERT_EQ(write(guard.fd, "x", 1), 1);
    close(guard.fd);
    guard.fd = -1;
    int wstatus = 0;
    ASSERT_EQ(waitpid(child, &wstatus, 0), child);
    guard.reaped = true;
    ASSERT_TRUE(WIFEXITED(wstatus));
    EXPECT_EQ(WEXITSTATUS(wstatus), kChildLockedAsExpected);
  }
  // Once the writer closes, another writer may open.
  EXPECT_NE(OpenWriter(dir.path()), nullptr);
}

}  // namespace
}  // namespace newsgraph
