#include "queries/cypher/binder/binder.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "queries/cypher/executor/eval.h"
#include "queries/cypher/executor/procedures.h"

namespace newsgraph::cypher {
namespace {

// kValue: any value, known only when run; kNonEntity: surely not a node,
// relationship or path (a literal, list or map).
enum class VarKind { kNode, kRel, kRelList, kPath, kValue, kNonEntity };

const char* KindName(VarKind k) {
  switch (k) {
    case VarKind::kNode: return "a node";
    case VarKind::kRel: return "a relationship";
    case VarKind::kRelList: return "a relationship list";
    case VarKind::kPath: return "a path";
    case VarKind::kValue: return "a value";
    case VarKind::kNonEntity: return "a value";
  }
  return "?";
}

absl::Status Error(absl::string_view kind, absl::string_view detail) {
  return absl::InvalidArgumentError(absl::StrCat(kind, ": ", detail));
}

class Binder {
 public:
  absl::Status Run(const Query& q) {
    bound_.query = &q;
    for (size_t i = 0; i < q.clauses.size(); ++i) {
      const Clause& c = q.clauses[i];
      clause_ = static_cast<int>(i);
      BoundClause clause;
      for (const auto& [name, kind] : scope_) clause.scope.insert(name);
      bound_.clauses.push_back(std::move(clause));
      const bool last = i + 1 == q.clauses.size();
      absl::Status s;
      switch (c.kind) {
        case Clause::Kind::kMatch:
          s = Patterns(c.patterns, /*create=*/false);
          if (s.ok() && c.where) s = Check(*c.where, /*allow_aggregates=*/false);
          break;
        case Clause::Kind::kCreate: s = Patterns(c.patterns, /*create=*/true); break;
        case Clause::Kind::kUnwind:
          s = Check(*c.expr, false);
          if (s.ok()) scope_[c.var] = VarKind::kValue;
          break;
        case Clause::Kind::kWith:
        case Clause::Kind::kReturn: s = Projection(c.projection); break;
        case Clause::Kind::kCall: s = Call(c, /*standalone=*/q.clauses.size() == 1); break;
      }
      if (!s.ok()) return s;
      if (c.kind == Clause::Kind::kReturn && !last) return Error("SyntaxError", "RETURN must be last");
      const bool standalone_call = c.kind == Clause::Kind::kCall && q.clauses.size() == 1;
      if (last && c.kind != Clause::Kind::kReturn && c.kind != Clause::Kind::kCreate &&
          !standalone_call) {
        return Error("SyntaxError", "a query must end with RETURN or an update");
      }
    }
    return absl::OkStatus();
  }

 private:
  // Declares or reuses `name` as `kind` inside the current pattern list.
  absl::Status Use(const std::string& name, VarKind kind, bool create_with_detail) {
    if (name.empty()) return absl::OkStatus();
    auto it = scope_.find(name);
    if (it == scope_.end()) {
      scope_[name] = kind;
      clause_vars_.insert(name);
      return absl::OkStatus();
    }
    const VarKind have = it->second;
    const bool same_clause = clause_vars_.contains(name);
    if (have == VarKind::kPath) {
      // Inside the path's own pattern the name is still being bound.
      return Error(name == current_path_ ? "VariableAlreadyBound" : "VariableTypeConflict",
                   absl::StrCat(name, " is a path"));
    }
    if (create_with_detail) return Error("VariableAlreadyBound", name);
    // A list value may hold the relationships of a variable-length pattern.
    if (have == VarKind::kNonEntity && kind != VarKind::kRelList) {
      return Error("VariableTypeConflict", absl::StrCat(name, " is a value, used as ", KindName(kind)));
    }
    if (have == VarKind::kValue || have == VarKind::kNonEntity) return absl::OkStatus();  // checked when run
    const bool rel_like = kind == VarKind::kRel || kind == VarKind::kRelList;
    const bool have_rel_like = have == VarKind::kRel || have == VarKind::kRelList;
    if (rel_like != have_rel_like) {
      return Error("VariableTypeConflict", absl::StrCat(name, " is ", KindName(have),
                                                        ", used as ", KindName(kind)));
    }
    if (rel_like && same_clause) return Error("RelationshipUniquenessViolation", name);
    if (kind != have && rel_like) return Error("VariableTypeConflict", name);
    return absl::OkStatus();
  }

