// newsgraph export: the store's events in the evaluation format.
#include <iostream>

#include "newsgraph/query.h"
#include "tools/cli_common.h"

namespace newsgraph::cli {
namespace {

struct ExportFlags {
  std::string db;
  std::string format = "events";
};

int RunExport(const ExportFlags& flags) {
  absl::StatusOr<std::unique_ptr<Store>> store = OpenForReading(flags.db);
  if (!store.ok()) return ReportError("export", store.status());
  absl::StatusOr<uint64_t> written = ExportEvents(**store, std::cout);
  if (!written.ok()) return ReportError("export", written.status());
  std::cout.flush();
  return 0;
}

}  // namespace

Command AddExportCommand(CLI::App& app) {
  auto flags = std::make_shared<ExportFlags>();
  CLI::App* sub = app.add_subcommand("export", "Write the store's contents to stdout.");
  sub->add_option("--db", flags->db, "Store directory")->required();
  sub->add_option("--format", flags->format,
                  "events: every contact event, one JSON object a line "
                  "(the format of the evaluation scripts)")
      ->check(CLI::IsMember({"events"}))
      ->capture_default_str();
  return {sub, [flags] { return RunExport(*flags); }};
}

}  // namespace newsgraph::cli
