// The whole-graph exports of include/newsgraph/graph_export.h: one slice
// of the store, handed to the writer of the format asked for.
#include "newsgraph/graph_export.h"

#include <ostream>

#include "queries/export/slice.h"
#include "queries/export/writers.h"

namespace newsgraph {
namespace {

GraphExportCounts CountsOf(const queries::GraphSlice& slice) {
  GraphExportCounts counts;
  counts.nodes = slice.nodes.size();
  counts.relationships = slice.edges.size();
  counts.evidence = slice.evidence.size();
  counts.articles = slice.articles.size();
  return counts;
}

}  // namespace

absl::StatusOr<GraphExportCounts> ExportGraph(const Store& store, GraphFormat format,
                                              const GraphExportOptions& options,
                                              std::ostream& out) {
  absl::StatusOr<queries::GraphSlice> slice = queries::CollectGraphSlice(store, options.filter);
  if (!slice.ok()) return slice.status();
  absl::Status status;
  switch (format) {
    case GraphFormat::kJsonLines:
      status = queries::WriteJsonLines(*slice, out);
      break;
    case GraphFormat::kGraphMl:
      status = queries::WriteGraphMl(*slice, out);
      break;
    case GraphFormat::kTurtle:
      status = queries::WriteTurtle(*slice, options.base_iri, out);
      break;
  }
  if (!status.ok()) return status;
  out.flush();
  if (!out) return absl::InternalError("writing the export failed");
  return CountsOf(*slice);
}

absl::StatusOr<GraphExportCounts> ExportNeo4j(const Store& store, const GraphExportOptions& options,
                                              const std::string& dir) {
  absl::StatusOr<queries::GraphSlice> slice = queries::CollectGraphSlice(store, options.filter);
  if (!slice.ok()) return slice.status();
  absl::StatusOr<std::vector<std::string>> files =
      queries::WriteNeo4j(*slice, options.array_delimiter, dir);
  if (!files.ok()) return files.status();
  GraphExportCounts counts = CountsOf(*slice);
  counts.files = *std::move(files);
  return counts;
}

absl::StatusOr<GraphExportCounts> ImportGraphJsonLines(Store& store, const std::string& path) {
  return queries::ReadGraphJsonLines(store, path);
}

}  // namespace newsgraph
