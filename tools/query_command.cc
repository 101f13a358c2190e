// newsgraph query: read-only Cypher statements over a store, given as an
// argument, in a file (--file) or on standard input; several are separated
// by ';' (queries/cypher/script.h).
#include <unistd.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "queries/cypher/script.h"
#include "tools/cli_common.h"
#include "tools/cypher_session.h"

namespace newsgraph::cli {
namespace {

struct QueryFlags {
  std::string db;
  std::string query;
  std::string file;
  CypherFlags cypher;
};

// The script and the name its errors go by: the file's, "stdin" or "query".
struct Script {
  std::string text;
  std::string origin;
};

absl::StatusOr<Script> ReadScript(const QueryFlags& flags) {
  if (!flags.file.empty() && !flags.query.empty()) {
    return absl::InvalidArgumentError("give the query as an argument or with --file, not both");
  }
  // No query, or "-": read it from standard input (a pipe or a heredoc).
  if ((flags.file.empty() && flags.query.empty()) || flags.query == "-") {
    if (isatty(STDIN_FILENO)) {
      return absl::InvalidArgumentError(
          "no query: give it as an argument, with --file, or on standard input");
    }
    std::stringstream text;
    text << std::cin.rdbuf();
    if (absl::StripAsciiWhitespace(text.str()).empty()) {
      return absl::InvalidArgumentError(
          "no query: give it as an argument, with --file, or on standard input (which was empty)");
    }
    return Script{text.str(), "stdin"};
  }
  if (flags.file.empty()) return Script{flags.query, "query"};
  std::ifstream in(flags.file, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat(flags.file, ": cannot read"));
  std::stringstream text;
  text << in.rdbuf();
  return Script{text.str(), flags.file};
}

// Runs the statements in order and stops at the first that fails. Errors
// of a file name it and the line ("q.cypher:12:7: ..."); a lone statement
// from the command line keeps the parser's "line 1, column 7: ...".
int RunQuery(const QueryFlags& flags) {
  absl::StatusOr<Script> script = ReadScript(flags);
  if (!script.ok()) return ReportError("query", script.status());
  absl::StatusOr<std::vector<cypher::Statement>> statements = cypher::SplitScript(script->text);
  // One argument left open: the parser says where (line 1, column 8).
  if (!statements.ok() && script->origin == "query") {
    statements = std::vector<cypher::Statement>{{script->text, 1}};
  }
  if (!statements.ok()) {
    return ReportError("query", absl::InvalidArgumentError(absl::StrCat(
                                    script->origin, ":", statements.status().message())));
  }
  if (statements->empty()) {
    return ReportError("query", absl::InvalidArgumentError(absl::StrCat(
                                    script->origin, ": no statement, only comments")));
  }
  absl::StatusOr<std::unique_ptr<Store>> store = OpenForReading(flags.db);
  if (!store.ok()) return ReportError("query", store.status());
  absl::StatusOr<CypherSession> session = CypherSession::Create(store->get(), flags.cypher);
  if (!session.ok()) return ReportError("query", session.status());
  const bool several = statements->size() > 1;
  const bool name_lines = several || !flags.file.empty();
  for (size_t i = 0; i < statements->size(); ++i) {
    const cypher::Statement& statement = (*statements)[i];
    if (i > 0 && session->format() != "json") std::cout << "\n";
    absl::Status s = session->Run(statement.text, several, std::cout, std::cerr);
    if (s.ok()) continue;
    std::cout.flush();
    return ReportError("query", absl::Status(s.code(), name_lines ? cypher::ScriptErrorMessage(
                                                                        script->origin, statement,
                                                                        s.message())
                                                                  : s.message()));
  }
  return 0;
}

}  // namespace

Command AddQueryCommand(CLI::App& app) {
  auto flags = std::make_shared<QueryFlags>();
  CLI::App* sub = app.add_subcommand(
      "query",
      "Run read-only Cypher statements (the graph as docs/graph-model.md, \"Cypher view\", "
      "shows it; CALL db.schema() lists it).\nSeveral statements are separated by ';' and run "
      "in order; their results follow one another (with --format json, one JSON array a line)."
      "\nExample: newsgraph query --db DIR 'MATCH (p:Person)-[:MET]->(q:Person) RETURN "
      "p.name, q.name'");
  sub->add_option("cypher", flags->query,
                  "The query text; '-' or nothing reads it from standard input (or use --file)");
  sub->add_option("--file", flags->file,
                  "Read the statements from this file (';' separates them; ';' in strings and "
                  "comments does not)");
  sub->add_option("--db", flags->db, "Store directory")->required();
  AddCypherFlags(sub, &flags->cypher);
  return {sub, [flags] { return RunQuery(*flags); }};
}

}  // namespace newsgraph::cli
