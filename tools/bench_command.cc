// newsgraph bench: bulk-load a graph from CSV, and time traversal
// workloads on it (bench/run_suite.sh compares them with an in-memory CSR).
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iterator>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "newsgraph/bulk_load.h"
#include "newsgraph/traversal.h"
#include "tools/cli_common.h"

namespace newsgraph::cli {
namespace {

constexpr int kMaxPathDepth = 6;

struct LoadFlags {
  std::string db;
  std::string nodes;
  std::string edges;
};

struct RunFlags {
  std::string db;
  std::string workload;
  std::string input;
  std::string engine = "mapped";
  int repeat = 1;
};

int RunLoad(const LoadFlags& flags) {
  absl::StatusOr<BulkLoadReport> report = BulkLoad(flags.db, flags.nodes, flags.edges);
  if (!report.ok()) return ReportError("bench load", report.status());
  std::cout << absl::StrFormat(
      "nodes loaded: %d\nedges loaded: %d\nseconds: %.3f\nedges/s: %.0f\n", report->nodes,
      report->edges, report->seconds,
      report->seconds > 0 ? static_cast<double>(report->edges) / report->seconds : 0.0);
  // The process's CPU time beside the wall times: on a machine shared with
  // other work, wall time moves with their load and CPU time much less.
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const auto secs = [](const timeval& t) { return t.tv_sec + t.tv_usec / 1e6; };
  std::cerr << absl::StrFormat(
      "phases: read %.3f s, sort %.3f s, write %.3f s, ingest %.3f s (%d runs), "
      "adjacency file %.3f s; cpu: user %.3f s, sys %.3f s\n",
      report->read_seconds, report->sort_seconds, report->write_seconds, report->ingest_seconds,
      report->runs, report->adjacency_seconds, secs(usage.ru_utime), secs(usage.ru_stime));
  return 0;
}

// One query of the input: a node id, or a pair for "sp".
struct Query {
  uint64_t a = 0;
  uint64_t b = 0;
};

absl::StatusOr<std::vector<Query>> ReadQueries(const std::string& path, bool pairs) {
  std::ifstream in(path);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot open ", path));
  std::vector<Query> queries;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    const absl::string_view text = absl::StripAsciiWhitespace(line);
    if (text.empty() || text[0] == '#') continue;
    const std::vector<absl::string_view> fields =
        absl::StrSplit(text, absl::ByAnyChar(" \t,"), absl::SkipEmpty());
    Query q;
    const bool ok = fields.size() == (pairs ? 2u : 1u) && absl::SimpleAtoi(fields[0], &q.a) &&
                    (!pairs || absl::SimpleAtoi(fields[1], &q.b));
    if (!ok) {
      return absl::InvalidArgumentError(absl::StrCat(
          path, ":", number, ": expected ", pairs ? "two node ids \"s t\"" : "one node id"));
    }
    queries.push_back(q);
  }
  return queries;
}

// Seconds since this process started (the kernel's start time, in clock
// ticks: 10 ms steps), so that a "first answer" time counts the program's
// loading and the store's opening too.
double ProcessAgeSeconds() {
  std::ifstream stat("/proc/self/stat");
  std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
  // Field 22 (starttime) counts from after the command name's ')'.
  const size_t close = text.rfind(')');
  if (close == std::string::npos) return -1;
  const std::vector<absl::string_view> fields =
      absl::StrSplit(absl::string_view(text).substr(close + 2), ' ');
  uint64_t start_ticks = 0;
  if (fields.size() < 20 || !absl::SimpleAtoi(fields[19], &start_ticks)) return -1;
  timespec now{};
  clock_gettime(CLOCK_BOOTTIME, &now);
  return now.tv_sec + now.tv_nsec / 1e9 -
         static_cast<double>(start_ticks) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

// Runs every query once; the answers, one a line, go to `answers`. When
// `first_answer` is given, the process's age at the first answer goes there.
absl::Status RunOnce(Traverser& t, const std::string& workload, const std::vector<Query>& queries,
                     std::vector<std::string>* answers, double* first_answer = nullptr) {
  answers->clear();
  KHopOptions hop2;
  hop2.sort_levels = false;  // only counted
  for (const Query& q : queries) {
    if (workload == "hop1") {
      absl::StatusOr<std::vector<uint64_t>> n = t.Neighbours(q.a, Direction::kOut);
      if (!n.ok()) return n.status();
      answers->push_back(absl::StrCat(n->size()));
    } else if (workload == "hop2") {
      absl::StatusOr<KHopResult> r = t.KHop(q.a, hop2);
      if (!r.ok()) return r.status();
      answers->push_back(absl::StrCat(r->nodes.size()));
    } else if (workload == "sp") {
      absl::StatusOr<int> d = t.ShortestPathLength(q.a, q.b, kMaxPathDepth);
      if (!d.ok()) return d.status();
      answers->push_back(absl::StrCat(*d));
    } else {
      absl::StatusOr<BfsResult> r = t.Bfs(q.a, Direction::kOut);
      if (!r.ok()) return r.status();
      answers->push_back(absl::StrCat(r->reached, " ", r->depth));
    }
    if (first_answer != nullptr && answers->size() == 1) *first_answer = ProcessAgeSeconds();
  }
  return absl::OkStatus();
}

int RunWorkload(const RunFlags& flags) {
  const std::string command = "bench run";
  absl::StatusOr<std::vector<Query>> queries = ReadQueries(flags.input, flags.workload == "sp");
  if (!queries.ok()) return ReportError(command, queries.status());
  absl::StatusOr<std::unique_ptr<Store>> store = OpenForReading(flags.db);
  if (!store.ok()) return ReportError(command, store.status());
  // The traverser is made once, outside the timed runs: for the snapshot
  // engine that is the snapshot build, reported on its own as snapshot_s.
  TraverserOptions options;
  options.engine = flags.engine == "store"      ? TraversalEngine::kStore
                   : flags.engine == "snapshot" ? TraversalEngine::kSnapshot
                                                : TraversalEngine::kMapped;
  const auto setup_start = std::chrono::steady_clock::now();
  absl::StatusOr<std::unique_ptr<Traverser>> traverser = Traverser::Create(**store, options);
  if (!traverser.ok()) return ReportError(command, traverser.status());
  const double setup_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - setup_start).count();
  std::vector<double> seconds;
  std::vector<std::string> answers;
  double first_answer = -1;
  for (int r = 0; r < flags.repeat; ++r) {
    const auto start = std::chrono::steady_clock::now();
    absl::Status s =
        RunOnce(**traverser, flags.workload, *queries, &answers, r == 0 ? &first_answer : nullptr);
    if (!s.ok()) return ReportError(command, s);
    seconds.push_back(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  std::string out;
  for (const std::string& a : answers) absl::StrAppend(&out, a, "\n");
  std::cout << out << std::flush;
  std::sort(seconds.begin(), seconds.end());
  const size_t n = seconds.size();
  const double median = n % 2 ? seconds[n / 2] : (seconds[n / 2 - 1] + seconds[n / 2]) / 2;
  double query_seconds = 0;
  for (const double s : seconds) query_seconds += s;
  const TraverserStats stats = (*traverser)->stats();
  const char* engine_used = stats.engine == TraversalEngine::kMapped     ? "mapped"
                            : stats.engine == TraversalEngine::kSnapshot ? "snapshot"
                                                                         : "store";
  std::cerr << absl::StrFormat(
      "{\"workload\": \"%s\", \"queries\": %d, \"median_s\": %.6f, \"engine\": \"%s\", "
      "\"engine_used\": \"%s\", \"setup_s\": %.6f, \"snapshot_s\": %.3f, "
      "\"snapshot_builds\": %d, \"first_answer_s\": %.3f, \"query_total_s\": %.6f}\n",
      flags.workload, queries->size(), median, flags.engine, engine_used, setup_seconds,
      stats.snapshot_seconds, stats.snapshot_builds, first_answer, query_seconds);
  return 0;
}

}  // namespace

Command AddBenchCommand(CLI::App& app) {
  auto load = std::make_shared<LoadFlags>();
  auto run = std::make_shared<RunFlags>();
  CLI::App* bench =
      app.add_subcommand("bench", "Bulk-load a graph from CSV and time traversals on it.");
  bench->require_subcommand(1);

  CLI::App* load_app = bench->add_subcommand(
      "load",
      "Bulk-load nodes.csv (id,kind) and edges.csv (src,dst,type) into an empty store; "
      "prints edges loaded, seconds and edges/s.");
  load_app->add_option("--db", load->db, "Store directory (new or empty)")->required();
  load_app->add_option("--nodes", load->nodes, "Nodes CSV, header id,kind")->required();
  load_app->add_option("--edges", load->edges, "Edges CSV, header src,dst,type")->required();

  CLI::App* run_app = bench->add_subcommand(
      "run",
      "Run a traversal workload: one answer a line on stdout, a JSON timing summary as the "
      "last line of stderr.\n"
      "  hop1: distinct out-neighbours of each seed\n"
      "  hop2: distinct nodes other than the seed within 2 directed hops\n"
      "  sp:   shortest directed path length of each pair \"s t\" (max 6, -1 if none)\n"
      "  bfs:  \"reached depth\" of a BFS over out-edges from each source");
  run_app->add_option("--db", run->db, "Store directory")->required();
  run_app->add_option("--workload", run->workload, "hop1, hop2, sp or bfs")
      ->required()
      ->check(CLI::IsMember({"hop1", "hop2", "sp", "bfs"}));
  run_app->add_option("--input", run->input, "Seeds (one id a line) or pairs for sp")->required();
  run_app
      ->add_option("--engine", run->engine,
                   "mapped (default): the store's memory-mapped adjacency file plus the edges "
                   "committed since (the store engine when there is no file); snapshot: "
                   "answer from an in-memory CSR built once at start (its build time is "
                   "snapshot_s, outside median_s); store: read the store's keys per query "
                   "(setup_s is then a RocksDB snapshot and iterators). first_answer_s is the "
                   "process's age at its first answer")
      ->check(CLI::IsMember({"mapped", "snapshot", "store"}));
  run_app->add_option("--repeat", run->repeat, "Times to run the whole input (median reported)")
      ->check(CLI::Range(1, 1000));

  return {bench, [load_app, load, run] {
            return load_app->parsed() ? RunLoad(*load) : RunWorkload(*run);
          }};
}

}  // namespace newsgraph::cli
