// Tokens of a Cypher query, each with its byte offset, line and column so
// that parse errors can point at the place they arise.
#ifndef NEWSGRAPH_QUERIES_CYPHER_PARSER_LEXER_H_
#define NEWSGRAPH_QUERIES_CYPHER_PARSER_LEXER_H_

#include <string>
#include "absl/strings/string_view.h"
#include <vector>

#include "absl/status/statusor.h"

namespace newsgraph::cypher {

enum class TokenKind { kIdent, kQuotedIdent, kInt, kFloat, kString, kParam, kSymbol, kEnd };

struct Token {
  TokenKind kind;
  std::string text;  // identifier, unescaped string, number text, or symbol
  size_t offset = 0, end = 0;  // byte span in the query
  int line = 1, column = 1;
};

// Splits `query`; the last token is kEnd. Errors read "line L, column C: ...".
absl::StatusOr<std::vector<Token>> Lex(absl::string_view query);

}  // namespace newsgraph::cypher

#endif  // NEWSGRAPH_QUERIES_CYPHER_PARSER_LEXER_H_
