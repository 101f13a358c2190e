// CALL db.labels() [YIELD label [AS l], ... [WHERE ...]]: a procedure call.
// The parentheses may be left out when there are no arguments, as in Neo4j.
#include "queries/cypher/parser/parser_internal.h"

namespace newsgraph::cypher::parser_internal {

void Parser::ParseCall(Clause* c) {
  c->kind = Clause::Kind::kCall;
  c->procedure = ParseName("a procedure name");
  while (ok() && Sym(".")) absl::StrAppend(&c->procedure, ".", ParseName("a procedure name"));
  if (ok() && Sym("(")) {
    if (!Sym(")")) {
      do c->args.push_back(ParseExpr());
      while (ok() && Sym(","));
      ExpectSym(")");
    }
  }
  if (!ok() || !Kw("YIELD")) return;
  do {
    std::string field = ParseName("a field to yield");
    std::string var = Kw("AS") ? ParseName("a variable after AS") : field;
    c->yields.emplace_back(std::move(field), std::move(var));
  } while (ok() && Sym(","));
  if (ok() && Kw("WHERE")) c->where = ParseExpr();
}

}  // namespace newsgraph::cypher::parser_internal
