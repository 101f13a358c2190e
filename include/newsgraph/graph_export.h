// Whole-graph exports other tools load, and the way back in.
//
//   newsgraph export --db D --format jsonl|graphml|turtle [--out FILE]
//   newsgraph export --db D --format neo4j --out DIR
//   newsgraph import --db EMPTY --format jsonl FILE
//
// Every format writes the same slice of the store (GraphExportFilter) with
// the same ids: nodes "n<store id>", relationships
// "r<src>.<TYPE>.<start day>.<dst>" (".<k>" added for the k-th parallel
// edge with the same key), evidence "v<evidence id>". docs/exports.md
// describes each format, its properties and how to load it.
#ifndef NEWSGRAPH_GRAPH_EXPORT_H_
#define NEWSGRAPH_GRAPH_EXPORT_H_

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "newsgraph/store.h"

namespace newsgraph {

// Which part of the store to export. Empty fields filter nothing; with no
// field set the whole store is written, isolated nodes included. With any
// field set, a relationship is kept when it passes all of them, an event
// node when its own factuality and span pass, and a node only as an end of
// a kept relationship (a relationship with an end that fails is dropped).
struct GraphExportFilter {
  // "YYYY-MM-DD": keep what overlaps [from, to] (the rule of `ask
  // neighbourhood`). A span that fell back to the publication day has no
  // date of its own and fails any window; spans without a time pass.
  std::string from;
  std::string to;
  // Relationship types ("MET", "SPOKE_WITH", ...); empty = all.
  std::vector<std::string> types;
  // "happened", "planned", "possible", "cancelled", "denied"; empty = all.
  // Relationships without a factuality (roles, memberships) pass.
  std::vector<std::string> factualities;

  bool empty() const { return from.empty() && to.empty() && types.empty() && factualities.empty(); }
};

enum class GraphFormat {
  kJsonLines,  // one JSON object a line: header, nodes, relationships, evidence, articles
  kGraphMl,    // GraphML with `label` on every node, evidence sentences on edges
  kTurtle,     // RDF Turtle: the vocabulary of docs/newsgraph.ttl, schema.org, PROV
};

struct GraphExportOptions {
  GraphExportFilter filter;
  // Turtle: the IRI the ids are appended to (<BASE>n12).
  std::string base_iri = "https://newsgraph.dev/id/";
  // Neo4j: the separator of array values (`--array-delimiter` of
  // neo4j-admin); an array element holding it is an error.
  char array_delimiter = ';';
};

struct GraphExportCounts {
  uint64_t nodes = 0;
  uint64_t relationships = 0;
  uint64_t evidence = 0;
  uint64_t articles = 0;
  std::vector<std::string> files;  // Neo4j: the files written, in order
};

// Writes the slice of `store` that `options.filter` selects to `out`.
// Errors: InvalidArgument for a malformed filter; the store's read errors;
// Internal when writing fails.
absl::StatusOr<GraphExportCounts> ExportGraph(const Store& store, GraphFormat format,
                                              const GraphExportOptions& options, std::ostream& out);

// Writes the slice as the CSV files of `neo4j-admin database import full`
// into `dir` (created when missing; files of the same names are replaced),
// with `import.sh`, the command that loads them. Errors as ExportGraph,
// plus InvalidArgument for an array element that holds the delimiter.
absl::StatusOr<GraphExportCounts> ExportNeo4j(const Store& store, const GraphExportOptions& options,
                                              const std::string& dir);

// Reads a JSON Lines export (ExportGraph kJsonLines) into `store`, which
// must hold no node and no article, keeping every id, in one atomic
// commit: exporting the store afterwards gives the same bytes. (The
// knowledge base is not seeded: the export holds what it wrote.) Errors:
// FailedPrecondition for a store that is not empty; InvalidArgument
// naming the file and line for a malformed line, an unknown label or
// type, a duplicate id, or a relationship whose end is not in the file.
absl::StatusOr<GraphExportCounts> ImportGraphJsonLines(Store& store, const std::string& path);

}  // namespace newsgraph

#endif  // NEWSGRAPH_GRAPH_EXPORT_H_
