#include "queries/cypher/executor/eval.h"

#include <cmath>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "queries/cypher/executor/match.h"
#include "re2/re2.h"

namespace newsgraph::cypher {
namespace {

using EK = Expr::Kind;
using K = Value::Kind;

absl::Status TypeError(absl::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat("TypeError: ", what));
}

// Boolean operand of AND/OR/XOR/NOT: true, false, or unknown for null.
absl::StatusOr<Tri> AsTri(const Value& v) {
  if (v.is_null()) return Tri::kUnknown;
  if (v.kind != K::kBool) return TypeError("expected a boolean");
  return v.b ? Tri::kTrue : Tri::kFalse;
}

absl::StatusOr<Value> Arithmetic(const std::string& op, const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Value::Null();
  if (op == "+") {
    if (a.kind == K::kList || b.kind == K::kList) {
      std::vector<Value> out;
      if (a.kind == K::kList) out = a.list; else out.push_back(a);
      if (b.kind == K::kList) out.insert(out.end(), b.list.begin(), b.list.end());
      else out.push_back(b);
      return Value::List(std::move(out));
    }
    if (a.kind == K::kString || b.kind == K::kString) {
      if ((a.kind != K::kString && !a.is_number()) || (b.kind != K::kString && !b.is_number()))
        return TypeError("cannot add these types");
      return Value::String(absl::StrCat(a.kind == K::kString ? a.s : FormatValue(a, nullptr),
                                        b.kind == K::kString ? b.s : FormatValue(b, nullptr)));
    }
  }
  if (!a.is_number() || !b.is_number()) return TypeError(absl::StrCat("cannot apply ", op));
  if (op == "^") return Value::Float(std::pow(a.AsDouble(), b.AsDouble()));
  if (a.kind == K::kInt && b.kind == K::kInt) {
    const int64_t x = a.i, y = b.i;
    int64_t r = 0;
    if (op == "+") { if (__builtin_add_overflow(x, y, &r)) return absl::InvalidArgumentError("integer overflow"); }
    else if (op == "-") { if (__builtin_sub_overflow(x, y, &r)) return absl::InvalidArgumentError("integer overflow"); }
    else if (op == "*") { if (__builtin_mul_overflow(x, y, &r)) return absl::InvalidArgumentError("integer overflow"); }
    else if (op == "/" || op == "%") {
      if (y == 0) return absl::InvalidArgumentError("ArithmeticError: / by zero");
      // INT64_MIN / -1 does not fit, and x86 traps on it (for % too).
      if (x == INT64_MIN && y == -1) {
        if (op == "/") return absl::InvalidArgumentError("integer overflow");
        return Value::Int(0);
      }
      r = op == "/" ? x / y : x % y;
    }
    return Value::Int(r);
  }
  const double x = a.AsDouble(), y = b.AsDouble();
  if (op == "+") return Value::Float(x + y);
  if (op == "-") return Value::Float(x - y);
  if (op == "*") return Value::Float(x * y);
  if (op == "/") return Value::Float(x / y);
  return Value::Float(std::fmod(x, y));
}

// `text =~ pattern`: openCypher follows Java's String.matches, a match of
// the whole string. RE2 runs in time linear in the text, so a pattern like
// (a*)*b cannot backtrack exponentially as std::regex did.
absl::StatusOr<Value> RegexMatch(const std::string& text, const std::string& pattern) {
  RE2::Options options;
  options.set_log_errors(false);
  const RE2 re(pattern, options);
  if (!re.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "InvalidArgumentValue: bad regular expression '", pattern, "': ", re.error()));
  }
  return Value::Bool(RE2::FullMatch(text, re));
}

// Charges the list or string `a + b` would build against the memory budget,
// so repeated concatenation cannot outgrow it.
absl::Status ReserveSum(const Value& a, const Value& b, const EvalContext& ctx) {
  if (a.kind == K::kList || b.kind == K::kList) {
    const int64_t n = (a.kind == K::kList ? static_cast<int64_t>(a.list.size()) : 1) +
                      (b.kind == K::kList ? static_cast<int64_t>(b.list.size()) : 1);
    return ReserveValue(ctx.guard, n, sizeof(Value), "list concatenation");
  }
  if (a.kind == K::kString && b.kind == K::kString) {
    return ReserveValue(ctx.guard, static_cast<int64_t>(a.s.size() + b.s.size()), 1,
                        "string concatenation");
  }
  return absl::OkStatus();
}

