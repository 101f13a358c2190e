// newsgraph import: JSON Lines files, plain-text files and folders of them.
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "absl/strings/match.h"
#include "absl/strings/str_format.h"
#include "newsgraph/graph_export.h"
#include "newsgraph/importer.h"
#include "schema/dates.h"
#include "tools/cli_common.h"

namespace newsgraph::cli {
namespace {

struct ImportFlags {
  std::string db;
  std::vector<std::string> inputs;
  std::string date;
  std::vector<std::string> kb_files;
  bool quiet = false;
  bool no_parse = false;
  double max_article_mb = 4;
  std::string format = "articles";
};

// --format jsonl: a graph export read back into an empty store, without
// the knowledge base or the extractor (the export holds what they wrote).
int RunGraphImport(const ImportFlags& flags) {
  if (flags.inputs.size() != 1) {
    return ReportError("import", absl::InvalidArgumentError(
                                     "--format jsonl reads one file (an export of "
                                     "`newsgraph export --format jsonl`)"));
  }
  absl::StatusOr<std::unique_ptr<Store>> store = Store::Open(flags.db, StoreOptions());
  if (!store.ok()) return ReportError("import", store.status());
  absl::StatusOr<GraphExportCounts> counts = ImportGraphJsonLines(**store, flags.inputs[0]);
  if (!counts.ok()) return ReportError("import", counts.status());
  std::cout << absl::StrFormat(
      "graph read: %d nodes, %d relationships, %d evidence records, %d articles\n",
      counts->nodes, counts->relationships, counts->evidence, counts->articles);
  return 0;
}

// Expands folders into the .jsonl and .txt files they hold, in name order.
absl::StatusOr<std::vector<std::string>> ExpandInputs(const std::vector<std::string>& inputs) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  for (const std::string& input : inputs) {
    std::error_code ec;
    if (fs::is_directory(input, ec)) {
      std::vector<std::string> found;
      for (const auto& entry : fs::recursive_directory_iterator(input, ec)) {
        const std::string path = entry.path().string();
        if (entry.is_regular_file() &&
            (absl::EndsWith(path, ".jsonl") || absl::EndsWith(path, ".txt"))) {
          found.push_back(path);
        }
      }
      if (ec) return absl::PermissionDeniedError(absl::StrCat(input, ": ", ec.message()));
      // An empty folder is almost surely the wrong folder: say so rather
      // than report "articles read: 0" and succeed.
      if (found.empty()) {
        return absl::NotFoundError(
            absl::StrCat(input, ": the folder holds no .jsonl or .txt files"));
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::is_regular_file(input, ec)) {
      files.push_back(input);
    } else {
      return absl::NotFoundError(absl::StrCat(input, ": no such file or folder"));
    }
  }
  return files;
}

// How reading went: how much text, and what the sentence parser did.
void PrintParseSummary(ImportReport& report) {
  if (report.text_bytes == 0) return;
  std::cout << absl::StrFormat("text: %.2f MB in %d sentences", report.text_bytes / 1e6,
                               report.sentences);
  if (!report.parser_on) {
    std::cout << "; sentence parser off\n";
    return;
  }
  std::vector<float>& ms = report.parse_millis;
  std::sort(ms.begin(), ms.end());
  const auto at = [&](double q) { return ms.empty() ? 0.0 : ms[static_cast<size_t>(q * (ms.size() - 1))]; };
  const auto share = [&](uint64_t n) { return report.sentences ? 100.0 * n / report.sentences : 0.0; };
  std::cout << absl::StrFormat(
      "; %d candidates (%.1f%%), %d parsed (%.1f%%), parse ms median %.1f, p99 %.1f\n",
      report.parse_candidates, share(report.parse_candidates), report.parsed,
      share(report.parsed), at(0.5), at(0.99));
}

int RunImport(const ImportFlags& flags) {
  if (flags.format == "jsonl") return RunGraphImport(flags);
  absl::StatusOr<std::vector<std::string>> files = ExpandInputs(flags.inputs);
  if (!files.ok()) return ReportError("import", files.status());
  for (const std::string& file : *files) {
    if (absl::EndsWith(file, ".txt") && flags.date.empty()) {
      return ReportError("import", absl::InvalidArgumentError(absl::StrCat(
                                       file, ": a .txt article needs --date YYYY-MM-DD")));
    }
  }
  if (!flags.date.empty()) {
    if (absl::Status s = ParseIsoDay(flags.date).status(); !s.ok()) {
      return ReportError("import", absl::InvalidArgumentError(absl::StrCat("--date: ", s.message())));
    }
  }
  // One sync at the end instead of one per article: each article stays
  // atomic and survives kill -9 (see StoreOptions::sync_commits).
  StoreOptions store_options;
  store_options.sync_commits = false;
  absl::StatusOr<std::unique_ptr<Store>> store = Store::Open(flags.db, store_options);
  if (!store.ok()) return ReportError("import", store.status());
  ImporterOptions options;
  options.kb_files = flags.kb_files;
  options.parse_sentences = !flags.no_parse;
  options.max_article_bytes = static_cast<uint64_t>(flags.max_article_mb * (1 << 20));
  absl::StatusOr<std::unique_ptr<Importer>> importer = Importer::Create(store->get(), options);
  if (!importer.ok()) return ReportError("import", importer.status());

  const bool show_progress = !flags.quiet && isatty(STDERR_FILENO);
  ImportReport report;
  absl::Status status;
  // JSON Lines files are one batch in date-then-id order, so that the
  // store does not depend on the order of files or lines; .txt files
  // follow in name order.
  std::vector<std::string> jsonl, txt;
  for (const std::string& file : *files) (absl::EndsWith(file, ".txt") ? txt : jsonl).push_back(file);
  if (!jsonl.empty()) {
    status = (*importer)->ImportJsonLinesInOrder(jsonl, &report, [&](uint64_t done, uint64_t total) {
      if (show_progress) {
        std::cerr << absl::StrFormat("\rimporting: %3d%% (%d of %d articles)",
                                     total ? done * 100 / total : 100, done, total)
                  << std::flush;
      }
    });
    if (show_progress) std::cerr << "\n";
  }
  for (size_t i = 0; i < txt.size() && status.ok(); ++i) {
    status = (*importer)->ImportTextFile(txt[i], flags.date, &report);
  }
  bool sync_failed = false;
  if (absl::Status synced = (*store)->Sync(); !synced.ok() && status.ok()) {
    status = synced;
    sync_failed = true;
  }
  std::cout << absl::StrFormat(
      "articles read: %d, imported: %d, skipped as already present: %d\n"
      "events: %d, nodes added: %d, edges added: %d, evidence added: %d\n"
      "seconds: %.2f\n",
      report.articles_read, report.imported, report.already_present, report.events,
      report.nodes_added, report.edges_added, report.evidence_added, report.seconds);
  PrintParseSummary(report);
  if (!status.ok()) {
    // Each article is committed whole, so what was stored stays usable and
    // a rerun skips it.
    return ReportError("import", absl::Status(status.code(), absl::StrCat(
        status.message(), " (", report.imported,
        sync_failed ? " articles were committed, but the final sync failed, so some of them "
                      "may not be on disk; the same import run again stores what is missing)"
                    : " articles stored before this error)")));
  }
  return 0;
}

}  // namespace

Command AddImportCommand(CLI::App& app) {
  auto flags = std::make_shared<ImportFlags>();
  CLI::App* sub = app.add_subcommand(
      "import", "Read articles (JSON Lines, .txt, or folders of them) into a store.");
  sub->add_option("--db", flags->db, "Store directory (created if missing)")->required();
  sub->add_option("files", flags->inputs,
                  "JSON Lines files ({\"id\",\"title\",\"date\",\"source\",\"url\",\"text\"} "
                  "per line), .txt files, or folders")
      ->required();
  sub->add_option("--format", flags->format,
                  "articles: news articles (JSON Lines, .txt, folders); jsonl: a graph written "
                  "by `newsgraph export --format jsonl`, into an empty store, ids kept")
      ->check(CLI::IsMember({"articles", "jsonl"}))
      ->capture_default_str();
  sub->add_option("--date", flags->date, "Publication date (YYYY-MM-DD) of .txt articles");
  sub->add_option("--kb", flags->kb_files,
                  "Extra knowledge-base file: protobuf text format, or a PETRARCH/CAMEO actor dictionary (.txt); repeatable");
  sub->add_flag("--quiet,-q", flags->quiet, "No progress output");
  sub->add_flag("--no-parse", flags->no_parse,
                "Read sentences with the surface rules alone, without the Link Grammar parser");
  sub->add_option("--max-article-mb", flags->max_article_mb,
                  "Refuse articles whose text is longer than this many megabytes")
      ->check(CLI::PositiveNumber)
      ->default_val(4);
  return {sub, [flags] { return RunImport(*flags); }};
}

}  // namespace newsgraph::cli
