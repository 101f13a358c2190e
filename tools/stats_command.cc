// newsgraph stats: what a store holds.
#include <algorithm>
#include <iostream>
#include <vector>

#include "absl/strings/str_format.h"
#include "tools/cli_common.h"

namespace newsgraph::cli {
namespace {

void PrintCounts(const std::string& title,
                 const absl::flat_hash_map<std::string, uint64_t>& counts) {
  std::vector<std::pair<std::string, uint64_t>> sorted(counts.begin(), counts.end());
  std::sort(sorted.begin(), sorted.end());
  uint64_t total = 0;
  for (const auto& [name, n] : sorted) total += n;
  std::cout << absl::StrFormat("%s: %d\n", title, total);
  for (const auto& [name, n] : sorted) std::cout << absl::StrFormat("  %-16s %10d\n", name, n);
}

int RunStats(const std::string& db) {
  absl::StatusOr<std::unique_ptr<Store>> store = OpenForReading(db);
  if (!store.ok()) return ReportError("stats", store.status());
  absl::StatusOr<StoreStats> stats = (*store)->Stats();
  if (!stats.ok()) return ReportError("stats", stats.status());
  std::cout << absl::StrFormat("articles: %d\nevidence: %d\n", stats->articles, stats->evidence);
  PrintCounts("nodes", stats->nodes_by_kind);
  PrintCounts("edges", stats->edges_by_type);
  return 0;
}

}  // namespace

Command AddStatsCommand(CLI::App& app) {
  auto db = std::make_shared<std::string>();
  CLI::App* sub = app.add_subcommand(
      "stats", "Count a store's nodes by kind, edges by type, articles and evidence.");
  sub->add_option("--db", *db, "Store directory")->required();
  return {sub, [db] { return RunStats(*db); }};
}

}  // namespace newsgraph::cli