absl::StatusOr<Value> Binary(const Expr& e, const Row& row, const EvalContext& ctx) {
  const std::string& op = e.op;
  absl::StatusOr<Value> lhs = Evaluate(*e.args[0], row, ctx);
  if (!lhs.ok()) return lhs.status();
  if (op == "AND" || op == "OR" || op == "XOR") {
    absl::StatusOr<Tri> a = AsTri(*lhs);
    if (!a.ok()) return a.status();
    absl::StatusOr<Value> rhs = Evaluate(*e.args[1], row, ctx);
    if (!rhs.ok()) return rhs.status();
    absl::StatusOr<Tri> b = AsTri(*rhs);
    if (!b.ok()) return b.status();
    const Tri x = *a, y = *b;
    if (op == "AND") {
      if (x == Tri::kFalse || y == Tri::kFalse) return Value::Bool(false);
      if (x == Tri::kUnknown || y == Tri::kUnknown) return Value::Null();
      return Value::Bool(true);
    }
    if (op == "OR") {
      if (x == Tri::kTrue || y == Tri::kTrue) return Value::Bool(true);
      if (x == Tri::kUnknown || y == Tri::kUnknown) return Value::Null();
      return Value::Bool(false);
    }
    if (x == Tri::kUnknown || y == Tri::kUnknown) return Value::Null();
    return Value::Bool(x != y);
  }
  absl::StatusOr<Value> rhs = Evaluate(*e.args[1], row, ctx);
  if (!rhs.ok()) return rhs.status();
  const Value& a = *lhs;
  const Value& b = *rhs;
  if (op == "=") return TriToValue(CypherEquals(a, b));
  if (op == "<>") {
    const Tri t = CypherEquals(a, b);
    return t == Tri::kUnknown ? Value::Null() : Value::Bool(t == Tri::kFalse);
  }
  if (op == "<" || op == ">" || op == "<=" || op == ">=") {
    int c = 0;
    if (!CypherCompare(a, b, &c)) return Value::Null();
    if (op == "<") return Value::Bool(c < 0);
    if (op == ">") return Value::Bool(c > 0);
    if (op == "<=") return Value::Bool(c <= 0);
    return Value::Bool(c >= 0);
  }
  if (op == "IN") {
    if (b.is_null()) return Value::Null();
    if (b.kind != K::kList) return TypeError("IN expects a list");
    bool unknown = false;
    for (const Value& x : b.list) {
      const Tri t = CypherEquals(a, x);
      if (t == Tri::kTrue) return Value::Bool(true);
      if (t == Tri::kUnknown) unknown = true;
    }
    return unknown ? Value::Null() : Value::Bool(false);
  }
  if (op == "STARTS WITH" || op == "ENDS WITH" || op == "CONTAINS" || op == "=~") {
    if (a.kind != K::kString || b.kind != K::kString) return Value::Null();
    if (op == "STARTS WITH") return Value::Bool(absl::StartsWith(a.s, b.s));
    if (op == "ENDS WITH") return Value::Bool(absl::EndsWith(a.s, b.s));
    if (op == "CONTAINS") return Value::Bool(absl::StrContains(a.s, b.s));
    return RegexMatch(a.s, b.s);
  }
  if (op == "+") {
    absl::Status s = ReserveSum(a, b, ctx);
    if (!s.ok()) return s;
  }
  return Arithmetic(op, a, b);
}

absl::StatusOr<Value> Property(const Value& base, const std::string& key,
                               const EvalContext& ctx) {
  const PropertyMap* props = nullptr;
  if (base.is_null()) return Value::Null();
  if (base.kind == K::kNode) props = &ctx.graph->NodeProperties(base.i);
  else if (base.kind == K::kRel) props = &ctx.graph->RelProperties(base.i);
  else if (base.kind == K::kMap) props = &base.map;
  else if (base.kind == K::kDate) {
    int64_t part = 0;
    if (!DateComponent(base.i, key, &part)) return TypeError(absl::StrCat("a date has no '", key, "'"));
    return Value::Int(part);
  }
  else return TypeError(absl::StrCat("cannot read property '", key, "' of this type"));
  auto it = props->find(key);
  return it == props->end() ? Value::Null() : it->second;
}

