// The command line under adversity: a real full disk, bad inputs, inputs
// that are too large, and import order.
#include <sys/mount.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/tools/cli_test_util.h"

namespace newsgraph::testing {
namespace {

const std::string kSample = std::string(NEWSGRAPH_SOURCE_DIR) + "/data/sample/articles.jsonl";

// The sample articles again and again under new ids, `copies` times.
std::string Replicate(const std::string& path, int copies) {
  std::ifstream in(kSample);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  std::ofstream out(path);
  for (int c = 0; c < copies; ++c) {
    for (const std::string& line : lines) {
      const size_t id = line.find("\"id\":");
      const size_t open = line.find('"', id + 5);
      out << line.substr(0, open + 1) << "copy" << c << "-" << line.substr(open + 1) << "\n";
    }
  }
  return path;
}

// A small tmpfs the test mounts itself (root only), unmounted at the end.
class SmallDisk {
 public:
  explicit SmallDisk(const std::string& path) : path_(path) {
    std::filesystem::create_directories(path_);
    mounted_ = ::geteuid() == 0 && ::mount("tmpfs", path_.c_str(), "tmpfs", 0, "size=1200k") == 0;
  }
  ~SmallDisk() {
    if (mounted_) ::umount(path_.c_str());
  }
  bool mounted() const { return mounted_; }
  bool Grow() { return ::mount("tmpfs", path_.c_str(), "tmpfs", MS_REMOUNT, "size=64m") == 0; }

 private:
  std::string path_;
  bool mounted_ = false;
};

// Debian's librocksdb asserts when its info log is written again after a
// failed write: a full disk was a SIGABRT (rc 134) during the import, and
// again in the next import's open.
TEST(ReliabilityCliTest, FullDiskStopsTheImportWithAMessageAndAResumableStore) {
  TempDir tmp("full_disk");
  SmallDisk disk(tmp.Join("disk"));
  if (!disk.mounted()) GTEST_SKIP() << "mounting a tmpfs needs root; full-disk test skipped";
  const std::string corpus = Replicate(tmp.Join("corpus.jsonl"), 200);
  const std::string store = tmp.Join("disk/store");
  for (int attempt = 0; attempt < 2; ++attempt) {
    const RunResult full = RunCli("import --no-parse --db " + store + " " + corpus);
    EXPECT_EQ(full.exit_code, 1) << full.err;
    EXPECT_TRUE(absl::StrContains(full.err, "No space left on device")) << full.err;
  }
  ASSERT_TRUE(disk.Grow());
  const RunResult resumed = RunCli("import --no-parse --db " + store + " " + corpus);
  ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
  ASSERT_EQ(RunCli("import --no-parse --db " + tmp.Join("clean") + " " + corpus).exit_code, 0);
  const RunResult a = RunCli("export --db " + store);
  const RunResult b = RunCli("export --db " + tmp.Join("clean"));
  ASSERT_EQ(a.exit_code, 0) << a.err;
  EXPECT_EQ(a.out, b.out);
  EXPECT_FALSE(a.out.empty());
}

}  // namespace
}  // namespace newsgraph::testing
