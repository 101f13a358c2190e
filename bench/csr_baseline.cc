// csr_baseline: the four `newsgraph bench run` workloads on an in-memory
// Boost.Graph compressed_sparse_row_graph built from the same CSV files —
// the yardstick bench/run_suite.sh divides newsgraph's times by.
//
//   csr_baseline --nodes nodes.csv --edges edges.csv [--repeat N]
//                WORKLOAD:INPUT:ANSWERS ...
//
// WORKLOAD is hop1, hop2, sp or bfs, with the definitions of `newsgraph
// bench run`; answers go to ANSWERS, one a line. stderr gets a line
// {"load_s": ..} after building, then per workload the same JSON summary as
// `newsgraph bench run` (median over the repeats of the whole input).
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "boost/graph/compressed_sparse_row_graph.hpp"
#include "engine/graph_csv.h"

namespace {

using Graph =
    boost::compressed_sparse_row_graph<boost::bidirectionalS, boost::no_property,
                                       boost::no_property, boost::no_property, uint32_t, uint64_t>;
using Vertex = uint32_t;
constexpr uint32_t kNone = UINT32_MAX;
constexpr int kMaxPathDepth = 6;

double Now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// Visited marks cleared in O(1) by bumping the epoch.
struct Marks {
  explicit Marks(size_t n) : stamp(n, 0) {}
  void Clear() { ++epoch; }
  bool Insert(Vertex v) { return stamp[v] == epoch ? false : (stamp[v] = epoch, true); }
  bool Contains(Vertex v) const { return stamp[v] == epoch; }
  std::vector<uint32_t> stamp;
  uint32_t epoch = 1;
};

struct Baseline {
  Graph graph;
  std::vector<uint64_t> ids;                    // index -> id (sorted)
  absl::flat_hash_map<uint64_t, Vertex> index;  // id -> index
  Vertex Find(uint64_t id) const {
    auto it = index.find(id);
    return it == index.end() ? kNone : it->second;
  }
};

int Fail(const std::string& message) {
  std::cerr << "csr_baseline: " << message << "\n";
  return 1;
}

uint64_t Hop1(const Baseline& b, Marks& m, Vertex s) {
  m.Clear();
  uint64_t n = 0;
  for (auto [it, end] = boost::adjacent_vertices(s, b.graph); it != end; ++it) n += m.Insert(*it);
  return n;
}

uint64_t Hop2(const Baseline& b, Marks& m, Vertex s) {
  m.Clear();
  m.Insert(s);
  std::vector<Vertex> level;
  for (auto [it, end] = boost::adjacent_vertices(s, b.graph); it != end; ++it) {
    if (m.Insert(*it)) level.push_back(*it);
  }
  uint64_t n = level.size();
  for (Vertex u : level) {
    for (auto [it, end] = boost::adjacent_vertices(u, b.graph); it != end; ++it) n += m.Insert(*it);
  }
  return n;
}

// Bidirectional BFS growing the smaller frontier, as newsgraph's Traverser.
int ShortestPath(const Baseline& b, Marks& fwd, Marks& bwd, Vertex s, Vertex t) {
  if (s == t) return 0;
  fwd.Clear();
  bwd.Clear();
  fwd.Insert(s);
  bwd.Insert(t);
  std::vector<Vertex> ahead = {s}, behind = {t}, next;
  for (int depth = 1; depth <= kMaxPathDepth && !ahead.empty() && !behind.empty(); ++depth) {
    const bool forward = ahead.size() <= behind.size();
    Marks& mine = forward ? fwd : bwd;
    const Marks& theirs = forward ? bwd : fwd;
    next.clear();
    for (Vertex u : forward ? ahead : behind) {
      if (forward) {
        for (auto [it, end] = boost::out_edges(u, b.graph); it != end; ++it) {
          const Vertex v = boost::target(*it, b.graph);
          if (theirs.Contains(v)) return depth;
          if (mine.Insert(v)) next.push_back(v);
        }
      } else {
        for (auto [it, end] = boost::in_edges(u, b.graph); it != end; ++it) {
          const Vertex v = boost::source(*it, b.graph);
          if (theirs.Contains(v)) return depth;
          if (mine.Insert(v)) next.push_back(v);
        }
      }
    }
    (forward ? ahead : behind).swap(next);
  }
  return -1;
}

std::pair<uint64_t, int> Bfs(const Baseline& b, Marks& m, Vertex s) {
  m.Clear();
  m.Insert(s);
  std::vector<Vertex> frontier = {s}, next;
  uint64_t reached = 1;
  int depth = 0;
  while (true) {
    next.clear();
    for (Vertex u : frontier) {
      for (auto [it, end] = boost::adjacent_vertices(u, b.graph); it != end; ++it) {
        if (m.Insert(*it)) next.push_back(*it);
      }
    }
    if (next.empty()) return {reached, depth};
    reached += next.size();
    ++depth;
    frontier.swap(next);
  }
}

int RunWorkload(const Baseline& b, const std::string& workload, const std::string& input,
                const std::string& answers_path, int repeat) {
  std::ifstream in(input);
  if (!in) return Fail("cannot open " + input);
  std::vector<std::pair<uint64_t, uint64_t>> queries;
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> f = absl::StrSplit(line, ' ', absl::SkipWhitespace());
    if (f.empty()) continue;
    std::pair<uint64_t, uint64_t> q{0, 0};
    if (!absl::SimpleAtoi(f[0], &q.first) || (f.size() > 1 && !absl::SimpleAtoi(f[1], &q.second))) {
      return Fail("bad line in " + input + ": " + line);
    }
    queries.push_back(q);
  }
  const size_t n = boost::num_vertices(b.graph);
  Marks fwd(n), bwd(n);
  std::vector<std::string> answers;
  std::vector<double> seconds;
  for (int r = 0; r < repeat; ++r) {
    answers.clear();
    const double start = Now();
    for (const auto& [a, z] : queries) {
      const Vertex s = b.Find(a);
      if (workload == "hop1") {
        answers.push_back(std::to_string(s == kNone ? 0 : Hop1(b, fwd, s)));
      } else if (workload == "hop2") {
        answers.push_back(std::to_string(s == kNone ? 0 : Hop2(b, fwd, s)));
      } else if (workload == "sp") {
        const Vertex t = b.Find(z);
        const int d = a == z                       ? 0
                      : (s == kNone || t == kNone) ? -1
                                                   : ShortestPath(b, fwd, bwd, s, t);
        answers.push_back(std::to_string(d));
      } else if (workload == "bfs") {
        const auto [reached, depth] = s == kNone ? std::pair<uint64_t, int>{1, 0} : Bfs(b, fwd, s);
        answers.push_back(std::to_string(reached) + " " + std::to_string(depth));
      } else {
        return Fail("unknown workload " + workload);
      }
    }
    seconds.push_back(Now() - start);
  }
  std::ofstream out(answers_path);
  for (const std::string& a : answers) out << a << "\n";
  std::sort(seconds.begin(), seconds.end());
  const size_t k = seconds.size();
  const double median = k % 2 ? seconds[k / 2] : (seconds[k / 2 - 1] + seconds[k / 2]) / 2;
  std::fprintf(stderr, "{\"workload\": \"%s\", \"queries\": %zu, \"median_s\": %.6f}\n",
               workload.c_str(), queries.size(), median);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string nodes_csv, edges_csv;
  int repeat = 1;
  std::vector<std::string> runs;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--nodes" && i + 1 < argc) {
      nodes_csv = argv[++i];
    } else if (arg == "--edges" && i + 1 < argc) {
      edges_csv = argv[++i];
    } else if (arg == "--repeat" && i + 1 < argc) {
      repeat = std::max(1, std::atoi(argv[++i]));
    } else {
      runs.push_back(arg);
    }
  }
  if (nodes_csv.empty() || edges_csv.empty()) {
    return Fail("usage: csr_baseline --nodes N.csv --edges E.csv [--repeat N] W:INPUT:ANSWERS...");
  }

  const double start = Now();
  Baseline b;
  absl::Status s = newsgraph::engine::ReadNodesCsv(
      nodes_csv, [&](const newsgraph::engine::NodeRow& row, int64_t) {
        b.ids.push_back(row.id);
        return absl::OkStatus();
      });
  if (!s.ok()) return Fail(std::string(s.message()));
  std::sort(b.ids.begin(), b.ids.end());
  b.index.reserve(b.ids.size());
  for (size_t i = 0; i < b.ids.size(); ++i) b.index[b.ids[i]] = static_cast<Vertex>(i);
  std::vector<std::pair<Vertex, Vertex>> edges;
  s = newsgraph::engine::ReadEdgesCsv(
      edges_csv, [&](const newsgraph::engine::EdgeRow& row, int64_t line) {
        const Vertex u = b.Find(row.src), v = b.Find(row.dst);
        if (u == kNone || v == kNone) {
          return newsgraph::engine::CsvError(edges_csv, line, "node not in nodes file");
        }
        edges.emplace_back(u, v);
        return absl::OkStatus();
      });
  if (!s.ok()) return Fail(std::string(s.message()));
  b.graph = Graph(boost::edges_are_unsorted_multi_pass, edges.begin(), edges.end(), b.ids.size());
  std::vector<std::pair<Vertex, Vertex>>().swap(edges);
  std::fprintf(stderr, "{\"load_s\": %.3f, \"vertices\": %zu, \"edges\": %zu}\n", Now() - start,
               static_cast<size_t>(boost::num_vertices(b.graph)),
               static_cast<size_t>(boost::num_edges(b.graph)));

  for (const std::string& run : runs) {
    std::vector<std::string> parts = absl::StrSplit(run, ':');
    if (parts.size() != 3) return Fail("expected WORKLOAD:INPUT:ANSWERS, got " + run);
    if (int rc = RunWorkload(b, parts[0], parts[1], parts[2], repeat); rc != 0) return rc;
  }
  return 0;
}
