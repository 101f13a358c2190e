// newsgraph ask: the canned queries.
#include <iostream>

#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "newsgraph/query.h"
#include "schema/ontology.h"
#include "tools/cli_common.h"

namespace newsgraph::cli {
namespace {

struct AskFlags {
  std::string name;
  std::string db;
  bool list = false;
  std::string a, b, person;
  std::string from = "1900-01-01";
  std::string to = "2999-12-31";
  std::string mode = "in-person";
  std::string factuality = "happened";
  std::string format = "table";
};

int ListQueries() {
  for (const CannedQuery& query : CannedQueries()) {
    std::cout << query.name << "\n    " << query.summary << "\n";
    for (const auto& [param, help] : query.params) {
      std::cout << absl::StrFormat("      --%-12s %s\n", param, help);
    }
    std::cout << "\n";
  }
  return 0;
}

absl::StatusOr<std::vector<pb::Factuality>> ParseFactualities(const std::string& list) {
  std::vector<pb::Factuality> out;
  for (absl::string_view item : absl::StrSplit(list, ',', absl::SkipWhitespace())) {
    std::optional<pb::Factuality> f = ParseFactuality(absl::StripAsciiWhitespace(item));
    if (!f) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "--factuality: unknown value \"%s\" (use happened, planned, possible, cancelled, "
          "denied)",
          item));
    }
    out.push_back(*f);
  }
  if (out.empty()) return absl::InvalidArgumentError("--factuality: empty list");
  return out;
}

ContactMode ParseMode(const std::string& mode) {
  if (mode == "call") return ContactMode::kCall;
  if (mode == "any") return ContactMode::kAny;
  return ContactMode::kInPerson;
}

int RunAsk(const AskFlags& flags) {
  if (flags.list) return ListQueries();
  if (flags.name.empty()) {
    return ReportError("ask", absl::InvalidArgumentError(
                                  "name a query (newsgraph ask --list shows them)"));
  }
  if (flags.db.empty()) return ReportError("ask", absl::InvalidArgumentError("--db is required"));
  absl::StatusOr<std::vector<pb::Factuality>> factualities = ParseFactualities(flags.factuality);
  if (!factualities.ok()) return ReportError("ask", factualities.status());
  absl::StatusOr<std::unique_ptr<Store>> store = OpenForReading(flags.db);
  if (!store.ok()) return ReportError("ask", store.status());

  absl::StatusOr<std::vector<PairRow>> rows;
  if (flags.name == "officials-met") {
    if (flags.a.empty() || flags.b.empty()) {
      return ReportError("ask", absl::InvalidArgumentError("officials-met needs --a and --b"));
    }
    OfficialsMetParams params;
    params.a = flags.a;
    params.b = flags.b;
    params.from = flags.from;
    params.to = flags.to;
    params.mode = ParseMode(flags.mode);
    params.factualities = *factualities;
    rows = OfficialsMet(**store, params);
  } else if (flags.name == "contacts-of") {
    if (flags.person.empty()) {
      return ReportError("ask", absl::InvalidArgumentError("contacts-of needs --person"));
    }
    ContactsOfParams params;
    params.person = flags.person;
    params.from = flags.from;
    params.to = flags.to;
    params.mode = ParseMode(flags.mode);
    params.factualities = *factualities;
    rows = ContactsOf(**store, params);
  } else {
    return ReportError("ask", absl::NotFoundError(absl::StrFormat(
                                  "unknown query \"%s\" (newsgraph ask --list shows them)",
                                  flags.name)));
  }
  if (!rows.ok()) return ReportError("ask", rows.status());
  if (flags.format == "json") {
    std::cout << PairRowsToJson(*rows) << "\n";
  } else if (flags.format == "csv") {
    std::cout << PairRowsToCsv(*rows);
  } else {
    std::cout << PairRowsToTable(*rows);
  }
  return 0;
}

}  // namespace

Command AddAskCommand(CLI::App& app) {
  auto flags = std::make_shared<AskFlags>();
  CLI::App* sub = app.add_subcommand(
      "ask", "Run a canned query (newsgraph ask --list shows them and their parameters).");
  sub->add_option("name", flags->name, "Query name, e.g. officials-met");
  sub->add_flag("--list", flags->list, "List the canned queries and their parameters");
  sub->add_option("--db", flags->db, "Store directory");
  sub->add_option("--a", flags->a, "First side: ISO 3166 alpha-2 code (US) or alliance (NATO)");
  sub->add_option("--b", flags->b, "Second side: ISO 3166 alpha-2 code or alliance");
  sub->add_option("--person", flags->person, "A person's name, e.g. \"Wang Yi\" (contacts-of)");
  sub->add_option("--from", flags->from, "Window start, YYYY-MM-DD (inclusive)")
      ->capture_default_str();
  sub->add_option("--to", flags->to, "Window end, YYYY-MM-DD (inclusive)")->capture_default_str();
  sub->add_option("--mode", flags->mode, "Kind of contact")
      ->check(CLI::IsMember({"in-person", "call", "any"}))
      ->capture_default_str();
  sub->add_option("--factuality", flags->factuality,
                  "Comma list of happened, planned, possible, cancelled, denied")
      ->capture_default_str();
  sub->add_option("--format", flags->format, "Output format")
      ->check(CLI::IsMember({"table", "json", "csv"}))
      ->capture_default_str();
  return {sub, [flags] { return RunAsk(*flags); }};
}

}  // namespace newsgraph::cli
