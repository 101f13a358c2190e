#include "queries/cypher/script.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/strip.h"
#include "absl/strings/str_cat.h"

namespace newsgraph::cypher {
namespace {

// Walks a script one character at a time, knowing whether it is inside a
// string, a quoted name or a comment, and so whether a ';' ends a statement.
class Scanner {
 public:
  explicit Scanner(absl::string_view script) : s_(script) {}

  ScriptScan Run() {
    size_t start = 0;
    int first_line = 0;  // of the statement's first non-space character
    bool blank = true;   // only whitespace and comments since `start`
    for (size_t i = 0; i < s_.size();) {
      const char c = s_[i];
      if (c == ';') {
        if (!blank) scan_.complete.push_back({StatementText(start, i), first_line});
        start = ++i;
        first_line = 0;
        blank = true;
        continue;
      }
      if (absl::ascii_isspace(static_cast<unsigned char>(c))) {
        line_ += c == '\n';
        ++i;
        continue;
      }
      if (first_line == 0) first_line = line_;
      if (s_.substr(i, 2) == "//") {
        i = SkipTo(i, "\n");
        continue;
      }
      if (s_.substr(i, 2) == "/*") {
        i = SkipPast(i, 2, "*/", "comment");
        continue;
      }
      blank = false;
      if (c == '\'' || c == '"') {
        i = SkipString(i);
      } else if (c == '`') {
        i = SkipPast(i, 1, "`", "quoted name");
      } else {
        ++i;
      }
    }
    scan_.rest = start;
    if (!blank) scan_.unfinished = {StatementText(start, s_.size()), first_line};
    return scan_;
  }

 private:
  // The statement's text from `start` (leading blank lines dropped, so that
  // Statement::line is its first line) to `end`.
  std::string StatementText(size_t start, size_t end) const {
    absl::string_view text = s_.substr(start, end - start);
    while (!text.empty()) {
      const size_t newline = text.find('\n');
      if (newline == absl::string_view::npos ||
          !absl::StripAsciiWhitespace(text.substr(0, newline)).empty()) {
        break;
      }
      text.remove_prefix(newline + 1);
    }
    return std::string(text);
  }

  // The offset of `close` at or after i, counting lines; the end if none.
  size_t SkipTo(size_t i, absl::string_view close) {
    const size_t at = s_.find(close, i);
    const size_t end = at == absl::string_view::npos ? s_.size() : at;
    CountLines(i, end);
    return end;
  }

  // Past the `close` that ends what opens at i with `open_size` characters;
  // at the end, noting what is left open, when there is none.
  size_t SkipPast(size_t i, size_t open_size, absl::string_view close, const char* what) {
    const size_t at = s_.find(close, i + open_size);
    if (at == absl::string_view::npos) return Unterminated(i, what);
    CountLines(i, at);
    return at + close.size();
  }

  // Past the quote that closes the string opening at i (\x escapes one).
  size_t SkipString(size_t i) {
    const char quote = s_[i];
    for (size_t j = i + 1; j < s_.size(); ++j) {
      if (s_[j] == '\\') {
        ++j;
      } else if (s_[j] == quote) {
        CountLines(i, j);
        return j + 1;
      }
    }
    return Unterminated(i, "string");
  }

  size_t Unterminated(size_t i, const char* what) {
    scan_.open = what;
    scan_.open_line = line_;
    CountLines(i, s_.size());
    return s_.size();
  }

  void CountLines(size_t from, size_t to) {
    for (size_t j = from; j < to; ++j) line_ += s_[j] == '\n';
  }

  absl::string_view s_;
  int line_ = 1;
  ScriptScan scan_;
};

}  // namespace

ScriptScan ScanScript(absl::string_view script) { return Scanner(script).Run(); }

absl::StatusOr<std::vector<Statement>> SplitScript(absl::string_view script) {
  ScriptScan scan = ScanScript(script);
  if (scan.open != nullptr) {
    return absl::InvalidArgumentError(absl::StrCat(scan.open_line, ": unterminated ", scan.open));
  }
  if (!scan.unfinished.text.empty()) scan.complete.push_back(std::move(scan.unfinished));
  return std::move(scan.complete);
}

std::string PlaceCypherError(absl::string_view origin, int first_line, absl::string_view prefix,
                             absl::string_view message) {
  absl::string_view rest = message;
  int line = 0, column = 0;
  if (absl::ConsumePrefix(&rest, "line ")) {
    const size_t comma = rest.find(", column ");
    const size_t colon = rest.find(": ");
    if (comma != absl::string_view::npos && colon != absl::string_view::npos &&
        absl::SimpleAtoi(rest.substr(0, comma), &line) &&
        absl::SimpleAtoi(rest.substr(comma + 9, colon - comma - 9), &column)) {
      return absl::StrCat(origin, ":", first_line + line - 1, ":", column, ": ", prefix,
                          rest.substr(colon + 2));
    }
  }
  return absl::StrCat(origin, ":", first_line, ": ", prefix, message);
}

std::string ScriptErrorMessage(absl::string_view origin, const Statement& statement,
                               absl::string_view message) {
  return PlaceCypherError(origin, statement.line, "", message);
}

}  // namespace newsgraph::cypher
