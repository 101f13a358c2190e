// Micro-benchmarks of the mapped engine's read path (engine/mapped_graph.h):
// opening the store's adjacency file with its delta (what a fresh process
// does before its first answer), and expanding frontiers over file plus
// overlay, on a bulk-loaded store of 100k nodes / 1M edges, without and
// with a delta of 20k edges committed in 5k write sets.
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "benchmark/benchmark.h"
#include "bench/random_store.h"
#include "engine/mapped_graph.h"
#include "newsgraph/store.h"
#include "queries/graph/traversal.h"

namespace newsgraph {
namespace {

constexpr int kNodes = 100000;
constexpr int kDeltaSets = 5000;
constexpr int kEdgesPerSet = 4;

// Two stores, built once: "plain" (bulk load and its file) and "delta"
// (the same, then kDeltaSets commits of kEdgesPerSet edges).
class MappedFixture : public benchmark::Fixture {
 public:
  void SetUp(const benchmark::State&) override {
    if (plain_ != nullptr) return;
    plain_ = bench::RandomStore("newsgraph_mapped_plain", kNodes, 10, 7, &plain_dir_);
    delta_ = bench::RandomStore("newsgraph_mapped_delta", kNodes, 10, 7, &delta_dir_);
    delta_.reset();
    AddDelta();
    StoreOptions read;
    read.read_only = true;
    delta_ = std::move(*Store::Open(delta_dir_, read));
    std::atexit([] {
      plain_.reset();  // before RocksDB's own statics go
      delta_.reset();
      bench::RemoveRandomStore(plain_dir_);
      bench::RemoveRandomStore(delta_dir_);
    });
  }

 protected:
  static void AddDelta() {
    std::unique_ptr<Store> writer = std::move(*Store::Open(delta_dir_, StoreOptions{}));
    std::mt19937_64 rng(11);
    for (int s = 0; s < kDeltaSets; ++s) {
      std::unique_ptr<WriteSet> set = writer->NewWriteSet();
      for (int e = 0; e < kEdgesPerSet; ++e) {
        pb::Edge edge;
        edge.set_src(1 + rng() % kNodes);
        edge.set_dst(1 + rng() % (kNodes + 1000));  // some new nodes
        edge.set_type(pb::MET);
        set->PutEdge(edge);
      }
      if (!writer->Commit(*set).ok()) std::abort();
    }
  }
  const Store& StoreOf(const benchmark::State& state) const {
    return state.range(0) == 0 ? *plain_ : *delta_;
  }

  static std::unique_ptr<Store> plain_;
  static std::unique_ptr<Store> delta_;
  static std::string plain_dir_;
  static std::string delta_dir_;
};
std::unique_ptr<Store> MappedFixture::plain_;
std::unique_ptr<Store> MappedFixture::delta_;
std::string MappedFixture::plain_dir_;
std::string MappedFixture::delta_dir_;

// Opening: the newest usable file mapped, the log's delta read into the
// overlay, the totals checked. range(0): 0 plain, 1 with the delta.
BENCHMARK_DEFINE_F(MappedFixture, OpenMapped)(benchmark::State& state) {
  for (auto _ : state) {
    absl::StatusOr<std::unique_ptr<engine::MappedGraph>> g = engine::MappedGraph::Open(StoreOf(state));
    if (!g.ok() || *g == nullptr) state.SkipWithError("no mapped graph");
    benchmark::DoNotOptimize(g->get());
  }
}
BENCHMARK_REGISTER_F(MappedFixture, OpenMapped)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

// One level of range(1) random nodes expanded over file and overlay, as
// the mapped engine does (compare ExpandFrontierSnapshot of
// hot_paths_bench). range(0): 0 plain, 1 with the delta.
BENCHMARK_DEFINE_F(MappedFixture, ExpandFrontierMapped)(benchmark::State& state) {
  std::unique_ptr<engine::MappedGraph> g = std::move(*engine::MappedGraph::Open(StoreOf(state)));
  if (g == nullptr) {
    state.SkipWithError("no mapped graph");
    return;
  }
  std::mt19937_64 rng(3);
  std::vector<uint32_t> frontier;
  for (int i = 0; i < state.range(1); ++i) {
    const uint32_t v = g->VertexOrNone(1 + rng() % kNodes);
    if (v != engine::MappedGraph::kNoVertex) frontier.push_back(v);
  }
  traversal::Marks marks;
  marks.Reset(g->num_vertices());
  std::vector<uint32_t> next;
  uint64_t edges = 0;
  for (auto _ : state) {
    marks.Clear();
    next.clear();
    for (const uint32_t u : frontier) {
      g->ForEachNeighbour(u, Direction::kOut, [&](uint32_t w) {
        ++edges;
        if (marks.Insert(w)) next.push_back(w);
      });
    }
    benchmark::DoNotOptimize(next.data());
  }
  state.SetItemsProcessed(edges);
  state.counters["edges/frontier"] = static_cast<double>(edges) / state.iterations();
}
BENCHMARK_REGISTER_F(MappedFixture, ExpandFrontierMapped)
    ->ArgsProduct({{0, 1}, {1, 100, 10000, 100000}});

}  // namespace
}  // namespace newsgraph

BENCHMARK_MAIN();
