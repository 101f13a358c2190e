#include "queries/cypher/planner/plan.h"

#include <algorithm>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "queries/cypher/executor/eval.h"

namespace newsgraph::cypher {
namespace {

using EK = Expr::Kind;

bool IsConstant(const ExprPtr& e) {
  return e != nullptr && (e->kind == EK::kLiteral || e->kind == EK::kParam);
}

// `var.key = constant` (either side) found among the conjuncts.
bool PropertyEquality(const std::vector<ExprPtr>& conjuncts, const std::string& var,
                      std::string* key, ExprPtr* value) {
  for (const ExprPtr& c : conjuncts) {
    if (c->kind != EK::kBinary || c->op != "=") continue;
    for (int side = 0; side < 2; ++side) {
      const ExprPtr& prop = c->args[side];
      const ExprPtr& other = c->args[1 - side];
      if (prop->kind == EK::kProperty && prop->args[0]->kind == EK::kVar &&
          prop->args[0]->name == var && IsConstant(other)) {
        *key = prop->name;
        *value = other;
        return true;
      }
    }
  }
  return false;
}

// A value fixed for the whole query: literal, parameter, or a function of
// those such as date('2024-01-01').
bool IsQueryConstant(const ExprPtr& e) {
  if (IsConstant(e)) return true;
  if (e == nullptr || e->kind != EK::kFunction || e->name != "date" || e->args.size() != 1) return false;
  return IsConstant(e->args[0]);
}

std::vector<DayBound> DayWindow(const std::vector<ExprPtr>& conjuncts, const RelPattern& rel) {
  std::vector<DayBound> bounds;
  if (rel.var.empty() || rel.var_length) return bounds;
  for (const ExprPtr& c : conjuncts) {
    if (c->kind != EK::kBinary) continue;
    const bool less = c->op == "<" || c->op == "<=";
    if (!less && c->op != ">" && c->op != ">=") continue;
    for (int side = 0; side < 2; ++side) {
      const ExprPtr& prop = c->args[side];
      const ExprPtr& other = c->args[1 - side];
      if (prop->kind != EK::kProperty || prop->name != "date" || prop->args[0]->kind != EK::kVar ||
          prop->args[0]->name != rel.var || !IsQueryConstant(other)) {
        continue;
      }
      // r.date < x bounds from above; x < r.date from below.
      bounds.push_back({other, /*lower=*/less == (side == 1), c->op.size() == 1});
    }
  }
  return bounds;
}

NodeScan ChooseScan(const NodePattern& n, const std::vector<ExprPtr>& conjuncts,
                    const absl::flat_hash_set<std::string>& bound) {
  NodeScan scan;
  if (!n.var.empty() && bound.contains(n.var)) {
    scan.kind = NodeScan::Kind::kBound;
    return scan;
  }
  const std::string label = n.labels.empty() ? "" : n.labels[0];
  if (n.props != nullptr && n.props->kind == EK::kMap) {
    for (size_t i = 0; i < n.props->keys.size(); ++i) {
      if (!IsConstant(n.props->args[i])) continue;
      scan = {NodeScan::Kind::kProperty, label, n.props->keys[i], n.props->args[i]};
      return scan;
    }
  }
  std::string key;
  ExprPtr value;
  if (!n.var.empty() && PropertyEquality(conjuncts, n.var, &key, &value)) {
    scan = {NodeScan::Kind::kProperty, label, key, value};
    return scan;
  }
  scan.kind = label.empty() ? NodeScan::Kind::kAll : NodeScan::Kind::kLabel;
  scan.label = label;
  return scan;
}

int Rank(const NodeScan& s) {
  switch (s.kind) {
    case NodeScan::Kind::kBound: return 3;
    case NodeScan::Kind::kProperty: return 2;
    case NodeScan::Kind::kLabel: return 1;
    case NodeScan::Kind::kAll: return 0;
  }
  return 0;
}

PatternPart Reversed(const PatternPart& p) {
  PatternPart r = p;
  std::reverse(r.nodes.begin(), r.nodes.end());
  std::reverse(r.rels.begin(), r.rels.end());
  for (RelPattern& rel : r.rels) {
    if (rel.dir == Direction::kOut) rel.dir = Direction::kIn;
    else if (rel.dir == Direction::kIn) rel.dir = Direction::kOut;
  }
  return r;
}

std::string DescribeNode(const NodePattern& n) {
  std::string s = "(" + n.var;
  for (const std::string& l : n.labels) absl::StrAppend(&s, ":", l);
  if (n.props != nullptr) absl::StrAppend(&s, n.var.empty() && n.labels.empty() ? "" : " ", "{...}");
  return s + ")";
}

std::string DescribeScan(const NodePattern& n, const NodeScan& scan) {
  if (scan.kind != NodeScan::Kind::kProperty) return DescribeNode(n);
  std::string value = scan.value->kind == EK::kParam ? "$" + scan.value->name
                                                     : FormatValue(scan.value->value, nullptr);
  return absl::StrCat("(", n.var, scan.label.empty() ? "" : ":", scan.label, " {", scan.key,
                      ": ", value, "})");
}

const char* ScanOp(NodeScan::Kind k) {
  switch (k) {
    case NodeScan::Kind::kBound: return "Argument";
    case NodeScan::Kind::kProperty: return "NodeByPropertySeek";
    case NodeScan::Kind::kLabel: return "NodeByLabelScan";
    case NodeScan::Kind::kAll: return "AllNodesScan";
  }
  return "?";
}

bool ReadLater(const MatchContext& c, const std::string& var) {
  return !var.empty() && (c.reads_all || c.read_later.contains(var));
}

// PruningVarLengthExpand is exact only when nothing can tell how many
// walks reached an end node: no other relationship shares the uniqueness
// scope, the walk is invisible (no path, unbound and unread relationship
// list), the
// consumer ignores multiplicities, and the lower bound is 0 or 1 (so a
// shortest walk, which is a trail, witnesses every reachable end node).
bool CanPrune(const std::vector<PatternPart>& patterns, const PatternPart& part,
              const RelPattern& rel, const MatchContext& c) {
  size_t rel_count = 0;
  for (const PatternPart& p : patterns) rel_count += p.rels.size();
  return c.allow_pruning && c.multiplicity_free && rel_count == 1 && rel.var_length &&
         rel.min_hops <= 1 && part.path_var.empty() &&
         part.shortest == PatternPart::Shortest::kNone && !ReadLater(c, rel.var) &&
         !c.bound.contains(rel.var);  // a bound list must equal the walk
}

void AddStep(MatchPlan* plan, int clause, std::string op, std::string details) {
  PlanStep step;
  step.clause = clause;
  step.op = std::move(op);
  step.details = std::move(details);
  plan->steps.push_back(std::move(step));
}

void AddFilterStep(MatchPlan* plan, int clause, int event) {
  if (event >= static_cast<int>(plan->filters.size()) || plan->filters[event].empty()) return;
  std::vector<std::string> texts;
  for (const ExprPtr& e : plan->filters[event]) texts.push_back(e->text.empty() ? "<expr>" : e->text);
  plan->filter_op[event] = static_cast<int>(plan->steps.size());
  AddStep(plan, clause, "Filter", absl::StrJoin(texts, " AND "));
}

}  // namespace

void Conjuncts(const ExprPtr& e, std::vector<ExprPtr>* out) {
  if (e == nullptr) return;
  if (e->kind == EK::kBinary && e->op == "AND") {
    Conjuncts(e->args[0], out);
    Conjuncts(e->args[1], out);
    return;
  }
  out->push_back(e);
}

void MentionedVariables(const Expr& e, absl::flat_hash_set<std::string>* out) {
  if (e.kind == EK::kVar) out->insert(e.name);
  for (const ExprPtr& a : e.args) if (a) MentionedVariables(*a, out);
  if (e.pattern != nullptr) {
    const PatternPart& p = *e.pattern;
    if (!p.path_var.empty()) out->insert(p.path_var);
    for (const NodePattern& n : p.nodes) {
      if (!n.var.empty()) out->insert(n.var);
      if (n.props) MentionedVariables(*n.props, out);
    }
    for (const RelPattern& r : p.rels) {
      if (!r.var.empty()) out->insert(r.var);
      if (r.props) MentionedVariables(*r.props, out);
    }
  }
}

std::string DescribeStep(const NodePattern& from, const RelPattern& rel, const NodePattern& to) {
  std::string r = rel.var;
  if (!rel.types.empty()) absl::StrAppend(&r, ":", absl::StrJoin(rel.types, "|"));
  if (rel.var_length) {
    absl::StrAppend(&r, "*", rel.min_hops, "..");
    if (rel.max_hops >= 0) absl::StrAppend(&r, rel.max_hops);
  }
  if (rel.props != nullptr) absl::StrAppend(&r, " {...}");
  return absl::StrCat(DescribeNode(from), rel.dir == Direction::kIn ? "<-[" : "-[", r,
                      rel.dir == Direction::kOut ? "]->" : "]-", DescribeNode(to));
}

namespace {

bool IsCall(const Expr& e, absl::string_view function, absl::string_view var) {
  return e.kind == Expr::Kind::kFunction && e.name == function && e.args.size() == 1 &&
         e.args[0] != nullptr && e.args[0]->kind == Expr::Kind::kVar && e.args[0]->name == var;
}

// LIST of a conjunct `all(r IN relationships(path) WHERE type(r) IN LIST)`
// whose LIST is a literal or a parameter; else null.
ExprPtr PathTypes(const std::vector<ExprPtr>& conjuncts, const std::string& path) {
  for (const ExprPtr& c : conjuncts) {
    if (c->kind != Expr::Kind::kQuantifier || c->op != "all" || c->args.size() != 2 ||
        c->args[0] == nullptr || c->args[1] == nullptr ||
        !IsCall(*c->args[0], "relationships", path)) {
      continue;
    }
    const Expr& in = *c->args[1];
    if (in.kind != Expr::Kind::kBinary || in.op != "IN" || !IsCall(*in.args[0], "type", c->name)) {
      continue;
    }
    const ExprPtr& list = in.args[1];
    if (list->kind == Expr::Kind::kParam || list->kind == Expr::Kind::kLiteral) return list;
  }
  return nullptr;
}

}  // namespace

MatchPlan PlanMatch(const std::vector<PatternPart>& patterns, const ExprPtr& where,
                    const MatchContext& context, int clause_index) {
  MatchPlan plan;
  std::vector<ExprPtr> conjuncts;
  Conjuncts(where, &conjuncts);

  // Choose start nodes and number the binding events.
  absl::flat_hash_set<std::string> bound = context.bound;
  absl::flat_hash_map<std::string, int> event_of;  // first binding of a pattern variable
  int event = 0;
  auto bind = [&](const std::string& var, int ev) {
    if (!var.empty() && !bound.contains(var)) {
      bound.insert(var);
      event_of.emplace(var, ev);
    }
  };
  for (const PatternPart& original : patterns) {
    PartPlan pp;
    pp.part = original;
    pp.scan = ChooseScan(original.nodes.front(), conjuncts, bound);
    const bool shortest = original.shortest != PatternPart::Shortest::kNone;
    bool lists_bound = false;  // a relationship list would come out reversed
    for (const RelPattern& r : original.rels) lists_bound |= r.var_length && !r.var.empty();
    if (!shortest && !lists_bound && !original.rels.empty()) {
      NodeScan last = ChooseScan(original.nodes.back(), conjuncts, bound);
      if (Rank(last) > Rank(pp.scan)) {
        pp.part = Reversed(original);
        pp.reversed = true;
        pp.scan = last;
      }
    }
    const PatternPart& part = pp.part;
    for (size_t i = 0; i < part.nodes.size(); ++i) {
      if (shortest && i == 1) pp.end_scan = ChooseScan(part.nodes[1], conjuncts, bound);
      pp.node_event.push_back(++event);
      bind(part.nodes[i].var, event);
      if (i > 0 && !shortest) bind(part.rels[i - 1].var, event);
    }
    pp.path_event = ++event;
    if (shortest && !part.path_var.empty()) pp.path_types = PathTypes(conjuncts, part.path_var);
    if (shortest) for (const RelPattern& r : part.rels) bind(r.var, event);
    bind(part.path_var, event);
    for (size_t i = 0; i < part.rels.size(); ++i) {
      pp.pruned.push_back(CanPrune(patterns, part, part.rels[i], context));
      pp.windows.push_back(DayWindow(conjuncts, part.rels[i]));
    }
    plan.parts.push_back(std::move(pp));
  }

  // Each conjunct runs right after the last binding it needs.
  plan.filters.assign(event + 1, {});
  plan.filter_op.assign(event + 1, -1);
  for (const ExprPtr& c : conjuncts) {
    absl::flat_hash_set<std::string> vars;
    MentionedVariables(*c, &vars);
    int stage = 0;
    for (const std::string& v : vars) {
      auto it = event_of.find(v);
      if (it != event_of.end()) stage = std::max(stage, it->second);
    }
    plan.filters[stage].push_back(c);
  }

  // The operator list, in the order the matcher runs them.
  AddFilterStep(&plan, clause_index, 0);
  for (PartPlan& pp : plan.parts) {
    const PatternPart& part = pp.part;
    pp.scan_op = static_cast<int>(plan.steps.size());
    AddStep(&plan, clause_index, ScanOp(pp.scan.kind), DescribeScan(part.nodes[0], pp.scan));
    AddFilterStep(&plan, clause_index, pp.node_event[0]);
    if (part.shortest != PatternPart::Shortest::kNone) {
      const NodeScan& end = pp.end_scan;
      pp.expand_op.push_back(static_cast<int>(plan.steps.size()));
      AddStep(&plan, clause_index, ScanOp(end.kind), DescribeScan(part.nodes[1], end));
      AddFilterStep(&plan, clause_index, pp.node_event[1]);
      pp.shortest_op = static_cast<int>(plan.steps.size());
      AddStep(&plan, clause_index,
              part.shortest == PatternPart::Shortest::kAll ? "AllShortestPaths" : "ShortestPath",
              DescribeStep(part.nodes[0], part.rels[0], part.nodes[1]));
    } else {
      for (size_t i = 0; i < part.rels.size(); ++i) {
        const RelPattern& r = part.rels[i];
        pp.expand_op.push_back(static_cast<int>(plan.steps.size()));
        AddStep(&plan, clause_index,
                !r.var_length ? "Expand" : (pp.pruned[i] ? "PruningVarLengthExpand" : "VarLengthExpand"),
                DescribeStep(part.nodes[i], r, part.nodes[i + 1]));
        AddFilterStep(&plan, clause_index, pp.node_event[i + 1]);
      }
    }
    AddFilterStep(&plan, clause_index, pp.path_event);
  }
  return plan;
}

namespace {

void MentionedInPatterns(const std::vector<PatternPart>& parts, absl::flat_hash_set<std::string>* out) {
  for (const PatternPart& p : parts) {
    Expr wrapper;
    wrapper.pattern = std::make_shared<PatternPart>(p);
    MentionedVariables(wrapper, out);
  }
}

// Aggregates whose value does not change when input rows are repeated.
bool MultiplicityFreeAggregate(const Expr& call) {
  if (call.name == "min" || call.name == "max") return true;
  return call.distinct && (call.name == "count" || call.name == "sum" || call.name == "avg");
}

bool MultiplicityFreeProjection(const Projection& p) {
  std::vector<const Expr*> aggs;
  for (const ProjectionItem& item : p.items) CollectAggregates(*item.expr, &aggs);
  for (const SortItem& s : p.order_by) CollectAggregates(*s.expr, &aggs);
  if (aggs.empty()) return p.distinct;
  for (const Expr* call : aggs) {
    if (call->star || !MultiplicityFreeAggregate(*call)) return false;
  }
  return true;
}

}  // namespace

MatchContext AnalyzeMatch(const Query& query, size_t index, const std::vector<std::string>& scope) {
  MatchContext c;
  c.bound.insert(scope.begin(), scope.end());
  const Clause& match = query.clauses[index];
  if (match.where) MentionedVariables(*match.where, &c.read_later);
  bool decided = false;
  for (size_t i = index + 1; i < query.clauses.size(); ++i) {
    const Clause& next = query.clauses[i];
    switch (next.kind) {
      case Clause::Kind::kMatch:
      case Clause::Kind::kCreate:
        MentionedInPatterns(next.patterns, &c.read_later);
        if (next.where) MentionedVariables(*next.where, &c.read_later);
        // Repeated rows would create repeated entities.
        if (next.kind == Clause::Kind::kCreate) decided = true;
        continue;
      case Clause::Kind::kUnwind:
        MentionedVariables(*next.expr, &c.read_later);
        continue;
      case Clause::Kind::kCall:
        for (const ExprPtr& arg : next.args) MentionedVariables(*arg, &c.read_later);
        if (next.where) MentionedVariables(*next.where, &c.read_later);
        continue;
      case Clause::Kind::kWith:
      case Clause::Kind::kReturn: {
        const Projection& p = next.projection;
        c.reads_all = p.star;
        for (const ProjectionItem& item : p.items) MentionedVariables(*item.expr, &c.read_later);
        for (const SortItem& s : p.order_by) MentionedVariables(*s.expr, &c.read_later);
        if (p.where) MentionedVariables(*p.where, &c.read_later);
        if (!decided) c.multiplicity_free = MultiplicityFreeProjection(p);
        return c;  // later clauses see only what this one projects
      }
    }
  }
  return c;
}

PlanStep DescribeClause(const Clause& clause, int clause_index) {
  PlanStep step;
  step.clause = clause_index;
  switch (clause.kind) {
    case Clause::Kind::kMatch: step.op = "Match"; break;
    case Clause::Kind::kUnwind:
      step.op = "Unwind";
      step.details = absl::StrCat(clause.expr->text.empty() ? "<expr>" : clause.expr->text,
                                  " AS ", clause.var);
      break;
    case Clause::Kind::kCreate: {
      step.op = "Create";
      std::vector<std::string> parts;
      for (const PatternPart& p : clause.patterns) {
        // The first step names the part; longer chains are elided.
        parts.push_back(p.rels.empty() ? DescribeNode(p.nodes[0])
                                       : DescribeStep(p.nodes[0], p.rels[0], p.nodes[1]) +
                                             (p.rels.size() > 1 ? "..." : ""));
      }
      step.details = absl::StrJoin(parts, ", ");
      break;
    }
    case Clause::Kind::kCall: {
      step.op = "ProcedureCall";
      std::vector<std::string> yields;
      for (const auto& [field, var] : clause.yields) {
        yields.push_back(field == var ? field : absl::StrCat(field, " AS ", var));
      }
      step.details = absl::StrCat(clause.procedure, "()",
                                  yields.empty() ? "" : " YIELD ", absl::StrJoin(yields, ", "),
                                  clause.where ? " WHERE ..." : "");
      break;
    }
    case Clause::Kind::kWith:
    case Clause::Kind::kReturn: {
      const Projection& p = clause.projection;
      std::vector<const Expr*> aggs;
      for (const ProjectionItem& item : p.items) CollectAggregates(*item.expr, &aggs);
      step.op = aggs.empty() ? (p.distinct ? "Distinct" : "Projection") : "Aggregation";
      std::vector<std::string> items;
      if (p.star) items.push_back("*");
      for (const ProjectionItem& item : p.items) items.push_back(item.alias);
      step.details = absl::StrCat(clause.kind == Clause::Kind::kReturn ? "RETURN " : "WITH ",
                                  p.distinct ? "DISTINCT " : "", absl::StrJoin(items, ", "));
      if (!p.order_by.empty()) absl::StrAppend(&step.details, " ORDER BY ...");
      if (p.skip) absl::StrAppend(&step.details, " SKIP");
      if (p.limit) absl::StrAppend(&step.details, " LIMIT");
      if (p.where) absl::StrAppend(&step.details, " WHERE ...");
      break;
    }
  }
  return step;
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
