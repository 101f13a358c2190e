#include "queries/cypher/executor/match.h"

#include <algorithm>
#include <optional>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "queries/cypher/executor/bfs.h"

namespace newsgraph::cypher {
namespace {

using K = Value::Kind;

// Backtracking search over the parts of one planned MATCH. Rows are copied
// at each binding, which keeps the code obvious; the guard bounds the cost.
class Matcher {
 public:
  Matcher(const MatchPlan& plan, const EvalContext& ctx, bool count_rows,
          std::vector<PlanStep>* profile, std::vector<Row>* out)
      : plan_(plan), ctx_(ctx), g_(*ctx.graph), count_rows_(count_rows), profile_(profile),
        out_(out) {}

  absl::Status Run(const Row& row) {
    bool ok = false;
    absl::Status s = Filters(0, row, &ok);
    if (!s.ok() || !ok) return s;
    return MatchPart(0, row);
  }

 private:
  absl::Status Tick() { return ctx_.guard == nullptr ? absl::OkStatus() : ctx_.guard->Step(); }
  void Count(int op) {
    if (profile_ != nullptr && op >= 0) ++(*profile_)[op].rows;
  }

  // Runs the conjuncts placed at `event`; *ok is false when one is not true.
  absl::Status Filters(int event, const Row& row, bool* ok) {
    *ok = true;
    for (const ExprPtr& e : plan_.filters[event]) {
      absl::StatusOr<Value> v = Evaluate(*e, row, ctx_);
      if (!v.ok()) return v.status();
      if (!v->is_null() && v->kind != K::kBool) {
        return absl::InvalidArgumentError("TypeError: WHERE expects a boolean");
      }
      if (v->is_null() || !v->b) {
        *ok = false;
        return absl::OkStatus();
      }
    }
    Count(plan_.filter_op[event]);
    return absl::OkStatus();
  }

  absl::Status Emit(const Row& row) {
    if (count_rows_ && ctx_.guard != nullptr) {
      absl::Status s = ctx_.guard->AddRow(ApproxRowBytes(row));
      if (!s.ok()) return s;
    }
    out_->push_back(row);
    return absl::OkStatus();
  }

  absl::StatusOr<std::vector<int64_t>> Candidates(const NodeScan& scan, const NodePattern& p,
                                                  const Row& row) {
    switch (scan.kind) {
      case NodeScan::Kind::kBound: {
        auto it = row.find(p.var);
        // Null (from OPTIONAL MATCH) or a non-node value matches nothing.
        if (it == row.end() || it->second.kind != K::kNode) return std::vector<int64_t>();
        return std::vector<int64_t>{it->second.i};
      }
      case NodeScan::Kind::kProperty: {
        absl::StatusOr<Value> v = Evaluate(*scan.value, row, ctx_);
        if (!v.ok()) return v.status();
        return g_.NodesWithProperty(scan.label, scan.key, *v);
      }
      case NodeScan::Kind::kLabel: return g_.NodesWithLabel(scan.label);
      case NodeScan::Kind::kAll: return g_.AllNodes();
    }
    return std::vector<int64_t>();
  }

  absl::Status MatchPart(size_t k, const Row& row) {
    if (k == plan_.parts.size()) return Emit(row);
    const PartPlan& pp = plan_.parts[k];
    const NodePattern& first = pp.part.nodes[0];
    absl::StatusOr<std::vector<int64_t>> candidates = Candidates(pp.scan, first, row);
    if (!candidates.ok()) return candidates.status();
    if (pp.scan.kind == NodeScan::Kind::kAll) node_count_ = static_cast<int64_t>(candidates->size());
    for (int64_t n : *candidates) {
      if (absl::Status t = Tick(); !t.ok()) return t;
      Row next = row;
      bool ok = false;
      absl::Status s = BindNode(first, n, &next, &ok);
      if (!s.ok()) return s;
      if (!ok) continue;
      Count(pp.scan_op);
      s = Filters(pp.node_event[0], next, &ok);
      if (!s.ok()) return s;
      if (!ok) continue;
      std::vector<Value> path = {Value::Node(n)};
      s = pp.part.shortest != PatternPart::Shortest::kNone ? MatchShortest(k, n, next)
                                                           : Extend(k, 0, n, next, &path);
      if (!s.ok()) return s;
    }
    return absl::OkStatus();
  }

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
    if (!p.labels.empty()) {
      const auto& labels = g_.Labels(n);
      for (const std::string& l : p.labels) {
        if (std::find(labels.begin(), labels.end(), l) == labels.end()) return absl::OkStatus();
      }
    }
    absl::Status s = PropsMatch(p.props, g_.NodeProperties(n), *row, ok);
    if (!s.ok() || !*ok) return s;
    if (!p.var.empty()) (*row)[p.var] = Value::Node(n);
    return absl::OkStatus();
  }

