// BulkLoad: CSV -> sorted runs -> SST files -> one atomic ingestion.
#include "newsgraph/bulk_load.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include "absl/cleanup/cleanup.h"
#include "absl/strings/str_cat.h"
#include "engine/bulk_load.h"
#include "engine/graph_csv.h"
#include "engine/keys.h"
#include "engine/rocks_store.h"
#include "engine/status.h"
#include "rocksdb/sst_file_writer.h"
#include "rocksdb/table.h"

namespace newsgraph {
namespace {

using engine::EdgeRecord;
using engine::EdgeRun;
using engine::NodeIdSet;
using engine::NodeLine;
using engine::RocksStore;

double Since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Bulk-loaded files are not compressed: traversals scan them block after
// block, and decompressing every block would cost more than the page cache
// saves. Later compactions recompress with the column family's setting.
constexpr rocksdb::CompressionType kBulkCompression = rocksdb::kNoCompression;
// Bulk-loaded graphs are read mostly by traversals that scan many nodes'
// edges: larger blocks mean fewer block reads and cache lookups per edge,
// while a seek still binary-searches a block's restart points.
constexpr size_t kBulkBlockSize = size_t{16} << 10;

absl::Status CheckEmpty(RocksStore& store) {
  for (RocksStore::Cf cf : {RocksStore::kNode, RocksStore::kOut}) {
    rocksdb::ReadOptions options;
    options.total_order_seek = true;
    std::unique_ptr<rocksdb::Iterator> it(store.db()->NewIterator(options, store.handle(cf)));
    it->SeekToFirst();
    if (it->Valid()) {
      return absl::FailedPreconditionError(absl::StrCat(
          "bulk load needs a store without nodes or edges; ", store.dir(), " has some"));
    }
    if (!it->status().ok()) return engine::FromRocks(it->status(), "checking the store");
  }
  return absl::OkStatus();
}

rocksdb::Options SstOptions(RocksStore& store, RocksStore::Cf cf) {
  rocksdb::Options options = store.db()->GetOptions(store.handle(cf));
  options.compression = kBulkCompression;
  const auto* table = options.table_factory->GetOptions<rocksdb::BlockBasedTableOptions>();
  if (table != nullptr) {
    rocksdb::BlockBasedTableOptions bulk = *table;
    bulk.block_size = kBulkBlockSize;
    options.table_factory.reset(rocksdb::NewBlockBasedTableFactory(bulk));
  }
  return options;
}

// One parsing thread's edges: its current run, its spilled runs, its totals.
// Each slice of edges.csv has its own, so the threads share nothing.
struct SliceRuns {
  EdgeRun input;  // the current run, in file order
  EdgeRun out_sorted;
  EdgeRun in_sorted;
  std::vector<std::string> out_paths;
  std::vector<std::string> in_paths;
  std::vector<uint64_t> by_type = std::vector<uint64_t>(pb::EdgeType_ARRAYSIZE, 0);
  uint64_t edges = 0;
  int64_t last_line = 0;
  int runs = 0;
  double sort_seconds = 0;

