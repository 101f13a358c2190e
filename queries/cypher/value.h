// Cypher runtime values and their three comparison relations: equality
// (ternary, null-propagating), comparison for `<` (ternary, null across
// types) and the total orderability used by ORDER BY and DISTINCT.
#ifndef NEWSGRAPH_QUERIES_CYPHER_VALUE_H_
#define NEWSGRAPH_QUERIES_CYPHER_VALUE_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "newsgraph/cypher_result.h"

namespace newsgraph::cypher {

class GraphSource;

struct Value {
  enum class Kind { kNull, kBool, kInt, kFloat, kString, kDate, kList, kMap, kNode, kRel, kPath };
  Kind kind = Kind::kNull;
  bool b = false;
  int64_t i = 0;  // integer, days since 1970-01-01 (date), or a node or relationship id
  double f = 0;
  std::string s;
  // List elements; for a path the alternating node, rel, node, ... values.
  std::vector<Value> list;
  std::map<std::string, Value> map;

  static Value Null() { return Value(); }
  static Value Bool(bool v) { Value x; x.kind = Kind::kBool; x.b = v; return x; }
  static Value Int(int64_t v) { Value x; x.kind = Kind::kInt; x.i = v; return x; }
  static Value Float(double v) { Value x; x.kind = Kind::kFloat; x.f = v; return x; }
  static Value String(std::string v) { Value x; x.kind = Kind::kString; x.s = std::move(v); return x; }
  // A calendar date: `days` since 1970-01-01 (negative before).
  static Value Date(int64_t days) { Value x; x.kind = Kind::kDate; x.i = days; return x; }
  static Value List(std::vector<Value> v) { Value x; x.kind = Kind::kList; x.list = std::move(v); return x; }
  static Value Map(std::map<std::string, Value> v) { Value x; x.kind = Kind::kMap; x.map = std::move(v); return x; }
  static Value Node(int64_t id) { Value x; x.kind = Kind::kNode; x.i = id; return x; }
  static Value Rel(int64_t id) { Value x; x.kind = Kind::kRel; x.i = id; return x; }
  static Value Path(std::vector<Value> elems) { Value x; x.kind = Kind::kPath; x.list = std::move(elems); return x; }

  bool is_null() const { return kind == Kind::kNull; }
  bool is_number() const { return kind == Kind::kInt || kind == Kind::kFloat; }
  double AsDouble() const { return kind == Kind::kInt ? static_cast<double>(i) : f; }
};

// Ternary logic: kTrue, kFalse, or kUnknown (Cypher null).
enum class Tri { kFalse, kTrue, kUnknown };
Value TriToValue(Tri t);

// `a = b`: unknown when either side is (or, inside lists/maps, holds) null.
Tri CypherEquals(const Value& a, const Value& b);
// `a < b`: -1/0/1 in *cmp, or false when incomparable (null result).
bool CypherCompare(const Value& a, const Value& b, int* cmp);
// Total order for ORDER BY (nulls last ascending) and grouping equivalence
// (null == null, lists elementwise).
int OrderCompare(const Value& a, const Value& b);
inline bool Equivalent(const Value& a, const Value& b) { return OrderCompare(a, b) == 0; }

// The public CypherValue of `v`: nodes and relationships with their labels,
// type, ends and properties read from `graph`; ids only when `graph` is null.
CypherValue ToCypherValue(const Value& v, const GraphSource* graph);

// Canonical text in TCK notation: labels and map keys sorted, floats with a
// decimal point, strings and dates single-quoted ('2022-01-01', as the
// TCK writes temporal values). `graph` renders nodes and relationships;
// without one they print as (#id) and [#id]. The text comes from the one
// value renderer (queries/output/value_text.h).
std::string FormatValue(const Value& v, const GraphSource* graph);

// Dates: the ISO text of a day number ("2022-01-01"), and the integer
// component `key` of it (year, month, day, quarter, dayOfWeek with Monday
// = 1, ordinalDay); false for any other key.
std::string FormatDate(int64_t days);
bool DateComponent(int64_t days, const std::string& key, int64_t* out);

}  // namespace newsgraph::cypher

#endif  // NEWSGRAPH_QUERIES_CYPHER_VALUE_H_
