// Cypher values for the tests of queries/output/: nodes and relationships
// built by hand, as an answer would hold them.
#ifndef NEWSGRAPH_TESTS_QUERIES_OUTPUT_TEST_VALUES_H_
#define NEWSGRAPH_TESTS_QUERIES_OUTPUT_TEST_VALUES_H_

#include <cstdint>
#include <map>
#include <string>
#include <utility>

#include "queries/cypher/value.h"

namespace newsgraph::queries {

inline CypherValue Node(int64_t id, std::string label, std::map<std::string, CypherValue> props) {
  CypherValue v;
  v.kind = CypherValue::Kind::kNode;
  v.integer = id;
  v.labels = {std::move(label)};
  v.map = std::move(props);
  return v;
}

inline CypherValue Rel(int64_t id, int64_t start, int64_t end, std::string type,
                       std::map<std::string, CypherValue> props) {
  CypherValue v;
  v.kind = CypherValue::Kind::kRelationship;
  v.integer = id;
  v.start = start;
  v.end = end;
  v.text = std::move(type);
  v.map = std::move(props);
  return v;
}

}  // namespace newsgraph::queries

#endif  // NEWSGRAPH_TESTS_QUERIES_OUTPUT_TEST_VALUES_H_
