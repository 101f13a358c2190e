// Runs the newsgraph binary as a user would and captures what it prints.
#ifndef NEWSGRAPH_TESTS_TOOLS_CLI_TEST_UTIL_H_
#define NEWSGRAPH_TESTS_TOOLS_CLI_TEST_UTIL_H_

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "gtest/gtest.h"

namespace newsgraph::testing {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Runs `command` through the shell with stdout and stderr sent to files.
inline RunResult RunShell(const std::string& command) {
  static int counter = 0;
  const std::string base = ::testing::TempDir() + "/ng_run_" + std::to_string(getpid()) + "_" +
                           std::to_string(counter++);
  const int status =
      std::system((command + " >" + base + ".out 2>" + base + ".err").c_str());
  RunResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = ReadFile(base + ".out");
  result.err = ReadFile(base + ".err");
  std::filesystem::remove(base + ".out");
  std::filesystem::remove(base + ".err");
  return result;
}

inline RunResult RunCli(const std::string& args) {
  return RunShell(std::string(NEWSGRAPH_CLI) + " " + args);
}

// A fresh directory, removed when the object goes away.
class TempDir {
 public:
  explicit TempDir(const std::string& name) {
    path_ = ::testing::TempDir() + "/ng_" + name + "_" + std::to_string(getpid());
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  const std::string& path() const { return path_; }
  std::string Join(const std::string& leaf) const { return path_ + "/" + leaf; }

 private:
  std::string path_;
};

inline void WriteFile(const std::string& path, const std::string& contents) {
  std::ofstream out(path, std::ios::binary);
  out << contents;
}

// ../shared beside the project, or "" when it is absent.
inline std::string SharedDir() {
  const char* env = std::getenv("NEWSGRAPH_SHARED");
  std::string dir = env ? env : std::string(NEWSGRAPH_SOURCE_DIR) + "/../shared";
  return std::filesystem::exists(dir + "/data/articles/dev.jsonl") ? dir : "";
}

}  // namespace newsgraph::testing

#endif  // NEWSGRAPH_TESTS_TOOLS_CLI_TEST_UTIL_H_
