// Evaluation of Cypher expressions against one row of variable bindings.
#ifndef NEWSGRAPH_QUERIES_CYPHER_EXECUTOR_EVAL_H_
#define NEWSGRAPH_QUERIES_CYPHER_EXECUTOR_EVAL_H_

#include <map>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "queries/cypher/parser/ast.h"
#include "queries/cypher/graph.h"
#include "queries/cypher/executor/guard.h"
#include "queries/cypher/planner/query_plan.h"

namespace newsgraph::cypher {

using Row = absl::flat_hash_map<std::string, Value>;
using Params = std::map<std::string, Value>;

struct EvalContext {
  const GraphSource* graph = nullptr;
  const Params* params = nullptr;
  // Results of aggregate calls (count, collect, ...) for the current group,
  // keyed by the call's node; absent outside an aggregating projection.
  const absl::flat_hash_map<const Expr*, Value>* aggregates = nullptr;
  // Budgets of the running query; null means the ExecOptions defaults
  // without a clock or row budget (expressions evaluated outside Execute).
  Guard* guard = nullptr;
  // The query's pattern-expression sub-plans, planned once before it ran;
  // null outside a planned query (each pattern is then planned as met).
  const PatternExprPlans* pattern_exprs = nullptr;
};

// The value of `e` in `row`. Errors (type mismatches, unknown functions,
// missing parameters, division by zero) are InvalidArgument.
absl::StatusOr<Value> Evaluate(const Expr& e, const Row& row, const EvalContext& ctx);

// True for count, collect, min, max, sum, avg, and the other aggregates.
bool IsAggregateFunction(const std::string& lower_name);
// True for every function CallFunction or Aggregate implements.
bool IsKnownFunction(const std::string& lower_name);
// Appends the aggregate calls in `e` (not descending into them).
void CollectAggregates(const Expr& e, std::vector<const Expr*>* out);

// Folds the values of one aggregate call over a group. `values` holds the
// argument evaluated per row (empty list for count(*) rows is not needed:
// pass one null per row and star=true).
// `param` is the second argument of percentileDisc/percentileCont.
absl::StatusOr<Value> Aggregate(const Expr& call, std::vector<Value> values,
                                const Value& param = Value());

// A scalar function (toInteger, size, labels, ...) on evaluated arguments.
absl::StatusOr<Value> CallFunction(const std::string& lower_name,
                                   const std::vector<Value>& args, const EvalContext& ctx);

}  // namespace newsgraph::cypher

#endif  // NEWSGRAPH_QUERIES_CYPHER_EXECUTOR_EVAL_H_
