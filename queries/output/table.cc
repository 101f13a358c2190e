#include "queries/output/table.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "queries/output/csv.h"
#include "queries/output/text_width.h"

namespace newsgraph::queries {
namespace {

using Json = nlohmann::ordered_json;

constexpr char kGroupIndent[] = "  ";
constexpr char kNoteIndent[] = "    ";

std::vector<size_t> ColumnWidths(const Table& table) {
  std::vector<size_t> widths(table.columns.size(), 0);
  if (table.header) {
    for (size_t c = 0; c < widths.size(); ++c) widths[c] = DisplayWidth(table.columns[c]);
  }
  for (const TableRow& row : table.rows) {
    for (size_t c = 0; c < widths.size() && c < row.cells.size(); ++c) {
      widths[c] = std::max(widths[c], DisplayWidth(row.cells[c]));
    }
  }
  return widths;
}

// One line: every field but the last padded to its column's width.
std::string Line(const std::vector<std::string>& fields, const std::vector<size_t>& widths,
                 const std::string& indent) {
  std::string out = indent;
  const size_t n = std::min(fields.size(), widths.size());
  for (size_t c = 0; c < n; ++c) {
    if (c > 0) out += "  ";
    out += c + 1 == n ? fields[c] : PadToWidth(fields[c], widths[c]);
  }
  // An empty last cell would leave the separator behind.
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out + "\n";
}

}  // namespace

std::string TableToText(const Table& table) {
  if (table.rows.empty() && !table.empty_text.empty()) return table.empty_text;
  const std::vector<size_t> widths = ColumnWidths(table);
  std::string out;
  if (table.header) {
    out += Line(table.columns, widths, "");
    std::vector<std::string> rule;
    for (size_t width : widths) rule.push_back(std::string(width, '-'));
    out += Line(rule, widths, "");
  }
  std::string indent;
  for (const TableRow& row : table.rows) {
    if (!row.heading.empty()) {
      if (!out.empty()) out += "\n";
      absl::StrAppend(&out, row.heading, "\n");
      indent = kGroupIndent;
    }
    if (!row.cells.empty()) out += Line(row.cells, widths, indent);
    for (const std::string& note : row.notes) absl::StrAppend(&out, indent, kNoteIndent, note, "\n");
  }
  return out + table.footer;
}

std::string TableToCsv(const Table& table) {
  std::string out = CsvLine(table.columns);
  for (const TableRow& row : table.rows) out += CsvLine(row.cells);
  return out;
}

std::string TableToJson(const Table& table) {
  Json array = Json::array();
  for (const TableRow& row : table.rows) {
    Json object = Json::object();
    for (size_t c = 0; c < table.columns.size() && c < row.values.size(); ++c) {
      object[table.columns[c]] = row.values[c];
    }
    array.push_back(std::move(object));
  }
  // replace: a stray invalid byte in a sentence must not throw.
  return array.dump(2, ' ', false, Json::error_handler_t::replace);
}

}  // namespace newsgraph::queries
