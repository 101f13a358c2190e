// neighbourhood: what lies within k hops of an entity, as a subgraph. The
// C++ twin of the registry entry of the same name (data/queries/canned.cypher):
// the same parameters, filters and rows, found by one breadth-first
// frontier expansion instead of the Cypher text's path enumeration, which
// grows with the number of walks rather than with the subgraph.
//
// Rules (those of the Cypher text): a relationship is followed when its type
// is asked for, its time overlaps the window (a relationship without a date
// passes), its factuality is asked for (none passes), and, when it leads to
// an Event, the event's factuality is asked for. MET and SPOKE_WITH are
// stored once each way and are followed only the way they point, so that a
// contact appears once. A node's hop is its shortest distance from the
// start; the edges are the relationships that reach a node at that distance.
#ifndef NEWSGRAPH_QUERIES_CANNED_NEIGHBOURHOOD_H_
#define NEWSGRAPH_QUERIES_CANNED_NEIGHBOURHOOD_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "newsgraph/cypher.h"
#include "queries/cypher/graph.h"

namespace newsgraph::queries {

struct NeighbourhoodSpec {
  std::vector<int64_t> starts;     // hop 0 (all nodes carrying the entity's name)
  int k = 2;                       // hops, >= 1
  std::vector<std::string> types;  // relationship types to follow
  std::optional<int64_t> from_day;  // window, days since 1970-01-01, inclusive
  std::optional<int64_t> to_day;
  // Factualities of relationships and events; nullopt: any.
  std::optional<std::vector<std::string>> factualities;
  int64_t limit = 200;  // at most this many nodes besides the starts
};

struct NeighbourhoodEdge {
  int64_t rel = 0;
  int64_t from = 0;  // the node at hop - 1
  int64_t to = 0;    // the node at hop
  int hops = 0;
};

struct Neighbourhood {
  // The nodes reached (not the starts) and their hops, level by level,
  // within a level by name then id.
  std::vector<std::pair<int64_t, int>> nodes;
  std::vector<NeighbourhoodEdge> edges;  // in the order found
  // True when `limit` nodes were kept and another lay within k hops.
  bool limit_reached = false;
  // Relationships whose filters ran: each relationship of the subgraph's
  // adjacency once, however many ways lead to it.
  int64_t relationships_examined = 0;
};

// The breadth-first expansion of `spec` over `graph`: each level's nodes
// are expanded once, in order of name, and a relationship back to a node
// already expanded is skipped by that node's mark (it was examined from
// there), so each relationship is examined once. The search stops at the
// first entity beyond `limit`: the entities kept are the nearest, and at
// the last hop the first found (the frontier by name, each node's
// relationships in the source's order), with the relationships found up
// to the cut. So a limit bounds the work, not only the answer. Errors:
// InvalidArgument for k < 1 or limit < 1.
absl::StatusOr<Neighbourhood> ExpandNeighbourhood(const cypher::GraphSource& graph,
                                                  const NeighbourhoodSpec& spec);

// The spec of the registry entry's parameters (as BindParams gives them,
// the entity already resolved to its stored name): the starts are the
// nodes with that name. Errors: InvalidArgument for a missing or mistyped
// parameter.
absl::StatusOr<NeighbourhoodSpec> NeighbourhoodSpecOf(const cypher::GraphSource& graph,
                                                      const CypherParams& params);

// The rows of the Cypher entry: hops, from_entity, via, entity, kind,
// evidence (the relationship, whose evidence the runner looks up), ordered
// by hops, the reached entity's name, the name of the one it was reached
// from, then by relationship date.
CypherResult NeighbourhoodRows(const cypher::GraphSource& graph, const Neighbourhood& n);

// What the table says when the limit cut the answer short.
std::string NeighbourhoodLimitNote(int64_t limit);

}  // namespace newsgraph::queries

#endif  // NEWSGRAPH_QUERIES_CANNED_NEIGHBOURHOOD_H_
