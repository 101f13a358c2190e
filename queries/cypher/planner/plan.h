// The planner for one MATCH clause: which node each pattern part starts
// from (and how it is found), which parts of the WHERE run at which binding,
// and which variable-length relationships may be expanded by a pruning BFS.
// The plan is a small tree-less list of operators; the matcher
// (executor/match.cc) runs it and EXPLAIN/PROFILE print it.
#ifndef NEWSGRAPH_QUERIES_CYPHER_PLANNER_PLAN_H_
#define NEWSGRAPH_QUERIES_CYPHER_PLANNER_PLAN_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/time/time.h"
#include "queries/cypher/parser/ast.h"

namespace newsgraph::cypher {

// One line of EXPLAIN/PROFILE output.
struct PlanStep {
  int clause = 0;             // index of the clause the operator belongs to
  std::string op;             // e.g. "NodeByLabelScan", "Expand", "Filter"
  std::string details;        // e.g. "(a:Person)", "(a)-[:KNOWS]->(b)"
  int64_t estimated_rows = -1;  // -1: no estimate
  int64_t rows = -1;          // PROFILE: rows the operator produced; -1 otherwise
  // PROFILE: wall time of the whole clause, on its first operator only
  // (operators of one clause run interleaved, tuple at a time).
  absl::Duration time = absl::ZeroDuration();
};

// How the first node of a part is found.
struct NodeScan {
  enum class Kind { kBound, kProperty, kLabel, kAll };
  Kind kind = Kind::kAll;
  std::string label;  // kProperty (may be empty), kLabel
  std::string key;    // kProperty
  ExprPtr value;      // kProperty: a literal or parameter
};

// One side of a day window on a relationship's `date` property, taken from
// a WHERE conjunct `r.date >= date('...')` (or >, <=, <; either side).
struct DayBound {
  ExprPtr value;  // a literal, parameter or date(...) of those
  bool lower = true;
  bool strict = false;
};

struct PartPlan {
  PatternPart part;       // in matching order: reversed when it starts at its last node
  bool reversed = false;  // the path value must be reversed back
  NodeScan scan;
  NodeScan end_scan;  // shortest paths: how the other end is found
  // Per relationship: expand by BFS, each reachable end node once
  // (only for variable-length relationships; see PlanMatch).
  std::vector<bool> pruned;
  // Per relationship: bounds pushed into RelFilter's day window (the
  // conjuncts still run as filters, so the pushdown only reads less).
  std::vector<std::vector<DayBound>> windows;
  // Binding events (see MatchPlan::filters): one per node, then the path.
  std::vector<int> node_event;
  int path_event = 0;
  int scan_op = 0;               // index into MatchPlan::steps
  std::vector<int> expand_op;    // per relationship
  int shortest_op = -1;
  // Shortest paths: the list (a literal or parameter) that a WHERE conjunct
  // `all(r IN relationships(p) WHERE type(r) IN LIST)` holds every
  // relationship's type to. The search follows only those types, so it
  // finds the shortest paths that keep to them (the conjunct still runs).
  ExprPtr path_types;
};

struct MatchPlan {
  std::vector<PartPlan> parts;
  // WHERE conjuncts by the event after which all their variables are bound;
  // filters[0] runs before any binding (event -1 shifted to 0).
  std::vector<std::vector<ExprPtr>> filters;
  std::vector<int> filter_op;  // per event: index into steps, or -1
  std::vector<PlanStep> steps;
};

// What the query does with the rows of this MATCH, as the executor sees it.
struct MatchContext {
  // Variables bound before the clause (its input rows carry them).
  absl::flat_hash_set<std::string> bound;
  // Variables read by this clause's WHERE or any later clause (or `*`
  // projections, which read everything: then `reads_all`).
  absl::flat_hash_set<std::string> read_later;
  bool reads_all = false;
  // Later clauses only care about the set of distinct rows (a DISTINCT or
  // DISTINCT-aggregating projection follows, with only MATCH/UNWIND between).
  bool multiplicity_free = false;
  bool allow_pruning = true;
};

// Plans `patterns` with `where` (may be null). Never fails: unplannable
// parts fall back to scanning all nodes, and conjuncts it cannot place run
// after the last binding.
MatchPlan PlanMatch(const std::vector<PatternPart>& patterns, const ExprPtr& where,
                    const MatchContext& context, int clause_index);

// What the clauses after query.clauses[index] (a MATCH) do with its rows;
// `scope` holds the variables bound before it.
MatchContext AnalyzeMatch(const Query& query, size_t index, const std::vector<std::string>& scope);

// The operator line of a WITH/RETURN (Projection or Aggregation with its
// DISTINCT, ORDER BY, SKIP, LIMIT and WHERE), an UNWIND or a CREATE.
PlanStep DescribeClause(const Clause& clause, int clause_index);

// Splits `e` at top-level ANDs.
void Conjuncts(const ExprPtr& e, std::vector<ExprPtr>* out);
// Adds every variable name `e` mentions (including inside nested patterns
// and comprehensions, conservatively) to *out.
void MentionedVariables(const Expr& e, absl::flat_hash_set<std::string>* out);
// Variables a pattern list introduces, in order of appearance.
std::vector<std::string> PatternVariables(const std::vector<PatternPart>& patterns);
// Cypher-ish text of a relationship step, for plan details.
std::string DescribeStep(const NodePattern& from, const RelPattern& rel, const NodePattern& to);

}  // namespace newsgraph::cypher

#endif  // NEWSGRAPH_QUERIES_CYPHER_PLANNER_PLAN_H_
