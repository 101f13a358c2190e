#include "queries/cypher_match.h"

#include <algorithm>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace newsgraph::cypher {
namespace {

using K = Value::Kind;

// Backtracking search over the parts of one MATCH. Rows are copied at each
// binding; the graphs of the TCK are tiny and this keeps the code obvious.
class Matcher {
 public:
  Matcher(const std::vector<PatternPart>& parts, const EvalContext& ctx, std::vector<Row>* out)
      : parts_(parts), ctx_(ctx), g_(*ctx.graph), out_(out) {}

  absl::Status MatchPart(size_t k, const Row& row) {
    if (k == parts_.size()) {
      out_->push_back(row);
      return absl::OkStatus();
    }
    const NodePattern& first = parts_[k].nodes[0];
    std::vector<int64_t> candidates;
    auto bound = first.var.empty() ? row.end() : row.find(first.var);
    if (bound != row.end()) {
      if (bound->second.kind != K::kNode) return absl::OkStatus();  // null from OPTIONAL MATCH
      candidates.push_back(bound->second.i);
    } else {
      candidates = g_.AllNodes();
    }
    for (int64_t n : candidates) {
      Row next = row;
      bool ok = false;
      absl::Status s = BindNode(first, n, &next, &ok);
      if (!s.ok()) return s;
      if (!ok) continue;
      std::vector<Value> path = {Value::Node(n)};
      s = Extend(k, 0, n, next, &path);
      if (!s.ok()) return s;
    }
    return absl::OkStatus();
  }

 private:
  absl::Status PropsMatch(const ExprPtr& props, const PropertyMap& have, const Row& row,
                          bool* ok) {
    *ok = true;
    if (props == nullptr) return absl::OkStatus();
    absl::StatusOr<Value> want = Evaluate(*props, row, ctx_);
    if (!want.ok()) return want.status();
    if (want->kind != K::kMap) return absl::InvalidArgumentError("TypeError: properties must be a map");
    for (const auto& [key, v] : want->map) {
      auto it = have.find(key);
      if (it == have.end() || CypherEquals(it->second, v) != Tri::kTrue) {
        *ok = false;
        return absl::OkStatus();
      }
    }
    return absl::OkStatus();
  }

  // Checks node `n` against `p` and binds p.var in *row.
  absl::Status BindNode(const NodePattern& p, int64_t n, Row* row, bool* ok) {
    *ok = false;
    if (!p.var.empty()) {
      auto it = row->find(p.var);
      if (it != row->end() && !(it->second.kind == K::kNode && it->second.i == n)) return absl::OkStatus();
    }
    const auto& labels = g_.Labels(n);
    for (const std::string& l : p.labels) {
      if (std::find(labels.begin(), labels.end(), l) == labels.end()) return absl::OkStatus();
    }
    absl::Status s = PropsMatch(p.props, g_.NodeProperties(n), *row, ok);
    if (!s.ok() || !*ok) return s;
    if (!p.var.empty()) (*row)[p.var] = Value::Node(n);
    return absl::OkStatus();
  }

  bool RelTypeOk(const RelPattern& p, int64_t r) const {
    if (p.types.empty()) return true;
    return std::find(p.types.begin(), p.types.end(), g_.RelType(r)) != p.types.end();
  }

  // Relationships leaving `n` along `dir`, with the node at their other end.
  std::vector<std::pair<int64_t, int64_t>> Steps(int64_t n, Direction dir) const {
    std::vector<std::pair<int64_t, int64_t>> steps;
    if (dir != Direction::kIn) for (int64_t r : g_.Outgoing(n)) steps.push_back({r, g_.RelEnd(r)});
    if (dir != Direction::kOut) {
      for (int64_t r : g_.Incoming(n)) {
        // An undirected self-loop is seen once, not once per end.
        if (dir == Direction::kBoth && g_.RelStart(r) == g_.RelEnd(r)) continue;
        steps.push_back({r, g_.RelStart(r)});
      }
    }
    return steps;
  }

  bool Used(int64_t r) const { return std::find(used_.begin(), used_.end(), r) != used_.end(); }

