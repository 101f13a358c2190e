// BulkLoad: CSV -> sorted runs -> SST files -> one atomic ingestion.
#include "newsgraph/bulk_load.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <map>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include "absl/cleanup/cleanup.h"
#include "absl/strings/str_cat.h"
#include "engine/bulk_load.h"
#include "newsgraph/adjacency_file.h"
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
    // Whole-key blooms let a Get skip the files of upper levels; ingested
    // files all go to the last level, and a Get of an edge key is always
    // for an edge that exists, so their blooms would never say no. Prefix
    // blooms stay (scans of nodes without edges). Readers take the file's
    // own setting from its properties.
    if (options.prefix_extractor != nullptr) bulk.whole_key_filtering = false;
    options.table_factory.reset(rocksdb::NewBlockBasedTableFactory(bulk));
  }
  return options;
}

// One parsing thread's edges: its region of the run buffer, its spilled
// runs, its totals. Each slice of edges.csv has its own, so the threads
// share nothing.
struct SliceRuns {
  EdgeRecord* region = nullptr;  // the current run, in file order
  size_t capacity = 0;
  size_t size = 0;
  EdgeRun scratch;  // a full region sorted one way, while it is spilled
  std::vector<std::string> out_paths;
  std::vector<std::string> in_paths;
  std::vector<uint64_t> by_type = std::vector<uint64_t>(pb::EdgeType_ARRAYSIZE, 0);
  uint64_t edges = 0;
  int64_t last_line = 0;
  int runs = 0;
  double sort_seconds = 0;

  // Sorts the full region both ways, spills it, and empties it.
  absl::Status Spill(uint32_t node_count, const std::string& tmp, int slice) {
    const auto start = std::chrono::steady_clock::now();
    absl::Cleanup timed = [&] { sort_seconds += Since(start); };
    ++runs;
    const std::string name = absl::StrCat(slice, "-", runs);
    scratch.resize(size);
    for (const bool mirror : {false, true}) {
      engine::SortRecords({{region, size}}, mirror, node_count, scratch.data());
      std::vector<std::string>& paths = mirror ? in_paths : out_paths;
      paths.push_back(absl::StrCat(tmp, mirror ? "/in-run-" : "/out-run-", name));
      if (absl::Status s = engine::SpillRun(scratch.data(), size, paths.back()); !s.ok()) {
        return s;
      }
    }
    size = 0;
    return absl::OkStatus();
  }
};

// Checks one edges.csv row and packs it (BulkLoad's contract, and the
// limits of EdgeRecord's packing).
absl::Status PackRow(const engine::EdgeRow& row, int64_t line, const engine::NodeRanks& ranks,
                     const std::string& edges_csv, const std::string& nodes_csv,
                     EdgeRecord* record) {
  static_assert(pb::EdgeType_ARRAYSIZE <= 256, "EdgeRecord packs the type in 8 bits");
  uint32_t src = 0;
  uint32_t dst = 0;
  for (const auto& [id, rank] : {std::pair(row.src, &src), std::pair(row.dst, &dst)}) {
    if (!ranks.Rank(id, rank)) {
      return engine::CsvError(edges_csv, line, absl::StrCat("node ", id, " is not in ", nodes_csv));
    }
  }
  if (row.day < engine::kMinRecordDay || row.day > engine::kMaxRecordDay) {
    return engine::CsvError(
        edges_csv, line,
        absl::StrCat("day ", row.day, " is outside the days a bulk load takes (",
                     engine::kMinRecordDay, "..", engine::kMaxRecordDay,
                     ", about 22,900 years either side of 1970)"));
  }
  // Seqs follow the line: unique and in file order whatever the slice
  // (line 1 is the header).
  const uint64_t seq_offset = static_cast<uint64_t>(line - 2);
  if (seq_offset > engine::kMaxSeqOffset) {
    return engine::CsvError(edges_csv, line,
                            absl::StrCat("a bulk load takes at most ", engine::kMaxSeqOffset + 1,
                                         " lines of edges; split the file"));
  }
  *record = engine::MakeEdgeRecord(src, dst, static_cast<uint8_t>(row.type), row.day, row.dated,
                                   static_cast<uint32_t>(seq_offset));
  return absl::OkStatus();
}

// One share of the SST writing: a direction's runs, or a piece of its one
// in-memory run.
struct MergeTask {
  bool out_direction;
  std::vector<std::string> paths;
  std::vector<engine::RecordSpan> memory;
  std::string prefix;
  absl::StatusOr<std::vector<std::string>> files = std::vector<std::string>();
};

