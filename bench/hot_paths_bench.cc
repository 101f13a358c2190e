// Micro-benchmarks of the traversal hot paths: edge-key encoding, key
// decoding (what adjacency reads do per edge), frontier sorting, frontier
// expansion on a small bulk-loaded store (from its keys, and from its
// in-memory snapshot), and the snapshot's build; and of the bulk loader's
// two largest phases: sorting edge records, and writing sorted edge keys
// into an SST file.
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "benchmark/benchmark.h"
#include "bench/random_store.h"
#include "engine/adjacency.h"
#include "engine/bulk_load.h"
#include "engine/keys.h"
#include "newsgraph/bulk_load.h"
#include "newsgraph/graph_snapshot.h"
#include "newsgraph/store.h"
#include "queries/graph/traversal.h"
#include "rocksdb/filter_policy.h"
#include "rocksdb/slice_transform.h"
#include "rocksdb/sst_file_writer.h"
#include "rocksdb/table.h"

namespace newsgraph {
namespace {

void BM_EncodeEdgeKey(benchmark::State& state) {
  std::string key;
  uint64_t i = 0;
  for (auto _ : state) {
    key.clear();
    keys::AppendEdgeKey(&key, {i, 7, 19000, i * 31, i});
    benchmark::DoNotOptimize(key.data());
    ++i;
  }
}
BENCHMARK(BM_EncodeEdgeKey);

void BM_DecodeEdgeKeyFull(benchmark::State& state) {
  const std::string key = keys::EncodeEdgeKey({123456789, 7, 19000, 987654321, 42});
  for (auto _ : state) benchmark::DoNotOptimize(keys::DecodeEdgeKey(key));
}
BENCHMARK(BM_DecodeEdgeKeyFull);

// What an adjacency scan decodes per edge: both node ids, nothing else.
void BM_DecodeAdjacency(benchmark::State& state) {
  std::vector<std::string> block;
  for (uint64_t i = 0; i < 1024; ++i) block.push_back(keys::EncodeEdgeKey({i, 1, 0, i * 7, i}));
  for (auto _ : state) {
    uint64_t sum = 0;
    for (const std::string& key : block) {
      sum += keys::EdgeKeyNode(key.data()) ^ keys::EdgeKeyOther(key.data());
    }
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations() * block.size());
}
BENCHMARK(BM_DecodeAdjacency);

void BM_SortFrontier(benchmark::State& state) {
  const uint64_t bound = 1 << 20;
  std::mt19937_64 rng(1);
  std::vector<uint64_t> ids(bound);
  for (uint64_t i = 0; i < bound; ++i) ids[i] = i;
  std::shuffle(ids.begin(), ids.end(), rng);
  ids.resize(state.range(0));
  std::vector<uint64_t> work, scratch;
  for (auto _ : state) {
    work = ids;
    traversal::SortFrontier(&work, bound, &scratch);
    benchmark::DoNotOptimize(work.data());
  }
  state.SetItemsProcessed(state.iterations() * ids.size());
}
BENCHMARK(BM_SortFrontier)->Arg(1 << 10)->Arg(1 << 14)->Arg(1 << 18);

// The bulk loader's sort of one run both ways (engine/edge_sort.cc):
// range(0) random edges over range(0) / 10 nodes, on two threads, as the
// last run of a load is sorted.
void BM_SortRecords(benchmark::State& state) {
  const size_t edges = static_cast<size_t>(state.range(0));
  const uint32_t nodes = static_cast<uint32_t>(edges / 10);
  std::mt19937_64 rng(11);
  engine::EdgeRun run(edges);
  for (size_t i = 0; i < edges; ++i) {
    run[i] = engine::MakeEdgeRecord(rng() % nodes, rng() % nodes, 1 + i % 8, 0, false, i);
  }
  engine::EdgeRun out(edges);
  engine::EdgeRun in(edges);
  const std::vector<engine::RecordSpan> halves = {{run.data(), edges / 2},
                                                  {run.data() + edges / 2, edges - edges / 2}};
  const std::vector<engine::RecordSpan> out_halves = {
      {out.data(), edges / 2}, {out.data() + edges / 2, edges - edges / 2}};
  for (auto _ : state) {
    engine::SortRecords(halves, /*mirror=*/false, nodes, out.data());
    engine::SortRecords(out_halves, /*mirror=*/true, nodes, in.data());
    benchmark::DoNotOptimize(in.data());
  }
  state.SetItemsProcessed(state.iterations() * edges);
}
BENCHMARK(BM_SortRecords)->Arg(1 << 20)->Arg(1 << 23)->Unit(benchmark::kMillisecond);

// What the bulk loader's SST writing costs per edge with RocksDB's
// SstFileWriter (engine/edge_runs.cc): 1M sorted `out` keys, 10 per node,
// empty values (undated edges), the loader's table options (no
// compression, 16 KB blocks, 8-byte prefix bloom, no whole-key bloom).
// range(0) = 1 skips the filter, to show its share. The file is written to
// /tmp and synced, as the loader's are.
void BM_SstWriteEdgeKeys(benchmark::State& state) {
  constexpr uint64_t kEdges = 1 << 20;
  rocksdb::Options options;
  options.compression = rocksdb::kNoCompression;
  options.prefix_extractor.reset(rocksdb::NewFixedPrefixTransform(8));
  rocksdb::BlockBasedTableOptions table;
  table.block_size = 16 << 10;
  table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  table.whole_key_filtering = false;
  options.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  const std::string path = "/tmp/newsgraph_sst_bench_" + std::to_string(::getpid()) + ".sst";
  char key[keys::kEdgeKeyLength];
  for (auto _ : state) {
    rocksdb::SstFileWriter writer(rocksdb::EnvOptions(), options, nullptr,
                                  /*invalidate_page_cache=*/false, rocksdb::Env::IO_TOTAL,
                                  /*skip_filters=*/state.range(0) == 1);
    if (!writer.Open(path).ok()) state.SkipWithError("open failed");
    for (uint64_t i = 0; i < kEdges; ++i) {
      keys::EncodeEdgeKeyTo({1 + i / 10, static_cast<uint16_t>(1 + i % 10 / 5), 0, i * 7, i}, key);
      if (!writer.Put(rocksdb::Slice(key, sizeof(key)), rocksdb::Slice()).ok()) {
        state.SkipWithError("put failed");
        break;
      }
    }
    if (!writer.Finish().ok()) state.SkipWithError("finish failed");
  }
  std::filesystem::remove(path);
  state.SetItemsProcessed(state.iterations() * kEdges);
}
BENCHMARK(BM_SstWriteEdgeKeys)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// A bulk-loaded store of 100k nodes / 1M random edges, built once.
class StoreFixture : public benchmark::Fixture {
 public:
  void SetUp(const benchmark::State&) override {
    if (store_ != nullptr) return;
    store_ = bench::RandomStore("newsgraph_hot_paths", kNodes, 10, 7, &dir_);
    std::atexit([] {
      store_.reset();  // before RocksDB's own statics go
      bench::RemoveRandomStore(dir_);
    });
  }

