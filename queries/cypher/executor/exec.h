// The executor, the last of the Cypher stages (parser -> binder -> planner
// -> executor): it runs a QueryPlan (planner/query_plan.h) against a
// GraphSource (reads) and an optional GraphSink (CREATE). Clauses run one
// after another over a list of rows, in the style of a tuple-at-a-time
// interpreter; each MATCH runs the plan the planner made for it, and each
// pattern expression its sub-plan. ExecOptions (guard.h) bounds the work.
#ifndef NEWSGRAPH_QUERIES_CYPHER_EXECUTOR_EXEC_H_
#define NEWSGRAPH_QUERIES_CYPHER_EXECUTOR_EXEC_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "queries/cypher/parser/ast.h"
#include "queries/cypher/executor/eval.h"
#include "queries/cypher/graph.h"
#include "queries/cypher/executor/guard.h"
#include "queries/cypher/planner/plan.h"
#include "queries/cypher/planner/query_plan.h"

namespace newsgraph::cypher {

// EXPLAIN and PROFILE surface as follows:
//  - EXPLAIN <query>: nothing runs (no writes). `mode` is kExplain, `plan`
//    holds one PlanStep per operator, and columns/rows hold the same plan as
//    a table ("clause", "operator", "details", "estimated rows" — null when
//    there is no estimate), so a client that prints rows prints the plan.
//  - PROFILE <query>: the query runs; columns/rows are its result and
//    `plan` holds the operators with `rows` (rows each produced) and `time`
//    (wall time per clause, on the clause's first operator). A client
//    prints the result, then the plan (see FormatPlan).
//  - Otherwise `plan` is empty.
struct QueryResult {
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;  // each row has columns.size() values
  Query::Mode mode = Query::Mode::kRun;
  std::vector<PlanStep> plan;
};

// The plan as an aligned text table (clause, operator, details, estimated
// rows, and for PROFILE rows and milliseconds), one operator per line.
std::string FormatPlan(const std::vector<PlanStep>& plan, bool profiled);

// Runs `plan` (its query must outlive the call). `sink` may be null for
// read-only sources; CREATE then fails. Errors as for Execute below.
absl::StatusOr<QueryResult> Execute(const QueryPlan& plan, const GraphSource& source,
                                    GraphSink* sink, const Params& params,
                                    const ExecOptions& options = ExecOptions());

// Binds, plans and runs `query`. `sink` may be null for read-only sources; CREATE then fails.
// Errors: InvalidArgument for semantic and runtime errors (the message
// starts with the openCypher error name, e.g. "TypeError: ...").
// Guards (ExecOptions) fail the query: ResourceExhausted for the row and
// memory budgets, DeadlineExceeded for the timeout, InvalidArgument for a
// variable-length bound above the depth cap; each message names the limit.
absl::StatusOr<QueryResult> Execute(const Query& query, const GraphSource& source,
                                    GraphSink* sink, const Params& params,
                                    const ExecOptions& options = ExecOptions());

// Parse + Execute against an in-memory graph (tests, the TCK runner).
absl::StatusOr<QueryResult> RunCypher(absl::string_view text, InMemoryGraph* graph,
                                      const Params& params = {},
                                      const ExecOptions& options = ExecOptions());

}  // namespace newsgraph::cypher

#endif  // NEWSGRAPH_QUERIES_CYPHER_EXECUTOR_EXEC_H_
