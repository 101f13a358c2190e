// The recursive-descent parser behind parser.h, shared by the files
// that implement it: parser.cc (clauses and expressions) and
// parser_patterns.cc (node, relationship and path patterns).
// Internal to the parser.
#ifndef NEWSGRAPH_QUERIES_CYPHER_PARSER_PARSER_INTERNAL_H_
#define NEWSGRAPH_QUERIES_CYPHER_PARSER_PARSER_INTERNAL_H_

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "queries/cypher/parser/ast.h"
#include "queries/cypher/parser/lexer.h"

namespace newsgraph::cypher::parser_internal {

using EK = Expr::Kind;

inline ExprPtr Make(EK kind) {
  auto e = std::make_shared<Expr>();
  e->kind = kind;
  return e;
}


// A sticky first error: parse functions return null/false after a failure
// and every caller checks ok(), which keeps the grammar code linear.
class Parser {
 public:
  Parser(absl::string_view q, std::vector<Token> tokens) : q_(q), t_(std::move(tokens)) {}

  absl::Status status() const { return status_; }
  bool ok() const { return status_.ok(); }
  bool AtEnd() const { return Peek().kind == TokenKind::kEnd; }
  void Fail(absl::string_view what) { FailAt(Peek(), what); }

  Query ParseQueryBody() {
    Query query;
    if (Kw("EXPLAIN")) query.mode = Query::Mode::kExplain;
    else if (Kw("PROFILE")) query.mode = Query::Mode::kProfile;
    while (ok() && !AtEnd()) {
      if (Sym(";")) { if (!AtEnd()) Fail("expected end of input"); break; }
      Clause c;
      if (Kw("OPTIONAL")) {
        if (!ExpectKw("MATCH")) break;
        c.optional = true;
        ParseMatch(&c);
      } else if (Kw("MATCH")) {
        ParseMatch(&c);
      } else if (Kw("UNWIND")) {
        c.kind = Clause::Kind::kUnwind;
        const size_t start = pos_;
        c.expr = ParseExpr();
        SetText(c.expr, start);
        if (ExpectKw("AS")) c.var = ParseName("a variable");
      } else if (Kw("WITH")) {
        c.kind = Clause::Kind::kWith;
        ParseProjection(&c.projection, /*with=*/true);
      } else if (Kw("RETURN")) {
        c.kind = Clause::Kind::kReturn;
        ParseProjection(&c.projection, /*with=*/false);
      } else if (Kw("CREATE")) {
        c.kind = Clause::Kind::kCreate;
        ParsePatterns(&c.patterns);
      } else if (Kw("CALL")) {
        ParseCall(&c);
      } else {
        Fail(AtEnd() ? "unexpected end of input" : "expected a clause (MATCH, RETURN, ...)");
      }
      query.clauses.push_back(std::move(c));
    }
    if (ok() && query.clauses.empty()) Fail("expected a clause");
    return query;
  }

  ExprPtr ParseExpr() {
    NestingScope nested(this);
    return ok() ? ParseOr() : Make(EK::kLiteral);
  }

