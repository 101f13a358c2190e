// Lines typed at a terminal, with line editing and a history file when
// newsgraph was built with Debian's libedit (libedit-dev); plain lines from
// std::cin otherwise, and whenever standard input is not a terminal.
#ifndef NEWSGRAPH_TOOLS_LINE_READER_H_
#define NEWSGRAPH_TOOLS_LINE_READER_H_

#include <optional>
#include <string>

namespace newsgraph::cli {

class LineReader {
 public:
  // `history_file` (empty: none) is read now and written after each entry.
  explicit LineReader(std::string history_file);
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  // The next line without its newline, after showing `prompt` when
  // interactive; nullopt at end of input.
  std::optional<std::string> Read(const std::string& prompt);
  // Remembers one entry (a whole statement or command) in the history.
  void Remember(const std::string& entry);

  bool interactive() const { return interactive_; }
  // "libedit" when lines are edited, else why not.
  static const char* Editing();

 private:
  std::string history_file_;
  bool interactive_;
};

}  // namespace newsgraph::cli

#endif  // NEWSGRAPH_TOOLS_LINE_READER_H_
