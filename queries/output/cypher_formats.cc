// Cypher results (include/newsgraph/cypher_result.h) as JSON, CSV and an
// aligned table: adapters that put a result's cells into a Table for the
// one writer of output/table.h.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "newsgraph/cypher.h"
#include "queries/output/table.h"
#include "queries/output/text_width.h"
#include "queries/output/value_text.h"

namespace newsgraph {
namespace {

using queries::Table;
using queries::TableRow;

constexpr size_t kMaxCellWidth = 60;

// `cell` gives a row's text cell for a value; `json` whether to fill values.
template <typename CellFn>
Table ResultTable(const CypherResult& result, CellFn cell, bool json) {
  Table table;
  table.columns = result.columns;
  for (const std::vector<CypherValue>& row : result.rows) {
    TableRow out;
    for (size_t c = 0; c < result.columns.size() && c < row.size(); ++c) {
      if (json) {
        out.values.push_back(queries::CypherValueToJson(row[c]));
      } else {
        out.cells.push_back(cell(row[c]));
      }
    }
    table.rows.push_back(std::move(out));
  }
  return table;
}

}  // namespace

std::string CypherResultToJson(const CypherResult& result) {
  return queries::TableToJson(ResultTable(result, CypherValueToText, /*json=*/true));
}

std::string CypherResultToCsv(const CypherResult& result) {
  return queries::TableToCsv(ResultTable(result, CypherValueToText, /*json=*/false));
}

std::string CypherResultToTable(const CypherResult& result) {
  Table table = ResultTable(
      result,
      [](const CypherValue& v) {
        return queries::TruncateToWidth(queries::CollapseSpaces(CypherValueToText(v)),
                                        kMaxCellWidth);
      },
      /*json=*/false);
  table.footer =
      absl::StrCat("(", result.rows.size(), result.rows.size() == 1 ? " row)\n" : " rows)\n");
  return queries::TableToText(table);
}

}  // namespace newsgraph
