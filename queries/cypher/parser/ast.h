// The syntax tree of the Cypher subset: expressions, patterns, clauses.
// Plain structs; the parser builds them and the executor walks them.
#ifndef NEWSGRAPH_QUERIES_CYPHER_PARSER_AST_H_
#define NEWSGRAPH_QUERIES_CYPHER_PARSER_AST_H_

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "queries/cypher/value.h"

namespace newsgraph::cypher {

struct Expr;
using ExprPtr = std::shared_ptr<Expr>;
struct PatternPart;

struct Expr {
  enum class Kind {
    kLiteral,     // value
    kParam,       // name
    kVar,         // name
    kProperty,    // args[0].name
    kList,        // args
    kMap,         // keys[i] -> args[i]
    kUnary,       // op ("NOT", "-", "+") args[0]
    kBinary,      // op args[0] args[1]
    kIsNull,      // args[0]; negated for IS NOT NULL
    kFunction,    // name(args), distinct; count(*) has star
    kIndex,       // args[0][args[1]]
    kSlice,       // args[0][args[1]..args[2]] (either bound may be null)
    kHasLabels,   // args[0]:keys...
    kCase,        // optional args[0] subject; then (when, then) pairs; else
    kListComp,    // [name IN args[0] WHERE args[1] | args[2]] (null slots allowed)
    kQuantifier,  // op (all/any/none/single)(name IN args[0] WHERE args[1])
    kPattern,     // a pattern used as a predicate: true if it matches
  };
  Kind kind = Kind::kLiteral;
  Value value;
  std::string name;
  std::string op;
  std::vector<ExprPtr> args;
  std::vector<std::string> keys;
  bool distinct = false;
  bool star = false;
  bool negated = false;
  // kCase: args laid out as [subject?] when0 then0 when1 then1 ... [else]
  bool has_subject = false, has_else = false;
  std::string text;  // source text, used to name unaliased RETURN columns
  std::shared_ptr<PatternPart> pattern;  // kPattern
  int height = 1;  // 1 + the tallest child's; the parser caps it
};

enum class Direction { kOut, kIn, kBoth };

struct NodePattern {
  std::string var;  // empty when anonymous
  std::vector<std::string> labels;
  ExprPtr props;  // a kMap expression, a kParam, or null
};

struct RelPattern {
  std::string var;
  std::vector<std::string> types;  // alternatives: [:A|B]
  ExprPtr props;
  Direction dir = Direction::kBoth;
  bool var_length = false;
  int64_t min_hops = 1, max_hops = -1;  // -1: unbounded
};

struct PatternPart {
  // shortestPath(...) / allShortestPaths(...): one relationship, both ends.
  enum class Shortest { kNone, kSingle, kAll };
  Shortest shortest = Shortest::kNone;
  std::string path_var;
  std::vector<NodePattern> nodes;  // nodes.size() == rels.size() + 1
  std::vector<RelPattern> rels;
};

struct SortItem {
  ExprPtr expr;
  bool descending = false;
};

struct ProjectionItem {
  ExprPtr expr;
  std::string alias;  // the column name: the AS name or the source text
  bool aliased = false;
};

struct Projection {
  bool distinct = false;
  bool star = false;  // RETURN * / WITH *
  std::vector<ProjectionItem> items;
  std::vector<SortItem> order_by;
  ExprPtr skip, limit, where;
};

struct Clause {
  enum class Kind { kMatch, kUnwind, kWith, kReturn, kCreate, kCall };
  Kind kind = Kind::kMatch;
  bool optional = false;               // OPTIONAL MATCH
  std::vector<PatternPart> patterns;   // MATCH, CREATE
  ExprPtr where;                       // MATCH
  ExprPtr expr;                        // UNWIND
  std::string var;                     // UNWIND ... AS var
  Projection projection;               // WITH, RETURN
  // CALL name(args) YIELD field [AS var], ... [WHERE ...] (`where` above):
  // the procedure's name ("db.labels"), its arguments, and the fields it
  // yields as (field, variable); none listed yields every field.
  std::string procedure;
  std::vector<ExprPtr> args;
  std::vector<std::pair<std::string, std::string>> yields;
};

struct Query {
  // EXPLAIN: plan only; PROFILE: run and count rows per operator.
  enum class Mode { kRun, kExplain, kProfile };
  Mode mode = Mode::kRun;
  std::vector<Clause> clauses;
};

}  // namespace newsgraph::cypher

#endif  // NEWSGRAPH_QUERIES_CYPHER_PARSER_AST_H_
