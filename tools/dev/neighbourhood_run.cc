// Runs the native neighbourhood (queries/canned/neighbourhood.h) around
// nodes given by id -- a bulk-loaded graph (bench/gen_graph.py) has no
// names for `newsgraph ask` to find -- and prints, per node, the
// subgraph's size and the wall time of the whole answer -- expansion, rows,
// evidence and JSON, as `ask neighbourhood --format json` does them after
// the name is resolved -- and of the expansion alone. For checking that
// time follows the subgraph.
//
//   neighbourhood_run --db DIR [--k K] [--limit N] [--types T,T] [--factuality F,F] ID...
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "newsgraph/store.h"
#include "queries/canned/neighbourhood.h"
#include "queries/cypher/store_source.h"
#include "queries/output/answer_formats.h"

namespace {

using newsgraph::queries::Neighbourhood;
using newsgraph::queries::NeighbourhoodSpec;

void Usage(FILE* out) {
  std::fprintf(out,
               "usage: neighbourhood_run --db DIR [--k K] [--limit N] [--types T,T]\n"
               "                         [--factuality F,F] ID...\n"
               "Answers the neighbourhood of each node id (all eight types and any\n"
               "factuality by default; limit 10000) and prints: id, k, nodes, edges,\n"
               "relationships examined, JSON bytes, milliseconds.\n");
}

// One answer, timed; false on an error (printed).
bool RunOne(const newsgraph::Store& store, NeighbourhoodSpec spec) {
  const auto start = std::chrono::steady_clock::now();
  newsgraph::cypher::StoreGraphSource graph(store);
  absl::StatusOr<Neighbourhood> n = newsgraph::queries::ExpandNeighbourhood(graph, spec);
  if (!n.ok() || !graph.status().ok()) {
    std::fprintf(stderr, "neighbourhood_run: %s\n",
                 std::string((n.ok() ? graph.status() : n.status()).message()).c_str());
    return false;
  }
  const auto expanded = std::chrono::steady_clock::now();
  absl::StatusOr<newsgraph::queries::Answer> answer = newsgraph::queries::ResolveEvidence(
      newsgraph::queries::NeighbourhoodRows(graph, *n),
      newsgraph::queries::StoreEvidenceSource(store));
  if (!answer.ok()) {
    std::fprintf(stderr, "neighbourhood_run: %s\n", std::string(answer.status().message()).c_str());
    return false;
  }
  const std::string json = newsgraph::queries::AnswerToJson(*answer);
  auto ms = [](auto from, auto to) {
    return std::chrono::duration<double, std::milli>(to - from).count();
  };
  const auto end = std::chrono::steady_clock::now();
  std::printf(
      "%lld k=%d nodes=%zu edges=%zu examined=%lld json_bytes=%zu ms=%.2f (expand %.2f)%s\n",
      static_cast<long long>(spec.starts[0]), spec.k, n->nodes.size(), n->edges.size(),
      static_cast<long long>(n->relationships_examined), json.size(), ms(start, end),
      ms(start, expanded), n->limit_reached ? " (limit reached)" : "");
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  std::string db;
  NeighbourhoodSpec spec;
  spec.limit = 10000;
  spec.types = {"PARTICIPATED_IN", "HELD_AT", "REPORTED_IN", "HOLDS_ROLE",
                "MEMBER_OF",       "LOCATED_IN", "MET",       "SPOKE_WITH"};
  std::vector<int64_t> ids;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool has_value = i + 1 < argc;
    int64_t n = 0;
    if (arg == "--help" || arg == "-h") {
      Usage(stdout);
      return 0;
    } else if (arg == "--db" && has_value) {
      db = argv[++i];
    } else if ((arg == "--k" || arg == "--limit") && has_value) {
      if (!absl::SimpleAtoi(argv[++i], &n) || n < 1) {
        std::fprintf(stderr, "neighbourhood_run: %s needs a positive integer\n", arg.c_str());
        return 2;
      }
      if (arg == "--k") spec.k = static_cast<int>(n);
      else spec.limit = n;
    } else if (arg == "--types" && has_value) {
      spec.types = absl::StrSplit(argv[++i], ',', absl::SkipEmpty());
    } else if (arg == "--factuality" && has_value) {
      spec.factualities = absl::StrSplit(argv[++i], ',', absl::SkipEmpty());
    } else if (absl::SimpleAtoi(arg, &n) && n > 0) {
      ids.push_back(n);
    } else {
      std::fprintf(stderr, "neighbourhood_run: unknown argument '%s'\n", arg.c_str());
      Usage(stderr);
      return 2;
    }
  }
  if (db.empty() || ids.empty()) {
    Usage(stderr);
    return 2;
  }
  newsgraph::StoreOptions options;
  options.read_only = true;
  absl::StatusOr<std::unique_ptr<newsgraph::Store>> store = newsgraph::Store::Open(db, options);
  if (!store.ok()) {
    std::fprintf(stderr, "neighbourhood_run: %s\n", std::string(store.status().message()).c_str());
    return 1;
  }
  for (int64_t id : ids) {
    spec.starts = {id};
    if (!RunOne(**store, spec)) return 1;
  }
  return 0;
}