  // Sorts the current run both ways; spills it unless it is the last.
  absl::Status FinishRun(uint64_t id_bound, bool spill, const std::string& tmp, int slice) {
    const auto start = std::chrono::steady_clock::now();
    absl::Cleanup timed = [&] { sort_seconds += Since(start); };
    engine::SortRunInto(input, /*mirror=*/false, id_bound, &out_sorted);
    engine::SortRunInto(input, /*mirror=*/true, id_bound, &in_sorted);
    input.clear();
    ++runs;
    if (!spill) return absl::OkStatus();
    const std::string name = absl::StrCat(slice, "-", runs);
    out_paths.push_back(absl::StrCat(tmp, "/out-run-", name));
    in_paths.push_back(absl::StrCat(tmp, "/in-run-", name));
    if (absl::Status s = engine::SpillRun(out_sorted, out_paths.back()); !s.ok()) return s;
    if (absl::Status s = engine::SpillRun(in_sorted, in_paths.back()); !s.ok()) return s;
    // Spilled: only the last run's records may stay as in-memory runs.
    out_sorted.clear();
    in_sorted.clear();
    return absl::OkStatus();
  }
};

absl::Status WriteCounts(RocksStore& store, const std::vector<uint64_t>& by_kind,
                         const std::vector<uint64_t>& by_type) {
  rocksdb::WriteBatch batch;
  auto add = [&](const std::string& key, uint64_t delta) -> absl::Status {
    if (delta == 0) return absl::OkStatus();
    std::string value;
    uint64_t current = 0;
    const rocksdb::Status s =
        store.db()->Get(rocksdb::ReadOptions(), store.handle(RocksStore::kDefault), key, &value);
    if (s.ok() && value.size() == 8) current = keys::ReadU64(value, 0);
    if (!s.ok() && !s.IsNotFound()) return engine::FromRocks(s, "reading " + key);
    std::string encoded;
    keys::AppendU64(&encoded, current + delta);
    batch.Put(store.handle(RocksStore::kDefault), key, encoded);
    return absl::OkStatus();
  };
  for (size_t k = 0; k < by_kind.size(); ++k) {
    if (auto s = add(keys::NodeCountKey(static_cast<pb::NodeKind>(k)), by_kind[k]); !s.ok()) {
      return s;
    }
  }
  for (size_t t = 0; t < by_type.size(); ++t) {
    if (auto s = add(keys::EdgeCountKey(static_cast<pb::EdgeType>(t)), by_type[t]); !s.ok()) {
      return s;
    }
  }
  rocksdb::WriteOptions options;
  options.sync = true;
  return engine::FromRocks(store.db()->Write(options, &batch), "writing bulk-load totals");
}

absl::StatusOr<BulkLoadReport> Load(RocksStore& store, const std::string& nodes_csv,
                                    const std::string& edges_csv, const BulkLoadOptions& options,
                                    const std::string& tmp) {
  BulkLoadReport report;
  auto phase = std::chrono::steady_clock::now();
  if (absl::Status s = CheckEmpty(store); !s.ok()) return s;
  absl::StatusOr<std::vector<NodeLine>> nodes = engine::ReadNodeLines(nodes_csv);
  if (!nodes.ok()) return nodes.status();
  std::vector<uint64_t> by_kind(pb::NodeKind_ARRAYSIZE, 0);
  for (const NodeLine& n : *nodes) ++by_kind[n.kind];
  report.nodes = nodes->size();
  // The node file does not depend on the edges: written while they load.
  absl::StatusOr<std::vector<std::string>> node_files;
  std::thread node_thread([&] {
    node_files = engine::WriteNodeSst(*nodes, SstOptions(store, RocksStore::kNode),
                                      tmp + "/node.sst");
  });
  absl::Cleanup join_nodes = [&] {
    if (node_thread.joinable()) node_thread.join();
  };

  // Edges: each parsing thread cuts its slice of the file into runs of
  // run_edges / slices, sorted both ways; full runs are spilled.
  const NodeIdSet ids(*nodes);
  const uint64_t id_bound = nodes->empty() ? 0 : nodes->back().id + 1;
  const uint64_t first_seq = store.AllocateEdgeSeqs(0);
  const int slices = engine::EdgeCsvSlices(edges_csv, options.parse_threads);
  const size_t run_edges = std::max<size_t>(options.run_edges / slices, 1);
  std::vector<SliceRuns> runs(slices);
  absl::Status read = engine::ReadEdgesCsvSliced(
      edges_csv, slices,
      [&](int slice, const engine::EdgeRow& row, int64_t line) -> absl::Status {
        for (uint64_t end : {row.src, row.dst}) {
          if (!ids.Contains(end)) {
            return engine::CsvError(edges_csv, line,
                                    absl::StrCat("node ", end, " is not in ", nodes_csv));
          }
        }
        SliceRuns& mine = runs[slice];
        if (mine.input.size() == run_edges) {
          if (absl::Status s = mine.FinishRun(id_bound, /*spill=*/true, tmp, slice); !s.ok()) {
            return s;
          }
        }
        // Reserved whole: untouched pages cost nothing, regrowth copies would.
        if (mine.input.capacity() < run_edges) mine.input.reserve(run_edges);
        // Seqs follow the line: unique and in file order whatever the slice
        // (line 1 is the header).
        mine.input.push_back({row.src, row.dst, first_seq + static_cast<uint64_t>(line - 2),
                              row.day, static_cast<uint16_t>(row.type),
                              static_cast<uint8_t>(row.dated)});
        ++mine.by_type[row.type];
        ++mine.edges;
        mine.last_line = line;
        return absl::OkStatus();
      });
  if (!read.ok()) return read;
  for (const SliceRuns& r : runs) report.sort_seconds += r.sort_seconds;
  report.read_seconds = Since(phase);
  phase = std::chrono::steady_clock::now();

  // The last run of every slice is sorted in memory, the slices at once.
  {
    std::vector<absl::Status> sorted(slices);
    std::vector<std::thread> sorters;
    for (int i = 0; i < slices; ++i) {
      sorters.emplace_back([&, i] {
        if (!runs[i].input.empty()) {
          sorted[i] = runs[i].FinishRun(id_bound, /*spill=*/false, tmp, i);
        }
        EdgeRun().swap(runs[i].input);
      });
    }
    for (std::thread& t : sorters) t.join();
    for (const absl::Status& s : sorted) {
      if (!s.ok()) return s;
    }
  }
  std::vector<uint64_t> by_type(pb::EdgeType_ARRAYSIZE, 0);
  uint64_t seqs_used = 0;
  std::vector<std::string> out_paths;
  std::vector<std::string> in_paths;
  std::vector<EdgeRun> out_memory;
  std::vector<EdgeRun> in_memory;
  for (SliceRuns& r : runs) {
    for (size_t t = 0; t < by_type.size(); ++t) by_type[t] += r.by_type[t];
    report.edges += r.edges;
    report.runs += r.runs;
    if (r.edges > 0) seqs_used = std::max<uint64_t>(seqs_used, r.last_line - 1);
    out_paths.insert(out_paths.end(), r.out_paths.begin(), r.out_paths.end());
    in_paths.insert(in_paths.end(), r.in_paths.begin(), r.in_paths.end());
    out_memory.push_back(std::move(r.out_sorted));
    in_memory.push_back(std::move(r.in_sorted));
  }
  runs.clear();
  report.sort_seconds += Since(phase);
  phase = std::chrono::steady_clock::now();

  // Merge each direction into its SST files, one thread per direction.
  absl::StatusOr<std::vector<std::string>> in_files;
  std::thread in_thread([&] {
    in_files = engine::MergeRunsToSst(in_paths, std::move(in_memory), /*out_direction=*/false,
                                      SstOptions(store, RocksStore::kIn), tmp + "/in");
  });
  absl::StatusOr<std::vector<std::string>> out_files =
      engine::MergeRunsToSst(out_paths, std::move(out_memory), /*out_direction=*/true,
                             SstOptions(store, RocksStore::kOut), tmp + "/out");
  in_thread.join();
  node_thread.join();
  for (const auto* files : {&out_files, &in_files, &node_files}) {
    if (!files->ok()) return files->status();
  }

  report.write_seconds = Since(phase);
  phase = std::chrono::steady_clock::now();

  // Counters first: if the process dies after this, ids are only skipped.
  if (!nodes->empty()) store.ReserveNodeId(nodes->back().id);
  store.AllocateEdgeSeqs(seqs_used);
  std::unique_ptr<WriteSet> counters = store.NewWriteSet();
  if (absl::Status s = store.Commit(*counters); !s.ok()) return s;

  std::vector<rocksdb::IngestExternalFileArg> args;
  auto add = [&](RocksStore::Cf cf, std::vector<std::string>& files) {
    if (files.empty()) return;
    rocksdb::IngestExternalFileArg arg;
    arg.column_family = store.handle(cf);
    arg.external_files = std::move(files);
    arg.options.move_files = true;  // hard links: the files are not copied
    args.push_back(std::move(arg));
  };
  add(RocksStore::kNode, *node_files);
  add(RocksStore::kOut, *out_files);
  add(RocksStore::kIn, *in_files);
  if (!args.empty()) {
    if (auto s = store.db()->IngestExternalFiles(args); !s.ok()) {
      return engine::FromRocks(s, absl::StrCat("ingesting into ", store.dir()));
    }
  }
  if (absl::Status s = WriteCounts(store, by_kind, by_type); !s.ok()) return s;
  report.ingest_seconds = Since(phase);
  return report;
}

}  // namespace

absl::StatusOr<BulkLoadReport> BulkLoad(const std::string& dir, const std::string& nodes_csv,
                                        const std::string& edges_csv,
                                        const BulkLoadOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  absl::StatusOr<std::unique_ptr<RocksStore>> store = RocksStore::OpenRocks(dir, StoreOptions{});
  if (!store.ok()) return store.status();
  // Runs and SST files are written beside the database (same file system,
  // so ingestion links them instead of copying) and removed in any case.
  const std::string tmp = dir + "/bulk_load.tmp";
  std::error_code ec;
  std::filesystem::remove_all(tmp, ec);
  std::filesystem::create_directories(tmp, ec);
  if (ec) return absl::InternalError(absl::StrCat("cannot create ", tmp, ": ", ec.message()));
  absl::StatusOr<BulkLoadReport> report = Load(**store, nodes_csv, edges_csv, options, tmp);
  std::filesystem::remove_all(tmp, ec);
  if (report.ok()) report->seconds = Since(start);
  return report;
}

}  // namespace newsgraph