  // CALL: a known procedure, its arguments, and fields it yields. Alone it
  // is a whole query; inside one it must say what it yields (YIELD).
  absl::Status Call(const Clause& c, bool standalone) {
    const Procedure* procedure = FindProcedure(c.procedure);
    if (procedure == nullptr) {
      std::vector<std::string> names;
      for (const Procedure& p : Procedures()) names.push_back(p.name);
      return Error("ProcedureNotFound",
                   absl::StrCat("there is no procedure ", c.procedure, " (there are ",
                                absl::StrJoin(names, ", "), ")"));
    }
    if (!c.args.empty()) {
      return Error("InvalidNumberOfArguments", absl::StrCat(c.procedure, "() takes no arguments"));
    }
    if (!standalone && c.yields.empty()) {
      return Error("SyntaxError", absl::StrCat("CALL ", c.procedure, " inside a query needs YIELD (",
                                               absl::StrJoin(procedure->outputs, ", "), ")"));
    }
    for (const auto& [field, var] : c.yields) {
      if (std::find(procedure->outputs.begin(), procedure->outputs.end(), field) ==
          procedure->outputs.end()) {
        return Error("SyntaxError", absl::StrCat("unknown procedure output: ", field, " (",
                                                 c.procedure, " yields ",
                                                 absl::StrJoin(procedure->outputs, ", "), ")"));
      }
      if (scope_.contains(var)) return Error("VariableAlreadyBound", var);
      scope_[var] = VarKind::kNonEntity;
    }
    return c.where ? Check(*c.where, /*allow_aggregates=*/false) : absl::OkStatus();
  }

  absl::Status Patterns(const std::vector<PatternPart>& parts, bool create) {
    clause_vars_.clear();
    for (const PatternPart& part : parts) {
      current_path_ = part.path_var;
      if (!part.path_var.empty()) {
        if (scope_.contains(part.path_var)) return Error("VariableAlreadyBound", part.path_var);
        scope_[part.path_var] = VarKind::kPath;
        clause_vars_.insert(part.path_var);
      }
      for (size_t i = 0; i < part.nodes.size(); ++i) {
        const NodePattern& n = part.nodes[i];
        const bool detail = create && (!n.labels.empty() || n.props) && !clause_vars_.contains(n.var);
        absl::Status s = Use(n.var, VarKind::kNode, detail || (create && part.nodes.size() == 1 &&
                                                               scope_.contains(n.var) && !clause_vars_.contains(n.var)));
        if (!s.ok()) return s;
        if (n.props) {
          if (n.props->kind == Expr::Kind::kParam && !create) return Error("InvalidParameterUse", n.var);
          s = Check(*n.props, false);
          if (!s.ok()) return s;
        }
        if (i == part.rels.size()) continue;
        const RelPattern& r = part.rels[i];
        if (create && (r.types.size() != 1 || r.dir == Direction::kBoth || r.var_length)) {
          return Error("SyntaxError", "CREATE needs one relationship type and a direction");
        }
        s = Use(r.var, r.var_length ? VarKind::kRelList : VarKind::kRel, create);
        if (!s.ok()) return s;
        if (r.props) {
          if (r.props->kind == Expr::Kind::kParam && !create) return Error("InvalidParameterUse", r.var);
          s = Check(*r.props, false);
          if (!s.ok()) return s;
        }
      }
    }
    current_path_.clear();
    return absl::OkStatus();
  }

  absl::Status Projection(const struct Projection& p) {
    absl::flat_hash_set<std::string> names;
    absl::flat_hash_map<std::string, VarKind> next;
    if (p.star) {
      if (scope_.empty()) return Error("NoVariablesInScope", "* with no variables");
      next = scope_;
      for (const auto& [k, v] : scope_) names.insert(k);
    }
    bool aggregating = false;
    for (const ProjectionItem& item : p.items) {
      absl::Status s = Check(*item.expr, /*allow_aggregates=*/true);
      if (!s.ok()) return s;
      if (!names.insert(item.alias).second) return Error("ColumnNameConflict", item.alias);
      std::vector<const Expr*> aggs;
      CollectAggregates(*item.expr, &aggs);
      aggregating |= !aggs.empty();
      VarKind kind = VarKind::kValue;
      if (item.expr->kind == Expr::Kind::kVar) {
        auto it = scope_.find(item.expr->name);
        if (it != scope_.end()) kind = it->second;
      } else if (item.expr->kind == Expr::Kind::kLiteral || item.expr->kind == Expr::Kind::kList ||
                 item.expr->kind == Expr::Kind::kMap) {
        kind = item.expr->value.is_null() && item.expr->kind == Expr::Kind::kLiteral
                   ? VarKind::kValue  // null may stand for anything
                   : VarKind::kNonEntity;
      }
      next[item.alias] = kind;
    }
    if (aggregating) {
      const GroupingKeys keys = KeysOf(p);
      for (const ProjectionItem& item : p.items) {
        absl::Status s = CheckGroupedUse(*item.expr, keys, /*scope=*/nullptr);
        if (!s.ok()) return s;
      }
      for (const SortItem& item : p.order_by) {
        absl::Status s = CheckGroupedUse(*item.expr, keys, &next);
        if (!s.ok()) return s;
      }
    }
    // ORDER BY sees the aliases and the old scope, except after DISTINCT.
    absl::flat_hash_map<std::string, VarKind> order_scope = next;
    if (!p.distinct) for (const auto& [k, v] : scope_) order_scope.try_emplace(k, v);
    std::swap(scope_, order_scope);
    for (const SortItem& s : p.order_by) {
      // After DISTINCT, ORDER BY may repeat a projected expression verbatim.
      const bool projected = std::any_of(p.items.begin(), p.items.end(), [&](const ProjectionItem& i) {
        return !s.expr->text.empty() && i.expr->text == s.expr->text;
      });
      if (p.distinct && projected) continue;
      absl::Status st = Check(*s.expr, /*allow_aggregates=*/aggregating);
      if (!st.ok()) { std::swap(scope_, order_scope); return st; }
    }
    std::swap(scope_, order_scope);
    for (const ExprPtr& e : {p.skip, p.limit}) {
      if (e == nullptr) continue;
      absl::Status st = CheckConstant(*e);
      if (!st.ok()) return st;
    }
    // WHERE sees the old scope too (openCypher WithWhere7); ORDER BY's scope is the same.
    if (p.where) {
      std::swap(scope_, order_scope);
      absl::Status st = Check(*p.where, false);
      if (!st.ok()) return st;
      std::swap(scope_, order_scope);
    }
    scope_ = std::move(next);
    return absl::OkStatus();
  }

