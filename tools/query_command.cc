// newsgraph query: a read-only Cypher query over a store.
#include <unistd.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "newsgraph/cypher.h"
#include "tools/cli_common.h"

namespace newsgraph::cli {
namespace {

struct QueryFlags {
  std::string db;
  std::string query;
  std::string file;
  std::vector<std::string> params;
  std::string format = "table";
  bool timing = false;
  // The budgets (newsgraph::CypherOptions), in units a user types.
  int64_t max_rows = CypherOptions().max_rows;
  double max_memory_mb = static_cast<double>(CypherOptions().max_memory_bytes >> 20);
  double timeout_s = CypherOptions().timeout_ms / 1000.0;
};

bool IsParamName(absl::string_view name) {
  if (name.empty() || absl::ascii_isdigit(name.front())) return false;
  for (char c : name) {
    if (!absl::ascii_isalnum(c) && c != '_') return false;
  }
  return true;
}

absl::StatusOr<CypherParams> ParseParams(const std::vector<std::string>& items) {
  CypherParams params;
  for (const std::string& item : items) {
    const size_t eq = item.find('=');
    const std::string name = item.substr(0, eq);
    if (eq == std::string::npos || !IsParamName(name)) {
      return absl::InvalidArgumentError(
          absl::StrCat("--param \"", item, "\": expected NAME=VALUE (e.g. from=2022-01-01)"));
    }
    params[name] = ParseCypherParam(absl::string_view(item).substr(eq + 1));
  }
  return params;
}

absl::StatusOr<std::string> QueryText(const QueryFlags& flags) {
  if (!flags.file.empty() && !flags.query.empty()) {
    return absl::InvalidArgumentError("give the query as an argument or with --file, not both");
  }
  // No query, or "-": read it from standard input (a pipe or a heredoc).
  if ((flags.file.empty() && flags.query.empty()) || flags.query == "-") {
    if (isatty(STDIN_FILENO)) {
      return absl::InvalidArgumentError(
          "no query: give it as an argument, with --file, or on standard input");
    }
    std::stringstream text;
    text << std::cin.rdbuf();
    if (absl::StripAsciiWhitespace(text.str()).empty()) {
      return absl::InvalidArgumentError(
          "no query: give it as an argument, with --file, or on standard input (which was empty)");
    }
    return text.str();
  }
  if (flags.file.empty()) return flags.query;
  std::ifstream in(flags.file, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat(flags.file, ": cannot read"));
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

int RunQuery(const QueryFlags& flags) {
  absl::StatusOr<std::string> text = QueryText(flags);
  if (!text.ok()) return ReportError("query", text.status());
  absl::StatusOr<CypherParams> params = ParseParams(flags.params);
  if (!params.ok()) return ReportError("query", params.status());
  absl::StatusOr<std::unique_ptr<Store>> store = OpenForReading(flags.db);
  if (!store.ok()) return ReportError("query", store.status());
  const absl::Time start = absl::Now();
  CypherOptions options;
  options.max_rows = flags.max_rows;
  options.max_memory_bytes = static_cast<int64_t>(flags.max_memory_mb * (1 << 20));
  options.timeout_ms = static_cast<int64_t>(flags.timeout_s * 1000);
  absl::StatusOr<CypherResult> result =
      RunCypher(**store, *text, *params, WithinProcessMemory(options));
  const absl::Duration took = absl::Now() - start;
  if (!result.ok()) {
    // "line 2, column 7: ..." reads as file:line:column when from a file.
    const std::string where =
        !flags.file.empty() && absl::StartsWith(result.status().message(), "line ")
            ? flags.file + ": "
            : "";
    const absl::StatusCode code = result.status().code();
    const bool budget = code == absl::StatusCode::kResourceExhausted ||
                        code == absl::StatusCode::kDeadlineExceeded;
    return ReportError("query", absl::Status(code, absl::StrCat(
        where, result.status().message(),
        budget ? " (--max-rows, --max-memory and --timeout set the budgets)" : "")));
  }
  if (flags.format == "json") {
    std::cout << CypherResultToJson(*result) << "\n";
  } else if (flags.format == "csv") {
    std::cout << CypherResultToCsv(*result);
  } else {
    std::cout << CypherResultToTable(*result);
  }
  // Beside the result, not in it: JSON and CSV stay machine-readable.
  if (!result->profile.empty()) {
    if (flags.format == "table") {
      std::cout << "\n" << result->profile;
    } else {
      std::cerr << result->profile;
    }
  }
  if (flags.timing) {
    std::cerr << absl::StrFormat("query: %.1f ms (parse, plan, run; the store was already open)\n",
                                 absl::ToDoubleMilliseconds(took));
  }
  return 0;
}

}  // namespace

Command AddQueryCommand(CLI::App& app) {
  auto flags = std::make_shared<QueryFlags>();
  CLI::App* sub = app.add_subcommand(
      "query",
      "Run a read-only Cypher query (the graph as docs/graph-model.md, \"Cypher view\", shows "
      "it).\nExample: newsgraph query --db DIR 'MATCH (p:Person)-[:MET]->(q:Person) RETURN "
      "p.name, q.name'");
  sub->add_option("cypher", flags->query,
                  "The query text; '-' or nothing reads it from standard input (or use --file)");
  sub->add_option("--file", flags->file, "Read the query from this file");
  sub->add_option("--db", flags->db, "Store directory")->required();
  sub->add_option("--param", flags->params,
                  "NAME=VALUE, repeatable; VALUE is an integer, float, true/false/null, a date "
                  "if YYYY-MM-DD, else a string ('quoted' is always a string)")
      ->allow_extra_args(false);  // one NAME=VALUE each: the query is not a parameter
  sub->add_option("--format", flags->format, "Output format")
      ->check(CLI::IsMember({"table", "json", "csv"}))
      ->capture_default_str();
  sub->add_flag("--timing", flags->timing, "Print the query's own time (ms) to stderr");
  sub->add_option("--max-rows", flags->max_rows, "Rows one clause may hold before the query fails")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  sub->add_option("--max-memory", flags->max_memory_mb,
                  "Megabytes of rows and values the query may hold before it fails")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  sub->add_option("--timeout", flags->timeout_s, "Seconds before the query is stopped")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  return {sub, [flags] { return RunQuery(*flags); }};
}

}  // namespace newsgraph::cli
