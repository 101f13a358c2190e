// What one fuzz input goes through. The libFuzzer target and the corpus
// replay test (tests/queries/cypher_fuzz_corpus_test.cc) share it, so that
// the checked-in corpus exercises the same code in the normal gcc build.
#ifndef NEWSGRAPH_TESTS_FUZZ_CYPHER_FUZZ_INPUT_H_
#define NEWSGRAPH_TESTS_FUZZ_CYPHER_FUZZ_INPUT_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "queries/cypher_binder.h"
#include "queries/cypher_parser.h"

namespace newsgraph::cypher {

// Lexes, parses and binds `text` as a query, and parses it once more as a
// lone expression (the parameter-value entry point). Returns the query's
// status: OK when it parsed and bound, else the first error. The query is
// not run: Execute has no row budget or time limit yet, so range(1, 1e18)
// or an unbounded variable-length MATCH would hang the fuzzer.
inline absl::Status FuzzOneInput(absl::string_view text) {
  ParseExpression(text).IgnoreError();
  absl::StatusOr<Query> query = ParseQuery(text);
  if (!query.ok()) return query.status();
  return Bind(*query);
}

}  // namespace newsgraph::cypher

#endif  // NEWSGRAPH_TESTS_FUZZ_CYPHER_FUZZ_INPUT_H_
