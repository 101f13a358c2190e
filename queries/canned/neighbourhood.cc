#include "queries/canned/neighbourhood.h"

#include <algorithm>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/node_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "queries/cypher/value.h"

namespace newsgraph::queries {
namespace {

using cypher::Direction;
using cypher::GraphSource;
using cypher::Value;

// Stored once each way: followed only the way they point.
bool IsSymmetric(const std::string& type) { return type == "MET" || type == "SPOKE_WITH"; }

const Value* Property(const cypher::PropertyMap& props, const char* key) {
  auto it = props.find(key);
  return it == props.end() || it->second.is_null() ? nullptr : &it->second;
}

bool InList(const std::vector<std::string>& list, const Value* v) {
  return v != nullptr && v->kind == Value::Kind::kString &&
         std::find(list.begin(), list.end(), v->s) != list.end();
}

// The Cypher text's conditions on a relationship and the node it leads to.
// A missing date passes a window; a missing relationship factuality passes,
// a missing event factuality does not (`IN` on null is not true).
bool Passes(const GraphSource& g, const NeighbourhoodSpec& spec, int64_t rel, int64_t to) {
  const cypher::PropertyMap& props = g.RelProperties(rel);
  const Value* date = Property(props, "date");
  if (spec.from_day) {
    const Value* last = Property(props, "end_date");
    if (last == nullptr) last = date;
    if (last != nullptr && (last->kind != Value::Kind::kDate || last->i < *spec.from_day)) {
      return false;
    }
  }
  if (spec.to_day && date != nullptr &&
      (date->kind != Value::Kind::kDate || date->i > *spec.to_day)) {
    return false;
  }
  if (!spec.factualities) return true;
  const Value* factuality = Property(props, "factuality");
  if (factuality != nullptr && !InList(*spec.factualities, factuality)) return false;
  const std::vector<std::string>& labels = g.Labels(to);
  if (std::find(labels.begin(), labels.end(), "Event") == labels.end()) return true;
  return InList(*spec.factualities, Property(g.NodeProperties(to), "factuality"));
}

Value NameOf(const GraphSource& g, int64_t node) {
  const Value* name = Property(g.NodeProperties(node), "name");
  return name == nullptr ? Value::Null() : *name;
}

// By name (nulls last, as ORDER BY), then id, so that a cut is repeatable.
void SortByName(const GraphSource& g, std::vector<int64_t>* nodes) {
  std::vector<std::pair<Value, int64_t>> keyed;
  keyed.reserve(nodes->size());
  for (int64_t n : *nodes) keyed.emplace_back(NameOf(g, n), n);
  std::sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
    const int c = cypher::OrderCompare(a.first, b.first);
    return c != 0 ? c < 0 : a.second < b.second;
  });
  for (size_t i = 0; i < keyed.size(); ++i) (*nodes)[i] = keyed[i].second;
}

// One breadth-first search; the members keep its state between levels.
class Expansion {
 public:
  Expansion(const GraphSource& g, const NeighbourhoodSpec& spec) : g_(g), spec_(spec) {
    for (const std::string& t : spec.types) {
      out_.types.push_back(t);
      if (!IsSymmetric(t)) in_.types.push_back(t);
    }
  }

  Neighbourhood Run() {
    std::vector<int64_t> frontier;
    for (int64_t s : spec_.starts) {
      if (hops_.emplace(s, 0).second) frontier.push_back(s);
    }
    for (int d = 0; d < spec_.k && !frontier.empty() && !result_.limit_reached; ++d) {
      frontier = Level(frontier, d);
    }
    return std::move(result_);
  }

