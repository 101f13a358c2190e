// newsgraph explain: the rule, sentence, date and people behind an event.
#include <iostream>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "newsgraph/query.h"
#include "tools/cli_common.h"

namespace newsgraph::cli {
namespace {

struct ExplainFlags {
  std::string db;
  std::vector<std::string> ids;
};

int RunExplain(const ExplainFlags& flags) {
  absl::StatusOr<std::unique_ptr<Store>> store = OpenForReading(flags.db);
  if (!store.ok()) return ReportError("explain", store.status());
  for (const std::string& text : flags.ids) {
    uint64_t id = 0;
    if (!absl::SimpleAtoi(text, &id)) {
      return ReportError("explain", absl::InvalidArgumentError(
                                        absl::StrCat("not an event id: \"", text, "\"")));
    }
    absl::StatusOr<std::string> explanation = ExplainEvent(**store, id);
    if (!explanation.ok()) return ReportError("explain", explanation.status());
    std::cout << *explanation;
  }
  return 0;
}

}  // namespace

Command AddExplainCommand(CLI::App& app) {
  auto flags = std::make_shared<ExplainFlags>();
  CLI::App* sub = app.add_subcommand(
      "explain",
      "Show how an event was read: rule, sentence, date and people resolution. Event ids "
      "appear in `ask` answers ([event N] in tables, event_id in JSON).");
  sub->add_option("--db", flags->db, "Store directory")->required();
  sub->add_option("event_ids", flags->ids, "Event ids")->required();
  return {sub, [flags] { return RunExplain(*flags); }};
}

}  // namespace newsgraph::cli
