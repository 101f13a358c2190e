// Micro-benchmarks of the native neighbourhood read path (queries/canned/
// neighbourhood.h): the breadth-first expansion through a StoreGraphSource
// on a bulk-loaded store, at 1, 2 and 3 hops, and the rows built from it.
// The counters give the subgraph's size, so time per relationship examined
// can be read off: the expansion should stay proportional to it.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "benchmark/benchmark.h"
#include "bench/random_store.h"
#include "newsgraph/bulk_load.h"
#include "newsgraph/store.h"
#include "queries/canned/neighbourhood.h"
#include "queries/cypher/store_source.h"
#include "schema/records.pb.h"

namespace newsgraph {
namespace {

// A bulk-loaded store of 20k nodes and 100k random edges of the eight
// types, built once.
class NeighbourhoodFixture : public benchmark::Fixture {
 public:
  void SetUp(const benchmark::State&) override {
    if (store_ != nullptr) return;
    store_ = bench::RandomStore("newsgraph_nbhd_bench", kNodes, 5, 11, &dir_);
    std::atexit([] {
      store_.reset();  // before RocksDB's own statics go
      bench::RemoveRandomStore(dir_);
    });
  }

 protected:
  static queries::NeighbourhoodSpec Spec(int k, int64_t start) {
    queries::NeighbourhoodSpec spec;
    spec.starts = {start};
    spec.k = k;
    for (int t = 1; t <= 8; ++t) {
      spec.types.push_back(pb::EdgeType_Name(static_cast<pb::EdgeType>(t)));
    }
    spec.limit = 1'000'000;
    return spec;
  }

  static constexpr int kNodes = 20000;
  static std::unique_ptr<Store> store_;
  static std::string dir_;
};
std::unique_ptr<Store> NeighbourhoodFixture::store_;
std::string NeighbourhoodFixture::dir_;

// The expansion of range(0) hops around a different random node each time,
// through a fresh source (its caches empty, as for one `ask`).
BENCHMARK_DEFINE_F(NeighbourhoodFixture, Expand)(benchmark::State& state) {
  std::mt19937_64 rng(5);
  int64_t examined = 0, nodes = 0, edges = 0;
  for (auto _ : state) {
    cypher::StoreGraphSource graph(*store_);
    absl::StatusOr<queries::Neighbourhood> n = queries::ExpandNeighbourhood(
        graph, Spec(static_cast<int>(state.range(0)), 1 + rng() % kNodes));
    if (!n.ok() || !graph.status().ok()) state.SkipWithError("expansion failed");
    examined += n->relationships_examined;
    nodes += static_cast<int64_t>(n->nodes.size());
    edges += static_cast<int64_t>(n->edges.size());
  }
  state.SetItemsProcessed(examined);
  state.counters["examined/run"] = static_cast<double>(examined) / state.iterations();
  state.counters["nodes/run"] = static_cast<double>(nodes) / state.iterations();
  state.counters["edges/run"] = static_cast<double>(edges) / state.iterations();
}
BENCHMARK_REGISTER_F(NeighbourhoodFixture, Expand)
    ->Arg(1)
    ->Arg(2)
    ->Arg(3)
    ->Unit(benchmark::kMicrosecond);

// The answer's rows (node and relationship values, sorted) of a 2-hop
// neighbourhood already found.
BENCHMARK_DEFINE_F(NeighbourhoodFixture, Rows)(benchmark::State& state) {
  cypher::StoreGraphSource graph(*store_);
  absl::StatusOr<queries::Neighbourhood> n = queries::ExpandNeighbourhood(graph, Spec(2, 1));
  if (!n.ok()) {
    state.SkipWithError("expansion failed");
    return;
  }
  for (auto _ : state) benchmark::DoNotOptimize(queries::NeighbourhoodRows(graph, *n).rows.data());
  state.SetItemsProcessed(state.iterations() * n->edges.size());
}
BENCHMARK_REGISTER_F(NeighbourhoodFixture, Rows)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace newsgraph

BENCHMARK_MAIN();
