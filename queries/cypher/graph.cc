#include "queries/cypher/graph.h"

#include <algorithm>

namespace newsgraph::cypher {

bool RelFilter::Passes(const GraphSource& graph, int64_t rel) const {
  if (!types.empty() && std::find(types.begin(), types.end(), graph.RelType(rel)) == types.end()) {
    return false;
  }
  if (!has_window()) return true;
  const PropertyMap& props = graph.RelProperties(rel);
  auto it = props.find("date");
  return it != props.end() && it->second.kind == Value::Kind::kDate &&
         from_day <= it->second.i && it->second.i <= to_day;
}

void GraphSource::Relationships(int64_t node, Direction dir, const RelFilter& filter,
                                std::vector<int64_t>* out) const {
  auto add = [&](const std::vector<int64_t>& rels) {
    for (int64_t r : rels) {
      if (filter.Passes(*this, r)) out->push_back(r);
    }
  };
  if (dir != Direction::kIn) add(Outgoing(node));
  if (dir != Direction::kOut) add(Incoming(node));
}

void GraphSource::ForEachRelationship(int64_t node, Direction dir, const RelFilter& filter,
                                      const std::function<bool(int64_t)>& visit) const {
  std::vector<int64_t> rels;
  Relationships(node, dir, filter, &rels);
  for (int64_t r : rels) {
    if (!visit(r)) return;
  }
}

std::vector<int64_t> GraphSource::NodesWithLabel(const std::string& label) const {
  std::vector<int64_t> ids;
  for (int64_t n : AllNodes()) {
    const std::vector<std::string>& labels = Labels(n);
    if (std::find(labels.begin(), labels.end(), label) != labels.end()) ids.push_back(n);
  }
  return ids;
}

std::vector<int64_t> GraphSource::NodesWithProperty(const std::string& label,
                                                    const std::string& key,
                                                    const Value& value) const {
  std::vector<int64_t> ids;
  for (int64_t n : label.empty() ? AllNodes() : NodesWithLabel(label)) {
    const PropertyMap& props = NodeProperties(n);
    auto it = props.find(key);
    if (it != props.end() && CypherEquals(it->second, value) == Tri::kTrue) ids.push_back(n);
  }
  return ids;
}

std::vector<int64_t> InMemoryGraph::AllNodes() const {
  std::vector<int64_t> ids(nodes_.size());
  for (size_t i = 0; i < ids.size(); ++i) ids[i] = static_cast<int64_t>(i);
  return ids;
}

static void DropNulls(PropertyMap* props) {
  for (auto it = props->begin(); it != props->end();) {
    it = it->second.is_null() ? props->erase(it) : std::next(it);
  }
}

int64_t InMemoryGraph::CreateNode(std::vector<std::string> labels, PropertyMap props) {
  std::sort(labels.begin(), labels.end());
  labels.erase(std::unique(labels.begin(), labels.end()), labels.end());
  DropNulls(&props);
  nodes_.push_back({std::move(labels), std::move(props), {}, {}});
  return static_cast<int64_t>(nodes_.size() - 1);
}

int64_t InMemoryGraph::CreateRel(int64_t start, int64_t end, std::string type,
                                 PropertyMap props) {
  DropNulls(&props);
  const int64_t id = static_cast<int64_t>(rels_.size());
  rels_.push_back({start, end, std::move(type), std::move(props)});
  nodes_[start].out.push_back(id);
  nodes_[end].in.push_back(id);
  return id;
}

}  // namespace newsgraph::cypher
