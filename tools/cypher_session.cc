#include "tools/cypher_session.h"

#include <iostream>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "nlohmann/json.hpp"
#include "tools/cli_common.h"

namespace newsgraph::cli {
namespace {

bool IsParamName(absl::string_view name) {
  if (name.empty() || absl::ascii_isdigit(name.front())) return false;
  for (char c : name) {
    if (!absl::ascii_isalnum(c) && c != '_') return false;
  }
  return true;
}

}  // namespace

void AddCypherFlags(CLI::App* sub, CypherFlags* flags) {
  sub->add_option("--param", flags->params,
                  "NAME=VALUE, repeatable; VALUE is an integer, float, true/false/null, a date "
                  "if YYYY-MM-DD, else a string ('quoted' is always a string)")
      ->allow_extra_args(false);  // one NAME=VALUE each: the query is not a parameter
  sub->add_option("--format", flags->format, "Output format")
      ->check(CLI::IsMember({"table", "json", "csv"}))
      ->capture_default_str();
  sub->add_flag("--timing", flags->timing, "Print each query's own time (ms) to stderr");
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

absl::StatusOr<CypherSession> CypherSession::Create(const Store* store, const CypherFlags& flags) {
  absl::StatusOr<CypherParams> params = ParseParams(flags.params);
  if (!params.ok()) return params.status();
  CypherOptions options;
  options.max_rows = flags.max_rows;
  options.max_memory_bytes = static_cast<int64_t>(flags.max_memory_mb * (1 << 20));
  options.timeout_ms = static_cast<int64_t>(flags.timeout_s * 1000);
  return CypherSession(store, *std::move(params), options, flags.format, flags.timing);
}

absl::Status CypherSession::Run(const std::string& statement, bool one_line_json,
                                std::ostream& out, std::ostream& err) const {
  const absl::Time start = absl::Now();
  absl::StatusOr<CypherResult> result =
      RunCypher(*store_, statement, params_, WithinProcessMemory(options_));
  const absl::Duration took = absl::Now() - start;
  if (!result.ok()) {
    const absl::StatusCode code = result.status().code();
    if (code != absl::StatusCode::kResourceExhausted &&
        code != absl::StatusCode::kDeadlineExceeded) {
      return result.status();
    }
    return absl::Status(code, absl::StrCat(result.status().message(),
                                           " (--max-rows, --max-memory and --timeout set the "
                                           "budgets)"));
  }
  if (format_ == "json") {
    const std::string json = CypherResultToJson(*result);
    out << (one_line_json ? nlohmann::json::parse(json).dump() : json) << "\n";
  } else if (format_ == "csv") {
    out << CypherResultToCsv(*result);
  } else {
    out << CypherResultToTable(*result);
  }
  // Beside the result, not in it: JSON and CSV stay machine-readable.
  if (!result->profile.empty()) {
    (format_ == "table" ? out << "\n" : err) << result->profile << "\n";
  }
  if (timing_) {
    err << absl::StrFormat("query: %.1f ms (parse, plan, run; the store was already open)\n",
                           absl::ToDoubleMilliseconds(took));
  }
  return absl::OkStatus();
}

}  // namespace newsgraph::cli
