#include "queries/cypher/executor/create.h"

#include <algorithm>
#include <utility>

#include "absl/status/status.h"

namespace newsgraph::cypher {
namespace {

using K = Value::Kind;

absl::StatusOr<PropertyMap> EvalProps(const ExprPtr& props, const Row& row, const EvalContext& ctx) {
  if (props == nullptr) return PropertyMap();
  absl::StatusOr<Value> v = Evaluate(*props, row, ctx);
  if (!v.ok()) return v.status();
  if (v->kind != K::kMap) return absl::InvalidArgumentError("TypeError: properties must be a map");
  return v->map;
}

}  // namespace

absl::Status CreatePatterns(const std::vector<PatternPart>& patterns, const EvalContext& ctx,
                            GraphSink* sink, Row* row) {
  if (sink == nullptr) return absl::FailedPreconditionError("the graph is read-only");
  for (const PatternPart& part : patterns) {
    std::vector<Value> path;
    for (size_t i = 0; i < part.nodes.size(); ++i) {
      const NodePattern& np = part.nodes[i];
      auto it = np.var.empty() ? row->end() : row->find(np.var);
      if (it != row->end()) {
        if (it->second.kind != K::kNode) return absl::InvalidArgumentError("VariableAlreadyBound: " + np.var);
        path.push_back(it->second);
      } else {
        absl::StatusOr<PropertyMap> props = EvalProps(np.props, *row, ctx);
        if (!props.ok()) return props.status();
        const int64_t id = sink->CreateNode(np.labels, *std::move(props));
        if (!np.var.empty()) (*row)[np.var] = Value::Node(id);
        path.push_back(Value::Node(id));
      }
      if (i == 0) continue;
      const RelPattern& rp = part.rels[i - 1];
      if (rp.types.size() != 1 || rp.var_length || rp.dir == Direction::kBoth) {
        return absl::InvalidArgumentError("SyntaxError: CREATE needs one type and a direction");
      }
      absl::StatusOr<PropertyMap> props = EvalProps(rp.props, *row, ctx);
      if (!props.ok()) return props.status();
      int64_t from = path[path.size() - 2].i, to = path.back().i;
      if (rp.dir == Direction::kIn) std::swap(from, to);
      const int64_t id = sink->CreateRel(from, to, rp.types[0], *std::move(props));
      if (!rp.var.empty()) (*row)[rp.var] = Value::Rel(id);
      path.insert(path.end() - 1, Value::Rel(id));
    }
    if (!part.path_var.empty()) (*row)[part.path_var] = Value::Path(path);
  }
  return absl::OkStatus();
}

}  // namespace newsgraph::cypher
