// Answers that hold nodes, relationships or paths (path, neighbourhood) as
// a graph to draw: Graphviz DOT (`newsgraph ask path ... --format dot |
// dot -Tsvg`) and GraphML for graph editors (yEd, Gephi, NetworkX).
#ifndef NEWSGRAPH_QUERIES_OUTPUT_GRAPH_OUTPUT_H_
#define NEWSGRAPH_QUERIES_OUTPUT_GRAPH_OUTPUT_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "newsgraph/cypher.h"

namespace newsgraph::queries {

// The nodes and relationships a result mentions anywhere (in node,
// relationship and path values, also inside lists and maps), each once.
// A relationship whose end node the result does not hold gets a bare node
// ("Node #id") so that every edge has both ends.
//
// The answer's ends are the first and last nodes of its paths or, in an
// answer without paths, the first node of its first row (the entity a
// neighbourhood starts from): the pictures mark them.
struct AnswerGraph {
  std::vector<CypherValue> nodes;  // kNode values, by id
  std::vector<CypherValue> rels;   // kRelationship values, by id
  std::vector<int64_t> ends;       // node ids
  bool has_paths = false;
};
AnswerGraph CollectAnswerGraph(const CypherResult& result);

// How a node reads to a person: its name, else its title, else its event
// type, else "Label #id".
std::string NodeCaption(const CypherValue& node);

// A Graphviz digraph that reads well from 3 to a hundred edges
// (dot_output.cc): edges coloured by type with a legend, dashed when
// planned, dotted when possible, grey when cancelled or denied; parallel
// edges merged with their count and date range; dates at their
// precision; the ends marked; `dot` (left to right) for paths and small
// answers, `neato` without overlaps for the rest (the `layout` attribute
// picks it, so `dot -Tsvg` draws either). Strings are escaped for DOT.
std::string AnswerGraphToDot(const AnswerGraph& graph);

// A date property at its precision: "2022-11" for a month (an event's
// `granularity`, or a span from the first to the last day of a month),
// "2022" for a year, "2022-11-14" for a day, "2022-11-14–20" for a week;
// "" when there is none.
std::string DateAtPrecision(const CypherValue& element);

class EvidenceSource;

// A GraphML document: `label` (the caption, which Gephi shows) and
// `labels` on every node, `type` on every edge, a key declared for every
// node and edge property present (typed long/double/boolean when every
// value is, else string; lists as JSON arrays), and with `evidence` given,
// `sentences` on events and relationships: a JSON array of
// {"evidence_id","article_id","sentence"}. Text is XML-escaped; characters
// XML 1.0 forbids are dropped. Errors: those of `evidence`.
absl::StatusOr<std::string> AnswerGraphToGraphMl(const AnswerGraph& graph,
                                                 const EvidenceSource* evidence);
inline std::string AnswerGraphToGraphMl(const AnswerGraph& graph) {
  return *AnswerGraphToGraphMl(graph, nullptr);
}

// `text` escaped for XML character data and attribute values.
std::string XmlEscape(absl::string_view text);

// A property value as plain text ("2023-06-19", "3", "a, b"); null as "".
std::string PlainText(const CypherValue& value);

}  // namespace newsgraph::queries

#endif  // NEWSGRAPH_QUERIES_OUTPUT_GRAPH_OUTPUT_H_
