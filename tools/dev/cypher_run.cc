// Runs Cypher queries one after another against one in-memory graph and
// prints each result with its wall time. A driver for measuring the
// executor alone (scripts/nebula871.sh), without a store underneath.
//
//   cypher_run [--no-prune] [--max-rows N] [--timeout-ms N] QUERY...
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "queries/cypher/executor/exec.h"

namespace {

using newsgraph::cypher::ExecOptions;
using newsgraph::cypher::FormatPlan;
using newsgraph::cypher::FormatValue;
using newsgraph::cypher::InMemoryGraph;
using newsgraph::cypher::Query;
using newsgraph::cypher::QueryResult;
using newsgraph::cypher::RunCypher;

void Usage(FILE* out) {
  std::fprintf(out,
               "usage: cypher_run [--no-prune] [--max-rows N] [--timeout-ms N] QUERY...\n"
               "Runs each QUERY in order on one empty in-memory graph; prints its rows\n"
               "and wall time. --no-prune enumerates every variable-length walk.\n");
}

bool ParseInt(const char* text, long long* out) {
  char* end = nullptr;
  *out = std::strtoll(text, &end, 10);
  return end != text && *end == '\0' && *out > 0;
}

void Print(const QueryResult& r, const InMemoryGraph& g) {
  std::string line;
  for (size_t i = 0; i < r.columns.size(); ++i) line += (i ? " | " : "") + r.columns[i];
  std::printf("%s\n", line.c_str());
  for (const auto& row : r.rows) {
    line.clear();
    for (size_t i = 0; i < row.size(); ++i) line += (i ? " | " : "") + FormatValue(row[i], &g);
    std::printf("%s\n", line.c_str());
  }
  if (r.mode == Query::Mode::kProfile) std::printf("%s", FormatPlan(r.plan, true).c_str());
}

}  // namespace

int main(int argc, char** argv) {
  ExecOptions options;
  std::vector<std::string> queries;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    long long n = 0;
    if (arg == "--help" || arg == "-h") {
      Usage(stdout);
      return 0;
    } else if (arg == "--no-prune") {
      options.prune_var_length = false;
    } else if ((arg == "--max-rows" || arg == "--timeout-ms") && i + 1 < argc) {
      if (!ParseInt(argv[++i], &n)) {
        std::fprintf(stderr, "cypher_run: %s needs a positive integer, got '%s'\n", arg.c_str(), argv[i]);
        return 2;
      }
      if (arg == "--max-rows") options.max_rows = n;
      else options.timeout = absl::Milliseconds(n);
    } else if (!arg.empty() && arg[0] == '-') {
      std::fprintf(stderr, "cypher_run: unknown option '%s'\n", arg.c_str());
      Usage(stderr);
      return 2;
    } else {
      queries.push_back(arg);
    }
  }
  if (queries.empty()) {
    Usage(stderr);
    return 2;
  }
  InMemoryGraph graph;
  for (size_t q = 0; q < queries.size(); ++q) {
    const auto start = std::chrono::steady_clock::now();
    absl::StatusOr<QueryResult> r = RunCypher(queries[q], &graph, {}, options);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!r.ok()) {
      std::fprintf(stderr, "cypher_run: query %zu: %s\n", q + 1, std::string(r.status().message()).c_str());
      return 1;
    }
    Print(*r, graph);
    std::printf("-- query %zu: %.3f s (%zu nodes, %zu relationships)\n", q + 1, seconds,
                graph.node_count(), graph.rel_count());
  }
  return 0;
}