// Adds the tasks that write one direction. Without spilled runs the
// in-memory run is cut into `pieces` written at once: any cut gives
// disjoint key ranges, as the run is sorted and its keys unique.
void AddMergeTasks(bool out_direction, const std::vector<std::string>& paths,
                   const std::vector<engine::RecordSpan>& memory, int pieces,
                   const std::string& tmp, std::vector<MergeTask>* tasks) {
  const std::string prefix = absl::StrCat(tmp, out_direction ? "/out" : "/in");
  constexpr size_t kMinPiece = size_t{1} << 20;
  if (!paths.empty() || memory.size() != 1 || memory[0].size < 2 * kMinPiece) {
    tasks->push_back({out_direction, paths, memory, prefix});
    return;
  }
  const engine::RecordSpan run = memory[0];
  const size_t part = (run.size + pieces - 1) / pieces;
  for (size_t at = 0; at < run.size; at += part) {
    tasks->push_back({out_direction,
                      {},
                      {{run.data + at, std::min(part, run.size - at)}},
                      absl::StrCat(prefix, "-", at / part)});
  }
}

// Sorts the last run, the records of `regions`, both ways: in `out` order
// into `out_sorted` (a buffer of its own), then in `in` order back into
// `run_buffer`, whose pages are already mapped. `threads` threads.
// Returns the run's size.
size_t SortLastRun(const std::vector<engine::RecordSpan>& regions, uint32_t node_count,
                   int threads, EdgeRecord* run_buffer, EdgeRun* out_sorted) {
  size_t edges = 0;
  for (const engine::RecordSpan& region : regions) edges += region.size;
  if (edges == 0) return 0;
  out_sorted->resize(edges);
  engine::SortRecords(regions, /*mirror=*/false, node_count, out_sorted->data());
  std::vector<engine::RecordSpan> parts;
  const size_t part = (edges + threads - 1) / threads;
  for (size_t at = 0; at < edges; at += part) {
    parts.push_back({out_sorted->data() + at, std::min(part, edges - at)});
  }
  engine::SortRecords(parts, /*mirror=*/true, node_count, run_buffer);
  return edges;
}

// Runs `tasks` on `threads` threads, each taking the next task as it comes
// free.
void RunMergeTasks(RocksStore& store, const engine::RunDecoding& decoding, int threads,
                   std::vector<MergeTask>* tasks) {
  const rocksdb::Options out_options = SstOptions(store, RocksStore::kOut);
  const rocksdb::Options in_options = SstOptions(store, RocksStore::kIn);
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < tasks->size(); i = next++) {
      MergeTask& task = (*tasks)[i];
      task.files = engine::MergeRunsToSst(task.paths, task.memory, task.out_direction, decoding,
                                          task.out_direction ? out_options : in_options,
                                          task.prefix);
    }
  };
  std::vector<std::thread> pool;
  for (int i = 1; i < threads; ++i) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
}

// The per-kind and per-type totals and the id counters, as an SST file of
// the default column family: ingested in the same atomic step as the nodes
// and edges, so a failure leaves the store as empty as it was (ids
// included), never with edges whose totals were not counted.
absl::StatusOr<std::string> WriteTotalsFile(RocksStore& store, const std::vector<uint64_t>& by_kind,
                                            const std::vector<uint64_t>& by_type,
                                            const std::string& tmp) {
  std::map<std::string, std::string> rows;  // an SST wants its keys in order
  auto add = [&](const std::string& key, uint64_t count) {
    if (count == 0) return;
    std::string encoded;
    keys::AppendU64(&encoded, count);  // the store was empty: no earlier totals
    rows[key] = encoded;
  };
  for (size_t k = 0; k < by_kind.size(); ++k) {
    add(keys::NodeCountKey(static_cast<pb::NodeKind>(k)), by_kind[k]);
  }
  for (size_t t = 0; t < by_type.size(); ++t) {
    add(keys::EdgeCountKey(static_cast<pb::EdgeType>(t)), by_type[t]);
  }
  rows[std::string(keys::kMetaCounters)] = store.CountersValue();
  const std::string path = tmp + "/totals.sst";
  rocksdb::SstFileWriter writer(rocksdb::EnvOptions(),
                                store.db()->GetOptions(store.handle(RocksStore::kDefault)));
  rocksdb::Status s = writer.Open(path);
  for (auto it = rows.begin(); s.ok() && it != rows.end(); ++it) s = writer.Put(it->first, it->second);
  if (s.ok()) s = writer.Finish();
  if (!s.ok()) return engine::FromRocks(s, "writing bulk-load totals");
  return path;
}

