// CREATE: the writes of the executor, kept apart from matching (match.h).
#ifndef NEWSGRAPH_QUERIES_CYPHER_EXECUTOR_CREATE_H_
#define NEWSGRAPH_QUERIES_CYPHER_EXECUTOR_CREATE_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "queries/cypher/executor/eval.h"
#include "queries/cypher/graph.h"
#include "queries/cypher/parser/ast.h"

namespace newsgraph::cypher {

// Creates the unbound nodes and all relationships of `patterns`, binding
// their variables into *row.
absl::Status CreatePatterns(const std::vector<PatternPart>& patterns, const EvalContext& ctx,
                            GraphSink* sink, Row* row);

}  // namespace newsgraph::cypher

#endif  // NEWSGRAPH_QUERIES_CYPHER_EXECUTOR_CREATE_H_
