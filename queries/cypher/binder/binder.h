// Semantic checks between parsing and execution (the binder of the Kùzu
// pipeline): variables defined before use and used as one kind of thing
// (node, relationship, path, value), fresh path names, unique columns,
// no nested aggregates. Errors name the openCypher error, e.g.
// "VariableTypeConflict: r is a relationship, used as a node".
#ifndef NEWSGRAPH_QUERIES_CYPHER_BINDER_BINDER_H_
#define NEWSGRAPH_QUERIES_CYPHER_BINDER_BINDER_H_

#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "queries/cypher/parser/ast.h"

namespace newsgraph::cypher {

// What the binder learnt about one clause: the variables the rows reaching
// it carry (the planner decides from them where a MATCH may start).
struct BoundClause {
  absl::flat_hash_set<std::string> scope;
};

// A pattern used as an expression -- a predicate such as
// `WHERE (a)-[:KNOWS]->()`, exists(...), or shortestPath(...) -- where it
// stands, with the variables of the pattern that are bound there (the
// binder rejects a pattern expression that would introduce a variable, so
// these are all of its named variables).
struct BoundPatternExpr {
  const Expr* expr = nullptr;
  int clause = 0;
  absl::flat_hash_set<std::string> bound;
};

// The binder's result, which the planner consumes. It points into the
// parsed query, which must outlive it.
struct BoundQuery {
  const Query* query = nullptr;
  std::vector<BoundClause> clauses;  // one per query->clauses
  std::vector<BoundPatternExpr> pattern_exprs;  // in the order they stand
};

absl::StatusOr<BoundQuery> Bind(const Query& query);

}  // namespace newsgraph::cypher

#endif  // NEWSGRAPH_QUERIES_CYPHER_BINDER_BINDER_H_
