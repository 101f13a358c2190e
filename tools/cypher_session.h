// What `newsgraph query` and `newsgraph shell` share: the flags for
// parameters, output format and budgets, and running one statement of a
// script against an open store with them.
#ifndef NEWSGRAPH_TOOLS_CYPHER_SESSION_H_
#define NEWSGRAPH_TOOLS_CYPHER_SESSION_H_

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "CLI/CLI.hpp"
#include "absl/status/status.h"
#include "newsgraph/cypher.h"
#include "newsgraph/store.h"

namespace newsgraph::cli {

struct CypherFlags {
  std::vector<std::string> params;  // NAME=VALUE
  std::string format = "table";
  bool timing = false;
  // The budgets (newsgraph::CypherOptions), in units a user types.
  int64_t max_rows = CypherOptions().max_rows;
  double max_memory_mb = static_cast<double>(CypherOptions().max_memory_bytes >> 20);
  double timeout_s = CypherOptions().timeout_ms / 1000.0;
};

// Adds --param, --format, --timing, --max-rows, --max-memory, --timeout.
void AddCypherFlags(CLI::App* sub, CypherFlags* flags);

// NAME=VALUE items as parameters (newsgraph::ParseCypherParam values).
absl::StatusOr<CypherParams> ParseParams(const std::vector<std::string>& items);

class CypherSession {
 public:
  // Errors: a malformed --param.
  static absl::StatusOr<CypherSession> Create(const Store* store, const CypherFlags& flags);

  // Runs one statement and prints its result to `out` (a PROFILE plan after
  // a table, else to `err`; --timing to `err`). With `one_line_json`, JSON
  // is written compact on one line, so that the results of a script are
  // JSON Lines. Errors as RunCypher's; a budget's names its flag.
  absl::Status Run(const std::string& statement, bool one_line_json, std::ostream& out,
                   std::ostream& err) const;

  const std::string& format() const { return format_; }
  // For the shell's :format and :param.
  void set_format(std::string format) { format_ = std::move(format); }
  void set_param(const std::string& name, CypherValue value) { params_[name] = std::move(value); }

 private:
  CypherSession(const Store* store, CypherParams params, CypherOptions options,
                std::string format, bool timing)
      : store_(store), params_(std::move(params)), options_(options),
        format_(std::move(format)), timing_(timing) {}

  const Store* store_;
  CypherParams params_;
  CypherOptions options_;
  std::string format_;
  bool timing_;
};

}  // namespace newsgraph::cli

#endif  // NEWSGRAPH_TOOLS_CYPHER_SESSION_H_
