// A bulk-loaded store of random edges for the micro-benchmarks: `nodes`
// nodes and `nodes * edges_per_node` edges of the eight types, from a fixed
// seed, under a temporary directory removed at exit.
#ifndef NEWSGRAPH_BENCH_RANDOM_STORE_H_
#define NEWSGRAPH_BENCH_RANDOM_STORE_H_

#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <string>

#include "newsgraph/bulk_load.h"
#include "newsgraph/store.h"

namespace newsgraph::bench {

// Builds the store under "/tmp/<name>_<pid>" and opens it read-only; aborts
// when the load fails (a benchmark has no better answer). The caller keeps
// the store in a static and resets it in `cleanup`, before RocksDB's own
// statics go at exit.
inline std::unique_ptr<Store> RandomStore(const std::string& name, int nodes,
                                          int edges_per_node, uint64_t seed,
                                          std::string* dir) {
  *dir = "/tmp/" + name + "_" + std::to_string(::getpid());
  std::filesystem::remove_all(*dir);
  std::filesystem::create_directories(*dir + "-csv");
  {
    std::ofstream node_csv(*dir + "-csv/nodes.csv"), edge_csv(*dir + "-csv/edges.csv");
    node_csv << "id,kind\n";
    for (int i = 1; i <= nodes; ++i) node_csv << i << ",1\n";
    edge_csv << "src,dst,type\n";
    std::mt19937_64 rng(seed);
    for (int i = 0; i < nodes * edges_per_node; ++i) {
      edge_csv << 1 + rng() % nodes << "," << 1 + rng() % nodes << "," << 1 + i % 8 << "\n";
    }
  }
  if (!BulkLoad(*dir, *dir + "-csv/nodes.csv", *dir + "-csv/edges.csv").ok()) std::abort();
  StoreOptions options;
  options.read_only = true;
  return std::move(*Store::Open(*dir, options));
}

// Removes what RandomStore wrote.
inline void RemoveRandomStore(const std::string& dir) {
  std::filesystem::remove_all(dir);
  std::filesystem::remove_all(dir + "-csv");
}

}  // namespace newsgraph::bench

#endif  // NEWSGRAPH_BENCH_RANDOM_STORE_H_
