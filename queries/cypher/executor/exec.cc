#include "queries/cypher/executor/exec.h"

#include <algorithm>
#include <map>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "queries/cypher/binder/binder.h"
#include "queries/cypher/executor/create.h"
#include "queries/cypher/executor/match.h"
#include "queries/cypher/parser/parser.h"
#include "queries/cypher/executor/procedures.h"
#include "queries/output/table.h"

namespace newsgraph::cypher {
namespace {

using K = Value::Kind;

// One output row of a projection, with what ORDER BY may still look at.
struct Projected {
  std::vector<Value> values;
  std::vector<Value> sort_keys;
  const Row* source = nullptr;  // input row (first of its group), for WITH ... WHERE
};

struct VectorLess {
  bool operator()(const std::vector<Value>& a, const std::vector<Value>& b) const {
    for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
      const int c = OrderCompare(a[i], b[i]);
      if (c != 0) return c < 0;
    }
    return a.size() < b.size();
  }
};

absl::StatusOr<int64_t> EvalCount(const ExprPtr& e, const EvalContext& ctx, const char* what) {
  absl::StatusOr<Value> v = Evaluate(*e, Row(), ctx);
  if (!v.ok()) return v.status();
  if (v->kind != K::kInt) {
    return absl::InvalidArgumentError(absl::StrCat("InvalidArgumentType: ", what, " must be an integer"));
  }
  if (v->i < 0) {
    return absl::InvalidArgumentError(absl::StrCat("NegativeIntegerArgument: ", what, " must not be negative"));
  }
  return v->i;
}

class Executor {
 public:
  Executor(const GraphSource& source, GraphSink* sink, const Params& params,
           const ExecOptions& options)
      : sink_(sink), guard_(options) {
    ctx_.graph = &source;
    ctx_.params = &params;
    ctx_.guard = &guard_;
  }

  absl::StatusOr<QueryResult> Run(const QueryPlan& plan) {
    const Query& query = *plan.query;
    ctx_.pattern_exprs = &plan.pattern_exprs;
    if (query.mode == Query::Mode::kExplain) return Explain(plan);
    QueryResult result;
    result.mode = query.mode;
    profile_ = query.mode == Query::Mode::kProfile;
    rows_ = {Row()};
    for (size_t i = 0; i < query.clauses.size(); ++i) {
      const Clause& c = query.clauses[i];
      std::vector<PlanStep> steps = plan.clauses[i].steps;  // PROFILE fills in its counts
      const absl::Time start = absl::Now();
      absl::Status s;
      switch (c.kind) {
        case Clause::Kind::kMatch: s = Match(c, plan.clauses[i].match, &steps); break;
        case Clause::Kind::kUnwind: s = Unwind(c); break;
        case Clause::Kind::kCreate: s = Create(c); break;
        case Clause::Kind::kWith:
        case Clause::Kind::kReturn:
          s = Project(c.projection, c.kind == Clause::Kind::kReturn, &result);
          break;
        case Clause::Kind::kCall:
          s = Call(c, /*standalone=*/query.clauses.size() == 1, &result);
          break;
      }
      if (!s.ok()) return s;
      if (!profile_) continue;
      if (c.kind != Clause::Kind::kMatch) {
        // A RETURN's rows, and a CALL's when it is the whole query, are the result's.
        const bool result_rows = c.kind == Clause::Kind::kReturn ||
                                 (c.kind == Clause::Kind::kCall && query.clauses.size() == 1);
        steps[0].rows = static_cast<int64_t>(result_rows ? result.rows.size() : rows_.size());
      }
      steps[0].time = absl::Now() - start;
      result.plan.insert(result.plan.end(), steps.begin(), steps.end());
    }
    return result;
  }