  // What an aggregating projection groups by: its plain variables (and
  // their aliases) and its property accesses such as me.age.
  struct GroupingKeys {
    absl::flat_hash_set<std::string> vars, properties;
    std::vector<const Expr*> complex;  // any other grouping expression
  };
  static std::string PropertyKey(const Expr& e) {
    return absl::StrCat(e.args[0]->name, ".", e.name);
  }
  static bool IsVarProperty(const Expr& e) {
    return e.kind == Expr::Kind::kProperty && e.args[0]->kind == Expr::Kind::kVar;
  }
  static GroupingKeys KeysOf(const struct Projection& p) {
    GroupingKeys keys;
    for (const ProjectionItem& item : p.items) {
      std::vector<const Expr*> aggs;
      CollectAggregates(*item.expr, &aggs);
      if (!aggs.empty()) continue;
      keys.vars.insert(item.alias);
      if (item.expr->kind == Expr::Kind::kVar) keys.vars.insert(item.expr->name);
      else if (IsVarProperty(*item.expr)) keys.properties.insert(PropertyKey(*item.expr));
      else keys.complex.push_back(item.expr.get());
    }
    return keys;
  }
  static bool Mentions(const Expr& e, const std::string& var) {
    if (e.kind == Expr::Kind::kVar && e.name == var) return true;
    for (const ExprPtr& a : e.args) if (a != nullptr && Mentions(*a, var)) return true;
    return false;
  }

  // Outside its aggregate calls, an expression that aggregates may use only
  // what the grouping keys fix: with `me.age + count(*)` and no key for
  // me.age, which row's age would it add? (openCypher's
  // AmbiguousAggregationExpression). For ORDER BY, `scope` is the projected
  // names; a variable outside both is undefined there.
  absl::Status CheckGroupedUse(const Expr& e, const GroupingKeys& keys,
                               const absl::flat_hash_map<std::string, VarKind>* scope) {
    std::vector<const Expr*> aggs;
    CollectAggregates(e, &aggs);
    if (aggs.empty()) return absl::OkStatus();
    return GroupedUse(e, keys, scope);
  }
  absl::Status GroupedUse(const Expr& e, const GroupingKeys& keys,
                          const absl::flat_hash_map<std::string, VarKind>* scope) {
    switch (e.kind) {
      case Expr::Kind::kFunction:
        if (IsAggregateFunction(e.name)) return absl::OkStatus();
        break;
      case Expr::Kind::kVar: {
        if (locals_.contains(e.name) || keys.vars.contains(e.name)) return absl::OkStatus();
        const bool in_complex_key = std::any_of(keys.complex.begin(), keys.complex.end(),
                                                [&](const Expr* k) { return Mentions(*k, e.name); });
        if (scope != nullptr && !scope->contains(e.name) && !in_complex_key) {
          return Error("UndefinedVariable", e.name);
        }
        return Error("AmbiguousAggregationExpression",
                     absl::StrCat(e.name, " is used beside an aggregate but is not a grouping key"));
      }
      case Expr::Kind::kProperty:
        if (IsVarProperty(e) && keys.properties.contains(PropertyKey(e))) return absl::OkStatus();
        break;
      case Expr::Kind::kListComp:
      case Expr::Kind::kQuantifier: {
        absl::Status s = GroupedUse(*e.args[0], keys, scope);
        const bool fresh = locals_.insert(e.name).second;
        for (size_t i = 1; i < e.args.size() && s.ok(); ++i) {
          if (e.args[i]) s = GroupedUse(*e.args[i], keys, scope);
        }
        if (fresh) locals_.erase(e.name);
        return s;
      }
      default: break;
    }
    for (const ExprPtr& a : e.args) {
      if (a == nullptr) continue;
      absl::Status s = GroupedUse(*a, keys, scope);
      if (!s.ok()) return s;
    }
    return absl::OkStatus();
  }