  // The unused relationships leaving `n` along `dir` that pass the type
  // filter (pushed into the source) and the property map.
  absl::Status Steps(int64_t n, const RelPattern& rp, const RelFilter& filter, Direction dir,
                     const Row& row, std::vector<Step>* steps) {
    scratch_.clear();
    if (dir != Direction::kIn) g_.Relationships(n, Direction::kOut, filter, &scratch_);
    const size_t outgoing = scratch_.size();
    if (dir != Direction::kOut) g_.Relationships(n, Direction::kIn, filter, &scratch_);
    for (size_t j = 0; j < scratch_.size(); ++j) {
      const int64_t r = scratch_[j];
      const bool out = j < outgoing;
      // An undirected self-loop is seen once, not once per end.
      if (!out && dir == Direction::kBoth && g_.RelStart(r) == g_.RelEnd(r)) continue;
      if (Used(r)) continue;
      bool ok = true;
      absl::Status s = PropsMatch(rp.props, g_.RelProperties(r), row, &ok);
      if (!s.ok()) return s;
      if (ok) steps->push_back({r, out ? g_.RelEnd(r) : g_.RelStart(r)});
    }
    return absl::OkStatus();
  }

  // The types of relationship i of part k and the day window its WHERE
  // conjuncts allow, for the source to read only those.
  RelFilter FilterFor(const PartPlan& pp, size_t i, const Row& row) {
    RelFilter filter;
    filter.types = pp.part.rels[i].types;
    for (const DayBound& b : pp.windows[i]) {
      absl::StatusOr<Value> v = Evaluate(*b.value, row, ctx_);
      // Not a date: the conjunct itself decides (and reports errors).
      if (!v.ok() || v->kind != K::kDate) continue;
      if (b.lower) filter.from_day = std::max(filter.from_day, v->i + (b.strict ? 1 : 0));
      else filter.to_day = std::min(filter.to_day, v->i - (b.strict ? 1 : 0));
    }
    return filter;
  }

  bool Used(int64_t r) const { return std::find(used_.begin(), used_.end(), r) != used_.end(); }

  absl::StatusOr<int64_t> MaxHops(const RelPattern& rp) const {
    if (ctx_.guard != nullptr) return ctx_.guard->MaxHops(rp);
    return Guard(ExecOptions()).MaxHops(rp);
  }

  // Binds the path variable of part k, if any, and goes on to part k + 1.
  absl::Status FinishPart(size_t k, const Row& row, const std::vector<Value>& path) {
    const PartPlan& pp = plan_.parts[k];
    Row next = row;
    if (!pp.part.path_var.empty()) {
      std::vector<Value> elems = path;
      if (pp.reversed) std::reverse(elems.begin(), elems.end());
      next[pp.part.path_var] = Value::Path(std::move(elems));
    }
    bool ok = false;
    absl::Status s = Filters(pp.path_event, next, &ok);
    if (!s.ok() || !ok) return s;
    return MatchPart(k + 1, next);
  }