 private:
  // Brackets, NOT and signs nested deeper than this are a syntax error
  // rather than a stack overflow: each level is a dozen recursive calls.
  static constexpr int kMaxNesting = 256;
  // Operator chains (1+1+..., a.b.c..., x[0][0]...) are read by loops, but
  // every later stage -- binder, planner, evaluator, even the destructor --
  // walks the tree recursively. Capping the height where the tree is built
  // means no stage can overflow the stack, whatever the query's length.
  static constexpr int kMaxHeight = 256;
  // Sets e's height from its children's; a tree taller than the cap is a
  // syntax error and stops the parse before it grows any further.
  ExprPtr Grown(ExprPtr e) {
    int below = 0;
    for (const ExprPtr& a : e->args) if (a != nullptr) below = std::max(below, a->height);
    if (e->pattern != nullptr) {
      for (const NodePattern& n : e->pattern->nodes) {
        if (n.props != nullptr) below = std::max(below, n.props->height);
      }
      for (const RelPattern& r : e->pattern->rels) {
        if (r.props != nullptr) below = std::max(below, r.props->height);
      }
    }
    e->height = below + 1;
    if (e->height > kMaxHeight) {
      Fail(absl::StrCat("expression nested too deeply (more than ", kMaxHeight,
                        " operators deep); an IN list or UNWIND keeps long conditions flat"));
    }
    return e;
  }
  ExprPtr MakeBinary(std::string op, ExprPtr a, ExprPtr b) {
    ExprPtr e = Make(EK::kBinary);
    e->op = std::move(op);
    e->args = {std::move(a), std::move(b)};
    return Grown(std::move(e));
  }
  class NestingScope {
   public:
    explicit NestingScope(Parser* p) : p_(p) {
      if (++p_->nesting_ > kMaxNesting) p_->Fail("expression nested too deeply");
    }
    ~NestingScope() { --p_->nesting_; }

   private:
    Parser* p_;
  };

  const Token& Peek(size_t ahead = 0) const {
    return t_[std::min(pos_ + ahead, t_.size() - 1)];
  }
  void FailAt(const Token& t, absl::string_view what) {
    if (!ok()) return;
    status_ = absl::InvalidArgumentError(
        absl::StrCat("line ", t.line, ", column ", t.column, ": ", what));
  }
  bool IsSym(absl::string_view s, size_t ahead = 0) const {
    return Peek(ahead).kind == TokenKind::kSymbol && Peek(ahead).text == s;
  }
  bool IsKw(absl::string_view k, size_t ahead = 0) const {
    return Peek(ahead).kind == TokenKind::kIdent && absl::EqualsIgnoreCase(Peek(ahead).text, k);
  }
  bool Sym(absl::string_view s) { if (!IsSym(s)) return false; ++pos_; return true; }
  bool Kw(absl::string_view k) { if (!IsKw(k)) return false; ++pos_; return true; }
  bool ExpectSym(absl::string_view s) {
    if (Sym(s)) return true;
    Fail(absl::StrCat("expected '", s, "'"));
    return false;
  }
  bool ExpectKw(absl::string_view k) {
    if (Kw(k)) return true;
    Fail(absl::StrCat("expected ", k));
    return false;
  }
  std::string ParseName(absl::string_view what) {
    const Token& t = Peek();
    if (t.kind == TokenKind::kIdent || t.kind == TokenKind::kQuotedIdent) {
      ++pos_;
      return t.text;
    }
    Fail(absl::StrCat("expected ", what));
    return "";
  }
  std::string TextFrom(size_t start_token) const {
    const size_t begin = t_[start_token].offset;
    const size_t end = t_[pos_ > 0 ? pos_ - 1 : 0].end;
    return end > begin ? std::string(q_.substr(begin, end - begin)) : "";
  }

  // Patterns (parser_patterns.cc).
  void ParseMatch(Clause* c);
  void ParsePatterns(std::vector<PatternPart>* parts);
  void ParsePatternPart(PatternPart* part);
  void ParsePatternChain(PatternPart* part);
  ExprPtr ParsePropertiesOpt();
  NodePattern ParseNodePattern();
  RelPattern ParseRelPattern();
  int64_t ParseIntToken();
  // CALL (parser_call.cc).
  void ParseCall(Clause* c);

