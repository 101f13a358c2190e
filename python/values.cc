#include "python/values.h"

// pybind11 includes Python.h first, which must precede every other
// header that reads its macros; datetime.h is Python's own C API for dates.
#include <datetime.h>

#include <cstdint>
#include <map>
#include <string>
#include <utility>

#include "pybind11/stl.h"

namespace newsgraph::python {
namespace py = pybind11;

namespace {

// Python's datetime C API lives behind a pointer each translation unit
// fills for itself (PyDateTime_IMPORT); filled once, on first use.
void NeedDateTimeApi() {
  if (PyDateTimeAPI == nullptr) {
    PyDateTime_IMPORT;
    if (PyDateTimeAPI == nullptr) throw py::error_already_set();
  }
}

// Days since 1970-01-01 <-> proleptic Gregorian year, month, day (Howard
// Hinnant's civil-date algorithms), so that no string is parsed.
struct Civil {
  int64_t year;
  int month;
  int day;
};

Civil CivilFromDays(int64_t days) {
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const int64_t doe = days - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {yoe + era * 400 + (month <= 2 ? 1 : 0), month, day};
}

int64_t DaysFromCivil(int64_t year, int month, int day) {
  year -= month <= 2 ? 1 : 0;
  const int64_t era = (year >= 0 ? year : year - 399) / 400;
  const int64_t yoe = year - era * 400;
  const int64_t doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

py::object DateToPython(const CypherValue& value) {
  const Civil c = CivilFromDays(value.integer);
  // datetime.date holds years 1..9999 only; a date beyond stays text
  // rather than failing the whole result.
  if (c.year < 1 || c.year > 9999) return py::str(value.text);
  NeedDateTimeApi();
  PyObject* date = PyDate_FromDate(static_cast<int>(c.year), c.month, c.day);
  if (date == nullptr) throw py::error_already_set();
  return py::reinterpret_steal<py::object>(date);
}

py::dict MapToPython(const std::map<std::string, CypherValue>& map) {
  py::dict out;
  for (const auto& [key, value] : map) out[py::str(key)] = ToPython(value);
  return out;
}

py::list ListToPython(const std::vector<CypherValue>& list) {
  py::list out(list.size());
  for (size_t i = 0; i < list.size(); ++i) out[i] = ToPython(list[i]);
  return out;
}

// A path's list alternates node, relationship, node, ...
py::dict PathToPython(const CypherValue& path) {
  py::list nodes;
  py::list relationships;
  for (size_t i = 0; i < path.list.size(); ++i) {
    (i % 2 == 0 ? nodes : relationships).append(ToPython(path.list[i]));
  }
  py::dict out;
  out["nodes"] = nodes;
  out["relationships"] = relationships;
  return out;
}

[[noreturn]] void RaisePython(PyObject* type, const std::string& message) {
  PyErr_SetString(type, message.c_str());
  throw py::error_already_set();
}

CypherValue IntFromPython(py::handle object, const std::string& where) {
  int overflow = 0;
  const long long v = PyLong_AsLongLongAndOverflow(object.ptr(), &overflow);
  if (overflow != 0) RaisePython(PyExc_OverflowError, where + ": integer beyond 64 bits");
  if (v == -1 && PyErr_Occurred()) throw py::error_already_set();
  return CypherValue::Int(v);
}

CypherValue DateFromPython(py::handle object) {
  const int64_t days =
      DaysFromCivil(PyDateTime_GET_YEAR(object.ptr()), PyDateTime_GET_MONTH(object.ptr()),
                    PyDateTime_GET_DAY(object.ptr()));
  return CypherValue::Date(static_cast<int32_t>(days));
}

CypherValue DictFromPython(py::handle object, const std::string& where) {
  std::map<std::string, CypherValue> map;
  for (auto [key, value] : py::reinterpret_borrow<py::dict>(object)) {
    if (!PyUnicode_Check(key.ptr())) {
      RaisePython(PyExc_TypeError, where + ": map keys must be str, not " +
                                       std::string(Py_TYPE(key.ptr())->tp_name));
    }
    std::string name = key.cast<std::string>();
    CypherValue v = FromPython(value, where + "." + name);
    map.emplace(std::move(name), std::move(v));
  }
  return CypherValue::Map(std::move(map));
}

}  // namespace

py::object ToPython(const CypherValue& value) {
  using Kind = CypherValue::Kind;
  switch (value.kind) {
    case Kind::kNull: return py::none();
    case Kind::kBool: return py::bool_(value.boolean);
    case Kind::kInt: return py::int_(value.integer);
    case Kind::kFloat: return py::float_(value.number);
    case Kind::kString: return py::str(value.text);
    case Kind::kDate: return DateToPython(value);
    case Kind::kList: return ListToPython(value.list);
    case Kind::kMap: return MapToPython(value.map);
    case Kind::kNode: {
      py::dict node;
      node["id"] = py::int_(value.integer);
      node["labels"] = py::cast(value.labels);
      node["properties"] = MapToPython(value.map);
      return std::move(node);
    }
    case Kind::kRelationship: {
      py::dict rel;
      rel["id"] = py::int_(value.integer);
      rel["type"] = py::str(value.text);
      rel["start"] = py::int_(value.start);
      rel["end"] = py::int_(value.end);
      rel["properties"] = MapToPython(value.map);
      return std::move(rel);
    }
    case Kind::kPath: return PathToPython(value);
  }
  return py::none();
}

CypherValue FromPython(py::handle object, const std::string& where) {
  PyObject* p = object.ptr();
  if (object.is_none()) return CypherValue::Null();
  if (PyBool_Check(p)) return CypherValue::Bool(p == Py_True);
  if (PyLong_Check(p)) return IntFromPython(object, where);
  if (PyFloat_Check(p)) return CypherValue::Float(PyFloat_AsDouble(p));
  if (PyUnicode_Check(p)) return CypherValue::String(object.cast<std::string>());
  NeedDateTimeApi();
  if (PyDateTime_Check(p)) {
    RaisePython(PyExc_TypeError,
                where + ": a datetime has a time of day, which Cypher dates here lack; pass .date()");
  }
  if (PyDate_Check(p)) return DateFromPython(object);
  if (PyList_Check(p) || PyTuple_Check(p)) {
    std::vector<CypherValue> list;
    size_t i = 0;
    for (py::handle item : object) {
      list.push_back(FromPython(item, where + "[" + std::to_string(i++) + "]"));
    }
    return CypherValue::List(std::move(list));
  }
  if (PyDict_Check(p)) return DictFromPython(object, where);
  // Integers of other libraries (numpy.int64, as pandas hands out).
  if (PyIndex_Check(p)) {
    py::object index = py::reinterpret_steal<py::object>(PyNumber_Index(p));
    if (!index) throw py::error_already_set();
    return IntFromPython(index, where);
  }
  RaisePython(PyExc_TypeError, where + ": a " + std::string(Py_TYPE(p)->tp_name) +
                                   " is no Cypher value (use None, bool, int, float, str, "
                                   "datetime.date, list, tuple or dict)");
}

py::list RowsToPython(const std::vector<std::string>& columns,
                      const std::vector<std::vector<CypherValue>>& rows) {
  std::vector<py::str> keys(columns.begin(), columns.end());
  py::list out(rows.size());
  for (size_t r = 0; r < rows.size(); ++r) {
    py::dict row;
    for (size_t c = 0; c < keys.size() && c < rows[r].size(); ++c) row[keys[c]] = ToPython(rows[r][c]);
    out[r] = std::move(row);
  }
  return out;
}

py::list EvidenceToPython(const std::vector<EvidenceInfo>& evidence) {
  py::list out;
  for (const EvidenceInfo& e : evidence) {
    py::dict item;
    item["evidence_id"] = py::int_(e.evidence_id);
    item["article_id"] = py::str(e.article_id);
    item["sentence"] = py::str(e.sentence);
    item["rule"] = py::str(e.rule);
    out.append(std::move(item));
  }
  return out;
}

py::dict ReportToPython(const ImportReport& report) {
  py::dict out;
  out["articles_read"] = report.articles_read;
  out["imported"] = report.imported;
  out["already_present"] = report.already_present;
  out["events"] = report.events;
  out["nodes_added"] = report.nodes_added;
  out["edges_added"] = report.edges_added;
  out["evidence_added"] = report.evidence_added;
  out["seconds"] = report.seconds;
  out["parser_on"] = report.parser_on;
  out["text_bytes"] = report.text_bytes;
  out["sentences"] = report.sentences;
  out["parse_candidates"] = report.parse_candidates;
  out["parsed"] = report.parsed;
  out["parse_millis"] = py::cast(report.parse_millis);
  return out;
}

}  // namespace newsgraph::python
