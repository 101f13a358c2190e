#include "queries/cypher_parser.h"

#include <cerrno>
#include <cstdlib>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "queries/cypher_lexer.h"

namespace newsgraph::cypher {
namespace {

using EK = Expr::Kind;

ExprPtr Make(EK kind) {
  auto e = std::make_shared<Expr>();
  e->kind = kind;
  return e;
}

ExprPtr MakeBinary(std::string op, ExprPtr a, ExprPtr b) {
  ExprPtr e = Make(EK::kBinary);
  e->op = std::move(op);
  e->args = {std::move(a), std::move(b)};
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
        c.expr = ParseExpr();
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
      } else {
        Fail(AtEnd() ? "unexpected end of input" : "expected a clause (MATCH, RETURN, ...)");
      }
      query.clauses.push_back(std::move(c));
    }
    if (ok() && query.clauses.empty()) Fail("expected a clause");
    return query;
  }

  ExprPtr ParseExpr() { return ParseOr(); }

 private:
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

  void ParseMatch(Clause* c) {
    c->kind = Clause::Kind::kMatch;
    ParsePatterns(&c->patterns);
    if (ok() && Kw("WHERE")) c->where = ParseExpr();
  }

  void ParsePatterns(std::vector<PatternPart>* parts) {
    do {
      PatternPart part;
      if ((Peek().kind == TokenKind::kIdent || Peek().kind == TokenKind::kQuotedIdent) &&
          IsSym("=", 1)) {
        part.path_var = Peek().text;
        pos_ += 2;
      }
      ParsePatternChain(&part);
      parts->push_back(std::move(part));
    } while (ok() && Sym(","));
  }

  void ParsePatternChain(PatternPart* part) {
    part->nodes.push_back(ParseNodePattern());
    while (ok() && (IsSym("-") || (IsSym("<") && IsSym("-", 1)))) {
      part->rels.push_back(ParseRelPattern());
      if (!ok()) return;
      part->nodes.push_back(ParseNodePattern());
    }
  }

  ExprPtr ParsePropertiesOpt() {
    if (IsSym("{")) return ParseAtom();
    if (Peek().kind == TokenKind::kParam) return ParseAtom();
    return nullptr;
  }

  NodePattern ParseNodePattern() {
    NodePattern n;
    if (!ExpectSym("(")) return n;
    if (Peek().kind == TokenKind::kIdent || Peek().kind == TokenKind::kQuotedIdent) n.var = Peek().text, ++pos_;
    while (ok() && Sym(":")) n.labels.push_back(ParseName("a label"));
    n.props = ParsePropertiesOpt();
    ExpectSym(")");
    return n;
  }

  RelPattern ParseRelPattern() {
    RelPattern r;
    const bool left = Sym("<");
    ExpectSym("-");
    if (ok() && Sym("[")) {
      if (Peek().kind == TokenKind::kIdent || Peek().kind == TokenKind::kQuotedIdent) r.var = Peek().text, ++pos_;
      if (Sym(":")) {
        r.types.push_back(ParseName("a relationship type"));
        while (ok() && Sym("|")) {
          Sym(":");
          r.types.push_back(ParseName("a relationship type"));
        }
      }
      if (ok() && Sym("*")) {
        r.var_length = true;
        const bool has_min = Peek().kind == TokenKind::kInt;
        if (has_min) r.min_hops = ParseIntToken();
        if (Sym("..")) {
          r.max_hops = Peek().kind == TokenKind::kInt ? ParseIntToken() : -1;
        } else {
          r.max_hops = has_min ? r.min_hops : -1;  // *2 is exactly 2; bare * is 1..
        }
      }
      if (ok()) r.props = ParsePropertiesOpt();
      ExpectSym("]");
    }
    ExpectSym("-");
    const bool right = Sym(">");
    // <-[]-> is accepted as undirected, as the TCK expects.
    r.dir = left == right ? Direction::kBoth : (left ? Direction::kIn : Direction::kOut);
    return r;
  }

  int64_t ParseIntToken() {
    const Token& t = Peek();
    ++pos_;
    return std::strtoll(t.text.c_str(), nullptr, 10);
  }

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
  ExprPtr ParseAnd() {
    ExprPtr e = ParseNot();
    while (ok() && Kw("AND")) e = MakeBinary("AND", e, ParseNot());
    return e;
  }
  ExprPtr ParseNot() {
    if (Kw("NOT")) {
      ExprPtr e = Make(EK::kUnary);
      e->op = "NOT";
      e->args = {ParseNot()};
      return e;
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
        e = n;
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
      ExprPtr e = Make(EK::kUnary);
      e->op = op;
      e->args = {ParseUnary()};
      return e;
    }
    return ParsePostfix(ParseAtom());
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
        e = p;
      } else if (Sym("[")) {
        ExprPtr lo = IsSym("..") ? nullptr : ParseExpr();
        if (Sym("..")) {
          ExprPtr hi = IsSym("]") ? nullptr : ParseExpr();
          ExprPtr s = Make(EK::kSlice);
          s->args = {e, lo, hi};
          e = s;
        } else {
          ExprPtr s = Make(EK::kIndex);
          s->args = {e, lo};
          e = s;
        }
        ExpectSym("]");
      } else if (IsSym(":") && e->kind == EK::kVar) {
        ExprPtr l = Make(EK::kHasLabels);
        l->args = {e};
        while (ok() && Sym(":")) l->keys.push_back(ParseName("a label"));
        e = l;
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
};


