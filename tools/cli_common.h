// Shared pieces of the newsgraph command line: opening stores, reporting
// errors the same way in every subcommand.
#ifndef NEWSGRAPH_TOOLS_CLI_COMMON_H_
#define NEWSGRAPH_TOOLS_CLI_COMMON_H_

#include <memory>
#include <string>

#include "CLI/CLI.hpp"
#include "absl/status/status.h"
#include "newsgraph/cypher.h"
#include "newsgraph/store.h"

namespace newsgraph::cli {

// Exit codes: 0 success, 1 bad input or a failed operation, 2 bad usage.
inline constexpr int kExitFailure = 1;

// Prints "newsgraph COMMAND: error: MESSAGE" to stderr; returns kExitFailure.
int ReportError(const std::string& command, const absl::Status& status);

// Opens the store in `dir` for reading (no lock, works beside a writer).
absl::StatusOr<std::unique_ptr<Store>> OpenForReading(const std::string& dir);

// `options` with the memory budget cut by what this process already holds
// (the knowledge base, RocksDB's block cache, the binary): for the command
// line a budget bounds the whole process, so its peak RSS stays under it
// (5% of it is left for the allocator's own slack).
// (An embedding program's budget counts the query's own memory only.)
CypherOptions WithinProcessMemory(CypherOptions options);

// Each subcommand registers itself and its flags on `app` and returns
// itself with the function that runs it once the command line is parsed.
struct Command {
  CLI::App* app = nullptr;
  std::function<int()> run;
};
Command AddImportCommand(CLI::App& app);
Command AddAskCommand(CLI::App& app);
Command AddExportCommand(CLI::App& app);
Command AddStatsCommand(CLI::App& app);
Command AddExplainCommand(CLI::App& app);
Command AddBenchCommand(CLI::App& app);
Command AddQueryCommand(CLI::App& app);
Command AddShellCommand(CLI::App& app);
Command AddServeCommand(CLI::App& app);
Command AddCompactAdjacencyCommand(CLI::App& app);

}  // namespace newsgraph::cli

#endif  // NEWSGRAPH_TOOLS_CLI_COMMON_H_
