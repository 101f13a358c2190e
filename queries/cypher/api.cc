// RunCypher (include/newsgraph/cypher.h): the interpreter of cypher/executor/exec
// over a StoreGraphSource, and the conversions between its internal values
// and the public CypherValue.
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "newsgraph/cypher.h"
#include "queries/cypher/executor/exec.h"
#include "queries/cypher/parser/parser.h"
#include "queries/cypher/store_source.h"
#include "schema/dates.h"

namespace newsgraph {
namespace {

using cypher::Value;
using K = Value::Kind;

absl::StatusOr<Value> ToValue(const std::string& name, const CypherValue& v) {
  using CK = CypherValue::Kind;
  switch (v.kind) {
    case CK::kNull: return Value::Null();
    case CK::kBool: return Value::Bool(v.boolean);
    case CK::kInt: return Value::Int(v.integer);
    case CK::kFloat: return Value::Float(v.number);
    case CK::kString: return Value::String(v.text);
    case CK::kDate: return Value::Date(v.integer);
    case CK::kList: {
      std::vector<Value> items;
      for (const CypherValue& e : v.list) {
        absl::StatusOr<Value> item = ToValue(name, e);
        if (!item.ok()) return item.status();
        items.push_back(std::move(*item));
      }
      return Value::List(std::move(items));
    }
    case CK::kMap: {
      std::map<std::string, Value> entries;
      for (const auto& [k, e] : v.map) {
        absl::StatusOr<Value> entry = ToValue(name, e);
        if (!entry.ok()) return entry.status();
        entries.emplace(k, std::move(*entry));
      }
      return Value::Map(std::move(entries));
    }
    default:
      return absl::InvalidArgumentError(absl::StrCat(
          "parameter $", name, ": nodes, relationships and paths cannot be parameters"));
  }
}

}  // namespace

CypherValue CypherValue::Bool(bool v) { CypherValue x; x.kind = Kind::kBool; x.boolean = v; return x; }
CypherValue CypherValue::Int(int64_t v) { CypherValue x; x.kind = Kind::kInt; x.integer = v; return x; }
CypherValue CypherValue::Float(double v) { CypherValue x; x.kind = Kind::kFloat; x.number = v; return x; }
CypherValue CypherValue::String(std::string v) {
  CypherValue x;
  x.kind = Kind::kString;
  x.text = std::move(v);
  return x;
}
CypherValue CypherValue::Date(int32_t days_since_epoch) {
  CypherValue x;
  x.kind = Kind::kDate;
  x.integer = days_since_epoch;
  x.text = FormatIsoDay(days_since_epoch);
  return x;
}
CypherValue CypherValue::List(std::vector<CypherValue> v) {
  CypherValue x;
  x.kind = Kind::kList;
  x.list = std::move(v);
  return x;
}
CypherValue CypherValue::Map(std::map<std::string, CypherValue> v) {
  CypherValue x;
  x.kind = Kind::kMap;
  x.map = std::move(v);
  return x;
}

absl::StatusOr<CypherResult> RunCypher(const Store& store, absl::string_view query,
                                       const CypherParams& params, const CypherOptions& options) {
  absl::StatusOr<cypher::Query> parsed = cypher::ParseQuery(query);
  if (!parsed.ok()) return parsed.status();
  cypher::Params values;
  for (const auto& [name, param] : params) {
    absl::StatusOr<Value> v = ToValue(name, param);
    if (!v.ok()) return v.status();
    values.emplace(name, std::move(*v));
  }
  cypher::StoreGraphSource source(store);
  cypher::ExecOptions exec;
  exec.max_rows = options.max_rows;
  exec.max_memory_bytes = options.max_memory_bytes;
  exec.timeout = absl::Milliseconds(options.timeout_ms);
  exec.max_var_length = options.max_var_length;
  absl::StatusOr<cypher::QueryResult> result =
      cypher::Execute(*parsed, source, /*sink=*/nullptr, values, exec);
  // A failed store read answered "absent" inside the run; whatever the run
  // made of that is not an answer.
  if (!source.status().ok()) return source.status();
  if (!result.ok()) return result.status();
  CypherResult out;
  out.columns = result->columns;
  if (result->mode == cypher::Query::Mode::kProfile) {
    out.profile = cypher::FormatPlan(result->plan, /*profiled=*/true);
  }
  out.rows.reserve(result->rows.size());
  for (const std::vector<Value>& row : result->rows) {
    std::vector<CypherValue> cells;
    cells.reserve(row.size());
    for (const Value& v : row) cells.push_back(cypher::ToCypherValue(v, &source));
    out.rows.push_back(std::move(cells));
  }
  return out;
}

CypherValue ParseCypherParam(absl::string_view text) {
  if (text.size() >= 2 && (text.front() == '\'' || text.front() == '"') &&
      text.back() == text.front()) {
    return CypherValue::String(std::string(text.substr(1, text.size() - 2)));
  }
  if (text == "true" || text == "false") return CypherValue::Bool(text == "true");
  if (text == "null") return CypherValue::Null();
  int64_t i = 0;
  if (absl::SimpleAtoi(text, &i)) return CypherValue::Int(i);
  double d = 0;
  // SimpleAtod also takes "inf" and "nan"; only numerals are numbers here.
  const bool numeral = !text.empty() && (absl::ascii_isdigit(text.back()) || text.back() == '.');
  if (numeral && absl::SimpleAtod(text, &d)) return CypherValue::Float(d);
  if (text.size() == 10) {
    absl::StatusOr<absl::CivilDay> day = ParseIsoDay(text);
    if (day.ok()) return CypherValue::Date(DayNumber(*day));
  }
  return CypherValue::String(std::string(text));
}

}  // namespace newsgraph