  absl::Status CheckConstant(const Expr& e) {
    if (e.kind == Expr::Kind::kVar) return Error("NonConstantExpression", e.name);
    for (const ExprPtr& a : e.args) {
      if (a == nullptr) continue;
      absl::Status s = CheckConstant(*a);
      if (!s.ok()) return s;
    }
    return absl::OkStatus();
  }

  absl::Status Check(const Expr& e, bool allow_aggregates) {
    switch (e.kind) {
      case Expr::Kind::kVar:
        if (!scope_.contains(e.name) && !locals_.contains(e.name)) return Error("UndefinedVariable", e.name);
        return absl::OkStatus();
      case Expr::Kind::kProperty:
        if (e.args[0]->kind == Expr::Kind::kVar) {
          auto it = scope_.find(e.args[0]->name);
          if (it != scope_.end() && (it->second == VarKind::kPath || it->second == VarKind::kRelList)) {
            return Error("InvalidArgumentType", absl::StrCat("property of ", KindName(it->second)));
          }
        }
        break;
      case Expr::Kind::kPattern:
        // Predicates may not introduce variables; anonymous parts are fine.
        for (const NodePattern& n : e.pattern->nodes) {
          if (!n.var.empty() && !scope_.contains(n.var)) return Error("UndefinedVariable", n.var);
        }
        for (const RelPattern& r : e.pattern->rels) {
          if (!r.var.empty() && !scope_.contains(r.var)) return Error("UndefinedVariable", r.var);
        }
        RecordPatternExpr(e);
        return absl::OkStatus();
      case Expr::Kind::kFunction:
        if (!IsKnownFunction(e.name)) return Error("UnknownFunction", e.name);
        if (IsAggregateFunction(e.name)) {
          if (!allow_aggregates) {
            return Error(inside_aggregate_ ? "NestedAggregation" : "InvalidAggregation", e.name);
          }
          // The arguments may not aggregate again.
          inside_aggregate_ = true;
          for (const ExprPtr& a : e.args) {
            absl::Status s = a ? Check(*a, false) : absl::OkStatus();
            if (!s.ok()) { inside_aggregate_ = false; return s; }
          }
          inside_aggregate_ = false;
          return absl::OkStatus();
        }
        break;
      case Expr::Kind::kListComp:
      case Expr::Kind::kQuantifier: {
        absl::Status s = Check(*e.args[0], allow_aggregates);
        if (!s.ok()) return s;
        const bool fresh = locals_.insert(e.name).second;
        for (size_t i = 1; i < e.args.size() && s.ok(); ++i) {
          if (e.args[i]) s = Check(*e.args[i], false);
        }
        if (fresh) locals_.erase(e.name);
        return s;
      }
      default: break;
    }
    for (const ExprPtr& a : e.args) {
      if (a == nullptr) continue;
      absl::Status s = Check(*a, allow_aggregates);
      if (!s.ok()) return s;
    }
    return absl::OkStatus();
  }

  // The named node and relationship variables of a pattern expression are
  // all in scope (checked above); a path name is bound only if it is too.
  void RecordPatternExpr(const Expr& e) {
    BoundPatternExpr out;
    out.expr = &e;
    out.clause = clause_;
    auto add = [&](const std::string& name) {
      if (scope_.contains(name)) out.bound.insert(name);
    };
    add(e.pattern->path_var);
    for (const NodePattern& n : e.pattern->nodes) add(n.var);
    for (const RelPattern& r : e.pattern->rels) add(r.var);
    bound_.pattern_exprs.push_back(std::move(out));
  }

 public:
  BoundQuery Take() { return std::move(bound_); }

 private:
  BoundQuery bound_;
  int clause_ = 0;
  absl::flat_hash_map<std::string, VarKind> scope_;
  absl::flat_hash_set<std::string> clause_vars_;
  std::string current_path_;
  bool inside_aggregate_ = false;  // path variable of the pattern part being bound
  absl::flat_hash_set<std::string> locals_;
};

}  // namespace

absl::StatusOr<BoundQuery> Bind(const Query& query) {
  Binder binder;
  absl::Status s = binder.Run(query);
  if (!s.ok()) return s;
  return binder.Take();
}

}  // namespace newsgraph::cypher
