// Test helper: the names of a binder scope in order, to compare with a list.
#ifndef NEWSGRAPH_TESTS_QUERIES_CYPHER_SORTED_NAMES_H_
#define NEWSGRAPH_TESTS_QUERIES_CYPHER_SORTED_NAMES_H_

#include <algorithm>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"

namespace newsgraph::cypher {

inline std::vector<std::string> Sorted(const absl::flat_hash_set<std::string>& names) {
  std::vector<std::string> out(names.begin(), names.end());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace newsgraph::cypher

#endif  // NEWSGRAPH_TESTS_QUERIES_CYPHER_SORTED_NAMES_H_
