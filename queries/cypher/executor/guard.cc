#include "queries/cypher/executor/guard.h"

#include "absl/strings/str_cat.h"

namespace newsgraph::cypher {
namespace {

// Reading the clock costs ~20 ns; one read per this many steps keeps the
// overhead negligible and the reaction time far below a millisecond.
constexpr int64_t kStepsPerClockRead = 4096;

// Shared by Guard::ReserveValue and the guard-less default; `held` is what
// the running clause already keeps.
absl::Status CheckValueSize(int64_t held, int64_t budget, int64_t elements, int64_t bytes_each,
                            absl::string_view what) {
  int64_t bytes = 0;
  if (elements < 0 || bytes_each < 0 || __builtin_mul_overflow(elements, bytes_each, &bytes) ||
      __builtin_add_overflow(bytes, held, &bytes) || bytes > budget) {
    return absl::ResourceExhaustedError(absl::StrCat(
        what, " would build a value of ",
        bytes_each == 1 ? absl::StrCat(elements, " bytes")
                        : absl::StrCat(elements, " elements of about ", bytes_each, " bytes"),
        ", beyond the query's memory budget of ", budget,
        " bytes (ExecOptions::max_memory_bytes); build a smaller value"));
  }
  return absl::OkStatus();
}

}  // namespace

Guard::Guard(const ExecOptions& options)
    : options_(options), deadline_(absl::Now() + options.timeout) {}

absl::Status Guard::CheckClock() {
  if (absl::Now() <= deadline_) return absl::OkStatus();
  return absl::DeadlineExceededError(
      absl::StrCat("query exceeded its timeout of ", absl::FormatDuration(options_.timeout),
                   "; add LIMIT or narrow the pattern"));
}

absl::Status Guard::Step() {
  if (++steps_ % kStepsPerClockRead != 0) return absl::OkStatus();
  return CheckClock();
}

void Guard::BeginClause(int64_t input_bytes) {
  clause_rows_ = 0;
  clause_bytes_ = 0;
  input_bytes_ = input_bytes;
}

absl::Status Guard::AddRow(int64_t bytes) {
  ++clause_rows_;
  clause_bytes_ += bytes;
  if (clause_rows_ > options_.max_rows) {
    return absl::ResourceExhaustedError(
        absl::StrCat("query exceeded its row budget of ", options_.max_rows,
                     " rows; add LIMIT or narrow the pattern"));
  }
  if (input_bytes_ + clause_bytes_ > options_.max_memory_bytes) {
    return absl::ResourceExhaustedError(
        absl::StrCat("query exceeded its memory budget of ", options_.max_memory_bytes,
                     " bytes; add LIMIT or narrow the pattern"));
  }
  if (clause_rows_ % kStepsPerClockRead == 0) return CheckClock();
  return absl::OkStatus();
}

absl::StatusOr<int64_t> Guard::MaxHops(const RelPattern& rel) const {
  const int64_t cap = options_.max_var_length;
  const int64_t bound = rel.max_hops >= 0 ? rel.max_hops : rel.min_hops;
  if (bound > cap) {
    return absl::InvalidArgumentError(absl::StrCat(
        "variable-length relationship bound ", bound, " exceeds the depth cap of ", cap,
        " (ExecOptions::max_var_length); lower the bound or raise the cap"));
  }
  return rel.max_hops >= 0 ? rel.max_hops : cap;
}

absl::Status Guard::ReserveValue(int64_t elements, int64_t bytes_each,
                                 absl::string_view what) const {
  return CheckValueSize(input_bytes_ + clause_bytes_, options_.max_memory_bytes, elements,
                        bytes_each, what);
}

absl::Status ReserveValue(const Guard* guard, int64_t elements, int64_t bytes_each,
                          absl::string_view what) {
  if (guard != nullptr) return guard->ReserveValue(elements, bytes_each, what);
  return CheckValueSize(0, ExecOptions().max_memory_bytes, elements, bytes_each, what);
}

absl::Status GuardStep(Guard* guard) {
  return guard == nullptr ? absl::OkStatus() : guard->Step();
}

}  // namespace newsgraph::cypher
