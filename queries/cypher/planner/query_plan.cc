#include "queries/cypher/planner/query_plan.h"

#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace newsgraph::cypher {
namespace {

PlanStep OptionalStep(int clause) {
  PlanStep optional;
  optional.clause = clause;
  optional.op = "Optional";
  return optional;
}

// One EXPLAIN line for a pattern expression: its sub-plan's operators.
PlanStep PatternExprStep(const PatternExprPlan& sub, int clause) {
  std::vector<std::string> ops;
  for (const PlanStep& s : sub.plan.steps) ops.push_back(absl::StrCat(s.op, " ", s.details));
  PlanStep step;
  step.clause = clause;
  step.op = "PatternExpression";
  step.details = absl::StrJoin(ops, "; ");
  return step;
}

ClausePlan PlanClause(const BoundQuery& bound, size_t index, const PlanOptions& options) {
  const Clause& c = bound.query->clauses[index];
  const int clause = static_cast<int>(index);
  ClausePlan out;
  if (c.kind != Clause::Kind::kMatch) {
    out.steps.push_back(DescribeClause(c, clause));
    return out;
  }
  const absl::flat_hash_set<std::string>& scope = bound.clauses[index].scope;
  MatchContext context =
      AnalyzeMatch(*bound.query, index, std::vector<std::string>(scope.begin(), scope.end()));
  context.allow_pruning = options.prune_var_length;
  out.match = PlanMatch(c.patterns, c.where, context, clause);
  out.steps = out.match.steps;
  if (c.optional) out.steps.push_back(OptionalStep(clause));
  return out;
}

}  // namespace

PatternExprPlan PlanPatternExpr(const Expr& pattern_expr,
                                const absl::flat_hash_set<std::string>& bound,
                                bool allow_pruning) {
  PatternExprPlan sub;
  sub.part = *pattern_expr.pattern;
  if (sub.part.shortest != PatternPart::Shortest::kNone) sub.part.path_var = kHiddenPathVar;
  sub.bound = bound;
  // A pattern expression has no WHERE of its own and nothing later reads
  // its rows. A predicate asks only whether it matches, so how many walks
  // reach an end is invisible (the BFS finds each end once instead of
  // enumerating walks); shortestPath(...) reads its paths, which CanPrune
  // rules out. The plan depends only on which variables are bound.
  MatchContext context;
  context.bound = bound;
  context.multiplicity_free = sub.part.shortest == PatternPart::Shortest::kNone;
  context.allow_pruning = allow_pruning;
  sub.plan = PlanMatch({sub.part}, nullptr, context, 0);
  return sub;
}

QueryPlan Plan(const BoundQuery& bound, const PlanOptions& options) {
  QueryPlan plan;
  plan.query = bound.query;
  for (size_t i = 0; i < bound.query->clauses.size(); ++i) {
    plan.clauses.push_back(PlanClause(bound, i, options));
  }
  for (const BoundPatternExpr& e : bound.pattern_exprs) {
    auto [it, fresh] = plan.pattern_exprs.try_emplace(
        e.expr, PlanPatternExpr(*e.expr, e.bound, options.prune_var_length));
    if (!fresh) continue;
    for (PlanStep& step : it->second.plan.steps) step.clause = e.clause;
    plan.clauses[e.clause].steps.push_back(PatternExprStep(it->second, e.clause));
  }
  for (const ClausePlan& c : plan.clauses) {
    plan.steps.insert(plan.steps.end(), c.steps.begin(), c.steps.end());
  }
  return plan;
}

}  // namespace newsgraph::cypher
