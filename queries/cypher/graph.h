// The property graph a Cypher query reads (GraphSource) and writes
// (GraphSink), and an in-memory implementation of both for tests and the
// TCK. The executor only sees these interfaces.
#ifndef NEWSGRAPH_QUERIES_CYPHER_GRAPH_H_
#define NEWSGRAPH_QUERIES_CYPHER_GRAPH_H_

#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include "queries/cypher/parser/ast.h"
#include "queries/cypher/value.h"

namespace newsgraph::cypher {

using PropertyMap = std::map<std::string, Value>;

// What one pattern step asks of a node's relationships. A source may use it
// to read less (a store turns each type into the bounds of a key range), but
// must answer exactly: only relationships that pass, each once per side.
struct RelFilter {
  std::vector<std::string> types;  // any of these; empty = every type
  // Inclusive window, in days since 1970-01-01, on the relationship's
  // `date` property. When either bound is set, a relationship passes only
  // if `date` is a Date inside it (a missing or non-date `date` fails).
  int64_t from_day = std::numeric_limits<int64_t>::min();
  int64_t to_day = std::numeric_limits<int64_t>::max();

  bool has_window() const {
    return from_day != std::numeric_limits<int64_t>::min() ||
           to_day != std::numeric_limits<int64_t>::max();
  }
  // Whether `rel` of `graph` passes the type list and the window.
  bool Passes(const GraphSource& graph, int64_t rel) const;
};

// Read-only view. Ids are stable for the life of the source; all methods
// expect ids that the source itself returned.
class GraphSource {
 public:
  virtual ~GraphSource() = default;
  virtual std::vector<int64_t> AllNodes() const = 0;
  virtual const std::vector<std::string>& Labels(int64_t node) const = 0;
  virtual const PropertyMap& NodeProperties(int64_t node) const = 0;
  // Relationships incident to `node`: outgoing (start == node) and incoming.
  virtual const std::vector<int64_t>& Outgoing(int64_t node) const = 0;
  virtual const std::vector<int64_t>& Incoming(int64_t node) const = 0;
  virtual const std::string& RelType(int64_t rel) const = 0;
  virtual const PropertyMap& RelProperties(int64_t rel) const = 0;
  virtual int64_t RelStart(int64_t rel) const = 0;
  virtual int64_t RelEnd(int64_t rel) const = 0;

  // Appends to *out the relationships of `node` in `dir` that pass
  // `filter`: for kBoth the outgoing ones, then the incoming ones (a
  // self-loop is in both lists). The default filters Outgoing/Incoming.
  virtual void Relationships(int64_t node, Direction dir, const RelFilter& filter,
                             std::vector<int64_t>* out) const;
  // The same relationships in the same order, handed to `visit` one by one
  // until it returns false: a search that may stop early (a limit) then
  // reads no further. `visit` may call the source. The default collects
  // Relationships first; the store streams its range scans.
  virtual void ForEachRelationship(int64_t node, Direction dir, const RelFilter& filter,
                                   const std::function<bool(int64_t)>& visit) const;
  // The nodes that carry `label`, ascending. The default filters AllNodes.
  virtual std::vector<int64_t> NodesWithLabel(const std::string& label) const;
  // The nodes with `label` (empty = any) whose property `key` equals
  // `value` (Cypher `=`), ascending. Sources with an index for the key
  // override it (the store: names); the default filters.
  virtual std::vector<int64_t> NodesWithProperty(const std::string& label, const std::string& key,
                                                 const Value& value) const;
};

// Writes, as CREATE needs them. Null property values are not stored.
class GraphSink {
 public:
  virtual ~GraphSink() = default;
  virtual int64_t CreateNode(std::vector<std::string> labels, PropertyMap props) = 0;
  virtual int64_t CreateRel(int64_t start, int64_t end, std::string type,
                            PropertyMap props) = 0;
};

class InMemoryGraph : public GraphSource, public GraphSink {
 public:
  std::vector<int64_t> AllNodes() const override;
  const std::vector<std::string>& Labels(int64_t node) const override { return nodes_[node].labels; }
  const PropertyMap& NodeProperties(int64_t node) const override { return nodes_[node].props; }
  const std::vector<int64_t>& Outgoing(int64_t node) const override { return nodes_[node].out; }
  const std::vector<int64_t>& Incoming(int64_t node) const override { return nodes_[node].in; }
  const std::string& RelType(int64_t rel) const override { return rels_[rel].type; }
  const PropertyMap& RelProperties(int64_t rel) const override { return rels_[rel].props; }
  int64_t RelStart(int64_t rel) const override { return rels_[rel].start; }
  int64_t RelEnd(int64_t rel) const override { return rels_[rel].end; }

  int64_t CreateNode(std::vector<std::string> labels, PropertyMap props) override;
  int64_t CreateRel(int64_t start, int64_t end, std::string type, PropertyMap props) override;

  size_t node_count() const { return nodes_.size(); }
  size_t rel_count() const { return rels_.size(); }

 private:
  struct NodeRec { std::vector<std::string> labels; PropertyMap props; std::vector<int64_t> out, in; };
  struct RelRec { int64_t start, end; std::string type; PropertyMap props; };
  std::vector<NodeRec> nodes_;
  std::vector<RelRec> rels_;
};

}  // namespace newsgraph::cypher

#endif  // NEWSGRAPH_QUERIES_CYPHER_GRAPH_H_
