// newsgraph export: the store's events in the evaluation format, or the
// whole graph (or a slice of it) in a format another tool loads
// (docs/exports.md).
#include <fstream>
#include <iostream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "newsgraph/graph_export.h"
#include "newsgraph/query.h"
#include "tools/cli_common.h"

namespace newsgraph::cli {
namespace {

struct ExportFlags {
  std::string db;
  std::string format = "events";
  std::string out;
  std::string from;
  std::string to;
  std::string types;
  std::string factuality;
  std::string base_iri = GraphExportOptions().base_iri;
  std::string array_delimiter = ";";
  bool event_ids = false;
};

std::vector<std::string> SplitList(const std::string& text) {
  return absl::StrSplit(text, ',', absl::SkipWhitespace());
}

absl::StatusOr<GraphExportOptions> OptionsOf(const ExportFlags& flags) {
  GraphExportOptions options;
  options.filter.from = flags.from;
  options.filter.to = flags.to;
  options.filter.types = SplitList(flags.types);
  options.filter.factualities = SplitList(flags.factuality);
  options.base_iri = flags.base_iri;
  if (flags.array_delimiter.size() != 1) {
    return absl::InvalidArgumentError("--array-delimiter must be one character");
  }
  options.array_delimiter = flags.array_delimiter[0];
  return options;
}

// events: the evaluation format, to stdout, unfiltered.
int RunEvents(const Store& store, const ExportFlags& flags) {
  if (!flags.from.empty() || !flags.to.empty() || !flags.types.empty() ||
      !flags.factuality.empty() || !flags.out.empty()) {
    return ReportError("export", absl::InvalidArgumentError(
                                     "--format events writes every event to stdout: --out, "
                                     "--from, --to, --types and --factuality are for the graph "
                                     "formats (jsonl, graphml, turtle, neo4j)"));
  }
  absl::StatusOr<uint64_t> written = ExportEvents(store, std::cout, flags.event_ids);
  if (!written.ok()) return ReportError("export", written.status());
  std::cout.flush();
  return 0;
}

int RunGraph(const Store& store, const ExportFlags& flags) {
  absl::StatusOr<GraphExportOptions> options = OptionsOf(flags);
  if (!options.ok()) return ReportError("export", options.status());
  absl::StatusOr<GraphExportCounts> counts;
  if (flags.format == "neo4j") {
    if (flags.out.empty()) {
      return ReportError("export", absl::InvalidArgumentError(
                                       "--format neo4j writes several files: give --out DIR"));
    }
    counts = ExportNeo4j(store, *options, flags.out);
  } else {
    const GraphFormat format = flags.format == "jsonl"     ? GraphFormat::kJsonLines
                               : flags.format == "graphml" ? GraphFormat::kGraphMl
                                                           : GraphFormat::kTurtle;
    std::ofstream file;
    if (!flags.out.empty()) {
      file.open(flags.out, std::ios::binary | std::ios::trunc);
      if (!file)
        return ReportError("export",
                           absl::NotFoundError(absl::StrCat(flags.out, ": cannot write")));
    }
    counts = ExportGraph(store, format, *options, flags.out.empty() ? std::cout : file);
  }
  if (!counts.ok()) return ReportError("export", counts.status());
  // Standard output may be the export itself: the summary goes to stderr.
  if (!flags.out.empty()) {
    std::cerr << "exported " << counts->nodes << " nodes, " << counts->relationships
              << " relationships, " << counts->evidence << " evidence records, " << counts->articles
              << " articles to " << flags.out << "\n";
  }
  return 0;
}

int RunExport(const ExportFlags& flags) {
  absl::StatusOr<std::unique_ptr<Store>> store = OpenForReading(flags.db);
  if (!store.ok()) return ReportError("export", store.status());
  if (flags.format == "events") return RunEvents(**store, flags);
  return RunGraph(**store, flags);
}

}  // namespace

Command AddExportCommand(CLI::App& app) {
  auto flags = std::make_shared<ExportFlags>();
  CLI::App* sub = app.add_subcommand(
      "export", "Write the store's events, or its whole graph for other tools (docs/exports.md).");
  sub->add_option("--db", flags->db, "Store directory")->required();
  sub->add_option("--format", flags->format,
                  "events: every contact event, one JSON object a line (the evaluation "
                  "format); jsonl: nodes, relationships, evidence and articles, one JSON object "
                  "a line (`import --format jsonl` reads it back); graphml: GraphML (Gephi, "
                  "yEd, NetworkX); turtle: RDF Turtle; neo4j: the CSV files and import.sh of "
                  "neo4j-admin database import full (needs --out DIR)")
      ->check(CLI::IsMember({"events", "jsonl", "graphml", "turtle", "neo4j"}))
      ->capture_default_str();
  sub->add_option("--out", flags->out, "Output file (default: stdout), or folder for neo4j");
  sub->add_option("--from", flags->from,
                  "Graph formats: only what overlaps the days from this one (YYYY-MM-DD)");
  sub->add_option("--to", flags->to, "Graph formats: ... up to this day (YYYY-MM-DD)");
  sub->add_option("--types", flags->types,
                  "Graph formats: only these relationship types, comma-separated (MET,SPOKE_WITH,"
                  "PARTICIPATED_IN,HELD_AT,REPORTED_IN,HOLDS_ROLE,MEMBER_OF,LOCATED_IN)");
  sub->add_option("--factuality", flags->factuality,
                  "Graph formats: only events and relationships of these factualities, "
                  "comma-separated (happened,planned,possible,cancelled,denied)");
  sub->add_option("--base-iri", flags->base_iri, "turtle: the IRI node ids are appended to")
      ->capture_default_str();
  sub->add_option("--array-delimiter", flags->array_delimiter,
                  "neo4j: the separator of array values (give the same to neo4j-admin)")
      ->capture_default_str();
  sub->add_flag("--event-ids", flags->event_ids,
                "events: start each line with the event's id (as `explain` takes it)");
  return {sub, [flags] { return RunExport(*flags); }};
}

}  // namespace newsgraph::cli
