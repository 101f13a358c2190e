// newsgraph: import news articles into a knowledge graph and ask it
// questions. Flag parsing only; the work is done by the library face.
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "tools/cli_common.h"

namespace newsgraph::cli {

int ReportError(const std::string& command, const absl::Status& status) {
  std::cerr << "newsgraph " << command << ": error: " << status.message() << "\n";
  return kExitFailure;
}

CypherOptions WithinProcessMemory(CypherOptions options) {
  // /proc/self/statm: total and resident pages, then others.
  std::ifstream statm("/proc/self/statm");
  int64_t total_pages = 0, resident_pages = 0;
  if (statm >> total_pages >> resident_pages) {
    const int64_t held = resident_pages * ::sysconf(_SC_PAGESIZE);
    // 5% stays for what malloc holds beyond the blocks the query counts:
    // rounding, and freed blocks it keeps (measured: 1-2% at 200-800 MB).
    options.max_memory_bytes =
        std::max<int64_t>((options.max_memory_bytes - held) / 20 * 19, 1);
  }
  return options;
}

absl::StatusOr<std::unique_ptr<Store>> OpenForReading(const std::string& dir) {
  StoreOptions options;
  options.read_only = true;
  options.create_if_missing = false;
  return Store::Open(dir, options);
}

}  // namespace newsgraph::cli

int main(int argc, char** argv) {
  using namespace newsgraph::cli;
  CLI::App app{
      "newsgraph: reads news articles into a graph of people, states, alliances and dated\n"
      "events, and answers questions about it with the sentences that prove each answer."};
  app.require_subcommand(1);
  app.set_version_flag("--version", "newsgraph 0.1.0");
  std::vector<Command> commands;
  for (auto add : {AddImportCommand, AddAskCommand, AddQueryCommand, AddShellCommand,
                   AddExportCommand, AddStatsCommand, AddExplainCommand, AddBenchCommand,
                   AddServeCommand, AddCompactAdjacencyCommand}) {
    commands.push_back(add(app));
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  for (const Command& command : commands) {
    if (command.app->parsed()) return command.run();
  }
  return 2;
}
