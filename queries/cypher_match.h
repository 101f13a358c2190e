// Pattern matching (MATCH) and pattern creation (CREATE) for one input row.
// Internal to the executor.
#ifndef NEWSGRAPH_QUERIES_CYPHER_MATCH_H_
#define NEWSGRAPH_QUERIES_CYPHER_MATCH_H_

#include <vector>

#include "absl/status/status.h"
#include "queries/cypher_ast.h"
#include "queries/cypher_eval.h"

namespace newsgraph::cypher {

// Appends to *out every extension of `row` that binds all of `patterns`,
// each relationship used at most once across them (relationship isomorphism).
absl::Status MatchPatterns(const std::vector<PatternPart>& patterns, const Row& row,
                           const EvalContext& ctx, std::vector<Row>* out);

// Creates the unbound nodes and all relationships of `patterns`, binding
// their variables into *row.
absl::Status CreatePatterns(const std::vector<PatternPart>& patterns, const EvalContext& ctx,
                            GraphSink* sink, Row* row);

// Variables a pattern list introduces, in order of appearance.
std::vector<std::string> PatternVariables(const std::vector<PatternPart>& patterns);

}  // namespace newsgraph::cypher

#endif  // NEWSGRAPH_QUERIES_CYPHER_MATCH_H_
