// The writers of the whole-graph exports, each over a GraphSlice
// (docs/exports.md describes what each writes).
#ifndef NEWSGRAPH_QUERIES_EXPORT_WRITERS_H_
#define NEWSGRAPH_QUERIES_EXPORT_WRITERS_H_

#include <ostream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "newsgraph/graph_export.h"
#include "queries/export/slice.h"

namespace newsgraph::queries {

// One JSON object a line: a header with the filter and the counts, then
// nodes, relationships, evidence and articles (jsonl_reader.cc reads it).
absl::Status WriteJsonLines(const GraphSlice& slice, std::ostream& out);

// GraphML: `label` and `labels` on every node, `type` and `label` on every
// edge, each property as a typed key (lists as JSON arrays), and the
// evidence (article, sentence) of events and relationships as JSON.
absl::Status WriteGraphMl(const GraphSlice& slice, std::ostream& out);

// RDF Turtle in the vocabulary of docs/newsgraph.ttl, with schema.org and
// PROV terms; ids are appended to `base_iri`.
absl::Status WriteTurtle(const GraphSlice& slice, const std::string& base_iri, std::ostream& out);

// The CSV files of neo4j-admin database import full, and import.sh, in
// `dir`; returns the file names written.
absl::StatusOr<std::vector<std::string>> WriteNeo4j(const GraphSlice& slice, char array_delimiter,
                                                    const std::string& dir);

// Reads a JSON Lines export into an empty store (ImportGraphJsonLines).
absl::StatusOr<GraphExportCounts> ReadGraphJsonLines(Store& store, const std::string& path);

// The evidence records behind `ids` as a JSON array of {"id", "article_id",
// "sentence"} (GraphML and Neo4j carry it as text).
std::string EvidenceJson(const GraphSlice& slice, const std::vector<uint64_t>& ids);

}  // namespace newsgraph::queries

#endif  // NEWSGRAPH_QUERIES_EXPORT_WRITERS_H_
