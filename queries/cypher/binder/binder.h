// Semantic checks between parsing and execution (the binder of the Kùzu
// pipeline): variables defined before use and used as one kind of thing
// (node, relationship, path, value), fresh path names, unique columns,
// no nested aggregates. Errors name the openCypher error, e.g.
// "VariableTypeConflict: r is a relationship, used as a node".
#ifndef NEWSGRAPH_QUERIES_CYPHER_BINDER_BINDER_H_
#define NEWSGRAPH_QUERIES_CYPHER_BINDER_BINDER_H_

#include "absl/status/status.h"
#include "queries/cypher/parser/ast.h"

namespace newsgraph::cypher {

absl::Status Bind(const Query& query);

}  // namespace newsgraph::cypher

#endif  // NEWSGRAPH_QUERIES_CYPHER_BINDER_BINDER_H_