// Resolves negative indexes and clamps to [0, n].
int64_t ClampIndex(int64_t i, int64_t n) {
  if (i < 0) i += n;
  return std::max<int64_t>(0, std::min(i, n));
}

absl::StatusOr<Value> IndexOrSlice(const Expr& e, const Row& row, const EvalContext& ctx) {
  absl::StatusOr<Value> base = Evaluate(*e.args[0], row, ctx);
  if (!base.ok()) return base.status();
  std::vector<Value> idx;
  for (size_t i = 1; i < e.args.size(); ++i) {
    if (e.args[i] == nullptr) { idx.push_back(Value::Null()); continue; }
    absl::StatusOr<Value> v = Evaluate(*e.args[i], row, ctx);
    if (!v.ok()) return v.status();
    if (v->is_null()) return Value::Null();
    idx.push_back(*v);
  }
  if (base->is_null()) return Value::Null();
  if (e.kind == EK::kIndex) {
    if (idx[0].kind == K::kString) return Property(*base, idx[0].s, ctx);
    if (base->kind != K::kList || idx[0].kind != K::kInt) return TypeError("bad index");
    const int64_t n = static_cast<int64_t>(base->list.size());
    int64_t i = idx[0].i < 0 ? idx[0].i + n : idx[0].i;
    if (i < 0 || i >= n) return Value::Null();
    return base->list[i];
  }
  if (base->kind != K::kList) return TypeError("slice of a non-list");
  const int64_t n = static_cast<int64_t>(base->list.size());
  const int64_t lo = e.args[1] ? ClampIndex(idx[0].i, n) : 0;
  const int64_t hi = e.args[2] ? ClampIndex(idx[1].i, n) : n;
  std::vector<Value> out;
  for (int64_t i = lo; i < hi; ++i) out.push_back(base->list[i]);
  return Value::List(std::move(out));
}

// [x IN list WHERE p | f] and all/any/none/single(x IN list WHERE p).
absl::StatusOr<Value> Iterate(const Expr& e, const Row& row, const EvalContext& ctx) {
  absl::StatusOr<Value> list = Evaluate(*e.args[0], row, ctx);
  if (!list.ok()) return list.status();
  if (list->is_null()) return Value::Null();
  if (list->kind != K::kList) return TypeError("expected a list");
  Row inner = row;
  std::vector<Value> out;
  int64_t trues = 0, unknowns = 0;
  int64_t out_bytes = 0;  // of the comprehension's result so far
  for (const Value& x : list->list) {
    absl::Status step = GuardStep(ctx.guard);
    if (!step.ok()) return step;
    inner[e.name] = x;
    Tri pass = Tri::kTrue;
    if (e.args[1]) {
      absl::StatusOr<Value> p = Evaluate(*e.args[1], inner, ctx);
      if (!p.ok()) return p.status();
      absl::StatusOr<Tri> t = AsTri(*p);
      if (!t.ok()) return t.status();
      pass = *t;
    }
    if (pass == Tri::kTrue) ++trues;
    if (pass == Tri::kUnknown) ++unknowns;
    if (e.kind == EK::kListComp && pass == Tri::kTrue) {
      if (e.args[2] == nullptr) { out.push_back(x); continue; }
      absl::StatusOr<Value> v = Evaluate(*e.args[2], inner, ctx);
      if (!v.ok()) return v.status();
      // Each element may itself be a nested list: charge all of it, so
      // [x IN range(...) | [y IN ... ]] cannot multiply past the budget.
      out_bytes += ApproxValueBytes(*v);
      absl::Status budget = ReserveValue(ctx.guard, out_bytes, 1, "list comprehension");
      if (!budget.ok()) return budget;
      out.push_back(*std::move(v));
    }
  }
  if (e.kind == EK::kListComp) return Value::List(std::move(out));
  const int64_t n = static_cast<int64_t>(list->list.size());
  if (e.op == "all") {
    if (trues == n) return Value::Bool(true);
    return trues + unknowns == n ? Value::Null() : Value::Bool(false);
  }
  if (e.op == "any") return trues > 0 ? Value::Bool(true) : (unknowns ? Value::Null() : Value::Bool(false));
  if (e.op == "none") return trues > 0 ? Value::Bool(false) : (unknowns ? Value::Null() : Value::Bool(true));
  if (unknowns) return Value::Null();
  return Value::Bool(trues == 1);
}

