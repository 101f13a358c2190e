// Pattern syntax: (n:Label {k: v})-[r:T|U*1..3 {k: v}]->(m), path
// assignments, and shortestPath/allShortestPaths.
#include "queries/cypher/parser/parser_internal.h"

namespace newsgraph::cypher::parser_internal {

void Parser::ParseMatch(Clause* c) {
  c->kind = Clause::Kind::kMatch;
  ParsePatterns(&c->patterns);
  if (ok() && Kw("WHERE")) c->where = ParseExpr();
}

void Parser::ParsePatterns(std::vector<PatternPart>* parts) {
  do {
    PatternPart part;
    if ((Peek().kind == TokenKind::kIdent || Peek().kind == TokenKind::kQuotedIdent) &&
        IsSym("=", 1)) {
      part.path_var = Peek().text;
      pos_ += 2;
    }
    ParsePatternPart(&part);
    parts->push_back(std::move(part));
  } while (ok() && Sym(","));
}

void Parser::ParsePatternPart(PatternPart* part) {
  const bool single = IsKw("shortestPath") && IsSym("(", 1);
  const bool all = IsKw("allShortestPaths") && IsSym("(", 1);
  if (!single && !all) {
    ParsePatternChain(part);
    return;
  }
  part->shortest = single ? PatternPart::Shortest::kSingle : PatternPart::Shortest::kAll;
  pos_ += 2;
  const Token at = Peek();
  ParsePatternChain(part);
  if (ok() && part->rels.size() != 1) {
    FailAt(at, "shortestPath and allShortestPaths need a pattern with exactly one relationship");
  }
  ExpectSym(")");
}

void Parser::ParsePatternChain(PatternPart* part) {
  part->nodes.push_back(ParseNodePattern());
  while (ok() && (IsSym("-") || (IsSym("<") && IsSym("-", 1)))) {
    part->rels.push_back(ParseRelPattern());
    if (!ok()) return;
    part->nodes.push_back(ParseNodePattern());
  }
}

ExprPtr Parser::ParsePropertiesOpt() {
  if (IsSym("{")) return ParseAtom();
  if (Peek().kind == TokenKind::kParam) return ParseAtom();
  return nullptr;
}

NodePattern Parser::ParseNodePattern() {
  NodePattern n;
  if (!ExpectSym("(")) return n;
  if (Peek().kind == TokenKind::kIdent || Peek().kind == TokenKind::kQuotedIdent) n.var = Peek().text, ++pos_;
  while (ok() && Sym(":")) n.labels.push_back(ParseName("a label"));
  n.props = ParsePropertiesOpt();
  ExpectSym(")");
  return n;
}

RelPattern Parser::ParseRelPattern() {
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

int64_t Parser::ParseIntToken() {
  const Token& t = Peek();
  ++pos_;
  return std::strtoll(t.text.c_str(), nullptr, 10);
}

}  // namespace newsgraph::cypher::parser_internal
