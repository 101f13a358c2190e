// The planner's whole-query plan (the third stage: parser -> binder ->
// planner -> executor). Plan() turns a BoundQuery into one QueryPlan before
// anything runs: every MATCH clause planned (start nodes, index reads, WHERE
// pushdown, pruning expansion; plan.h), every pattern expression -- pattern
// predicates, exists(...), shortestPath(...) as a value -- planned once as
// a sub-plan that the executor runs for each row, and the operators that
// EXPLAIN shows and PROFILE counts.
#ifndef NEWSGRAPH_QUERIES_CYPHER_PLANNER_QUERY_PLAN_H_
#define NEWSGRAPH_QUERIES_CYPHER_PLANNER_QUERY_PLAN_H_

#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "queries/cypher/binder/binder.h"
#include "queries/cypher/parser/ast.h"
#include "queries/cypher/planner/plan.h"

namespace newsgraph::cypher {

// The path variable a shortestPath(...) expression is matched with: a name
// no query can spell, so it never meets a user's variable.
inline constexpr char kHiddenPathVar[] = " path";

// One pattern expression's sub-plan. `bound` is the set of the pattern's
// variables the plan takes as already bound; a row that binds a different
// set (which the binder rules out) is planned afresh rather than matched
// wrongly.
struct PatternExprPlan {
  PatternPart part;  // as matched: shortest paths carry kHiddenPathVar
  absl::flat_hash_set<std::string> bound;
  MatchPlan plan;
};

using PatternExprPlans = absl::flat_hash_map<const Expr*, PatternExprPlan>;

struct ClausePlan {
  MatchPlan match;               // MATCH only
  std::vector<PlanStep> steps;   // the clause's operators, in EXPLAIN order
};

struct QueryPlan {
  const Query* query = nullptr;  // the parsed query; must outlive the plan
  std::vector<ClausePlan> clauses;  // one per query->clauses
  PatternExprPlans pattern_exprs;
  // Every operator of every clause, in order (EXPLAIN's rows); pattern
  // expressions show as one "PatternExpression" operator each.
  std::vector<PlanStep> steps;
};

struct PlanOptions {
  // Whether variable-length relationships may be expanded by a pruning BFS
  // (ExecOptions::prune_var_length).
  bool prune_var_length = true;
};

// The plan of a bound query. Never fails (see PlanMatch).
QueryPlan Plan(const BoundQuery& bound, const PlanOptions& options = PlanOptions());

// The plan of one pattern expression whose variables in `bound` are bound.
// A pattern predicate (`(a)-[*..3]-(b)`, `exists(...)`) only asks whether
// it matches, so its variable-length relationship is expanded by the
// pruning BFS when `allow_pruning` and CanPrune's other conditions hold.
PatternExprPlan PlanPatternExpr(const Expr& pattern_expr,
                                const absl::flat_hash_set<std::string>& bound,
                                bool allow_pruning = true);

}  // namespace newsgraph::cypher

#endif  // NEWSGRAPH_QUERIES_CYPHER_PLANNER_QUERY_PLAN_H_