  // Matches part k from its node i (bound to n) onwards.
  absl::Status Extend(size_t k, size_t i, int64_t n, const Row& row, std::vector<Value>* path) {
    const PartPlan& pp = plan_.parts[k];
    const PatternPart& part = pp.part;
    if (i == part.rels.size()) return FinishPart(k, row, *path);
    const RelPattern& rp = part.rels[i];
    if (rp.var_length) {
      if (pp.pruned[i]) return ExtendPruned(k, i, n, row, path);
      std::vector<Value> rels;
      absl::StatusOr<int64_t> max_hops = MaxHops(rp);
      if (!max_hops.ok()) return max_hops.status();
      return ExtendVarLength(k, i, n, *max_hops, row, path, &rels);
    }
    const Value* bound_rel = nullptr;
    if (!rp.var.empty()) {
      auto it = row.find(rp.var);
      if (it != row.end()) bound_rel = &it->second;
    }
    std::vector<Step> steps;
    absl::Status s = Steps(n, rp, FilterFor(pp, i, row), rp.dir, row, &steps);
    if (!s.ok()) return s;
    for (const auto& [r, other] : steps) {
      if (absl::Status t = Tick(); !t.ok()) return t;
      if (bound_rel != nullptr && !(bound_rel->kind == K::kRel && bound_rel->i == r)) continue;
      Row next = row;
      bool ok = false;
      s = BindNode(part.nodes[i + 1], other, &next, &ok);
      if (!s.ok()) return s;
      if (!ok) continue;
      if (!rp.var.empty()) next[rp.var] = Value::Rel(r);
      Count(pp.expand_op[i]);
      s = Filters(pp.node_event[i + 1], next, &ok);
      if (!s.ok()) return s;
      if (!ok) continue;
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
  absl::Status ExtendVarLength(size_t k, size_t i, int64_t n, int64_t max_hops, const Row& row,
                               std::vector<Value>* path, std::vector<Value>* rels) {
    const PartPlan& pp = plan_.parts[k];
    const RelPattern& rp = pp.part.rels[i];
    const int64_t depth = static_cast<int64_t>(rels->size());
    if (depth >= rp.min_hops) {
      Row next = row;
      bool ok = false;
      absl::Status s = BindNode(pp.part.nodes[i + 1], n, &next, &ok);
      if (!s.ok()) return s;
      if (ok && !rp.var.empty()) {
        auto it = row.find(rp.var);
        if (it != row.end()) ok = CypherEquals(it->second, Value::List(*rels)) == Tri::kTrue;
        next[rp.var] = Value::List(*rels);
      }
      if (ok) {
        Count(pp.expand_op[i]);
        s = Filters(pp.node_event[i + 1], next, &ok);
        if (s.ok() && ok) s = Extend(k, i + 1, n, next, path);
        if (!s.ok()) return s;
      }
    }
    if (depth >= max_hops) return absl::OkStatus();
    std::vector<Step> steps;
    absl::Status s = Steps(n, rp, RelFilter{rp.types}, rp.dir, row, &steps);
    if (!s.ok()) return s;
    for (const auto& [r, other] : steps) {
      if (absl::Status t = Tick(); !t.ok()) return t;
      used_.push_back(r);
      rels->push_back(Value::Rel(r));
      path->push_back(Value::Rel(r));
      path->push_back(Value::Node(other));
      s = ExtendVarLength(k, i, other, max_hops, row, path, rels);
      path->resize(path->size() - 2);
      rels->pop_back();
      used_.pop_back();
      if (!s.ok()) return s;
    }
    return absl::OkStatus();
  }

  // `rp` narrowed to the types the plan's path_types list (PartPlan) keeps,
  // when it evaluates to a list of strings, nullopt when it keeps none;
  // else `rp` as it is.
  absl::StatusOr<std::optional<RelPattern>> KeptTypes(const RelPattern& rp, const ExprPtr& types,
                                                      const Row& row) {
    if (types == nullptr) return rp;
    absl::StatusOr<Value> list = Evaluate(*types, row, ctx_);
    if (!list.ok()) return list.status();
    if (list->kind != Value::Kind::kList) return rp;
    std::vector<std::string> kept;
    for (const Value& v : list->list) {
      if (v.kind != Value::Kind::kString) return rp;
      if (rp.types.empty() || std::find(rp.types.begin(), rp.types.end(), v.s) != rp.types.end()) {
        kept.push_back(v.s);
      }
    }
    if (kept.empty()) return std::nullopt;
    RelPattern narrowed = rp;
    narrowed.types = std::move(kept);
    return narrowed;
  }

  StepFn StepsAlong(const RelPattern& rp, Direction dir, const Row& row) {
    return [this, &rp, dir, &row](int64_t node, std::vector<Step>* out) {
      return Steps(node, rp, RelFilter{rp.types}, dir, row, out);
    };
  }

  // Each end node reachable from n once (the planner checked this is exact).
  absl::Status ExtendPruned(size_t k, size_t i, int64_t n, const Row& row, std::vector<Value>* path) {
    const PartPlan& pp = plan_.parts[k];
    const RelPattern& rp = pp.part.rels[i];
    absl::StatusOr<int64_t> max_hops = MaxHops(rp);
    if (!max_hops.ok()) return max_hops.status();
    std::vector<int64_t> ends;
    absl::Status s = ReachableEnds(n, rp.min_hops, *max_hops, node_count_,
                                   StepsAlong(rp, rp.dir, row), ctx_.guard, &ends);
    if (!s.ok()) return s;
    for (int64_t e : ends) {
      Row next = row;
      bool ok = false;
      s = BindNode(pp.part.nodes[i + 1], e, &next, &ok);
      if (!s.ok()) return s;
      if (!ok) continue;
      Count(pp.expand_op[i]);
      s = Filters(pp.node_event[i + 1], next, &ok);
      if (!s.ok()) return s;
      if (!ok) continue;
      // No path variable reads *path, so it need not hold the walk.
      s = Extend(k, i + 1, e, next, path);
      if (!s.ok()) return s;
    }
    return absl::OkStatus();
  }

  absl::Status MatchShortest(size_t k, int64_t from, const Row& row);

  const MatchPlan& plan_;
  const EvalContext& ctx_;
  const GraphSource& g_;
  const bool count_rows_;
  std::vector<PlanStep>* profile_;  // PROFILE: rows per operator; null otherwise
  std::vector<Row>* out_;
  std::vector<int64_t> used_;
  std::vector<int64_t> scratch_;
  int64_t node_count_ = -1;  // known once some part scanned all nodes
};

absl::Status Matcher::MatchShortest(size_t k, int64_t from, const Row& row) {
  const PartPlan& pp = plan_.parts[k];
  const PatternPart& part = pp.part;
  const RelPattern& rp = part.rels[0];
  if (rp.var_length && rp.min_hops > 1) {
    return absl::InvalidArgumentError(
        "SyntaxError: shortestPath and allShortestPaths need a minimum length of 0 or 1");
  }
  int64_t max_hops = 1;
  if (rp.var_length) {
    absl::StatusOr<int64_t> m = MaxHops(rp);
    if (!m.ok()) return m.status();
    max_hops = *m;
  }
  const int64_t min_hops = rp.var_length ? rp.min_hops : 1;
  const Direction back = rp.dir == Direction::kOut ? Direction::kIn
                         : rp.dir == Direction::kIn ? Direction::kOut : Direction::kBoth;
  absl::StatusOr<std::vector<int64_t>> ends = Candidates(pp.end_scan, part.nodes[1], row);
  if (!ends.ok()) return ends.status();
  for (int64_t to : *ends) {
    if (absl::Status t = Tick(); !t.ok()) return t;
    Row next = row;
    bool ok = false;
    absl::Status s = BindNode(part.nodes[1], to, &next, &ok);
    if (!s.ok()) return s;
    if (!ok) continue;
    Count(pp.expand_op[0]);
    s = Filters(pp.node_event[1], next, &ok);
    if (!s.ok()) return s;
    if (!ok) continue;
    absl::StatusOr<std::optional<RelPattern>> along = KeptTypes(rp, pp.path_types, next);
    if (!along.ok()) return along.status();
    if (!along->has_value()) continue;  // no type is left to follow
    const RelPattern& kept = **along;
    std::vector<std::vector<int64_t>> paths;
    s = ShortestPaths(from, to, min_hops, max_hops, part.shortest == PatternPart::Shortest::kAll,
                      StepsAlong(kept, kept.dir, next), StepsAlong(kept, back, next), ctx_.guard,
                      &paths);
    if (!s.ok()) return s;
    for (const std::vector<int64_t>& ids : paths) {
      std::vector<Value> elems, rels;
      for (size_t j = 0; j < ids.size(); ++j) {
        elems.push_back(j % 2 == 0 ? Value::Node(ids[j]) : Value::Rel(ids[j]));
        if (j % 2 == 1) rels.push_back(Value::Rel(ids[j]));
      }
      Row bound = next;
      if (!rp.var.empty()) {
        bound[rp.var] = rp.var_length ? Value::List(rels) : (rels.empty() ? Value() : rels[0]);
      }
      Count(pp.shortest_op);
      for (const Value& r : rels) used_.push_back(r.i);
      s = FinishPart(k, bound, elems);
      used_.resize(used_.size() - rels.size());
      if (!s.ok()) return s;
    }
  }
  return absl::OkStatus();
}


// True when `row` binds exactly the variables of `part` in `bound`.
bool BindsExactly(const PatternPart& part, const absl::flat_hash_set<std::string>& bound,
                  const Row& row) {
  auto agrees = [&](const std::string& var) {
    return var.empty() || row.contains(var) == bound.contains(var);
  };
  if (!agrees(part.path_var)) return false;
  for (const NodePattern& n : part.nodes) if (!agrees(n.var)) return false;
  for (const RelPattern& r : part.rels) if (!agrees(r.var)) return false;
  return true;
}

}  // namespace

absl::Status RunMatchPlan(const MatchPlan& plan, const Row& row, const EvalContext& ctx,
                          bool count_rows, std::vector<PlanStep>* profile, std::vector<Row>* out) {
  Matcher m(plan, ctx, count_rows, profile, out);
  return m.Run(row);
}

absl::Status MatchPatternExpr(const Expr& pattern_expr, const Row& row, const EvalContext& ctx,
                              std::vector<Row>* out) {
  const PatternExprPlan* sub = nullptr;
  if (ctx.pattern_exprs != nullptr) {
    auto it = ctx.pattern_exprs->find(&pattern_expr);
    if (it != ctx.pattern_exprs->end()) sub = &it->second;
  }
  if (sub != nullptr && BindsExactly(sub->part, sub->bound, row)) {
    return RunMatchPlan(sub->plan, row, ctx, /*count_rows=*/false, /*profile=*/nullptr, out);
  }
  // Outside a planned query (an expression evaluated on its own), or a row
  // the sub-plan was not made for: plan for this row's bindings.
  absl::flat_hash_set<std::string> bound;
  for (const auto& [name, value] : row) bound.insert(name);
  const PatternExprPlan fresh = PlanPatternExpr(pattern_expr, bound);
  return RunMatchPlan(fresh.plan, row, ctx, /*count_rows=*/false, /*profile=*/nullptr, out);
}

}  // namespace newsgraph::cypher