ExprPtr Parser::ParseAtom() {
  const Token& t = Peek();
  const size_t start = pos_;
  if (t.kind == TokenKind::kInt || t.kind == TokenKind::kFloat) return ParseNumber(t, false);
  if (t.kind == TokenKind::kString) {
    ++pos_;
    ExprPtr e = Make(EK::kLiteral);
    e->value = Value::String(t.text);
    return e;
  }
  if (t.kind == TokenKind::kParam) {
    ++pos_;
    ExprPtr e = Make(EK::kParam);
    e->name = t.text;
    return e;
  }
  if (IsSym("(")) {
    // A relationship pattern such as (a)-->(b) is a predicate; try it first
    // and fall back to a parenthesised expression.
    const size_t saved = pos_;
    auto part = std::make_shared<PatternPart>();
    ParsePatternChain(part.get());
    if (ok() && !part->rels.empty()) {
      ExprPtr e = Make(EK::kPattern);
      e->pattern = std::move(part);
      return e;
    }
    pos_ = saved;
    status_ = absl::OkStatus();
    ++pos_;
    ExprPtr e = ParseExpr();
    ExpectSym(")");
    return e;
  }
  if (IsSym("[")) return ParseListOrComprehension();
  if (Sym("{")) {
    ExprPtr e = Make(EK::kMap);
    if (!IsSym("}")) {
      do {
        e->keys.push_back(ParseName("a map key"));
        ExpectSym(":");
        if (!ok()) return e;
        e->args.push_back(ParseExpr());
      } while (ok() && Sym(","));
    }
    ExpectSym("}");
    return e;
  }
  if (t.kind == TokenKind::kQuotedIdent) {
    ++pos_;
    ExprPtr e = Make(EK::kVar);
    e->name = t.text;
    return e;
  }
  if (t.kind != TokenKind::kIdent) {
    Fail(t.kind == TokenKind::kEnd ? "unexpected end of input" : "expected an expression");
    return Make(EK::kLiteral);
  }
  if (Kw("TRUE") || Kw("FALSE")) {
    ExprPtr e = Make(EK::kLiteral);
    e->value = Value::Bool(absl::EqualsIgnoreCase(t.text, "TRUE"));
    return e;
  }
  if (Kw("NULL")) return Make(EK::kLiteral);
  if (IsKw("CASE")) return ParseCase();
  const std::string lower = absl::AsciiStrToLower(t.text);
  if ((lower == "all" || lower == "any" || lower == "none" || lower == "single") &&
      IsSym("(", 1)) {
    pos_ += 2;
    ExprPtr e = Make(EK::kQuantifier);
    e->op = lower;
    e->name = ParseName("a variable");
    ExpectKw("IN");
    ExprPtr list = ParseExpr();
    ExprPtr where = Kw("WHERE") ? ParseExpr() : nullptr;
    e->args = {list, where};
    ExpectSym(")");
    return e;
  }
  ++pos_;
  // Namespaced function names such as toString or db.labels.
  std::string name = t.text;
  while (IsSym(".") && Peek(1).kind == TokenKind::kIdent && IsSym("(", 2)) {
    name += "." + Peek(1).text;
    pos_ += 2;
  }
  if (Sym("(")) {
    ExprPtr e = Make(EK::kFunction);
    e->name = absl::AsciiStrToLower(name);
    if (Sym("*")) {
      e->star = true;
    } else if (!IsSym(")")) {
      e->distinct = Kw("DISTINCT");
      do e->args.push_back(ParseExpr()); while (ok() && Sym(","));
    }
    ExpectSym(")");
    e->text = TextFrom(start);
    return e;
  }
  ExprPtr e = Make(EK::kVar);
  e->name = t.text;
  return e;
}

