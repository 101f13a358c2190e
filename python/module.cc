// newsgraph._newsgraph: the compiled half of the `newsgraph` Python package
// (newsgraph/__init__.py is the half users call). One class, Database, over
// newsgraph::Database (include/newsgraph/newsgraph.h) and nothing else of the
// library: only the installed public headers, as any embedder would.
//
// A non-OK absl::Status becomes a Python exception carrying its message:
// ValueError for InvalidArgument, FileNotFoundError for NotFound,
// RuntimeError for every other code. The GIL is released while the library
// works (open, import, query, ask, explain, close), so other Python threads
// run meanwhile; Database's methods may be called from several threads.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "newsgraph/newsgraph.h"
#include "pybind11/pybind11.h"
#include "pybind11/stl.h"
#include "python/values.h"

namespace newsgraph::python {
namespace py = pybind11;

namespace {

[[noreturn]] void RaiseStatus(const absl::Status& status) {
  const std::string message(status.message());
  switch (status.code()) {
    case absl::StatusCode::kInvalidArgument:
      throw py::value_error(message);
    case absl::StatusCode::kNotFound:
      PyErr_SetString(PyExc_FileNotFoundError, message.c_str());
      throw py::error_already_set();
    default:
      throw std::runtime_error(message);  // pybind11 raises RuntimeError
  }
}

template <typename T>
T ValueOrRaise(absl::StatusOr<T> result) {
  if (!result.ok()) RaiseStatus(result.status());
  return *std::move(result);
}

// The budgets a caller named; the others keep QueryOptions' defaults.
QueryOptions Budgets(std::optional<int64_t> timeout_ms, std::optional<int64_t> max_rows,
                     std::optional<int64_t> max_memory_bytes,
                     std::optional<int64_t> max_var_length) {
  QueryOptions options;
  if (timeout_ms) options.timeout_ms = *timeout_ms;
  if (max_rows) options.max_rows = *max_rows;
  if (max_memory_bytes) options.max_memory_bytes = *max_memory_bytes;
  if (max_var_length) options.max_var_length = *max_var_length;
  return options;
}

// A result as (columns, rows as dicts, PROFILE's plan text).
py::tuple ResultToPython(const QueryResult& result) {
  return py::make_tuple(py::cast(result.columns), RowsToPython(result.columns, result.rows),
                        py::str(result.profile));
}

// The Python object behind newsgraph.Database. Each call copies the
// shared_ptr (under the GIL) before releasing the GIL, so close() from
// another thread never frees a Database in use: the last call to finish
// closes it.
class PyDatabase {
 public:
  static std::unique_ptr<PyDatabase> Open(const std::string& path, const DatabaseOptions& options) {
    absl::StatusOr<std::unique_ptr<Database>> db;
    {
      py::gil_scoped_release release;
      db = Database::Open(path, options);
    }
    return std::make_unique<PyDatabase>(ValueOrRaise(std::move(db)));
  }

  explicit PyDatabase(std::unique_ptr<Database> db) : db_(std::move(db)) {}

  void Close() {
    std::shared_ptr<Database> db = std::move(db_);
    py::gil_scoped_release release;  // RocksDB flushes and unlocks here
    db.reset();
  }

  bool closed() const { return db_ == nullptr; }

  std::string path() const { return Get()->path(); }

  py::tuple Query(const std::string& cypher, const py::dict& params,
                  const QueryOptions& options) const {
    CypherParams bound;
    for (auto [key, value] : params) {
      const std::string name = py::str(key);
      bound[name] = FromPython(value, "parameter $" + name);
    }
    std::shared_ptr<Database> db = Get();
    absl::StatusOr<QueryResult> result;
    {
      py::gil_scoped_release release;
      result = db->Query(cypher, bound, options);
    }
    return ResultToPython(ValueOrRaise(std::move(result)));
  }

  // As Query, and each row's `evidence` cell (when the answer has one)
  // replaced by the evidence it names, resolved.
  py::tuple Ask(const std::string& name, const std::map<std::string, std::string>& params,
                const QueryOptions& options) const {
    std::shared_ptr<Database> db = Get();
    absl::StatusOr<QueryResult> result;
    {
      py::gil_scoped_release release;
      result = db->Ask(name, params, options);
    }
    QueryResult answer = ValueOrRaise(std::move(result));
    py::tuple out = ResultToPython(answer);
    const int evidence = answer.ColumnIndex("evidence");
    if (evidence >= 0) {
      py::list rows = out[1].cast<py::list>();
      py::str key("evidence");
      for (size_t r = 0; r < answer.rows.size() && r < answer.evidence.size(); ++r) {
        rows[r][key] = EvidenceToPython(answer.evidence[r]);
      }
    }
    return out;
  }

  py::dict ImportFile(const std::string& file, const std::string& txt_date) {
    std::shared_ptr<Database> db = Get();
    absl::StatusOr<ImportReport> report;
    {
      py::gil_scoped_release release;
      report = db->ImportFile(file, txt_date);
    }
    return ReportToPython(ValueOrRaise(std::move(report)));
  }