  void ParseProjection(Projection* p, bool with) {
    p->distinct = Kw("DISTINCT");
    if (Sym("*")) {
      p->star = true;
      if (!Sym(",")) goto tail;
    }
    do {
      ProjectionItem item;
      const size_t start = pos_;
      item.expr = ParseExpr();
      if (!ok()) return;
      item.alias = TextFrom(start);
      item.expr->text = item.alias;
      if (Kw("AS")) {
        item.alias = ParseName("a variable after AS");
        item.aliased = true;
      } else if (with && item.expr->kind != EK::kVar) {
        Fail("expression in WITH must be aliased (use AS)");
      }
      p->items.push_back(std::move(item));
    } while (ok() && Sym(","));
  tail:
    if (ok() && Kw("ORDER")) {
      ExpectKw("BY");
      do {
        SortItem s;
        const size_t start = pos_;
        s.expr = ParseExpr();
        if (ok()) s.expr->text = TextFrom(start);
        if (Kw("DESC") || Kw("DESCENDING")) s.descending = true;
        else if (!Kw("ASC")) Kw("ASCENDING");
        p->order_by.push_back(std::move(s));
      } while (ok() && Sym(","));
    }
    if (ok() && Kw("SKIP")) p->skip = ParseExpr();
    if (ok() && Kw("LIMIT")) p->limit = ParseExpr();
    if (ok() && with && Kw("WHERE")) p->where = ParseExpr();
  }

