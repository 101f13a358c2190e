// Read-only Cypher queries over a store. The graph they see (labels,
// relationship types, properties) is the "Cypher view" of
// docs/graph-model.md: (:Person)-[:PARTICIPATED_IN]->(:Event), MET,
// SPOKE_WITH, HOLDS_ROLE, ... with dates as Cypher dates.
//
//   CypherParams params;
//   params["from"] = CypherValue::Date(...);
//   absl::StatusOr<CypherResult> r = RunCypher(store,
//       "MATCH (p:Person {name: 'Wang Yi'})-[:PARTICIPATED_IN]->(e:Event) "
//       "WHERE e.date >= $from RETURN e.date, e.type", params);
//
// The values, results, budgets and output formats are in cypher_result.h,
// which an embedder of newsgraph.h uses without the store's headers.
#ifndef NEWSGRAPH_CYPHER_H_
#define NEWSGRAPH_CYPHER_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "newsgraph/cypher_result.h"
#include "newsgraph/store.h"

namespace newsgraph {

// Parses and runs `query` read-only against `store`, with `$name`
// parameters from `params` (nodes, relationships and paths may not be
// parameters), under `options`. Errors: InvalidArgument for syntax errors
// ("line 2, column 7: expected ')'"), semantic and runtime errors (the
// message starts with the openCypher error name: "TypeError: ...",
// "SyntaxError: ..."), and for SET, DELETE and MERGE (not in the
// language); FailedPrecondition "the graph is read-only" for CREATE;
// ResourceExhausted and DeadlineExceeded for the budgets; the store's own
// errors as it reports them.
absl::StatusOr<CypherResult> RunCypher(const Store& store, absl::string_view query,
                                       const CypherParams& params = {},
                                       const CypherOptions& options = {});

}  // namespace newsgraph

#endif  // NEWSGRAPH_CYPHER_H_
