// Executes a parsed Cypher query against a GraphSource (reads) and an
// optional GraphSink (CREATE). Clauses run one after another over a list of
// rows, in the style of a tuple-at-a-time interpreter; no planner yet.
#ifndef NEWSGRAPH_QUERIES_CYPHER_EXEC_H_
#define NEWSGRAPH_QUERIES_CYPHER_EXEC_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "queries/cypher_ast.h"
#include "queries/cypher_eval.h"
#include "queries/cypher_graph.h"

namespace newsgraph::cypher {

struct QueryResult {
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;  // each row has columns.size() values
};

// Runs `query`. `sink` may be null for read-only sources; CREATE then fails.
// Errors: InvalidArgument for semantic and runtime errors (the message
// starts with the openCypher error name, e.g. "TypeError: ...").
absl::StatusOr<QueryResult> Execute(const Query& query, const GraphSource& source,
                                    GraphSink* sink, const Params& params);

// Parse + Execute against an in-memory graph (tests, the TCK runner).
absl::StatusOr<QueryResult> RunCypher(absl::string_view text, InMemoryGraph* graph,
                                      const Params& params = {});

}  // namespace newsgraph::cypher

#endif  // NEWSGRAPH_QUERIES_CYPHER_EXEC_H_
