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

// `result` (an answer of `entry`) as `format`: table, json, csv, dot or
// graphml. Errors: InvalidArgument when the entry does not list the format
// (the message names the ones it does), the errors of `evidence`.
absl::StatusOr<std::string> FormatCannedAnswer(const CannedEntry& entry, CypherResult result,
                                               const EvidenceSource& evidence,
                                               absl::string_view format);

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

// Runs `entry`'s Cypher text with `params` (from BindParams) on `store` and
// formats the answer. Errors: those of RunCypher, with the entry's name and
// file position in front, and those of FormatCannedAnswer.
absl::StatusOr<std::string> RunCannedQuery(const Store& store, const CannedEntry& entry,
                                           const CypherParams& params, absl::string_view format,
                                           const CypherOptions& options = {});

}  // namespace newsgraph::queries

#endif  // NEWSGRAPH_QUERIES_CANNED_RUNNER_H_