// *adjacency_written tells whether the adjacency file was written from
// the sorted run (else BulkLoad writes it by a scan of the loaded store).
absl::StatusOr<BulkLoadReport> Load(RocksStore& store, const std::string& nodes_csv,
                                    const std::string& edges_csv, const BulkLoadOptions& options,
                                    const std::string& tmp, bool* adjacency_written) {
  BulkLoadReport report;
  auto phase = std::chrono::steady_clock::now();
  if (absl::Status s = CheckEmpty(store); !s.ok()) return s;
  absl::StatusOr<std::vector<NodeLine>> nodes =
      engine::ReadNodeLines(nodes_csv, options.parse_threads);
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

  // Edges: each parsing thread fills its region of one run buffer from its
  // slice of the file; a full region is sorted both ways and spilled. The
  // last regions are sorted together at the end and stay in memory.
  if (nodes->size() > engine::kLow32) {
    return absl::InvalidArgumentError(absl::StrCat(
        nodes_csv, ": a bulk load takes at most ", engine::kLow32, " nodes"));
  }
  const uint32_t node_count = static_cast<uint32_t>(nodes->size());
  const engine::NodeRanks ranks(*nodes);
  engine::NodeIds node_ids(ranks.contiguous() ? 0 : nodes->size());
  for (size_t i = 0; i < node_ids.size(); ++i) node_ids[i] = (*nodes)[i].id;
  const uint64_t first_seq = store.AllocateEdgeSeqs(0);
  const int slices = engine::CsvSlices(edges_csv, options.parse_threads);
  const size_t region_edges = std::max<size_t>(options.run_edges / slices, 1);
  // Pages are touched only as records arrive.
  EdgeRun buffer(region_edges * slices);
  std::vector<SliceRuns> runs(slices);
  for (int i = 0; i < slices; ++i) {
    runs[i].region = buffer.data() + i * region_edges;
    runs[i].capacity = region_edges;
  }
  absl::Status read = engine::ReadEdgesCsvSliced(
      edges_csv, slices,
      [&](int slice, const engine::EdgeRow& row, int64_t line) -> absl::Status {
        EdgeRecord record;
        if (absl::Status s = PackRow(row, line, ranks, edges_csv, nodes_csv, &record); !s.ok()) {
          return s;
        }
        SliceRuns& mine = runs[slice];
        if (mine.size == mine.capacity) {
          if (absl::Status s = mine.Spill(node_count, tmp, slice); !s.ok()) return s;
        }
        mine.region[mine.size++] = record;
        ++mine.by_type[row.type];
        ++mine.edges;
        mine.last_line = line;
        return absl::OkStatus();
      });
  if (!read.ok()) return read;
  for (const SliceRuns& r : runs) report.sort_seconds += r.sort_seconds;
  report.read_seconds = Since(phase);
  phase = std::chrono::steady_clock::now();

  std::vector<uint64_t> by_type(pb::EdgeType_ARRAYSIZE, 0);
  uint64_t seqs_used = 0;
  std::vector<std::string> out_paths;
  std::vector<std::string> in_paths;
  std::vector<engine::RecordSpan> last;
  for (SliceRuns& r : runs) {
    for (size_t t = 0; t < by_type.size(); ++t) by_type[t] += r.by_type[t];
    report.edges += r.edges;
    report.runs += r.runs;
    if (r.edges > 0) seqs_used = std::max<uint64_t>(seqs_used, r.last_line - 1);
    out_paths.insert(out_paths.end(), r.out_paths.begin(), r.out_paths.end());
    in_paths.insert(in_paths.end(), r.in_paths.begin(), r.in_paths.end());
    if (r.size > 0) last.push_back({r.region, r.size});
  }
  runs.clear();  // frees the spill buffers before the last sort
  EdgeRun out_sorted;
  const size_t last_edges = SortLastRun(last, node_count, slices, buffer.data(), &out_sorted);
  std::vector<engine::RecordSpan> out_memory;
  std::vector<engine::RecordSpan> in_memory;
  if (last_edges > 0) {
    ++report.runs;
    out_memory.push_back({out_sorted.data(), last_edges});
    in_memory.push_back({buffer.data(), last_edges});
  }
  report.sort_seconds += Since(phase);
  phase = std::chrono::steady_clock::now();

  const engine::RunDecoding decoding{ranks.contiguous() ? nullptr : &node_ids,
                                     nodes->empty() ? 0 : nodes->front().id, first_seq};
  std::vector<MergeTask> tasks;
  AddMergeTasks(/*out_direction=*/true, out_paths, out_memory, slices, tmp, &tasks);
  AddMergeTasks(/*out_direction=*/false, in_paths, in_memory, slices, tmp, &tasks);
  RunMergeTasks(store, decoding, slices, &tasks);
  node_thread.join();
  if (!node_files.ok()) return node_files.status();
  std::vector<std::string> out_files;
  std::vector<std::string> in_files;
  for (MergeTask& task : tasks) {
    if (!task.files.ok()) return task.files.status();
    std::vector<std::string>& files = task.out_direction ? out_files : in_files;
    files.insert(files.end(), task.files->begin(), task.files->end());
  }

  report.write_seconds = Since(phase);
  phase = std::chrono::steady_clock::now();

  if (!nodes->empty()) store.ReserveNodeId(nodes->back().id);
  store.AllocateEdgeSeqs(seqs_used);
  absl::StatusOr<std::string> totals = WriteTotalsFile(store, by_kind, by_type, tmp);
  if (!totals.ok()) return totals.status();
  std::vector<std::string> totals_files = {*totals};

  std::vector<rocksdb::IngestExternalFileArg> args;
  auto add = [&](RocksStore::Cf cf, std::vector<std::string>& files) {
    if (files.empty()) return;
    rocksdb::IngestExternalFileArg arg;
    arg.column_family = store.handle(cf);
    arg.external_files = std::move(files);
    arg.options.move_files = true;  // hard links: the files are not copied
    args.push_back(std::move(arg));
  };
  add(RocksStore::kDefault, totals_files);
  add(RocksStore::kNode, *node_files);
  add(RocksStore::kOut, out_files);
  add(RocksStore::kIn, in_files);
  if (!args.empty()) {
    if (auto s = store.db()->IngestExternalFiles(args); !s.ok()) {
      return engine::FromRocks(s, absl::StrCat("ingesting into ", store.dir()));
    }
  }
  report.ingest_seconds = Since(phase);
  // After the ingestion, never before: a file must not show edges that the
  // store does not have. From the run when it is all in memory.
  if (options.write_adjacency && out_paths.empty() && in_paths.empty() &&
      node_count < engine::kLow32) {
    phase = std::chrono::steady_clock::now();
    absl::Status s = engine::WriteLoadAdjacency(
        store.dir(), {out_sorted.data(), last_edges}, {buffer.data(), last_edges}, node_count,
        nodes->empty() ? 0 : nodes->front().id, ranks.contiguous() ? nullptr : node_ids.data(),
        store.db()->GetLatestSequenceNumber());
    if (!s.ok()) {
      return absl::Status(s.code(), absl::StrCat("graph loaded, but no adjacency file written: ",
                                                 s.message()));
    }
    report.adjacency_seconds = Since(phase);
    *adjacency_written = true;
  }
  return report;
}

}  // namespace

