// Recursive-descent parser for the Cypher subset of ast.h.
// Errors are InvalidArgument with the position of the offending token:
// "line 1, column 14: expected ')'".
#ifndef NEWSGRAPH_QUERIES_CYPHER_PARSER_PARSER_H_
#define NEWSGRAPH_QUERIES_CYPHER_PARSER_PARSER_H_

#include "absl/strings/string_view.h"

#include "absl/status/statusor.h"
#include "queries/cypher/parser/ast.h"

namespace newsgraph::cypher {

absl::StatusOr<Query> ParseQuery(absl::string_view query);

// One expression and nothing after it (used for parameter values).
absl::StatusOr<ExprPtr> ParseExpression(absl::string_view text);

}  // namespace newsgraph::cypher

#endif  // NEWSGRAPH_QUERIES_CYPHER_PARSER_PARSER_H_
