// TestStoreDir: a fresh, unique directory per test, removed afterwards.
#ifndef NEWSGRAPH_TESTS_ENGINE_TEST_STORE_DIR_H_
#define NEWSGRAPH_TESTS_ENGINE_TEST_STORE_DIR_H_

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <string>
#include <system_error>

#include "gtest/gtest.h"

namespace newsgraph::testing_util {

class TestStoreDir {
 public:
  TestStoreDir() {
    static std::atomic<int> counter{0};
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = ::testing::TempDir() + "newsgraph_engine_" + std::to_string(::getpid()) + "_" +
            (info ? std::string(info->test_suite_name()) + "_" + info->name() : "x") + "_" +
            std::to_string(counter++);
    // Parameterised tests have '/' in their names: keep one directory level.
    std::replace(path_.begin() + ::testing::TempDir().size(), path_.end(), '/', '_');
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  ~TestStoreDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TestStoreDir(const TestStoreDir&) = delete;
  TestStoreDir& operator=(const TestStoreDir&) = delete;

  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace newsgraph::testing_util

#endif  // NEWSGRAPH_TESTS_ENGINE_TEST_STORE_DIR_H_
