#include "queries/cypher/executor/procedures.h"

#include <map>
#include <set>
#include <tuple>

#include "absl/strings/str_cat.h"

namespace newsgraph::cypher {
namespace {

using Rows = std::vector<std::vector<Value>>;

// A node's label for the schema: its first, or "" for a node without one.
const std::string& FirstLabel(const GraphSource& graph, int64_t node) {
  static const std::string kNone;
  const std::vector<std::string>& labels = graph.Labels(node);
  return labels.empty() ? kNone : labels[0];
}

std::string NodeText(const std::string& label) {
  return label.empty() ? "()" : absl::StrCat("(:", label, ")");
}

// What db.schema() counts for one label or one relationship pattern.
struct Seen {
  int64_t count = 0;
  std::set<std::string> keys;

  void Add(const PropertyMap& props) {
    ++count;
    for (const auto& [key, value] : props) keys.insert(key);
  }
  std::vector<Value> Row(std::string pattern) const {
    std::vector<Value> keys_list;
    for (const std::string& key : keys) keys_list.push_back(Value::String(key));
    return {Value::String(std::move(pattern)), Value::Int(count), Value::List(keys_list)};
  }
};

// Visits every node and its outgoing relationships; fails past the timeout.
template <typename NodeFn, typename RelFn>
absl::Status ScanGraph(const GraphSource& graph, Guard* guard, NodeFn on_node, RelFn on_rel) {
  for (int64_t node : graph.AllNodes()) {
    if (absl::Status s = guard->Step(); !s.ok()) return s;
    on_node(node);
    for (int64_t rel : graph.Outgoing(node)) on_rel(rel);
  }
  return absl::OkStatus();
}

Rows AsRows(const std::set<std::string>& names) {
  Rows rows;
  for (const std::string& name : names) rows.push_back({Value::String(name)});
  return rows;
}

absl::StatusOr<Rows> Labels(const GraphSource& graph, Guard* guard) {
  std::set<std::string> labels;
  absl::Status s = ScanGraph(
      graph, guard,
      [&](int64_t node) {
        for (const std::string& label : graph.Labels(node)) labels.insert(label);
      },
      [](int64_t) {});
  if (!s.ok()) return s;
  return AsRows(labels);
}

absl::StatusOr<Rows> RelationshipTypes(const GraphSource& graph, Guard* guard) {
  std::set<std::string> types;
  absl::Status s = ScanGraph(
      graph, guard, [](int64_t) {}, [&](int64_t rel) { types.insert(graph.RelType(rel)); });
  if (!s.ok()) return s;
  return AsRows(types);
}

absl::StatusOr<Rows> Schema(const GraphSource& graph, Guard* guard) {
  std::map<std::string, Seen> labels;
  std::map<std::tuple<std::string, std::string, std::string>, Seen> patterns;
  absl::Status s = ScanGraph(
      graph, guard,
      [&](int64_t node) { labels[FirstLabel(graph, node)].Add(graph.NodeProperties(node)); },
      [&](int64_t rel) {
        patterns[{FirstLabel(graph, graph.RelStart(rel)), graph.RelType(rel),
                  FirstLabel(graph, graph.RelEnd(rel))}]
            .Add(graph.RelProperties(rel));
      });
  if (!s.ok()) return s;
  Rows rows;
  for (const auto& [label, seen] : labels) rows.push_back(seen.Row(NodeText(label)));
  for (const auto& [key, seen] : patterns) {
    const auto& [from, type, to] = key;
    rows.push_back(seen.Row(absl::StrCat(NodeText(from), "-[:", type, "]->", NodeText(to))));
  }
  return rows;
}

}  // namespace

const std::vector<Procedure>& Procedures() {
  static const std::vector<Procedure>* procedures = new std::vector<Procedure>{
      {"db.labels", {"label"}, "the node labels in use"},
      {"db.relationshipTypes", {"relationshipType"}, "the relationship types in use"},
      {"db.schema",
       {"pattern", "count", "properties"},
       "each label and each (label)-[type]->(label) pattern: how many, and their property keys"},
  };
  return *procedures;
}

const Procedure* FindProcedure(absl::string_view name) {
  for (const Procedure& p : Procedures()) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

absl::StatusOr<std::vector<std::vector<Value>>> CallProcedure(const Procedure& procedure,
                                                              const GraphSource& graph,
                                                              Guard* guard) {
  if (procedure.name == "db.labels") return Labels(graph, guard);
  if (procedure.name == "db.relationshipTypes") return RelationshipTypes(graph, guard);
  return Schema(graph, guard);
}

}  // namespace newsgraph::cypher
