// Commits many small write sets to a store through the public Store API, as
// single-article imports do: each set makes one new node and a few edges
// (one from an existing node to the new one, the rest between random
// existing nodes). For measuring the mapped engine's delta path
// (docs/storage.md, "Persisted adjacency"): the committed nodes and edges
// are also appended as CSV lines, so that csr_baseline can read the same
// graph and the suite's answers can be compared.
//
//   commit_edges --db DIR --sets N [--edges-per-set K] [--seed S]
//                [--nodes-csv FILE] [--edges-csv FILE]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <random>
#include <string>

#include "absl/strings/numbers.h"
#include "newsgraph/store.h"

namespace {

struct Flags {
  std::string db;
  int sets = 0;
  int edges_per_set = 5;
  uint64_t seed = 1;
  std::string nodes_csv;  // appended: "id,PERSON" per new node
  std::string edges_csv;  // appended: "src,dst,type" per edge
};

bool Parse(int argc, char** argv, Flags* f) {
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i], value = argv[i + 1];
    bool ok = true;
    if (flag == "--db") f->db = value;
    else if (flag == "--sets") ok = absl::SimpleAtoi(value, &f->sets);
    else if (flag == "--edges-per-set") ok = absl::SimpleAtoi(value, &f->edges_per_set);
    else if (flag == "--seed") ok = absl::SimpleAtoi(value, &f->seed);
    else if (flag == "--nodes-csv") f->nodes_csv = value;
    else if (flag == "--edges-csv") f->edges_csv = value;
    else ok = false;
    if (!ok) return false;
  }
  return argc % 2 == 1 && !f->db.empty() && f->sets > 0 && f->edges_per_set > 0;
}

}  // namespace

int main(int argc, char** argv) {
  Flags flags;
  if (!Parse(argc, argv, &flags)) {
    std::fprintf(stderr,
                 "usage: commit_edges --db DIR --sets N [--edges-per-set K] [--seed S]\n"
                 "                    [--nodes-csv FILE] [--edges-csv FILE]\n");
    return 2;
  }
  newsgraph::StoreOptions options;
  options.create_if_missing = false;
  options.sync_commits = false;  // as bulk importers: atomic, synced at the end
  absl::StatusOr<std::unique_ptr<newsgraph::Store>> store = newsgraph::Store::Open(flags.db, options);
  if (!store.ok()) {
    std::fprintf(stderr, "commit_edges: %s\n", store.status().ToString().c_str());
    return 1;
  }
  std::ofstream nodes_out, edges_out;
  if (!flags.nodes_csv.empty()) nodes_out.open(flags.nodes_csv, std::ios::app);
  if (!flags.edges_csv.empty()) edges_out.open(flags.edges_csv, std::ios::app);
  std::mt19937_64 rng(flags.seed);
  const auto start = std::chrono::steady_clock::now();
  for (int s = 0; s < flags.sets; ++s) {
    std::unique_ptr<newsgraph::WriteSet> set = (*store)->NewWriteSet();
    const uint64_t fresh = set->NewNodeId();
    const uint64_t existing = fresh - 1;  // the store hands out ids 1, 2, ...
    newsgraph::pb::Node node;
    node.set_id(fresh);
    node.set_kind(newsgraph::pb::PERSON);
    set->PutNode(node);
    if (nodes_out.is_open()) nodes_out << fresh << ",PERSON\n";
    for (int e = 0; e < flags.edges_per_set; ++e) {
      newsgraph::pb::Edge edge;
      edge.set_src(1 + rng() % existing);
      edge.set_dst(e == 0 ? fresh : 1 + rng() % existing);
      edge.set_type(static_cast<newsgraph::pb::EdgeType>(1 + e % 8));
      set->PutEdge(edge);
      if (edges_out.is_open()) edges_out << edge.src() << "," << edge.dst() << "," << 1 + e % 8 << "\n";
    }
    if (absl::Status c = (*store)->Commit(*set); !c.ok()) {
      std::fprintf(stderr, "commit_edges: %s\n", c.ToString().c_str());
      return 1;
    }
  }
  if (absl::Status s = (*store)->Sync(); !s.ok()) return 1;
  std::printf("sets: %d\nedges: %d\nseconds: %.3f\n", flags.sets, flags.sets * flags.edges_per_set,
              std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  return 0;
}
