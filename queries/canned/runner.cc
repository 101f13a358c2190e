#include "queries/canned/runner.h"

#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "queries/canned/entity_names.h"
#include "queries/canned/neighbourhood.h"
#include "queries/cypher/store_source.h"
#include "queries/output/graph_output.h"

namespace newsgraph::queries {

absl::StatusOr<std::string> FormatCannedAnswer(const CannedEntry& entry, CypherResult result,
                                               const EvidenceSource& evidence,
                                               absl::string_view format,
                                               const std::string& limit_note) {
  if (!entry.SupportsFormat(format)) {
    return absl::InvalidArgumentError(absl::StrCat("--format ", format, ": ", entry.name,
                                                   " answers as ",
                                                   absl::StrJoin(entry.formats, ", "), " only"));
  }
  if (format == "dot") return AnswerGraphToDot(CollectAnswerGraph(result));
  if (format == "graphml") return AnswerGraphToGraphMl(CollectAnswerGraph(result), &evidence);
  absl::StatusOr<Answer> answer = ResolveEvidence(std::move(result), evidence);
  if (!answer.ok()) return answer.status();
  answer->limit_note = limit_note;
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

bool HasNativeRows(const CannedEntry& entry) {
  return entry.native && entry.name == "neighbourhood";
}

absl::StatusOr<NativeAnswer> RunNativeRows(const Store& store, const CannedEntry& entry,
                                           const CypherParams& given) {
  if (!HasNativeRows(entry)) {
    return absl::FailedPreconditionError(
        absl::StrCat(entry.name, " has no C++ implementation with the rows of its Cypher text"));
  }
  absl::StatusOr<CypherParams> params = ResolveNames(store, entry, given);
  if (!params.ok()) return params.status();
  cypher::StoreGraphSource graph(store);
  absl::StatusOr<NeighbourhoodSpec> spec = NeighbourhoodSpecOf(graph, *params);
  if (!spec.ok()) return spec.status();
  absl::StatusOr<Neighbourhood> found = ExpandNeighbourhood(graph, *spec);
  if (!found.ok()) return found.status();
  NativeAnswer out;
  out.result = NeighbourhoodRows(graph, *found);
  // A failed read answered "absent" inside the search: not an answer.
  if (!graph.status().ok()) return graph.status();
  if (found->limit_reached) out.limit_note = NeighbourhoodLimitNote(spec->limit);
  return out;
}

absl::StatusOr<std::string> RunCannedQuery(const Store& store, const CannedEntry& entry,
                                           const CypherParams& params, absl::string_view format,
                                           const CypherOptions& options, CannedEngine engine) {
  if (!entry.SupportsFormat(format)) {
    return FormatCannedAnswer(entry, CypherResult(), StoreEvidenceSource(store), format);
  }
  if (engine != CannedEngine::kCypher && HasNativeRows(entry)) {
    absl::StatusOr<NativeAnswer> native = RunNativeRows(store, entry, params);
    if (!native.ok()) return native.status();
    return FormatCannedAnswer(entry, std::move(native->result), StoreEvidenceSource(store), format,
                              native->limit_note);
  }
  absl::StatusOr<CypherResult> result = RunCannedCypher(store, entry, params, options);
  if (!result.ok()) return result.status();
  return FormatCannedAnswer(entry, *std::move(result), StoreEvidenceSource(store), format);
}

}  // namespace newsgraph::queries