absl::StatusOr<Value> Case(const Expr& e, const Row& row, const EvalContext& ctx) {
  size_t i = 0;
  Value subject;
  if (e.has_subject) {
    absl::StatusOr<Value> s = Evaluate(*e.args[i++], row, ctx);
    if (!s.ok()) return s.status();
    subject = *s;
  }
  const size_t end = e.args.size() - (e.has_else ? 1 : 0);
  for (; i + 1 < end + 1 && i < end; i += 2) {
    absl::StatusOr<Value> w = Evaluate(*e.args[i], row, ctx);
    if (!w.ok()) return w.status();
    const bool hit = e.has_subject ? CypherEquals(subject, *w) == Tri::kTrue
                                   : (w->kind == K::kBool && w->b);
    if (hit) return Evaluate(*e.args[i + 1], row, ctx);
  }
  if (e.has_else) return Evaluate(*e.args.back(), row, ctx);
  return Value::Null();
}

// shortestPath(...) (the path, or null) and allShortestPaths(...) (a list)
// as expressions: the pattern matched with a hidden path variable.
absl::StatusOr<Value> ShortestPathValue(const Expr& e, const Row& row, const EvalContext& ctx) {
  std::vector<Row> matches;
  absl::Status s = MatchPatternExpr(e, row, ctx, &matches);
  if (!s.ok()) return s;
  std::vector<Value> paths;
  for (const Row& m : matches) paths.push_back(m.at(kHiddenPathVar));
  if (e.pattern->shortest == PatternPart::Shortest::kAll) return Value::List(std::move(paths));
  return paths.empty() ? Value::Null() : paths[0];
}

// The parser caps bracket nesting, not chains like 1 + 1 + ... + 1, which
// nest one Binary node per operator; evaluating each level takes a few
// recursive frames (kilobytes under sanitizers). Deeper than this is an
// error rather than a stack overflow. Above the parser's bracket cap (256),
// so every bracket-nested expression that parses still evaluates.
constexpr int kMaxEvalDepth = 320;
thread_local int eval_depth = 0;

class EvalDepthScope {
 public:
  EvalDepthScope() { ++eval_depth; }
  ~EvalDepthScope() { --eval_depth; }
  bool too_deep() const { return eval_depth > kMaxEvalDepth; }
};

absl::StatusOr<Value> EvaluateNode(const Expr& e, const Row& row, const EvalContext& ctx);

}  // namespace

absl::StatusOr<Value> Evaluate(const Expr& e, const Row& row, const EvalContext& ctx) {
  EvalDepthScope depth;
  if (depth.too_deep()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "SyntaxError: expression nested too deeply to evaluate (more than ", kMaxEvalDepth,
        " levels); split long operator chains with WITH"));
  }
  return EvaluateNode(e, row, ctx);
}