ExprPtr Parser::ParseListOrComprehension() {
  ExpectSym("[");
  // [x IN list WHERE pred | expr]
  if ((Peek().kind == TokenKind::kIdent || Peek().kind == TokenKind::kQuotedIdent) &&
      IsKw("IN", 1)) {
    ExprPtr e = Make(EK::kListComp);
    e->name = Peek().text;
    pos_ += 2;
    ExprPtr list = ParseExpr();
    ExprPtr where = Kw("WHERE") ? ParseExpr() : nullptr;
    ExprPtr proj = Sym("|") ? ParseExpr() : nullptr;
    e->args = {list, where, proj};
    ExpectSym("]");
    return e;
  }
  ExprPtr e = Make(EK::kList);
  if (!IsSym("]")) {
    do e->args.push_back(ParseExpr()); while (ok() && Sym(","));
  }
  ExpectSym("]");
  return e;
}

ExprPtr Parser::ParseCase() {
  ExpectKw("CASE");
  ExprPtr e = Make(EK::kCase);
  if (!IsKw("WHEN")) {
    e->has_subject = true;
    e->args.push_back(ParseExpr());
  }
  if (!IsKw("WHEN")) Fail("expected WHEN");
  while (ok() && Kw("WHEN")) {
    e->args.push_back(ParseExpr());
    ExpectKw("THEN");
    e->args.push_back(ParseExpr());
  }
  if (ok() && Kw("ELSE")) {
    e->has_else = true;
    e->args.push_back(ParseExpr());
  }
  ExpectKw("END");
  return e;
}

}  // namespace

absl::StatusOr<Query> ParseQuery(absl::string_view query) {
  absl::StatusOr<std::vector<Token>> tokens = Lex(query);
  if (!tokens.ok()) return tokens.status();
  Parser p(query, *std::move(tokens));
  Query q = p.ParseQueryBody();
  if (!p.ok()) return p.status();
  return q;
}

absl::StatusOr<ExprPtr> ParseExpression(absl::string_view text) {
  absl::StatusOr<std::vector<Token>> tokens = Lex(text);
  if (!tokens.ok()) return tokens.status();
  Parser p(text, *std::move(tokens));
  ExprPtr e = p.ParseExpr();
  if (p.ok() && !p.AtEnd()) p.Fail("expected end of expression");
  if (!p.ok()) return p.status();
  return e;
}

}  // namespace newsgraph::cypher