 private:
  // EXPLAIN runs nothing: the plan's operators become the result's rows.
  // Only the depth caps are checked, so that EXPLAIN fails as the query would.
  absl::StatusOr<QueryResult> Explain(const QueryPlan& plan) {
    for (const Clause& c : plan.query->clauses) {
      if (absl::Status s = CheckDepthCaps(c); !s.ok()) return s;
    }
    QueryResult result;
    result.mode = Query::Mode::kExplain;
    result.plan = plan.steps;
    result.columns = {"clause", "operator", "details", "estimated rows"};
    for (const PlanStep& step : result.plan) {
      result.rows.push_back({Value::Int(step.clause), Value::String(step.op),
                             Value::String(step.details),
                             step.estimated_rows < 0 ? Value() : Value::Int(step.estimated_rows)});
    }
    return result;
  }

  void AddScope(const std::string& v) {
    if (std::find(scope_.begin(), scope_.end(), v) == scope_.end()) scope_.push_back(v);
  }

  absl::StatusOr<bool> Holds(const ExprPtr& pred, const Row& row, const EvalContext& ctx) {
    if (pred == nullptr) return true;
    absl::StatusOr<Value> v = Evaluate(*pred, row, ctx);
    if (!v.ok()) return v.status();
    if (v->is_null()) return false;
    if (v->kind != K::kBool) return absl::InvalidArgumentError("TypeError: WHERE expects a boolean");
    return v->b;
  }

  // Runs a MATCH's plan on every row. `steps` are the clause's operators
  // (the match plan's, then Optional for OPTIONAL MATCH); PROFILE counts
  // the rows of each into them.
  absl::Status Match(const Clause& c, const MatchPlan& plan, std::vector<PlanStep>* steps) {
    const std::vector<std::string> vars = PatternVariables(c.patterns);
    if (profile_) {
      for (size_t k = 0; k < plan.steps.size() + (c.optional ? 1 : 0); ++k) (*steps)[k].rows = 0;
    }
    absl::Status s = CheckDepthCaps(c);
    guard_.BeginClause(rows_bytes_);
    for (size_t r = 0; s.ok() && r < rows_.size(); ++r) {
      const Row& row = rows_[r];
      const size_t before = out_.size();
      s = RunMatchPlan(plan, row, ctx_, /*count_rows=*/true, profile_ ? steps : nullptr, &out_);
      if (s.ok() && c.optional && out_.size() == before) {
        Row nulls = row;
        for (const std::string& v : vars) nulls.try_emplace(v, Value::Null());
        out_.push_back(std::move(nulls));
      }
    }
    if (c.optional && profile_) (*steps)[plan.steps.size()].rows = static_cast<int64_t>(out_.size());
    if (!s.ok()) return s;
    for (const std::string& v : vars) AddScope(v);
    rows_ = std::move(out_);
    out_.clear();
    rows_bytes_ = guard_.clause_bytes();
    return absl::OkStatus();
  }

  // Fails before any work when a bound exceeds the depth cap.
  absl::Status CheckDepthCaps(const Clause& c) {
    for (const PatternPart& part : c.patterns) {
      for (const RelPattern& r : part.rels) {
        if (!r.var_length) continue;
        absl::StatusOr<int64_t> max_hops = guard_.MaxHops(r);
        if (!max_hops.ok()) return max_hops.status();
      }
    }
    return absl::OkStatus();
  }

  absl::Status Unwind(const Clause& c) {
    std::vector<Row> out;
    guard_.BeginClause(rows_bytes_);
    for (const Row& row : rows_) {
      absl::StatusOr<Value> v = Evaluate(*c.expr, row, ctx_);
      if (!v.ok()) return v.status();
      if (v->is_null()) continue;
      const std::vector<Value> items = v->kind == K::kList ? v->list : std::vector<Value>{*v};
      for (const Value& item : items) {
        Row next = row;
        next[c.var] = item;
        absl::Status s = guard_.AddRow(ApproxRowBytes(next));
        if (!s.ok()) return s;
        out.push_back(std::move(next));
      }
    }
    AddScope(c.var);
    rows_ = std::move(out);
    rows_bytes_ = guard_.clause_bytes();
    return absl::OkStatus();
  }

