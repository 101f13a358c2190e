// Pattern matching (MATCH) and pattern creation (CREATE) for one input row.
// Internal to the executor.
#ifndef NEWSGRAPH_QUERIES_CYPHER_EXECUTOR_MATCH_H_
#define NEWSGRAPH_QUERIES_CYPHER_EXECUTOR_MATCH_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "queries/cypher/parser/ast.h"
#include "queries/cypher/executor/eval.h"
#include "queries/cypher/executor/row_bytes.h"
#include "queries/cypher/planner/plan.h"
#include "queries/cypher/planner/query_plan.h"

namespace newsgraph::cypher {

// Appends to *out every extension of `row` that binds all parts of `plan`
// and passes its filters, each relationship used at most once across the
// parts (relationship isomorphism). Pruned variable-length steps yield each
// end node once per start instead of once per walk. When `count_rows`, each
// row is charged to ctx.guard's row and memory budgets; `profile` (PROFILE
// only, else null) gets the rows each operator of plan.steps produced added
// to its entries, which line up with plan.steps.
absl::Status RunMatchPlan(const MatchPlan& plan, const Row& row, const EvalContext& ctx,
                          bool count_rows, std::vector<PlanStep>* profile, std::vector<Row>* out);

// The matches of a pattern expression (kPattern: a predicate, exists(...),
// shortestPath(...)) in `row`, through its sub-plan in ctx.pattern_exprs,
// planned once for the whole query. Without one (an expression evaluated
// outside a planned query) it is planned here for this row.
absl::Status MatchPatternExpr(const Expr& pattern_expr, const Row& row, const EvalContext& ctx,
                              std::vector<Row>* out);

}  // namespace newsgraph::cypher

#endif  // NEWSGRAPH_QUERIES_CYPHER_EXECUTOR_MATCH_H_
