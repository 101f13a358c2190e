// newsgraph compact-adjacency: folds the edges committed since the store's
// adjacency file into a new one (docs/storage.md, "Persisted adjacency").
#include <iostream>
#include <memory>
#include <string>

#include "absl/strings/str_format.h"
#include "newsgraph/adjacency_file.h"
#include "newsgraph/store.h"
#include "tools/cli_common.h"

namespace newsgraph::cli {
namespace {

int RunCompact(const std::string& db) {
  const std::string command = "compact-adjacency";
  StoreOptions options;
  options.create_if_missing = false;  // a missing store is an error, not a new one
  absl::StatusOr<std::unique_ptr<Store>> store = Store::Open(db, options);
  if (!store.ok()) return ReportError(command, store.status());
  absl::StatusOr<AdjacencyFileReport> report = CompactAdjacency(**store);
  if (!report.ok()) return ReportError(command, report.status());
  std::cout << absl::StrFormat("file: %s\nvertices: %d\nedges: %d\nlog commits: %d\nseconds: %.3f\n",
                               report->path, report->vertices, report->edges, report->log_bound,
                               report->seconds);
  return 0;
}

}  // namespace

Command AddCompactAdjacencyCommand(CLI::App& app) {
  auto db = std::make_shared<std::string>();
  CLI::App* compact = app.add_subcommand(
      "compact-adjacency",
      "Write the store's memory-mapped adjacency file anew, folding in the edges committed "
      "since the last one (traversals read those from the store until then). Needs the "
      "writer's lock: not beside a running import.");
  compact->add_option("--db", *db, "Store directory")->required();
  return {compact, [db] { return RunCompact(*db); }};
}

}  // namespace newsgraph::cli