 protected:
  static constexpr int kNodes = 100000;
  static std::unique_ptr<Store> store_;
  static std::string dir_;
};
std::unique_ptr<Store> StoreFixture::store_;
std::string StoreFixture::dir_;

// Expands a sorted frontier of range(0) random nodes one level.
BENCHMARK_DEFINE_F(StoreFixture, ExpandFrontier)(benchmark::State& state) {
  std::unique_ptr<engine::AdjacencyReader> reader =
      std::move(*engine::AdjacencyReader::Create(*store_));
  std::mt19937_64 rng(3);
  std::vector<uint64_t> frontier;
  for (int i = 0; i < state.range(0); ++i) frontier.push_back(1 + rng() % kNodes);
  std::sort(frontier.begin(), frontier.end());
  uint64_t edges = 0;
  for (auto _ : state) {
    absl::Status s = reader->Expand(frontier, Direction::kOut, [&](uint64_t, uint64_t v) {
      edges += v != 0;
      return true;
    });
    if (!s.ok()) state.SkipWithError("expand failed");
  }
  state.SetItemsProcessed(edges);
  state.counters["edges/frontier"] = static_cast<double>(edges) / state.iterations();
}
BENCHMARK_REGISTER_F(StoreFixture, ExpandFrontier)->Arg(1)->Arg(100)->Arg(10000)->Arg(100000);

// The same frontiers expanded over the in-memory CSR of a GraphSnapshot:
// what the snapshot engine does per level (row start, columns, stamps).
BENCHMARK_DEFINE_F(StoreFixture, ExpandFrontierSnapshot)(benchmark::State& state) {
  absl::StatusOr<GraphSnapshot> snapshot = GraphSnapshot::FromStore(*store_, SnapshotOptions());
  if (!snapshot.ok()) {
    state.SkipWithError("snapshot failed");
    return;
  }
  const CsrGraph& g = snapshot->graph();
  std::mt19937_64 rng(3);
  std::vector<CsrVertex> frontier;
  for (int i = 0; i < state.range(0); ++i) {
    const CsrVertex v = snapshot->VertexOrNone(1 + rng() % kNodes);
    if (v != GraphSnapshot::kNoVertex) frontier.push_back(v);
  }
  // Repeats once, as AdjacencyReader::Expand visits them.
  std::sort(frontier.begin(), frontier.end());
  frontier.erase(std::unique(frontier.begin(), frontier.end()), frontier.end());
  traversal::Marks marks;
  marks.Reset(snapshot->num_vertices());
  std::vector<CsrVertex> next;
  uint64_t edges = 0;
  for (auto _ : state) {
    marks.Clear();
    next.clear();
    for (const CsrVertex u : frontier) {
      for (auto [it, end] = boost::adjacent_vertices(u, g); it != end; ++it) {
        ++edges;
        if (marks.Insert(*it)) next.push_back(*it);
      }
    }
    benchmark::DoNotOptimize(next.data());
  }
  state.SetItemsProcessed(edges);
  state.counters["edges/frontier"] = static_cast<double>(edges) / state.iterations();
}
BENCHMARK_REGISTER_F(StoreFixture, ExpandFrontierSnapshot)
    ->Arg(1)
    ->Arg(100)
    ->Arg(10000)
    ->Arg(100000);

// Building that snapshot: one ordered scan of 1M `out` keys into the CSR.
BENCHMARK_DEFINE_F(StoreFixture, BuildSnapshot)(benchmark::State& state) {
  for (auto _ : state) {
    absl::StatusOr<GraphSnapshot> snapshot = GraphSnapshot::FromStore(*store_, SnapshotOptions());
    if (!snapshot.ok()) state.SkipWithError("snapshot failed");
    benchmark::DoNotOptimize(snapshot->num_edges());
  }
  state.SetItemsProcessed(state.iterations() * int64_t{kNodes} * 10);
}
BENCHMARK_REGISTER_F(StoreFixture, BuildSnapshot)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace newsgraph

BENCHMARK_MAIN();
