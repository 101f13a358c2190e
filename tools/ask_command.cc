// newsgraph ask: the canned queries of the registry (data/queries/canned.cypher
// and the user's --queries files). officials-met and contacts-of run their
// C++ implementations (the scored path) unless --engine cypher; so does
// neighbourhood (a breadth-first search with the rows of its Cypher text).
#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <map>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "newsgraph/query.h"
#include "queries/canned/registry.h"
#include "queries/canned/runner.h"
#include "schema/ontology.h"
#include "tools/cli_common.h"


namespace newsgraph::cli {
namespace {

using queries::CannedEntry;
using queries::CannedParam;
using queries::CannedRegistry;

// Flags that stand for the registry parameter of the same name.
constexpr const char* kParamFlags[] = {"a",    "b",    "person",    "entity", "alliance",
                                       "date", "k",    "types",     "limit",  "from",
                                       "to",   "mode", "factuality"};

struct AskFlags {
  std::string name;
  std::string db;
  bool list = false;
  bool describe = false;
  std::vector<std::string> query_files;
  std::vector<std::string> params;           // NAME=VALUE
  std::string engine;                        // "" = as the entry says
  std::map<std::string, std::string> named;  // kParamFlags values
  std::map<std::string, CLI::Option*> named_options;
  std::string format = "table";
};

// The defaults officials-met and contacts-of have always had on the
// command line; the registry's Cypher texts declare the same ones.
std::string NamedOr(const AskFlags& flags, const std::string& param, const std::string& fallback) {
  return flags.named_options.at(param)->count() > 0 ? flags.named.at(param) : fallback;
}

// `text` broken into lines of at most `width` columns (longer words stay
// whole), each line starting with `indent`.
std::string WrapText(const std::string& text, size_t width, const std::string& indent) {
  std::string out = indent;
  size_t column = 0;
  for (absl::string_view word : absl::StrSplit(text, ' ', absl::SkipEmpty())) {
    if (column > 0 && column + 1 + word.size() > width) {
      absl::StrAppend(&out, "\n", indent);
      column = 0;
    } else if (column > 0) {
      out += " ";
      ++column;
    }
    absl::StrAppend(&out, word);
    column += word.size();
  }
  return out + "\n";
}

void PrintEntry(const CannedEntry& entry, bool with_text) {
  std::cout << entry.name
            << (entry.native ? "  (runs in C++; --engine cypher runs its Cypher text)" : "") << "\n"
            << WrapText(entry.description, 88, "    ");
  for (const CannedParam& p : entry.params) {
    const bool has_flag =
        std::find(std::begin(kParamFlags), std::end(kParamFlags), p.name) != std::end(kParamFlags);
    const std::string flag =
        has_flag ? absl::StrCat("--", p.name) : absl::StrCat("--param ", p.name, "=");
    std::cout << absl::StrFormat("      %-16s %s\n", flag, queries::DescribeParamType(p))
              << WrapText(p.help, 80, std::string(23, ' '));
  }
  std::cout << "      formats: " << absl::StrJoin(entry.formats, ", ") << "\n";
  if (with_text) std::cout << "    defined at " << entry.origin << ":\n\n" << entry.cypher << "\n";
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

// officials-met and contacts-of through their C++ implementations.
int RunNative(const AskFlags& flags, const CannedEntry& entry) {
  if (!flags.params.empty()) {
    return ReportError("ask", absl::InvalidArgumentError(
                                  absl::StrCat("--param is for Cypher texts; ", entry.name,
                                               " takes its named flags (or add --engine cypher)")));
  }
  if (!entry.SupportsFormat(flags.format)) {
    return ReportError("ask", absl::InvalidArgumentError(absl::StrCat(
                                  "--format ", flags.format, ": ", entry.name, " answers as ",
                                  absl::StrJoin(entry.formats, ", "), " only")));
  }
  const std::string from = NamedOr(flags, "from", "1900-01-01");
  const std::string to = NamedOr(flags, "to", "2999-12-31");
  const ContactMode mode = ParseMode(NamedOr(flags, "mode", "in-person"));
  absl::StatusOr<std::vector<pb::Factuality>> factualities =
      ParseFactualities(NamedOr(flags, "factuality", "happened"));
  if (!factualities.ok()) return ReportError("ask", factualities.status());
  absl::StatusOr<std::unique_ptr<Store>> store = OpenForReading(flags.db);
  if (!store.ok()) return ReportError("ask", store.status());

  absl::StatusOr<std::vector<PairRow>> rows;
  if (entry.name == "officials-met") {
    if (flags.named.at("a").empty() || flags.named.at("b").empty()) {
      return ReportError("ask", absl::InvalidArgumentError("officials-met needs --a and --b"));
    }
    OfficialsMetParams params;
    params.a = flags.named.at("a");
    params.b = flags.named.at("b");
    params.from = from;
    params.to = to;
    params.mode = mode;
    params.factualities = *factualities;
    rows = OfficialsMet(**store, params);
  } else if (entry.name == "contacts-of") {
    if (flags.named.at("person").empty()) {
      return ReportError("ask", absl::InvalidArgumentError("contacts-of needs --person"));
    }
    ContactsOfParams params;
    params.person = flags.named.at("person");
    params.from = from;
    params.to = to;
    params.mode = mode;
    params.factualities = *factualities;
    rows = ContactsOf(**store, params);
  } else {
    return ReportError("ask", absl::InvalidArgumentError(
                                  absl::StrCat(entry.name, " (", entry.origin,
                                               ") says engine: native, but only officials-met, "
                                               "contacts-of and neighbourhood have a C++ "
                                               "implementation")));
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

// The parameter text of --param NAME=VALUE and the named flags given.
absl::StatusOr<std::map<std::string, std::string>> GivenParams(const AskFlags& flags) {
  std::map<std::string, std::string> given;
  for (const std::string& item : flags.params) {
    const size_t eq = item.find('=');
    if (eq == std::string::npos || eq == 0) {
      return absl::InvalidArgumentError(
          absl::StrCat("--param \"", item, "\": expected NAME=VALUE (e.g. k=2)"));
    }
    given[item.substr(0, eq)] = item.substr(eq + 1);
  }
  for (const auto& [name, option] : flags.named_options) {
    if (option->count() == 0) continue;
    if (given.count(name) > 0) {
      return absl::InvalidArgumentError(
          absl::StrCat("--", name, " and --param ", name, "= both given"));
    }
    given[name] = flags.named.at(name);
  }
  return given;
}

// An entry whose answer has the rows of its Cypher text: the text, or its
// C++ implementation (neighbourhood) unless --engine cypher.
int RunCypherEntry(const AskFlags& flags, const CannedEntry& entry) {
  absl::StatusOr<std::map<std::string, std::string>> given = GivenParams(flags);
  if (!given.ok()) return ReportError("ask", given.status());
  absl::StatusOr<CypherParams> params = queries::BindParams(entry, *given);
  if (!params.ok()) return ReportError("ask", params.status());
  if (!entry.SupportsFormat(flags.format)) {
    return ReportError("ask", absl::InvalidArgumentError(absl::StrCat(
                                  "--format ", flags.format, ": ", entry.name, " answers as ",
                                  absl::StrJoin(entry.formats, ", "), " only")));
  }
  absl::StatusOr<std::unique_ptr<Store>> store = OpenForReading(flags.db);
  if (!store.ok()) return ReportError("ask", store.status());
  absl::StatusOr<std::string> out = queries::RunCannedQuery(
      **store, entry, *params, flags.format, WithinProcessMemory(CypherOptions()),
      flags.engine == "cypher" ? queries::CannedEngine::kCypher
                               : queries::CannedEngine::kAsEntrySays);
  if (!out.ok()) return ReportError("ask", out.status());
  std::cout << *out;
  return 0;
}

int RunAsk(const AskFlags& flags) {
  const char* env = std::getenv("NEWSGRAPH_QUERIES");
  absl::StatusOr<CannedRegistry> registry =
      queries::LoadCannedRegistry(flags.query_files, env ? env : "");
  if (!registry.ok()) return ReportError("ask", registry.status());
  if (flags.list) {
    for (const CannedEntry& entry : registry->entries()) {
      PrintEntry(entry, /*with_text=*/false);
      std::cout << "\n";
    }
    return 0;
  }
  if (flags.name.empty()) {
    return ReportError(
        "ask", absl::InvalidArgumentError("name a query (newsgraph ask --list shows them)"));
  }
  const CannedEntry* entry = registry->Find(flags.name);
  if (entry == nullptr) {
    return ReportError("ask",
                       absl::NotFoundError(absl::StrFormat(
                           "unknown query \"%s\" (newsgraph ask --list shows them)", flags.name)));
  }
  if (flags.describe) {
    PrintEntry(*entry, /*with_text=*/true);
    return 0;
  }
  if (flags.db.empty()) return ReportError("ask", absl::InvalidArgumentError("--db is required"));
  if (flags.engine == "native" && !entry->native) {
    return ReportError("ask", absl::InvalidArgumentError(absl::StrCat(
                                  entry->name, " has no C++ implementation; drop --engine")));
  }
  if (entry->native && flags.engine != "cypher" && !queries::HasNativeRows(*entry)) {
    return RunNative(flags, *entry);
  }
  return RunCypherEntry(flags, *entry);
}

}  // namespace

Command AddAskCommand(CLI::App& app) {
  auto flags = std::make_shared<AskFlags>();
  CLI::App* sub = app.add_subcommand(
      "ask",
      "Run a canned query (newsgraph ask --list shows them and their parameters; "
      "ask --describe NAME its Cypher text).");
  sub->add_option("name", flags->name, "Query name, e.g. officials-met");
  sub->add_flag("--list", flags->list, "List the canned queries and their parameters");
  sub->add_flag("--describe", flags->describe,
                "Show the named query: description, parameters and Cypher text");
  sub->add_option("--db", flags->db, "Store directory");
  sub->add_option("--queries", flags->query_files,
                  "Extra query file(s) in the format of data/queries/canned.cypher; their "
                  "entries replace built-in ones of the same name (also: NEWSGRAPH_QUERIES, "
                  "':'-separated)");
  sub->add_option("--param", flags->params, "A query parameter, NAME=VALUE (repeatable)");
  sub->add_option("--engine", flags->engine,
                  "cypher: run officials-met/contacts-of/neighbourhood from their Cypher text "
                  "instead of C++")
      ->check(CLI::IsMember({"native", "cypher"}));
  const std::map<std::string, std::string> help = {
      {"a", "First side or entity: ISO 3166 code (US), alliance (NATO) or a name (path)"},
      {"b", "Second side or entity"},
      {"person", "A person's name, e.g. \"Wang Yi\""},
      {"entity", "An entity's name as stored (neighbourhood, timeline)"},
      {"alliance", "An alliance's name (alliance-members)"},
      {"date", "A day, YYYY-MM-DD (alliance-members)"},
      {"k", "Hops (neighbourhood)"},
      {"types", "Relationship types, comma-separated (neighbourhood, path)"},
      {"limit", "At most this many rows (neighbourhood: entities; a note says when reached)"},
      {"from", "Window start, YYYY-MM-DD (inclusive; officials-met default 1900-01-01)"},
      {"to", "Window end, YYYY-MM-DD (inclusive; officials-met default 2999-12-31)"},
      {"mode", "Kind of contact: in-person, call or any (default in-person)"},
      {"factuality", "Comma list of happened, planned, possible, cancelled, denied"}};
  for (const char* name : kParamFlags) {
    flags->named[name] = "";
    CLI::Option* option =
        sub->add_option(absl::StrCat("--", name), flags->named[name], help.at(name));
    if (std::string(name) == "mode") option->check(CLI::IsMember({"in-person", "call", "any"}));
    flags->named_options[name] = option;
  }
  sub->add_option("--format", flags->format,
                  "Output format: table, json, csv; dot and graphml for path and neighbourhood")
      ->check(CLI::IsMember({"table", "json", "csv", "dot", "graphml"}))
      ->capture_default_str();
  return {sub, [flags] { return RunAsk(*flags); }};
}

}  // namespace newsgraph::cli
