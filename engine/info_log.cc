#include "engine/info_log.h"

#include <sys/time.h>

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <system_error>

namespace newsgraph::engine {
namespace {

constexpr std::uintmax_t kRotateBytes = std::uintmax_t{1} << 20;

class TolerantLogger final : public rocksdb::Logger {
 public:
  explicit TolerantLogger(std::FILE* file)
      : rocksdb::Logger(rocksdb::InfoLogLevel::INFO_LEVEL), file_(file) {}
  ~TolerantLogger() override { CloseImpl(); }

  using rocksdb::Logger::Logv;
  void Logv(const char* format, va_list ap) override {
    char line[1024];
    struct timeval now;
    gettimeofday(&now, nullptr);
    struct tm t;
    localtime_r(&now.tv_sec, &t);
    int n = std::snprintf(line, sizeof line, "%04d/%02d/%02d-%02d:%02d:%02d.%06ld ",
                          t.tm_year + 1900, t.tm_mon + 1, t.tm_mday, t.tm_hour, t.tm_min,
                          t.tm_sec, static_cast<long>(now.tv_usec));
    va_list copy;
    va_copy(copy, ap);
    const int body = std::vsnprintf(line + n, sizeof line - n, format, copy);
    va_end(copy);
    n = body < 0 ? n : std::min<int>(n + body, sizeof line - 2);
    line[n++] = '\n';
    // A line that does not fit on the disk is lost; the log must never be
    // why a write fails or the process stops.
    std::fwrite(line, 1, n, file_);
    std::fflush(file_);
    std::clearerr(file_);
  }

 protected:
  rocksdb::Status CloseImpl() override {
    if (file_ != nullptr) std::fclose(file_);
    file_ = nullptr;
    return rocksdb::Status::OK();
  }

 private:
  std::FILE* file_;
};

}  // namespace

std::shared_ptr<rocksdb::Logger> OpenInfoLog(const std::string& dir) {
  const std::filesystem::path log = std::filesystem::path(dir) / "LOG";
  std::error_code ec;
  if (std::filesystem::file_size(log, ec) > kRotateBytes && !ec) {
    std::filesystem::rename(log, std::filesystem::path(dir) / "LOG.old", ec);
  }
  std::FILE* file = std::fopen(log.c_str(), "a");
  if (file == nullptr) return nullptr;
  return std::make_shared<TolerantLogger>(file);
}

}  // namespace newsgraph::engine
