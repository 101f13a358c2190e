// StoreGraphSource: the RocksDB store as a read-only Cypher graph (the
// "Cypher view" of docs/graph-model.md). Node ids are store ids; labels
// are node kinds (Person, State, ...); relationship types are edge types.
//
// Records are read lazily and cached for the life of the source, so the
// references the GraphSource interface hands out stay valid. Pattern steps
// become store range scans: each relationship type asked for is one
// Store::ScanEdges with that type (and the day window) as its key bounds.
//
// Consistency: every read goes through `store`. A store opened read-only
// (as `newsgraph query` opens it) is a fixed view of the database as of
// Open, so one query sees one state; a writable store shared with a writer
// may show commits made during the query.
//
// Errors: the GraphSource interface cannot return a status, so a failing
// store read records the first error (status()), and the call answers as
// if the record were absent. Callers must check status() after running a
// query and discard the result when it is not OK (RunCypher does).
//
// Not thread-safe: the caches are unsynchronised; one query at a time.
#ifndef NEWSGRAPH_QUERIES_CYPHER_STORE_SOURCE_H_
#define NEWSGRAPH_QUERIES_CYPHER_STORE_SOURCE_H_

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "newsgraph/store.h"
#include "queries/cypher/graph.h"

namespace newsgraph::cypher {

// The Cypher label of a node kind ("Person"), "" for UNSPECIFIED; and back
// (UNSPECIFIED for an unknown label).
std::string LabelOfKind(pb::NodeKind kind);
pb::NodeKind KindOfLabel(const std::string& label);

// The Cypher properties of a store record, as documented in
// docs/graph-model.md ("Cypher view"). Empty strings and lists are left out
// (null); days at the open ends of a span (±2^31-1) are null.
PropertyMap NodePropertiesOf(const pb::Node& node);
PropertyMap EdgePropertiesOf(const pb::Edge& edge);

class StoreGraphSource : public GraphSource {
 public:
  // `store` must outlive the source.
  explicit StoreGraphSource(const Store& store) : store_(store) {}

  // The first store error met so far (OK if none).
  const absl::Status& status() const { return status_; }

  std::vector<int64_t> AllNodes() const override;
  const std::vector<std::string>& Labels(int64_t node) const override;
  const PropertyMap& NodeProperties(int64_t node) const override;
  const std::vector<int64_t>& Outgoing(int64_t node) const override;
  const std::vector<int64_t>& Incoming(int64_t node) const override;
  const std::string& RelType(int64_t rel) const override { return rels_[rel].type; }
  const PropertyMap& RelProperties(int64_t rel) const override;
  int64_t RelStart(int64_t rel) const override { return rels_[rel].start; }
  int64_t RelEnd(int64_t rel) const override { return rels_[rel].end; }

  void Relationships(int64_t node, Direction dir, const RelFilter& filter,
                     std::vector<int64_t>* out) const override;
  void ForEachRelationship(int64_t node, Direction dir, const RelFilter& filter,
                           const std::function<bool(int64_t)>& visit) const override;
  std::vector<int64_t> NodesWithLabel(const std::string& label) const override;
  std::vector<int64_t> NodesWithProperty(const std::string& label, const std::string& key,
                                         const Value& value) const override;

  // Edge range scans issued so far and the edges they returned: what a
  // test checks to see that a step's types and window were pushed down.
  uint64_t edge_scans() const { return edge_scans_; }
  uint64_t edges_read() const { return edges_read_; }

 private:
  struct NodeEntry {
    std::vector<std::string> labels;  // empty when the node is missing
    PropertyMap props;
  };
  struct RelEntry {
    int64_t start = 0;
    int64_t end = 0;
    std::string type;
    // The serialised edge record: its identity (rel_ids_ views it) and,
    // parsed on the first RelProperties, its properties. Most
    // relationships a traversal reads are only followed or skipped, so
    // building every property map up front was most of a scan's cost.
    std::string record;
    mutable std::unique_ptr<PropertyMap> props;
  };
  // Cached full adjacency lists, per node, direction and type (0 = all).
  using AdjacencyKey = std::tuple<int64_t, bool, int>;

  void Fail(const absl::Status& s) const;
  const NodeEntry& Node(int64_t id) const;
  const NodeEntry& Remember(const pb::Node& node) const;
  // The relationship of `edge`, added when new; `scratch` is reused for
  // its serialisation.
  int64_t Intern(const pb::Edge& edge, std::string* scratch) const;
  // The edges of `node` on one side (out = true) of one type, through the
  // store's range scan; `window` bounds the start day when set.
  std::vector<int64_t> Scan(int64_t node, bool out, pb::EdgeType type,
                            const RelFilter* window) const;
  // Every node of `kind` (UNSPECIFIED = all), read and cached, by id.
  std::vector<int64_t> ScanKind(pb::NodeKind kind) const;
  const std::vector<int64_t>& Adjacent(int64_t node, bool out, pb::EdgeType type) const;
  // The edges of one side and type that pass `filter`'s window, streamed
  // to `visit` from the range scan (or from the cached list); false when
  // `visit` stopped it. A list read whole without a window is cached.
  bool StreamSide(int64_t node, bool out, pb::EdgeType type, const RelFilter& filter,
                  const std::function<bool(int64_t)>& visit) const;

  const Store& store_;
  mutable absl::Status status_;
  // unique_ptr / deque: entries never move, so returned references last.
  mutable absl::flat_hash_map<int64_t, std::unique_ptr<NodeEntry>> nodes_;
  mutable std::deque<RelEntry> rels_;
  // A relationship is its whole serialised edge record: the out and in
  // scans return the same record, so both sides agree on its id. The keys
  // view the records held in rels_ (a deque: they never move).
  mutable absl::flat_hash_map<absl::string_view, int64_t> rel_ids_;
  mutable absl::flat_hash_map<AdjacencyKey, std::unique_ptr<std::vector<int64_t>>> adjacency_;
  mutable uint64_t edge_scans_ = 0;
  mutable uint64_t edges_read_ = 0;
};

}  // namespace newsgraph::cypher

#endif  // NEWSGRAPH_QUERIES_CYPHER_STORE_SOURCE_H_