 private:
  // Expands the nodes at hop d; returns those reached at hop d + 1. The
  // limit stops the expansion at the first entity it has no room for, so
  // that a limit bounds the work as well as the answer: the relationships
  // are streamed from the source, and a hub's list is read no further than
  // the cut.
  std::vector<int64_t> Level(const std::vector<int64_t>& frontier, int d) {
    const size_t room = static_cast<size_t>(spec_.limit) - result_.nodes.size();
    std::vector<int64_t> reached;
    for (int64_t u : frontier) {
      for (const bool outgoing : {true, false}) {
        if (!outgoing && in_.types.empty()) continue;
        bool room_left = true;
        g_.ForEachRelationship(u, outgoing ? Direction::kOut : Direction::kIn,
                               outgoing ? out_ : in_, [&](int64_t rel) {
                                 room_left = Step(u, rel, outgoing, d, room, &reached);
                                 return room_left;
                               });
        if (!room_left) {
          result_.limit_reached = true;
          return Keep(d + 1, std::move(reached));
        }
      }
    }
    return Keep(d + 1, std::move(reached));
  }

  // One relationship of `u` (at hop d); false when it reaches a new
  // entity for which there is no room.
  bool Step(int64_t u, int64_t rel, bool outgoing, int d, size_t room,
            std::vector<int64_t>* reached) {
    const int64_t v = outgoing ? g_.RelEnd(rel) : g_.RelStart(rel);
    auto it = hops_.find(v);
    // A node at hop <= d (itself too: a self-loop) is not reached through
    // this relationship at its shortest distance; one at hop <= d - 1 has
    // examined it already.
    if (it != hops_.end() && it->second <= d) return true;
    ++result_.relationships_examined;
    if (!Passes(g_, spec_, rel, v)) return true;
    if (it == hops_.end()) {
      if (reached->size() == room) return false;
      hops_.emplace(v, d + 1);
      reached->push_back(v);
    }
    result_.edges.push_back({rel, u, v, d + 1});
    return true;
  }

  // Records a level's nodes, by name: the next level's frontier, whose
  // order makes a cut by the limit repeatable.
  std::vector<int64_t> Keep(int hop, std::vector<int64_t> reached) {
    SortByName(g_, &reached);
    for (int64_t n : reached) result_.nodes.emplace_back(n, hop);
    return reached;
  }

  const GraphSource& g_;
  const NeighbourhoodSpec& spec_;
  cypher::RelFilter out_, in_;
  absl::flat_hash_map<int64_t, int> hops_;
  Neighbourhood result_;
};

absl::StatusOr<const CypherValue*> Param(const CypherParams& params, const char* name,
                                         CypherValue::Kind kind, bool nullable) {
  auto it = params.find(name);
  if (it != params.end() && it->second.kind == kind) return &it->second;
  if (nullable && (it == params.end() || it->second.kind == CypherValue::Kind::kNull)) {
    return nullptr;
  }
  return absl::InvalidArgumentError(absl::StrCat("neighbourhood: parameter $", name,
                                                 " is missing or of the wrong type"));
}

absl::StatusOr<std::vector<std::string>> Strings(const CypherValue& list, const char* name) {
  std::vector<std::string> out;
  for (const CypherValue& v : list.list) {
    if (v.kind != CypherValue::Kind::kString) {
      return absl::InvalidArgumentError(
          absl::StrCat("neighbourhood: $", name, " holds a non-string"));
    }
    out.push_back(v.text);
  }
  return out;
}

}  // namespace

absl::StatusOr<Neighbourhood> ExpandNeighbourhood(const GraphSource& graph,
                                                  const NeighbourhoodSpec& spec) {
  if (spec.k < 1) return absl::InvalidArgumentError("neighbourhood: k must be at least 1");
  if (spec.limit < 1) return absl::InvalidArgumentError("neighbourhood: limit must be at least 1");
  // No type follows nothing (an empty RelFilter would mean every type).
  if (spec.types.empty()) return Neighbourhood();
  return Expansion(graph, spec).Run();
}

