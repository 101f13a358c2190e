// What one fuzz input goes through. The libFuzzer target and the corpus
// replay test (tests/queries/cypher/fuzz_corpus_test.cc) share it, so that
// the checked-in corpus exercises the same code in the normal gcc build.
#ifndef NEWSGRAPH_TESTS_FUZZ_CYPHER_FUZZ_INPUT_H_
#define NEWSGRAPH_TESTS_FUZZ_CYPHER_FUZZ_INPUT_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "queries/cypher/binder/binder.h"
#include "queries/cypher/executor/exec.h"
#include "queries/cypher/parser/parser.h"

namespace newsgraph::cypher {

// Tight guards, so that no input can hang the fuzzer (-timeout=10) or run it
// out of memory (-rss_limit_mb=2048): a runaway query must fail with one of
// the guard errors instead.
inline ExecOptions FuzzExecOptions() {
  ExecOptions options;
  options.max_var_length = 6;
  options.max_rows = 10'000;
  options.max_memory_bytes = int64_t{64} << 20;
  options.timeout = absl::Seconds(1);
  return options;
}

// A small graph with the labels, types and properties the seeds and the
// dictionary use: a few :Person/:Official/:State nodes in a cycle of :MET
// and :KNOWS relationships, plus a dangling :N chain. Built once; each input
// runs on its own copy, since CREATE writes to it.
inline const InMemoryGraph& FuzzGraph() {
  static const InMemoryGraph* graph = [] {
    auto* g = new InMemoryGraph;
    const char* kNames[] = {"Ada Lovelace", "Bob", "Alice Anderson", "Carl", "Dee"};
    int64_t ids[5];
    for (int i = 0; i < 5; ++i) {
      PropertyMap props = {{"name", Value::String(kNames[i])},
                           {"age", Value::Int(20 + 11 * i)},
                           {"x", Value::Int(i)},
                           {"kind", Value::String(i % 2 ? "odd" : "even")},
                           {"since", Value::Date(19000 + i)}};
      std::vector<std::string> labels = {i < 3 ? "Person" : "State"};
      if (i == 0) labels.push_back("Official");
      ids[i] = g->CreateNode(std::move(labels), std::move(props));
    }
    for (int i = 0; i < 5; ++i) {
      g->CreateRel(ids[i], ids[(i + 1) % 5], "MET", {{"since", Value::Int(2020 + i)}});
      if (i % 2 == 0) g->CreateRel(ids[i], ids[(i + 2) % 5], "KNOWS", {});
    }
    int64_t prev = g->CreateNode({"N"}, {{"id", Value::Int(0)}});
    for (int i = 1; i < 4; ++i) {
      const int64_t next = g->CreateNode({"N"}, {{"id", Value::Int(i)}});
      g->CreateRel(prev, next, "NEXT", {});
      prev = next;
    }
    return g;
  }();
  return *graph;
}

struct FuzzOutcome {
  absl::Status parsed;    // OK when the query parsed and bound
  absl::Status executed;  // the run's status; OK too when it did not parse
};

// Lexes, parses and binds `text` as a query, and parses it once more as a
// lone expression (the parameter-value entry point). A query that binds is
// then executed on a copy of FuzzGraph() under FuzzExecOptions(), with $p
// and $list bound (other parameters are missing: an error like any other).
inline FuzzOutcome FuzzOneInput(absl::string_view text) {
  FuzzOutcome outcome;
  ParseExpression(text).IgnoreError();
  absl::StatusOr<Query> query = ParseQuery(text);
  if (!query.ok()) {
    outcome.parsed = query.status();
    return outcome;
  }
  outcome.parsed = Bind(*query).status();
  if (!outcome.parsed.ok()) return outcome;
  InMemoryGraph graph = FuzzGraph();
  const Params params = {{"p", Value::Int(2)},
                         {"list", Value::List({Value::Int(1), Value::String("a")})}};
  absl::StatusOr<QueryResult> result = Execute(*query, graph, &graph, params, FuzzExecOptions());
  outcome.executed = result.status();
  return outcome;
}

}  // namespace newsgraph::cypher

#endif  // NEWSGRAPH_TESTS_FUZZ_CYPHER_FUZZ_INPUT_H_
