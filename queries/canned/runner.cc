#include "queries/canned/runner.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "queries/canned/entity_names.h"
#include "queries/output/graph_output.h"

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
  if (format == "graphml") return AnswerGraphToGraphMl(CollectAnswerGraph(result), &evidence);
  absl::StatusOr<Answer> answer = ResolveEvidence(std::move(result), evidence);
  if (!answer.ok()) return answer.status();
  if (format == "json") return absl::StrCat(AnswerToJson(*answer), "\n");
  if (format == "csv") return AnswerToCsv(*answer);
  return AnswerToTable(*answer);
}

absl::StatusOr<CypherResult> RunCannedCypher(const Store& store, const CannedEntry& entry,
                                             const CypherParams& given,
                                             const CypherOptions& options) {
  absl::StatusOr<CypherParams> params = ResolveNames(store, entry, given);
  if (!params.ok()) return params.status();
  absl::StatusOr<CypherResult> result = RunCypher(store, entry.cypher, *params, options);
  if (!result.ok()) {
    return absl::Status(result.status().code(), absl::StrCat(entry.name, " (", entry.origin,
                                                             "): ", result.status().message()));
  }
  return result;
}

absl::StatusOr<CypherParams> ResolveNames(const Store& store, const CannedEntry& entry,
                                          CypherParams params) {
  for (const CannedParam& p : entry.params) {
    if (p.type != ParamType::kPerson && p.type != ParamType::kEntity) continue;
    auto it = params.find(p.name);
    if (it == params.end() || it->second.kind != CypherValue::Kind::kString) continue;
    absl::StatusOr<std::string> name = ResolveEntityName(
        store, it->second.text, p.type == ParamType::kPerson ? NameScope::kPerson : NameScope::kEntity);
    if (!name.ok()) {
      return absl::Status(name.status().code(),
                          absl::StrCat("--", p.name, ": ", name.status().message()));
    }
    it->second = CypherValue::String(*name);
  }
  return params;
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
