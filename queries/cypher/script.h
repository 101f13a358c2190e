// A Cypher script: statements separated by ';', as a file given to
// `newsgraph query --file` or lines typed into `newsgraph shell` hold them.
// A ';' inside a string ('..', ".."), a `quoted name` or a comment (// to
// the end of the line, /* .. */) separates nothing, as in the lexer.
#ifndef NEWSGRAPH_QUERIES_CYPHER_SCRIPT_H_
#define NEWSGRAPH_QUERIES_CYPHER_SCRIPT_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace newsgraph::cypher {

struct Statement {
  std::string text;  // without its ';', with its comments
  int line = 1;      // the script line its text starts on
};

// What ScanScript found: the statements ended by ';' (those holding only
// whitespace and comments are dropped) and the unfinished rest after them.
struct ScriptScan {
  std::vector<Statement> complete;
  size_t rest = 0;       // offset of the text after the last ';'
  Statement unfinished;  // that text; empty when only whitespace and comments
  // The rest ends inside a string, quoted name or block comment, opened on
  // `open_line`: "string", "quoted name" or "comment"; else null.
  const char* open = nullptr;
  int open_line = 0;
};

ScriptScan ScanScript(absl::string_view script);

// Every statement of a whole script; the last needs no ';'. Errors:
// InvalidArgument "LINE: unterminated string" (or quoted name, comment).
absl::StatusOr<std::vector<Statement>> SplitScript(absl::string_view script);

// A Cypher error "line L, column C: msg" of a text that starts at line
// `first_line` of ORIGIN as "ORIGIN:LINE:C: PREFIXmsg", LINE counted in
// ORIGIN; other errors as "ORIGIN:FIRST_LINE: PREFIXmessage".
std::string PlaceCypherError(absl::string_view origin, int first_line, absl::string_view prefix,
                             absl::string_view message);

// A Cypher error "line L, column C: msg" of `statement` as
// "ORIGIN:LINE:C: msg", LINE counted in the script; other errors as
// "ORIGIN:LINE: msg" at the statement's first line.
std::string ScriptErrorMessage(absl::string_view origin, const Statement& statement,
                               absl::string_view message);

}  // namespace newsgraph::cypher

#endif  // NEWSGRAPH_QUERIES_CYPHER_SCRIPT_H_
