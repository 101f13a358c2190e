// The one renderer of Cypher values as text and as JSON. Every format
// (tables, CSV, JSON, the TCK's expected values, EXPLAIN details, string
// concatenation inside queries) goes through it, so that a node, a
// relationship or a path reads the same wherever it is printed.
#ifndef NEWSGRAPH_QUERIES_OUTPUT_VALUE_TEXT_H_
#define NEWSGRAPH_QUERIES_OUTPUT_VALUE_TEXT_H_

#include <string>

#include "newsgraph/cypher_result.h"
#include "nlohmann/json.hpp"

namespace newsgraph::queries {

// The two dialects of Cypher notation the project prints. They differ only
// where their readers do: the openCypher TCK writes strings and dates in
// quotes without escapes and paths in angle brackets; a person reading a
// result wants quotes inside strings escaped and bare dates.
struct Notation {
  bool escape_quotes = true;   // 'it\'s' rather than 'it's'
  bool quote_dates = false;    // '2020-01-01' rather than 2020-01-01
  bool bracket_paths = false;  // <(a)-[:R]->(b)> rather than (a)-[:R]->(b)
  bool sort_labels = false;    // labels in name order, as the TCK lists them
  // Nodes and relationships as (#id) / [#id]: there was no graph to read
  // their labels, type and properties from.
  bool ids_only = false;
};

inline constexpr Notation kResultNotation{};
inline constexpr Notation kTckNotation{false, true, true, true, false};

// A float as Cypher writes it: always with a decimal point or an exponent
// (2.0, 1e+20), NaN and Infinity by name.
std::string FormatFloat(double d);

// `value` in Cypher notation: null as "null", strings quoted, lists in [],
// maps and properties in {}, nodes as (:Label {k: v}), relationships as
// [:TYPE {k: v}], paths with arrows the way each relationship runs.
std::string CypherNotation(const CypherValue& value, const Notation& notation);

// `value` as JSON: dates as "YYYY-MM-DD", nodes as {"id", "labels",
// "properties"}, relationships as {"id", "type", "start", "end",
// "properties"}, paths as {"nodes", "relationships"}.
nlohmann::ordered_json CypherValueToJson(const CypherValue& value);

}  // namespace newsgraph::queries

#endif  // NEWSGRAPH_QUERIES_OUTPUT_VALUE_TEXT_H_
