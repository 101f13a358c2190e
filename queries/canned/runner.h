// Runs a registry entry (queries/canned/registry.h) on a store and renders
// its answer, evidence resolved, in one of the formats the entry supports.
#ifndef NEWSGRAPH_QUERIES_CANNED_RUNNER_H_
#define NEWSGRAPH_QUERIES_CANNED_RUNNER_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "newsgraph/cypher.h"
#include "newsgraph/store.h"
#include "queries/output/answer_formats.h"
#include "queries/canned/registry.h"

namespace newsgraph::queries {

// Which implementation answers an entry that says `engine: native`.
enum class CannedEngine { kAsEntrySays, kCypher };

// Whether `entry` says `engine: native` and has a C++ implementation that
// answers with the rows of its Cypher text (neighbourhood), so that every
// format renders it as it would the Cypher answer. officials-met and
// contacts-of answer with PairRows instead (the ask command runs them).
bool HasNativeRows(const CannedEntry& entry);

// A native answer: the rows, and the note to show when a limit cut it.
struct NativeAnswer {
  CypherResult result;
  std::string limit_note;
};

// Runs the C++ implementation of `entry` (HasNativeRows) with `params`
// (from BindParams; names are resolved here). Errors: those of
// ResolveNames, of the store, and FailedPrecondition when the entry has no
// such implementation.
absl::StatusOr<NativeAnswer> RunNativeRows(const Store& store, const CannedEntry& entry,
                                           const CypherParams& params);

// `result` (an answer of `entry`) as `format`: table, json, csv, dot or
// graphml. Errors: InvalidArgument when the entry does not list the format
// (the message names the ones it does), the errors of `evidence`.
// `limit_note` (may be empty) ends the table and marks each JSON row.
absl::StatusOr<std::string> FormatCannedAnswer(const CannedEntry& entry, CypherResult result,
                                               const EvidenceSource& evidence,
                                               absl::string_view format,
                                               const std::string& limit_note = "");

// `params` with each person and entity parameter of `entry` replaced by
// the name it finds in `store` (ResolveEntityName). Errors: NotFound (with
// "did you mean") or InvalidArgument, "--NAME: ..." in front.
absl::StatusOr<CypherParams> ResolveNames(const Store& store, const CannedEntry& entry,
                                          CypherParams params);

// Runs `entry`'s Cypher text with `params` (from BindParams, names
// resolved by ResolveNames) on `store`. Errors: those of ResolveNames and
// of RunCypher, the latter with the entry's name and file position in
// front ("timeline (canned.cypher:40): ...").
absl::StatusOr<CypherResult> RunCannedCypher(const Store& store, const CannedEntry& entry,
                                             const CypherParams& params,
                                             const CypherOptions& options = {});

// Runs `entry` with `params` (from BindParams) on `store` and formats the
// answer: its C++ implementation when HasNativeRows (unless `engine` is
// kCypher), else its Cypher text under `options`. Errors: those of
// RunCypher, with the entry's name and file position in front, those of
// RunNativeRows and those of FormatCannedAnswer.
absl::StatusOr<std::string> RunCannedQuery(const Store& store, const CannedEntry& entry,
                                           const CypherParams& params, absl::string_view format,
                                           const CypherOptions& options = {},
                                           CannedEngine engine = CannedEngine::kAsEntrySays);

}  // namespace newsgraph::queries

#endif  // NEWSGRAPH_QUERIES_CANNED_RUNNER_H_
