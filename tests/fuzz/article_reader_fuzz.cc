// libFuzzer target for reading JSON Lines articles: the capped line reader
// over the input as a file, then each line's checks and article parse. Any
// input must give lines and articles or error statuses; a crash, sanitizer
// report, hang or memory blow-up (a deep '[' nest once cost 769 MB) is a bug.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "importers/internal/article_lines.h"
#include "importers/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  std::istringstream in(bytes);
  // A small cap, so that the fuzzer meets over-long lines too.
  newsgraph::importers_internal::CappedLineReader reader(in, 4096);
  std::string line;
  uint64_t length = 0;
  while (reader.Next(&line, &length)) {
    if (line.size() > length || line.size() > 4096) __builtin_trap();
    if (newsgraph::FirstInvalidUtf8(line).has_value()) continue;
    newsgraph::importers_internal::ParseArticleLine(line).IgnoreError();
  }
  return 0;
}