  // Matches part k from its node i (bound to n) onwards.
  absl::Status Extend(size_t k, size_t i, int64_t n, const Row& row, std::vector<Value>* path) {
    const PatternPart& part = parts_[k];
    if (i == part.rels.size()) {
      if (part.path_var.empty()) return MatchPart(k + 1, row);
      Row next = row;
      next[part.path_var] = Value::Path(*path);
      return MatchPart(k + 1, next);
    }
    const RelPattern& rp = part.rels[i];
    if (rp.var_length) {
      std::vector<Value> rels;
      return ExtendVarLength(k, i, n, row, path, &rels);
    }
    const Value* bound_rel = nullptr;
    if (!rp.var.empty()) {
      auto it = row.find(rp.var);
      if (it != row.end()) bound_rel = &it->second;
    }
    for (const auto& [r, other] : Steps(n, rp.dir)) {
      if (Used(r) || !RelTypeOk(rp, r)) continue;
      if (bound_rel != nullptr && !(bound_rel->kind == K::kRel && bound_rel->i == r)) continue;
      bool ok = false;
      absl::Status s = PropsMatch(rp.props, g_.RelProperties(r), row, &ok);
      if (!s.ok()) return s;
      if (!ok) continue;
      Row next = row;
      s = BindNode(part.nodes[i + 1], other, &next, &ok);
      if (!s.ok()) return s;
      if (!ok) continue;
      if (!rp.var.empty()) next[rp.var] = Value::Rel(r);
      used_.push_back(r);
      path->push_back(Value::Rel(r));
      path->push_back(Value::Node(other));
      s = Extend(k, i + 1, other, next, path);
      path->resize(path->size() - 2);
      used_.pop_back();
      if (!s.ok()) return s;
    }
    return absl::OkStatus();
  }

  // Depth-first over walks of min..max relationships from n.
  absl::Status ExtendVarLength(size_t k, size_t i, int64_t n, const Row& row,
                               std::vector<Value>* path, std::vector<Value>* rels) {
    const PatternPart& part = parts_[k];
    const RelPattern& rp = part.rels[i];
    const int64_t depth = static_cast<int64_t>(rels->size());
    if (depth >= rp.min_hops) {
      Row next = row;
      bool ok = false;
      absl::Status s = BindNode(part.nodes[i + 1], n, &next, &ok);
      if (!s.ok()) return s;
      bool rel_ok = true;
      if (ok && !rp.var.empty()) {
        auto it = row.find(rp.var);
        if (it != row.end()) rel_ok = CypherEquals(it->second, Value::List(*rels)) == Tri::kTrue;
        next[rp.var] = Value::List(*rels);
      }
      if (ok && rel_ok) {
        s = Extend(k, i + 1, n, next, path);
        if (!s.ok()) return s;
      }
    }
    if (rp.max_hops >= 0 && depth >= rp.max_hops) return absl::OkStatus();
    for (const auto& [r, other] : Steps(n, rp.dir)) {
      if (Used(r) || !RelTypeOk(rp, r)) continue;
      bool ok = false;
      absl::Status s = PropsMatch(rp.props, g_.RelProperties(r), row, &ok);
      if (!s.ok()) return s;
      if (!ok) continue;
      used_.push_back(r);
      rels->push_back(Value::Rel(r));
      path->push_back(Value::Rel(r));
      path->push_back(Value::Node(other));
      s = ExtendVarLength(k, i, other, row, path, rels);
      path->resize(path->size() - 2);
      rels->pop_back();
      used_.pop_back();
      if (!s.ok()) return s;
    }
    return absl::OkStatus();
  }

  const std::vector<PatternPart>& parts_;
  const EvalContext& ctx_;
  const GraphSource& g_;
  std::vector<Row>* out_;
  std::vector<int64_t> used_;
};

absl::StatusOr<PropertyMap> EvalProps(const ExprPtr& props, const Row& row, const EvalContext& ctx) {
  if (props == nullptr) return PropertyMap();
  absl::StatusOr<Value> v = Evaluate(*props, row, ctx);
  if (!v.ok()) return v.status();
  if (v->kind != K::kMap) return absl::InvalidArgumentError("TypeError: properties must be a map");
  return v->map;
}

}  // namespace

absl::Status MatchPatterns(const std::vector<PatternPart>& patterns, const Row& row,
                           const EvalContext& ctx, std::vector<Row>* out) {
  Matcher m(patterns, ctx, out);
  return m.MatchPart(0, row);
}

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

std::vector<std::string> PatternVariables(const std::vector<PatternPart>& patterns) {
  std::vector<std::string> vars;
  auto add = [&](const std::string& v) {
    if (!v.empty() && std::find(vars.begin(), vars.end(), v) == vars.end()) vars.push_back(v);
  };
  for (const PatternPart& part : patterns) {
    add(part.path_var);
    for (size_t i = 0; i < part.nodes.size(); ++i) {
      add(part.nodes[i].var);
      if (i < part.rels.size()) add(part.rels[i].var);
    }
  }
  return vars;
}

}  // namespace newsgraph::cypher