  // CALL: every input row joined with each row the procedure yields (it
  // takes no arguments, so it runs once). Alone in the query, its rows are
  // the result.
  absl::Status Call(const Clause& c, bool standalone, QueryResult* result) {
    const Procedure* procedure = FindProcedure(c.procedure);  // the binder checked
    absl::StatusOr<std::vector<std::vector<Value>>> found =
        CallProcedure(*procedure, *ctx_.graph, &guard_);
    if (!found.ok()) return found.status();
    std::vector<std::pair<size_t, std::string>> yields;  // output index, variable
    const std::vector<std::string>& outputs = procedure->outputs;
    for (size_t i = 0; c.yields.empty() && i < outputs.size(); ++i) {
      yields.emplace_back(i, outputs[i]);
    }
    for (const auto& [field, var] : c.yields) {
      yields.emplace_back(std::find(outputs.begin(), outputs.end(), field) - outputs.begin(), var);
    }
    std::vector<Row> out;
    guard_.BeginClause(rows_bytes_);
    for (const Row& row : rows_) {
      for (const std::vector<Value>& values : *found) {
        Row next = row;
        for (const auto& [i, var] : yields) next[var] = values[i];
        absl::StatusOr<bool> keep = Holds(c.where, next, ctx_);
        if (!keep.ok()) return keep.status();
        if (!*keep) continue;
        if (absl::Status s = guard_.AddRow(ApproxRowBytes(next)); !s.ok()) return s;
        out.push_back(std::move(next));
      }
    }
    for (const auto& [i, var] : yields) AddScope(var);
    rows_ = std::move(out);
    rows_bytes_ = guard_.clause_bytes();
    if (!standalone) return absl::OkStatus();
    for (const auto& [i, var] : yields) result->columns.push_back(var);
    for (const Row& row : rows_) {
      std::vector<Value> values;
      for (const auto& [i, var] : yields) values.push_back(row.at(var));
      result->rows.push_back(std::move(values));
    }
    return absl::OkStatus();
  }

  absl::Status Create(const Clause& c) {
    for (Row& row : rows_) {
      absl::Status s = CreatePatterns(c.patterns, ctx_, sink_, &row);
      if (!s.ok()) return s;
    }
    for (const std::string& v : PatternVariables(c.patterns)) AddScope(v);
    return absl::OkStatus();
  }

  absl::Status Project(const Projection& p, bool is_return, QueryResult* result);

