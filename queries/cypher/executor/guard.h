// Resource guards for one Cypher query: a depth cap for variable-length
// relationships, a budget of intermediate rows and of their approximate
// memory, and a timeout. The matcher checks them inside its inner loops so
// a runaway pattern stops within milliseconds of crossing a limit.
#ifndef NEWSGRAPH_QUERIES_CYPHER_EXECUTOR_GUARD_H_
#define NEWSGRAPH_QUERIES_CYPHER_EXECUTOR_GUARD_H_

#include <cstdint>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "queries/cypher/parser/ast.h"

namespace newsgraph::cypher {

struct ExecOptions {
  // Upper bound of an unbounded variable-length relationship: `*` is
  // `*1..max_var_length`. An explicit bound above it is an error.
  int64_t max_var_length = 6;
  // Rows one clause may hold (MATCH and UNWIND output) before the query fails.
  int64_t max_rows = 1'000'000;
  // Approximate bytes of the rows held by the running clause and its input,
  // plus any list or string an expression is building (range(), list
  // comprehensions, collect(), `+`): such a value is checked against this
  // budget before it is allocated. Lists are not counted against max_rows.
  int64_t max_memory_bytes = int64_t{1} << 30;
  absl::Duration timeout = absl::Seconds(30);
  // Lets the planner expand variable-length relationships by BFS when only
  // distinct end nodes matter (off: enumerate every walk; tests compare).
  bool prune_var_length = true;
};

// Tracks one query's use of the budgets in ExecOptions. Not thread-safe;
// one per Execute call.
class Guard {
 public:
  explicit Guard(const ExecOptions& options);

  const ExecOptions& options() const { return options_; }

  // One unit of search work; reads the clock every few thousand calls.
  // Fails with DeadlineExceeded once the timeout has passed.
  absl::Status Step();

  // A clause starts; `input_bytes` approximates the rows it reads, which
  // stay alive while it runs.
  void BeginClause(int64_t input_bytes);
  // The running clause keeps one more row of about `bytes` bytes. Fails with
  // ResourceExhausted when the row or memory budget is exceeded.
  absl::Status AddRow(int64_t bytes);
  int64_t clause_bytes() const { return clause_bytes_; }

  // The largest hop count `rel` may take: its own bound, or the cap for
  // `*`/`*n..`. InvalidArgument when the bound (or the lower bound) is above
  // the cap.
  absl::StatusOr<int64_t> MaxHops(const RelPattern& rel) const;

  // An expression is about to build a list of `elements` values (or a
  // string of `elements` bytes) of about `bytes_each` bytes each. Fails with
  // ResourceExhausted, before anything is allocated, when that value next to
  // the rows the running clause holds would exceed the memory budget; `what`
  // names the builder (e.g. "range()") in the message. Lists are charged in
  // bytes, not against the row budget: a row can hold a long list legally.
  absl::Status ReserveValue(int64_t elements, int64_t bytes_each, absl::string_view what) const;

 private:
  absl::Status CheckClock();

  ExecOptions options_;
  absl::Time deadline_;
  int64_t steps_ = 0;
  int64_t clause_rows_ = 0;
  int64_t clause_bytes_ = 0;
  int64_t input_bytes_ = 0;
};

// ReserveValue and Guard::Step for expression evaluation, where `guard` may be null
// (evaluation outside Execute): then the default memory budget of
// ExecOptions applies, with no clock.
absl::Status ReserveValue(const Guard* guard, int64_t elements, int64_t bytes_each,
                          absl::string_view what);
absl::Status GuardStep(Guard* guard);

}  // namespace newsgraph::cypher

#endif  // NEWSGRAPH_QUERIES_CYPHER_EXECUTOR_GUARD_H_