absl::StatusOr<NeighbourhoodSpec> NeighbourhoodSpecOf(const GraphSource& graph,
                                                      const CypherParams& params) {
  using CK = CypherValue::Kind;
  NeighbourhoodSpec spec;
  absl::StatusOr<const CypherValue*> entity = Param(params, "entity", CK::kString, false);
  absl::StatusOr<const CypherValue*> k = Param(params, "k", CK::kInt, false);
  absl::StatusOr<const CypherValue*> types = Param(params, "types", CK::kList, false);
  absl::StatusOr<const CypherValue*> from = Param(params, "from", CK::kDate, true);
  absl::StatusOr<const CypherValue*> to = Param(params, "to", CK::kDate, true);
  absl::StatusOr<const CypherValue*> fact = Param(params, "factuality", CK::kList, true);
  absl::StatusOr<const CypherValue*> limit = Param(params, "limit", CK::kInt, false);
  for (const auto* p : {&entity, &k, &types, &from, &to, &fact, &limit}) {
    if (!p->ok()) return p->status();
  }
  spec.starts = graph.NodesWithProperty("", "name", Value::String((*entity)->text));
  spec.k = static_cast<int>((*k)->integer);
  absl::StatusOr<std::vector<std::string>> type_list = Strings(**types, "types");
  if (!type_list.ok()) return type_list.status();
  spec.types = *std::move(type_list);
  if (*from != nullptr) spec.from_day = (*from)->integer;
  if (*to != nullptr) spec.to_day = (*to)->integer;
  if (*fact != nullptr) {
    absl::StatusOr<std::vector<std::string>> list = Strings(**fact, "factuality");
    if (!list.ok()) return list.status();
    spec.factualities = *std::move(list);
  }
  spec.limit = (*limit)->integer;
  return spec;
}

CypherResult NeighbourhoodRows(const GraphSource& graph, const Neighbourhood& n) {
  struct Keyed {
    Value to_name, from_name, date;
    const NeighbourhoodEdge* edge;
  };
  std::vector<Keyed> keyed;
  keyed.reserve(n.edges.size());
  for (const NeighbourhoodEdge& e : n.edges) {
    const Value* date = Property(graph.RelProperties(e.rel), "date");
    keyed.push_back({NameOf(graph, e.to), NameOf(graph, e.from), date ? *date : Value::Null(), &e});
  }
  std::sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) {
    if (a.edge->hops != b.edge->hops) return a.edge->hops < b.edge->hops;
    for (auto key : {&Keyed::to_name, &Keyed::from_name, &Keyed::date}) {
      const int c = cypher::OrderCompare(a.*key, b.*key);
      if (c != 0) return c < 0;
    }
    return a.edge->rel < b.edge->rel;
  });
  CypherResult out;
  out.columns = {"hops", "from_entity", "via", "entity", "kind", "evidence"};
  // A node is converted once however many rows name it (a hub is the
  // from_entity of most of them); copying a converted value costs less
  // than converting its properties again.
  absl::node_hash_map<int64_t, CypherValue> converted;  // references stay put
  auto node = [&](int64_t id) -> const CypherValue& {
    auto [it, added] = converted.try_emplace(id);
    if (added) it->second = cypher::ToCypherValue(Value::Node(id), &graph);
    return it->second;
  };
  out.rows.reserve(keyed.size());
  for (const Keyed& k : keyed) {
    const NeighbourhoodEdge& e = *k.edge;
    std::vector<Value> labels;
    for (const std::string& l : graph.Labels(e.to)) labels.push_back(Value::String(l));
    CypherValue rel = cypher::ToCypherValue(Value::Rel(e.rel), &graph);
    out.rows.push_back({CypherValue::Int(e.hops), node(e.from), rel, node(e.to),
                        cypher::ToCypherValue(Value::List(std::move(labels)), &graph),
                        std::move(rel)});
  }
  return out;
}

std::string NeighbourhoodLimitNote(int64_t limit) {
  return absl::StrCat("note: the limit of ", limit,
                      " entities was reached; more lie within k hops (raise --limit or narrow "
                      "the types, window or factualities)");
}

}  // namespace newsgraph::queries
