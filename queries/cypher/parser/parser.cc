#include "queries/cypher/parser/parser.h"

#include <cerrno>
#include <cstdlib>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "queries/cypher/parser/lexer.h"
#include "queries/cypher/parser/parser_internal.h"

namespace newsgraph::cypher {
namespace parser_internal {

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
    if (!not_a_pattern_.contains(saved)) {
      auto part = std::make_shared<PatternPart>();
      ParsePatternChain(part.get());
      if (ok() && !part->rels.empty()) {
        ExprPtr e = Make(EK::kPattern);
        e->pattern = std::move(part);
        return e;
      }
      not_a_pattern_.insert(saved);
      pos_ = saved;
      status_ = absl::OkStatus();
    }
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
  if ((IsKw("shortestPath") || IsKw("allShortestPaths")) && IsSym("(", 1)) {
    // As an expression: the path (or list of paths) between bound ends.
    ExprPtr e = Make(EK::kPattern);
    e->pattern = std::make_shared<PatternPart>();
    ParsePatternPart(e->pattern.get());
    e->text = TextFrom(start);
    return e;
  }
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

}  // namespace parser_internal

using parser_internal::Parser;

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