  py::dict ImportArticle(ArticleInput article) {
    std::shared_ptr<Database> db = Get();
    absl::StatusOr<ImportReport> report;
    {
      py::gil_scoped_release release;
      report = db->Import(article);
    }
    return ReportToPython(ValueOrRaise(std::move(report)));
  }

  std::string Explain(uint64_t event_id) const {
    std::shared_ptr<Database> db = Get();
    absl::StatusOr<std::string> text;
    {
      py::gil_scoped_release release;
      text = db->Explain(event_id);
    }
    return ValueOrRaise(std::move(text));
  }

  py::list ListQueries() const {
    py::list out;
    for (const QueryInfo& q : Get()->ListQueries()) {
      py::list params;
      for (const QueryParamInfo& p : q.params) {
        params.append(py::dict(py::arg("name") = p.name, py::arg("type") = p.type,
                               py::arg("required") = p.required,
                               py::arg("default") = p.default_value, py::arg("help") = p.help));
      }
      out.append(py::dict(py::arg("name") = q.name, py::arg("description") = q.description,
                          py::arg("params") = params, py::arg("cypher") = q.cypher));
    }
    return out;
  }

 private:
  std::shared_ptr<Database> Get() const {
    if (db_ == nullptr) throw py::value_error("the database is closed");
    return db_;
  }

  std::shared_ptr<Database> db_;
};

DatabaseOptions OpenOptions(bool read_only, bool create_if_missing,
                            std::vector<std::string> query_files, std::vector<std::string> kb_files,
                            bool parse_sentences, std::optional<uint64_t> max_article_bytes) {
  DatabaseOptions options;
  options.read_only = read_only;
  options.create_if_missing = create_if_missing;
  options.query_files = std::move(query_files);
  options.import.kb_files = std::move(kb_files);
  options.import.parse_sentences = parse_sentences;
  if (max_article_bytes) options.import.max_article_bytes = *max_article_bytes;
  return options;
}

}  // namespace

void BindDatabase(py::module_& m) {
  py::class_<PyDatabase>(m, "Database")
      .def_static(
          "open",
          [](const std::string& path, bool read_only, bool create_if_missing,
             std::vector<std::string> query_files, std::vector<std::string> kb_files,
             bool parse_sentences, std::optional<uint64_t> max_article_bytes) {
            return PyDatabase::Open(path, OpenOptions(read_only, create_if_missing,
                                                      std::move(query_files), std::move(kb_files),
                                                      parse_sentences, max_article_bytes));
          },
          py::arg("path"), py::arg("read_only"), py::arg("create_if_missing"),
          py::arg("query_files"), py::arg("kb_files"), py::arg("parse_sentences"),
          py::arg("max_article_bytes"))
      .def("close", &PyDatabase::Close)
      .def_property_readonly("closed", &PyDatabase::closed)
      .def_property_readonly("path", &PyDatabase::path)
      .def("query", &PyDatabase::Query, py::arg("cypher"), py::arg("params"), py::arg("options"))
      .def("ask", &PyDatabase::Ask, py::arg("name"), py::arg("params"), py::arg("options"))
      .def("import_file", &PyDatabase::ImportFile, py::arg("file"), py::arg("txt_date"))
      .def("import_article", &PyDatabase::ImportArticle, py::arg("article"))
      .def("explain", &PyDatabase::Explain, py::arg("event_id"))
      .def("list_queries", &PyDatabase::ListQueries);
}

void BindOptions(py::module_& m) {
  py::class_<QueryOptions>(m, "QueryOptions")
      .def(py::init(&Budgets), py::arg("timeout_ms") = py::none(),
           py::arg("max_rows") = py::none(), py::arg("max_memory_bytes") = py::none(),
           py::arg("max_var_length") = py::none())
      .def_readonly("timeout_ms", &QueryOptions::timeout_ms)
      .def_readonly("max_rows", &QueryOptions::max_rows)
      .def_readonly("max_memory_bytes", &QueryOptions::max_memory_bytes)
      .def_readonly("max_var_length", &QueryOptions::max_var_length);
  py::class_<ArticleInput>(m, "ArticleInput")
      .def(py::init([](std::string id, std::string title, std::string date, std::string source,
                       std::string url, std::string text) {
             return ArticleInput{std::move(id),  std::move(title), std::move(date),
                                 std::move(source), std::move(url), std::move(text)};
           }),
           py::arg("id"), py::arg("title"), py::arg("date"), py::arg("source"), py::arg("url"),
           py::arg("text"));
}

}  // namespace newsgraph::python

PYBIND11_MODULE(_newsgraph, m) {
  m.doc() = "The compiled half of the newsgraph package; use newsgraph.open().";
  newsgraph::python::BindOptions(m);
  newsgraph::python::BindDatabase(m);
}