namespace {

absl::StatusOr<Value> EvaluateNode(const Expr& e, const Row& row, const EvalContext& ctx) {
  switch (e.kind) {
    case EK::kLiteral: return e.value;
    case EK::kParam: {
      if (ctx.params != nullptr) {
        auto it = ctx.params->find(e.name);
        if (it != ctx.params->end()) return it->second;
      }
      return absl::InvalidArgumentError(absl::StrCat("ParameterMissing: $", e.name));
    }
    case EK::kVar: {
      auto it = row.find(e.name);
      if (it == row.end()) return absl::InvalidArgumentError(absl::StrCat("UndefinedVariable: ", e.name));
      return it->second;
    }
    case EK::kProperty: {
      absl::StatusOr<Value> base = Evaluate(*e.args[0], row, ctx);
      if (!base.ok()) return base.status();
      return Property(*base, e.name, ctx);
    }
    case EK::kList:
    case EK::kMap: {
      std::vector<Value> vals;
      for (const ExprPtr& a : e.args) {
        absl::StatusOr<Value> v = Evaluate(*a, row, ctx);
        if (!v.ok()) return v.status();
        vals.push_back(*std::move(v));
      }
      if (e.kind == EK::kList) return Value::List(std::move(vals));
      std::map<std::string, Value> m;
      for (size_t i = 0; i < vals.size(); ++i) m[e.keys[i]] = std::move(vals[i]);
      return Value::Map(std::move(m));
    }
    case EK::kUnary: {
      absl::StatusOr<Value> v = Evaluate(*e.args[0], row, ctx);
      if (!v.ok()) return v.status();
      if (e.op == "NOT") {
        absl::StatusOr<Tri> t = AsTri(*v);
        if (!t.ok()) return t.status();
        return *t == Tri::kUnknown ? Value::Null() : Value::Bool(*t == Tri::kFalse);
      }
      if (v->is_null() || e.op == "+") return *v;
      if (v->kind == K::kInt) {
        if (v->i == INT64_MIN) return absl::InvalidArgumentError("IntegerOverflow: cannot negate");
        return Value::Int(-v->i);
      }
      if (v->kind == K::kFloat) return Value::Float(-v->f);
      return TypeError("cannot negate");
    }
    case EK::kBinary: return Binary(e, row, ctx);
    case EK::kIsNull: {
      absl::StatusOr<Value> v = Evaluate(*e.args[0], row, ctx);
      if (!v.ok()) return v.status();
      return Value::Bool(v->is_null() != e.negated);
    }
    case EK::kFunction: {
      if (ctx.aggregates != nullptr) {
        auto it = ctx.aggregates->find(&e);
        if (it != ctx.aggregates->end()) return it->second;
      }
      if (IsAggregateFunction(e.name)) {
        return absl::InvalidArgumentError("InvalidAggregation: aggregate in this position");
      }
      // exists(pattern) asks whether the pattern matches (its value, a
      // boolean, is never null); exists(x) of anything else, whether x is.
      if (e.name == "exists" && e.args.size() == 1 && e.args[0]->kind == EK::kPattern) {
        return Evaluate(*e.args[0], row, ctx);
      }
      std::vector<Value> args;
      for (const ExprPtr& a : e.args) {
        absl::StatusOr<Value> v = Evaluate(*a, row, ctx);
        if (!v.ok()) return v.status();
        args.push_back(*std::move(v));
      }
      return CallFunction(e.name, args, ctx);
    }
    case EK::kIndex:
    case EK::kSlice: return IndexOrSlice(e, row, ctx);
    case EK::kHasLabels: {
      absl::StatusOr<Value> v = Evaluate(*e.args[0], row, ctx);
      if (!v.ok()) return v.status();
      if (v->is_null()) return Value::Null();
      if (v->kind != K::kNode) return TypeError("label test on a non-node");
      const auto& labels = ctx.graph->Labels(v->i);
      for (const std::string& l : e.keys) {
        if (std::find(labels.begin(), labels.end(), l) == labels.end()) return Value::Bool(false);
      }
      return Value::Bool(true);
    }
    case EK::kCase: return Case(e, row, ctx);
    case EK::kListComp:
    case EK::kQuantifier: return Iterate(e, row, ctx);
    case EK::kPattern: {
      if (e.pattern->shortest != PatternPart::Shortest::kNone) return ShortestPathValue(e, row, ctx);
      std::vector<Row> matches;
      absl::Status s = MatchPatternExpr(e, row, ctx, &matches);
      if (!s.ok()) return s;
      return Value::Bool(!matches.empty());
    }
  }
  return absl::InternalError("unknown expression kind");
}

}  // namespace

void CollectAggregates(const Expr& e, std::vector<const Expr*>* out) {
  if (e.kind == EK::kFunction && IsAggregateFunction(e.name)) {
    out->push_back(&e);
    return;
  }
  for (const ExprPtr& a : e.args) if (a) CollectAggregates(*a, out);
}

}  // namespace newsgraph::cypher
