// The one writer of answers as an aligned text table, CSV and JSON. Every
// command's rows (Cypher results, canned-query answers, contact pairs)
// become a Table -- column names and rows of cells -- and are written here,
// so the three formats read alike whichever command printed them.
//
// The text style: a header line and a rule of dashes (when the table has a
// header), columns two spaces apart and padded to their display width, the
// last column unpadded and no trailing spaces; a row may open a group under
// a heading line (after a blank line), the group's rows indented two
// spaces; lines of notes (evidence sentences) sit four spaces in under
// their row.
#ifndef NEWSGRAPH_QUERIES_OUTPUT_TABLE_H_
#define NEWSGRAPH_QUERIES_OUTPUT_TABLE_H_

#include <string>
#include <vector>

#include "nlohmann/json.hpp"

namespace newsgraph::queries {

struct TableRow {
  std::vector<std::string> cells;             // text and CSV: one per column
  std::vector<nlohmann::ordered_json> values;  // JSON: one per column
  std::string heading;                        // text: opens a group above this row
  std::vector<std::string> notes;             // text: lines under the row
};

struct Table {
  std::vector<std::string> columns;
  std::vector<TableRow> rows;
  bool header = true;        // text: print the column names and a rule
  std::string empty_text;    // text: the whole output when there are no rows, if set
  std::string footer;        // text: appended after the rows (a count, say)
};

// The aligned text table described above.
std::string TableToText(const Table& table);
// RFC 4180: the column names, then each row's cells.
std::string TableToCsv(const Table& table);
// An array with one object per row, {column: value}; invalid UTF-8 in a
// string is replaced rather than thrown on.
std::string TableToJson(const Table& table);

}  // namespace newsgraph::queries

#endif  // NEWSGRAPH_QUERIES_OUTPUT_TABLE_H_