  // ---- expressions, loosest binding first ----
  ExprPtr ParseOr() {
    ExprPtr e = ParseXor();
    while (ok() && Kw("OR")) e = MakeBinary("OR", e, ParseXor());
    return e;
  }
  ExprPtr ParseXor() {
    ExprPtr e = ParseAnd();
    while (ok() && Kw("XOR")) e = MakeBinary("XOR", e, ParseAnd());
    return e;
  }
  // Each operand keeps its source text: EXPLAIN shows WHERE conjuncts.
  ExprPtr ParseAnd() {
    size_t start = pos_;
    ExprPtr e = ParseNot();
    SetText(e, start);
    while (ok() && Kw("AND")) {
      start = pos_;
      ExprPtr rhs = ParseNot();
      SetText(rhs, start);
      e = MakeBinary("AND", e, rhs);
    }
    return e;
  }
  void SetText(const ExprPtr& e, size_t start) {
    if (ok() && e != nullptr && e->text.empty()) e->text = TextFrom(start);
  }
  ExprPtr ParseNot() {
    if (Kw("NOT")) {
      NestingScope nested(this);
      ExprPtr e = Make(EK::kUnary);
      e->op = "NOT";
      e->args = {ok() ? ParseNot() : Make(EK::kLiteral)};
      return Grown(e);
    }
    return ParseComparison();
  }
  ExprPtr ParseComparison() {
    ExprPtr e = ParsePredicate();
    ExprPtr result;
    // a < b < c means a < b AND b < c.
    while (ok()) {
      std::string op;
      for (const char* s : {"=", "<>", "!=", "<", ">", "<=", ">=", "=~"}) if (IsSym(s)) op = s;
      if (op.empty()) break;
      ++pos_;
      if (op == "!=") op = "<>";
      ExprPtr rhs = ParsePredicate();
      ExprPtr cmp = MakeBinary(op, e, rhs);
      result = result ? MakeBinary("AND", result, cmp) : cmp;
      e = rhs;
    }
    return result ? result : e;
  }
  ExprPtr ParsePredicate() {
    ExprPtr e = ParseAdditive();
    while (ok()) {
      if (Kw("IN")) {
        e = MakeBinary("IN", e, ParseAdditive());
      } else if (IsKw("STARTS") && IsKw("WITH", 1)) {
        pos_ += 2;
        e = MakeBinary("STARTS WITH", e, ParseAdditive());
      } else if (IsKw("ENDS") && IsKw("WITH", 1)) {
        pos_ += 2;
        e = MakeBinary("ENDS WITH", e, ParseAdditive());
      } else if (Kw("CONTAINS")) {
        e = MakeBinary("CONTAINS", e, ParseAdditive());
      } else if (Kw("IS")) {
        ExprPtr n = Make(EK::kIsNull);
        n->negated = Kw("NOT");
        ExpectKw("NULL");
        n->args = {e};
        e = Grown(n);
      } else {
        break;
      }
    }
    return e;
  }
  ExprPtr ParseAdditive() {
    ExprPtr e = ParseMultiplicative();
    while (ok() && (IsSym("+") || IsSym("-"))) {
      const std::string op = Peek().text;
      ++pos_;
      e = MakeBinary(op, e, ParseMultiplicative());
    }
    return e;
  }
  ExprPtr ParseMultiplicative() {
    ExprPtr e = ParsePower();
    while (ok() && (IsSym("*") || IsSym("/") || IsSym("%"))) {
      const std::string op = Peek().text;
      ++pos_;
      e = MakeBinary(op, e, ParsePower());
    }
    return e;
  }
  ExprPtr ParsePower() {
    ExprPtr e = ParseUnary();
    while (ok() && Sym("^")) e = MakeBinary("^", e, ParseUnary());
    return e;
  }
  ExprPtr ParseUnary() {
    if (IsSym("-") || IsSym("+")) {
      const std::string op = Peek().text;
      ++pos_;
      // Fold -literal so that the minimum integer is representable.
      if (op == "-" && Peek().kind == TokenKind::kInt) {
        const Token& t = Peek();
        ExprPtr lit = ParsePostfix(ParseNumber(t, /*negate=*/true));
        return lit;
      }
      NestingScope nested(this);
      ExprPtr e = Make(EK::kUnary);
      e->op = op;
      e->args = {ok() ? ParseUnary() : Make(EK::kLiteral)};
      return Grown(e);
    }
    return ParsePostfix(Grown(ParseAtom()));
  }
  ExprPtr ParseNumber(const Token& t, bool negate) {
    ++pos_;
    ExprPtr e = Make(EK::kLiteral);
    if (t.kind == TokenKind::kFloat) {
      const double d = std::strtod(t.text.c_str(), nullptr);
      e->value = Value::Float(negate ? -d : d);
      return e;
    }
    int base = 10;
    std::string digits = t.text;
    if (absl::StartsWith(digits, "0x")) base = 16, digits = digits.substr(2);
    else if (absl::StartsWith(digits, "0o")) base = 8, digits = digits.substr(2);
    if (negate) digits = "-" + digits;
    errno = 0;
    const long long v = std::strtoll(digits.c_str(), nullptr, base);
    if (errno == ERANGE) FailAt(t, "integer literal out of range");
    e->value = Value::Int(v);
    return e;
  }
  ExprPtr ParsePostfix(ExprPtr e) {
    while (ok()) {
      if (Sym(".")) {
        ExprPtr p = Make(EK::kProperty);
        p->name = ParseName("a property name");
        p->args = {e};
        e = Grown(p);
      } else if (Sym("[")) {
        ExprPtr lo = IsSym("..") ? nullptr : ParseExpr();
        if (Sym("..")) {
          ExprPtr hi = IsSym("]") ? nullptr : ParseExpr();
          ExprPtr s = Make(EK::kSlice);
          s->args = {e, lo, hi};
          e = Grown(s);
        } else {
          ExprPtr s = Make(EK::kIndex);
          s->args = {e, lo};
          e = Grown(s);
        }
        ExpectSym("]");
      } else if (IsSym(":") && e->kind == EK::kVar) {
        ExprPtr l = Make(EK::kHasLabels);
        l->args = {e};
        while (ok() && Sym(":")) l->keys.push_back(ParseName("a label"));
        e = Grown(l);
      } else {
        break;
      }
    }
    return e;
  }
  ExprPtr ParseAtom();
  ExprPtr ParseListOrComprehension();
  ExprPtr ParseCase();

  absl::string_view q_;
  std::vector<Token> t_;
  size_t pos_ = 0;
  absl::Status status_;
  int nesting_ = 0;
  // Token positions of '(' already tried as a pattern predicate and failed
  // (ParseAtom); trying each once keeps nested attempts from re-parsing
  // their insides twice per level, which is exponential.
  absl::flat_hash_set<size_t> not_a_pattern_;
};

}  // namespace newsgraph::cypher::parser_internal

#endif  // NEWSGRAPH_QUERIES_CYPHER_PARSER_PARSER_INTERNAL_H_
