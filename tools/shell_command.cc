// newsgraph shell: an interactive Cypher shell over one store. Statements
// end with ';' and may span lines; lines starting with ':' are the shell's
// own commands. Standard input that is not a terminal is read as a script
// (no prompts), so the shell can be driven by a pipe or a heredoc.
#include <cstdlib>
#include <iostream>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "newsgraph/cypher.h"
#include "queries/cypher/executor/procedures.h"
#include "queries/cypher/script.h"
#include "tools/cli_common.h"
#include "tools/cypher_session.h"
#include "tools/line_reader.h"

namespace newsgraph::cli {
namespace {

struct ShellFlags {
  std::string db;
  std::string history;  // empty: none
  CypherFlags cypher;
};

std::string DefaultHistoryFile() {
  const char* home = std::getenv("HOME");
  return home != nullptr && *home != '\0' ? absl::StrCat(home, "/.newsgraph_history") : "";
}

void PrintHelp() {
  std::cout << "Statements end with ';' and may span lines; ';' inside strings and comments does "
               "not count.\n"
               "  :help                 this text\n"
               "  :schema               labels and relationship patterns, with counts and "
               "properties (CALL db.schema())\n"
               "  :format table|json|csv\n"
               "  :param NAME=VALUE     set $NAME for the statements that follow\n"
               "  :quit                 leave (so does Ctrl-D)\n"
               "Procedures:\n";
  for (const cypher::Procedure& p : cypher::Procedures()) {
    std::cout << "  CALL " << p.name << "()  YIELD " << absl::StrJoin(p.outputs, ", ") << "\n"
              << "      " << p.description << "\n";
  }
  std::cout << "The store is read as it was when the shell opened it. Line editing: "
            << LineReader::Editing() << ".\n";
}

class Shell {
 public:
  Shell(CypherSession session, LineReader* reader) : session_(std::move(session)), reader_(reader) {}

  // Reads until :quit or the end of input; 1 when a statement of a script
  // (not a terminal) failed, else 0.
  int Run() {
    while (!quit_) {
      std::optional<std::string> line = reader_->Read(buffer_.empty() ? "newsgraph> " : "      ...> ");
      if (!line) break;
      const absl::string_view stripped = absl::StripAsciiWhitespace(*line);
      if (!stripped.empty()) reader_->Remember(*line);
      if (buffer_.empty() && absl::StartsWith(stripped, ":")) {
        Command(stripped);
      } else {
        Add(*line);
      }
      ++line_;
    }
    Finish();
    return failed_ && !reader_->interactive() ? kExitFailure : 0;
  }

 private:
  // A line of Cypher: runs every statement it completes.
  void Add(const std::string& line) {
    absl::StrAppend(&buffer_, line, "\n");
    cypher::ScriptScan scan = cypher::ScanScript(buffer_);
    for (const cypher::Statement& statement : scan.complete) Execute(statement);
    for (size_t i = 0; i < scan.rest; ++i) buffer_line_ += buffer_[i] == '\n';
    buffer_.erase(0, scan.rest);
    if (scan.unfinished.text.empty() && scan.open == nullptr) {
      buffer_.clear();
      buffer_line_ = line_ + 1;
    }
  }

  // The end of input: a last statement needs no ';'.
  void Finish() {
    cypher::ScriptScan scan = cypher::ScanScript(buffer_);
    if (scan.open != nullptr) {
      Report(absl::InvalidArgumentError(absl::StrCat("unterminated ", scan.open)), "");
    } else if (!scan.unfinished.text.empty()) {
      Execute(scan.unfinished);
    }
  }

  void Execute(const cypher::Statement& statement) {
    absl::Status s = session_.Run(statement.text, /*one_line_json=*/false, std::cout, std::cerr);
    if (!s.ok()) {
      // A script's errors name the input line, as `query --file` does.
      const cypher::Statement at{statement.text, buffer_line_ + statement.line - 1};
      Report(s, reader_->interactive() ? "" : cypher::ScriptErrorMessage("stdin", at, s.message()));
      return;
    }
    std::cout << "\n" << std::flush;
  }

  void Command(absl::string_view command) {
    const size_t space = command.find_first_of(" \t");
    const absl::string_view name = command.substr(0, space);
    const absl::string_view arg =
        space == absl::string_view::npos ? "" : absl::StripAsciiWhitespace(command.substr(space));
    if (name == ":quit" || name == ":exit" || name == ":q") {
      quit_ = true;
    } else if (name == ":help") {
      PrintHelp();
    } else if (name == ":schema") {
      Execute({"CALL db.schema()", line_});
    } else if (name == ":format" && (arg == "table" || arg == "json" || arg == "csv")) {
      session_.set_format(std::string(arg));
    } else if (name == ":param") {
      absl::StatusOr<CypherParams> param = ParseParams({std::string(arg)});
      if (!param.ok()) return Report(param.status(), "");
      for (auto& [key, value] : *param) session_.set_param(key, value);
    } else {
      Report(absl::InvalidArgumentError(absl::StrCat(
                 "unknown command ", command, " (:help lists the commands; :format takes table, "
                 "json or csv)")),
             "");
    }
  }

  void Report(const absl::Status& status, const std::string& message) {
    failed_ = true;
    std::cerr << "error: " << (message.empty() ? std::string(status.message()) : message) << "\n";
  }

  CypherSession session_;
  LineReader* reader_;
  std::string buffer_;    // the statement being typed
  int line_ = 1;          // the input line being read
  int buffer_line_ = 1;   // the input line buffer_ starts on
  bool quit_ = false;
  bool failed_ = false;
};

int RunShell(const ShellFlags& flags) {
  absl::StatusOr<std::unique_ptr<Store>> store = OpenForReading(flags.db);
  if (!store.ok()) return ReportError("shell", store.status());
  absl::StatusOr<CypherSession> session = CypherSession::Create(store->get(), flags.cypher);
  if (!session.ok()) return ReportError("shell", session.status());
  LineReader reader(flags.history);
  if (reader.interactive()) {
    std::cout << "newsgraph shell on " << flags.db
              << ": statements end with ';'; :help for help, :quit to leave.\n";
  }
  return Shell(*std::move(session), &reader).Run();
}

}  // namespace

Command AddShellCommand(CLI::App& app) {
  auto flags = std::make_shared<ShellFlags>();
  flags->history = DefaultHistoryFile();
  CLI::App* sub = app.add_subcommand(
      "shell",
      "An interactive Cypher shell on a store: statements end with ';' and may span lines; "
      ":help, :schema, :format, :param, :quit. Reads a script (no prompts) when standard input "
      "is not a terminal, and then exits 1 if a statement failed.");
  sub->add_option("--db", flags->db, "Store directory")->required();
  sub->add_option("--history", flags->history,
                  "History file (line editing builds only; '' for none)")
      ->capture_default_str();
  AddCypherFlags(sub, &flags->cypher);
  return {sub, [flags] { return RunShell(*flags); }};
}

}  // namespace newsgraph::cli