absl::StatusOr<BulkLoadReport> BulkLoad(Store& store, const std::string& nodes_csv,
                                        const std::string& edges_csv,
                                        const BulkLoadOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  auto* rocks = dynamic_cast<RocksStore*>(&store);
  if (rocks == nullptr) {
    return absl::UnimplementedError("a bulk load needs a store made by Store::Open");
  }
  if (rocks->read_only()) {
    return absl::FailedPreconditionError(
        absl::StrCat("a bulk load writes: ", store.dir(), " is open read-only"));
  }
  // Runs and SST files are written beside the database (same file system,
  // so ingestion links them instead of copying) and removed in any case.
  const std::string tmp = store.dir() + "/bulk_load.tmp";
  std::error_code ec;
  std::filesystem::remove_all(tmp, ec);
  std::filesystem::create_directories(tmp, ec);
  if (ec) return absl::InternalError(absl::StrCat("cannot create ", tmp, ": ", ec.message()));
  bool adjacency_written = false;
  absl::StatusOr<BulkLoadReport> report =
      Load(*rocks, nodes_csv, edges_csv, options, tmp, &adjacency_written);
  std::filesystem::remove_all(tmp, ec);
  if (report.ok() && options.write_adjacency && !adjacency_written) {
    // Spilled runs: the file from one scan of the loaded store instead.
    const auto phase = std::chrono::steady_clock::now();
    absl::StatusOr<AdjacencyFileReport> adjacency = CompactAdjacency(store);
    if (!adjacency.ok()) {
      return absl::Status(adjacency.status().code(),
                          absl::StrCat("graph loaded, but no adjacency file written: ",
                                       adjacency.status().message()));
    }
    report->adjacency_seconds = Since(phase);
  }
  if (report.ok()) report->seconds = Since(start);
  return report;
}

absl::StatusOr<BulkLoadReport> BulkLoad(const std::string& dir, const std::string& nodes_csv,
                                        const std::string& edges_csv,
                                        const BulkLoadOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  absl::StatusOr<std::unique_ptr<RocksStore>> store = RocksStore::OpenRocks(dir, StoreOptions{});
  if (!store.ok()) return store.status();
  absl::StatusOr<BulkLoadReport> report = BulkLoad(**store, nodes_csv, edges_csv, options);
  if (report.ok()) report->seconds = Since(start);  // the open counted too, as before
  return report;
}

}  // namespace newsgraph
