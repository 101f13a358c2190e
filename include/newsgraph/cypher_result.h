// The values and results of read-only Cypher queries, their budgets, and
// their output formats: the types newsgraph::Database (newsgraph.h) and
// RunCypher (cypher.h) answer with. Only the standard library and Abseil
// here, so that an embedding program needs no store or protobuf header.
#ifndef NEWSGRAPH_CYPHER_RESULT_H_
#define NEWSGRAPH_CYPHER_RESULT_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace newsgraph {

// One value of a result (or a parameter). Nodes and relationships come
// with their labels/type and properties, so a result stands on its own
// once the store is closed.
struct CypherValue {
  enum class Kind { kNull, kBool, kInt, kFloat, kString, kDate, kList, kMap, kNode, kRelationship, kPath };
  Kind kind = Kind::kNull;
  bool boolean = false;
  int64_t integer = 0;  // kInt; kDate: days since 1970-01-01; kNode/kRelationship: id
  double number = 0;    // kFloat
  std::string text;     // kString; kDate: "YYYY-MM-DD"; kRelationship: its type
  // kList: the elements; kPath: node, relationship, node, ... in walk order.
  std::vector<CypherValue> list;
  // kMap: the entries; kNode/kRelationship: the properties.
  std::map<std::string, CypherValue> map;
  std::vector<std::string> labels;  // kNode
  int64_t start = 0;                // kRelationship: start and end node ids
  int64_t end = 0;

  static CypherValue Null() { return CypherValue(); }
  static CypherValue Bool(bool v);
  static CypherValue Int(int64_t v);
  static CypherValue Float(double v);
  static CypherValue String(std::string v);
  static CypherValue Date(int32_t days_since_epoch);
  static CypherValue List(std::vector<CypherValue> v);
  static CypherValue Map(std::map<std::string, CypherValue> v);
};

using CypherParams = std::map<std::string, CypherValue>;

struct CypherResult {
  std::vector<std::string> columns;
  std::vector<std::vector<CypherValue>> rows;  // each row has columns.size() values
  // PROFILE: the operators with the rows each produced and their time, as
  // an aligned text table; empty otherwise (EXPLAIN returns its plan as
  // the rows).
  std::string profile;
};

// The budgets one query runs under; crossing one fails the query with a
// message naming the limit.
struct CypherOptions {
  // Rows one clause (a MATCH's or an UNWIND's output) may hold:
  // ResourceExhausted beyond.
  int64_t max_rows = 1'000'000;
  // Approximate bytes of the rows held and of the lists and strings being
  // built: ResourceExhausted beyond.
  int64_t max_memory_bytes = int64_t{1} << 30;
  // Wall time: DeadlineExceeded beyond.
  int64_t timeout_ms = 30'000;
  // `*` in a pattern means `*1..max_var_length`; a larger explicit bound
  // is InvalidArgument.
  int64_t max_var_length = 6;
};

// A parameter value given as text on a command line: an integer, a float,
// true / false / null, a date when it is exactly YYYY-MM-DD (a valid day),
// and a string otherwise; text in matching single or double quotes is
// always a string, without the quotes ("'2022-01-01'" stays text).
CypherValue ParseCypherParam(absl::string_view text);

// Output formats of a result.
// JSON: an array with one object per row ({column: value}); dates as
// "YYYY-MM-DD", nodes as {"id", "labels", "properties"}, relationships as
// {"id", "type", "start", "end", "properties"}, paths as {"nodes",
// "relationships"}.
std::string CypherResultToJson(const CypherResult& result);
// RFC 4180 CSV with a header line; each cell is the value's text.
std::string CypherResultToCsv(const CypherResult& result);
// An aligned table for a terminal: header, rule, one line per row, wide
// cells cut with an ellipsis; then "(N rows)".
std::string CypherResultToTable(const CypherResult& result);
// The text of one value, as CSV and table cells show it: strings bare,
// null as "", dates ISO, and Cypher notation inside lists, maps, nodes
// ("(:Person {id: 7, name: 'Wang Yi'})") and relationships.
std::string CypherValueToText(const CypherValue& value);

}  // namespace newsgraph

#endif  // NEWSGRAPH_CYPHER_RESULT_H_
