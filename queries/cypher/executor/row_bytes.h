// What the rows and values a query holds weigh, for the memory budget of
// ExecOptions (guard.h).
#ifndef NEWSGRAPH_QUERIES_CYPHER_EXECUTOR_ROW_BYTES_H_
#define NEWSGRAPH_QUERIES_CYPHER_EXECUTOR_ROW_BYTES_H_

#include <cstdint>

#include "queries/cypher/executor/eval.h"

namespace newsgraph::cypher {

// Approximate heap bytes of a row, or of one value, for the memory budget.
int64_t ApproxRowBytes(const Row& row);
int64_t ApproxValueBytes(const Value& v);

}  // namespace newsgraph::cypher

#endif  // NEWSGRAPH_QUERIES_CYPHER_EXECUTOR_ROW_BYTES_H_
