// The procedures of Cypher's CALL clause: what the graph holds, as rows.
//   CALL db.labels()             YIELD label             the node labels in use
//   CALL db.relationshipTypes()  YIELD relationshipType  the relationship types in use
//   CALL db.schema()             YIELD pattern, count, properties
//     one row per label, "(:Person)", and per (start label, type, end
//     label), "(:Person)-[:MET]->(:Person)": how many there are and the
//     property keys seen on them.
// Each reads the whole graph once (a store has no count of labels in use
// to look up), so it is as slow as `MATCH (n)-[r]->() RETURN count(r)`.
#ifndef NEWSGRAPH_QUERIES_CYPHER_EXECUTOR_PROCEDURES_H_
#define NEWSGRAPH_QUERIES_CYPHER_EXECUTOR_PROCEDURES_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "queries/cypher/graph.h"
#include "queries/cypher/executor/guard.h"
#include "queries/cypher/value.h"

namespace newsgraph::cypher {

struct Procedure {
  std::string name;                  // "db.labels"
  std::vector<std::string> outputs;  // the columns it yields, in order
  std::string description;
};

// Every procedure, by name.
const std::vector<Procedure>& Procedures();

// The procedure called `name` (names are case-sensitive, as in Neo4j), or
// null.
const Procedure* FindProcedure(absl::string_view name);

// Runs `procedure` over `graph`: its rows, one value per output, in a
// stable order. `guard` bounds the scan (time).
absl::StatusOr<std::vector<std::vector<Value>>> CallProcedure(const Procedure& procedure,
                                                              const GraphSource& graph,
                                                              Guard* guard);

}  // namespace newsgraph::cypher

#endif  // NEWSGRAPH_QUERIES_CYPHER_EXECUTOR_PROCEDURES_H_
