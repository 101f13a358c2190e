// The part of a store one export writes (GraphExportFilter of
// include/newsgraph/graph_export.h), read whole into memory so that every
// writer sees the same nodes, relationships, evidence and articles in the
// same order, and can declare what it holds (GraphML keys, Neo4j headers)
// before the first record.
#ifndef NEWSGRAPH_QUERIES_EXPORT_SLICE_H_
#define NEWSGRAPH_QUERIES_EXPORT_SLICE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/btree_map.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "newsgraph/graph_export.h"
#include "newsgraph/store.h"

namespace newsgraph::queries {

struct SliceEdge {
  pb::Edge edge;   // src, dst and type set
  std::string id;  // "r12.MET.19310.34", ".1" added for a second parallel edge
};

struct GraphSlice {
  GraphExportFilter filter;     // as asked (for the JSON Lines header)
  std::vector<pb::Node> nodes;  // id order
  // By source id, then type, start day (open starts first), target, and
  // store order among parallel edges.
  std::vector<SliceEdge> edges;
  // Every evidence record of the store (unfiltered), or those a kept node
  // or relationship cites, and those of the events that kept MET and
  // SPOKE_WITH relationships without evidence of their own name.
  absl::btree_map<uint64_t, pb::Evidence> evidence;
  absl::btree_map<std::string, pb::Article> articles;  // by article id
  // Event id -> its evidence ids, for the events that kept relationships
  // without evidence of their own name (event_id), kept or not.
  absl::flat_hash_map<uint64_t, std::vector<uint64_t>> event_evidence;

  // The node with `id`, nullptr when the slice does not hold it.
  const pb::Node* FindNode(uint64_t id) const;
  // The evidence behind a relationship: its own, else its event's.
  std::vector<uint64_t> EvidenceOf(const pb::Edge& edge) const;
  // The article record of an Article node (its name is the article id).
  const pb::Article* ArticleOf(const pb::Node& node) const;
};

// Reads the slice `filter` selects. Errors: InvalidArgument for a
// malformed date, an unknown type or factuality; the store's read errors.
absl::StatusOr<GraphSlice> CollectGraphSlice(const Store& store, const GraphExportFilter& filter);

// "r<src>.<TYPE>.<start day>.<dst>", with ".<k>" for k > 0.
std::string EdgeId(const pb::Edge& edge, int parallel_index);

}  // namespace newsgraph::queries

#endif  // NEWSGRAPH_QUERIES_EXPORT_SLICE_H_
