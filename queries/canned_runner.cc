#include "queries/canned_runner.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "queries/graph_output.h"

namespace newsgraph::queries {

absl::StatusOr<std::string> FormatCannedAnswer(const CannedEntry& entry, CypherResult result,
                                               const EvidenceSource& evidence,
                                               absl::string_view format) {
  if (!entry.SupportsFormat(format)) {
    return absl::InvalidArgumentError(absl::StrCat("--format ", format, ": ", entry.name,
                                                   " answers as ",
                                                   absl::StrJoin(entry.formats, ", "), " only"));
  }
  if (format == "dot") return AnswerGraphToDot(CollectAnswerGraph(result));
  if (format == "graphml") return AnswerGraphToGraphMl(CollectAnswerGraph(result));
  absl::StatusOr<Answer> answer = ResolveEvidence(std::move(result), evidence);
  if (!answer.ok()) return answer.status();
  if (format == "json") return absl::StrCat(AnswerToJson(*answer), "\n");
  if (format == "csv") return AnswerToCsv(*answer);
  return AnswerToTable(*answer);
}

absl::StatusOr<CypherResult> RunCannedCypher(const Store& store, const CannedEntry& entry,
                                             const CypherParams& params,
                                             const CypherOptions& options) {
  absl::StatusOr<CypherResult> result = RunCypher(store, entry.cypher, params, options);
  if (!result.ok()) {
    return absl::Status(result.status().code(), absl::StrCat(entry.name, " (", entry.origin,
                                                             "): ", result.status().message()));
  }
  return result;
}

absl::StatusOr<std::string> RunCannedQuery(const Store& store, const CannedEntry& entry,
                                           const CypherParams& params, absl::string_view format,
                                           const CypherOptions& options) {
  if (!entry.SupportsFormat(format)) {
    return FormatCannedAnswer(entry, CypherResult(), StoreEvidenceSource(store), format);
  }
  absl::StatusOr<CypherResult> result = RunCannedCypher(store, entry, params, options);
  if (!result.ok()) return result.status();
  return FormatCannedAnswer(entry, *std::move(result), StoreEvidenceSource(store), format);
}

}  // namespace newsgraph::queries