  EvalContext ctx_;
  GraphSink* sink_;
  Guard guard_;
  bool profile_ = false;
  std::vector<Row> rows_;
  std::vector<Row> out_;      // the running MATCH's output
  int64_t rows_bytes_ = 0;    // approximate bytes of rows_
  std::vector<std::string> scope_;  // variables visible to the next clause
};

absl::Status Executor::Project(const Projection& p, bool is_return, QueryResult* result) {
  // The items, with * expanded to the variables in scope (sorted, as the TCK expects).
  std::vector<ProjectionItem> items;
  if (p.star) {
    std::vector<std::string> names = scope_;
    std::sort(names.begin(), names.end());
    for (const std::string& n : names) {
      ProjectionItem item;
      item.expr = std::make_shared<Expr>();
      item.expr->kind = Expr::Kind::kVar;
      item.expr->name = n;
      item.alias = n;
      items.push_back(std::move(item));
    }
  }
  items.insert(items.end(), p.items.begin(), p.items.end());
  if (items.empty()) return absl::InvalidArgumentError("SyntaxError: RETURN * with no variables");

  std::vector<std::vector<const Expr*>> item_aggs(items.size());
  std::vector<const Expr*> all_aggs;
  bool aggregating = false;
  for (size_t i = 0; i < items.size(); ++i) {
    CollectAggregates(*items[i].expr, &item_aggs[i]);
    aggregating |= !item_aggs[i].empty();
    all_aggs.insert(all_aggs.end(), item_aggs[i].begin(), item_aggs[i].end());
  }
  for (const SortItem& s : p.order_by) CollectAggregates(*s.expr, &all_aggs);

  // One output row: the items evaluated on `row`, then the sort keys, which
  // see `row` overlaid with the new aliases. Grouped rows pass the group's
  // first row and a context holding the group's aggregates.
  auto project = [&](const Row& row, const EvalContext& ctx,
                     const Row* source) -> absl::StatusOr<Projected> {
    Projected pr;
    for (const ProjectionItem& item : items) {
      absl::StatusOr<Value> v = Evaluate(*item.expr, row, ctx);
      if (!v.ok()) return v.status();
      pr.values.push_back(*std::move(v));
    }
    if (!p.order_by.empty()) {
      Row env = row;
      for (size_t i = 0; i < items.size(); ++i) env[items[i].alias] = pr.values[i];
      for (const SortItem& s : p.order_by) {
        absl::StatusOr<Value> v = Evaluate(*s.expr, env, ctx);
        if (!v.ok()) return v.status();
        pr.sort_keys.push_back(*std::move(v));
      }
    }
    pr.source = source;
    return pr;
  };

  std::vector<Projected> out;
  if (!aggregating) {
    for (const Row& row : rows_) {
      absl::StatusOr<Projected> pr = project(row, ctx_, &row);
      if (!pr.ok()) return pr.status();
      out.push_back(*std::move(pr));
    }
  } else {
    // Group by the values of the non-aggregate items.
    std::map<std::vector<Value>, std::vector<const Row*>, VectorLess> groups;
    std::vector<std::vector<Value>> order;  // first-seen order of groups
    for (const Row& row : rows_) {
      std::vector<Value> key;
      for (size_t i = 0; i < items.size(); ++i) {
        if (!item_aggs[i].empty()) continue;
        absl::StatusOr<Value> v = Evaluate(*items[i].expr, row, ctx_);
        if (!v.ok()) return v.status();
        key.push_back(*std::move(v));
      }
      auto [it, inserted] = groups.try_emplace(key);
      if (inserted) order.push_back(key);
      it->second.push_back(&row);
    }
    bool has_keys = false;
    for (const auto& a : item_aggs) has_keys |= a.empty();
    if (groups.empty() && !has_keys) {
      groups[{}];
      order.push_back({});
    }
    const Row empty;
    for (const std::vector<Value>& key : order) {
      const std::vector<const Row*>& members = groups[key];
      absl::flat_hash_map<const Expr*, Value> agg_values;
      for (const Expr* call : all_aggs) {
        std::vector<Value> args;
        // collect() keeps every argument, and projecting its list copies
        // it once more: charge both, with the group's row pointers.
        int64_t args_bytes = static_cast<int64_t>(members.size() * sizeof(const Row*));
        for (const Row* r : members) {
          if (call->star || call->args.empty()) { args.push_back(Value::Null()); continue; }
          absl::StatusOr<Value> v = Evaluate(*call->args[0], *r, ctx_);
          if (!v.ok()) return v.status();
          args_bytes += 2 * ApproxValueBytes(*v);
          absl::Status budget = guard_.ReserveValue(args_bytes, 1, call->name + "()");
          if (!budget.ok()) return budget;
          args.push_back(*std::move(v));
        }
        Value param;
        if (call->args.size() > 1) {
          absl::StatusOr<Value> v = Evaluate(*call->args[1], members.empty() ? Row() : *members[0], ctx_);
          if (!v.ok()) return v.status();
          param = *std::move(v);
        }
        absl::StatusOr<Value> a = Aggregate(*call, std::move(args), param);
        if (!a.ok()) return a.status();
        agg_values[call] = *std::move(a);
      }
      EvalContext ctx = ctx_;
      ctx.aggregates = &agg_values;
      const Row& first = members.empty() ? empty : *members[0];
      absl::StatusOr<Projected> pr = project(first, ctx, members.empty() ? nullptr : members[0]);
      if (!pr.ok()) return pr.status();
      out.push_back(*std::move(pr));
    }
  }

  if (p.distinct) {
    std::map<std::vector<Value>, bool, VectorLess> seen;
    std::vector<Projected> unique;
    for (Projected& pr : out) {
      if (seen.try_emplace(pr.values, true).second) unique.push_back(std::move(pr));
    }
    out = std::move(unique);
  }
  if (!p.order_by.empty()) {
    std::stable_sort(out.begin(), out.end(), [&](const Projected& a, const Projected& b) {
      for (size_t i = 0; i < p.order_by.size(); ++i) {
        int c = OrderCompare(a.sort_keys[i], b.sort_keys[i]);
        if (p.order_by[i].descending) c = -c;
        if (c != 0) return c < 0;
      }
      return false;
    });
  }
  size_t begin = 0, end = out.size();
  if (p.skip) {
    absl::StatusOr<int64_t> n = EvalCount(p.skip, ctx_, "SKIP");
    if (!n.ok()) return n.status();
    begin = std::min<size_t>(*n, out.size());
  }
  if (p.limit) {
    absl::StatusOr<int64_t> n = EvalCount(p.limit, ctx_, "LIMIT");
    if (!n.ok()) return n.status();
    end = std::min<size_t>(begin + *n, out.size());
  }

  if (is_return) {
    result->columns.clear();
    for (const ProjectionItem& item : items) result->columns.push_back(item.alias);
    for (size_t i = begin; i < end; ++i) result->rows.push_back(std::move(out[i].values));
    return absl::OkStatus();
  }
  std::vector<Row> next;
  for (size_t i = begin; i < end; ++i) {
    Row row;
    for (size_t j = 0; j < items.size(); ++j) row[items[j].alias] = out[i].values[j];
    // WHERE also sees the variables bound before the WITH.
    Row env = out[i].source != nullptr && p.where ? *out[i].source : Row();
    for (const auto& [k, v] : row) env[k] = v;
    absl::StatusOr<bool> keep = Holds(p.where, env, ctx_);
    if (!keep.ok()) return keep.status();
    if (*keep) next.push_back(std::move(row));
  }
  rows_ = std::move(next);
  rows_bytes_ = 0;
  for (const Row& row : rows_) rows_bytes_ += ApproxRowBytes(row);
  scope_.clear();
  for (const ProjectionItem& item : items) AddScope(item.alias);
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<QueryResult> Execute(const QueryPlan& plan, const GraphSource& source,
                                    GraphSink* sink, const Params& params,
                                    const ExecOptions& options) {
  Executor ex(source, sink, params, options);
  return ex.Run(plan);
}

absl::StatusOr<QueryResult> Execute(const Query& query, const GraphSource& source,
                                    GraphSink* sink, const Params& params,
                                    const ExecOptions& options) {
  absl::StatusOr<BoundQuery> bound = Bind(query);
  if (!bound.ok()) return bound.status();
  PlanOptions plan_options;
  plan_options.prune_var_length = options.prune_var_length;
  return Execute(Plan(*bound, plan_options), source, sink, params, options);
}

absl::StatusOr<QueryResult> RunCypher(absl::string_view text, InMemoryGraph* graph,
                                      const Params& params, const ExecOptions& options) {
  absl::StatusOr<Query> q = ParseQuery(text);
  if (!q.ok()) return q.status();
  return Execute(*q, *graph, graph, params, options);
}

// Through the one table writer, so a plan reads like any other answer.
std::string FormatPlan(const std::vector<PlanStep>& plan, bool profiled) {
  queries::Table table;
  table.columns = {"clause", "operator", "details", "estimated rows"};
  if (profiled) table.columns.insert(table.columns.end(), {"rows", "ms"});
  for (const PlanStep& s : plan) {
    queries::TableRow row;
    row.cells = {absl::StrCat(s.clause), s.op, s.details,
                 s.estimated_rows < 0 ? "-" : absl::StrCat(s.estimated_rows)};
    if (profiled) {
      row.cells.push_back(s.rows < 0 ? "-" : absl::StrCat(s.rows));
      row.cells.push_back(s.time == absl::ZeroDuration()
                              ? ""
                              : absl::StrFormat("%.3f", absl::ToDoubleMilliseconds(s.time)));
    }
    table.rows.push_back(std::move(row));
  }
  return queries::TableToText(table);
}

}  // namespace newsgraph::cypher
