#include "tools/line_reader.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>

#ifdef NEWSGRAPH_HAVE_LIBEDIT
#include <editline/readline.h>
#endif

namespace newsgraph::cli {
namespace {

// Entries kept in the history file.
constexpr int kHistorySize = 1000;

}  // namespace

LineReader::LineReader(std::string history_file)
    : history_file_(std::move(history_file)), interactive_(isatty(STDIN_FILENO) != 0) {
#ifdef NEWSGRAPH_HAVE_LIBEDIT
  if (!interactive_) return;
  using_history();
  stifle_history(kHistorySize);
  if (!history_file_.empty()) read_history(history_file_.c_str());  // none yet is fine
#endif
}

LineReader::~LineReader() = default;

std::optional<std::string> LineReader::Read(const std::string& prompt) {
#ifdef NEWSGRAPH_HAVE_LIBEDIT
  if (interactive_) {
    char* line = readline(prompt.c_str());
    if (line == nullptr) return std::nullopt;
    std::string text(line);
    std::free(line);
    return text;
  }
#endif
  if (interactive_) std::cout << prompt << std::flush;
  std::string line;
  if (!std::getline(std::cin, line)) return std::nullopt;
  return line;
}

void LineReader::Remember(const std::string& entry) {
#ifdef NEWSGRAPH_HAVE_LIBEDIT
  if (!interactive_) return;
  add_history(entry.c_str());
  // Written at once, so that a killed shell loses nothing typed before.
  if (!history_file_.empty()) write_history(history_file_.c_str());
#else
  (void)entry;
#endif
}

const char* LineReader::Editing() {
#ifdef NEWSGRAPH_HAVE_LIBEDIT
  return "libedit";
#else
  return "none (built without libedit-dev: no line editing or history)";
#endif
}

}  // namespace newsgraph::cli
