// Answers that hold nodes, relationships or paths (path, neighbourhood) as
// a graph to draw: Graphviz DOT (`newsgraph ask path ... --format dot |
// dot -Tsvg`) and GraphML for graph editors (yEd, Gephi, NetworkX).
#ifndef NEWSGRAPH_QUERIES_OUTPUT_GRAPH_OUTPUT_H_
#define NEWSGRAPH_QUERIES_OUTPUT_GRAPH_OUTPUT_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "newsgraph/cypher.h"

namespace newsgraph::queries {

// The nodes and relationships a result mentions anywhere (in node,
// relationship and path values, also inside lists and maps), each once.
// A relationship whose end node the result does not hold gets a bare node
// ("Node #id") so that every edge has both ends.
struct AnswerGraph {
  std::vector<CypherValue> nodes;  // kNode values, by id
  std::vector<CypherValue> rels;   // kRelationship values, by id
};
AnswerGraph CollectAnswerGraph(const CypherResult& result);

// How a node reads to a person: its name, else its title, else its event
// type, else "Label #id".
std::string NodeCaption(const CypherValue& node);

// A Graphviz digraph: nodes labelled with caption and labels, edges with
// type and date (and the factuality of a contact that did not happen).
// Strings are escaped for DOT's quoted IDs.
std::string AnswerGraphToDot(const AnswerGraph& graph);

// A GraphML document: a key declared for every node and edge property
// present (typed long/double/boolean when every value is, else string),
// plus `labels`, `caption` and `type`. Text is XML-escaped; characters XML
// 1.0 forbids are dropped.
std::string AnswerGraphToGraphMl(const AnswerGraph& graph);

// `text` escaped for XML character data and attribute values.
std::string XmlEscape(absl::string_view text);

// A property value as plain text ("2023-06-19", "3", "a, b"); null as "".
std::string PlainText(const CypherValue& value);

}  // namespace newsgraph::queries

#endif  // NEWSGRAPH_QUERIES_OUTPUT_GRAPH_OUTPUT_H_
