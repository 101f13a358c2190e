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

struct NodeLine {
  uint64_t id;
  pb::NodeKind kind;
  int64_t line;
};

// Which ids are nodes: a bitmap when ids are dense enough, else a sorted
// list (ids are u64 and may be sparse).
class NodeIdSet {
 public:
  explicit NodeIdSet(const std::vector<NodeLine>& sorted_nodes) {
    const uint64_t max_id = sorted_nodes.empty() ? 0 : sorted_nodes.back().id;
    if (max_id <= 64 * sorted_nodes.size() + (uint64_t{1} << 20)) {
      bits_.assign(max_id / 64 + 1, 0);
      for (const NodeLine& n : sorted_nodes) bits_[n.id / 64] |= uint64_t{1} << (n.id % 64);
    } else {
      for (const NodeLine& n : sorted_nodes) sorted_.push_back(n.id);
    }
  }
  bool Contains(uint64_t id) const {
    if (sorted_.empty()) {
      return id / 64 < bits_.size() && (bits_[id / 64] >> (id % 64)) & 1;
    }
    return std::binary_search(sorted_.begin(), sorted_.end(), id);
  }

 private:
  std::vector<uint64_t> bits_;
  std::vector<uint64_t> sorted_;
};

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

absl::StatusOr<std::vector<NodeLine>> ReadNodes(const std::string& path) {
  std::vector<NodeLine> nodes;
  absl::Status read = engine::ReadNodesCsv(path, [&](const engine::NodeRow& row, int64_t line) {
    nodes.push_back({row.id, row.kind, line});
    return absl::OkStatus();
  });
  if (!read.ok()) return read;
  std::sort(nodes.begin(), nodes.end(), [](const NodeLine& a, const NodeLine& b) {
    return a.id != b.id ? a.id < b.id : a.line < b.line;
  });
  for (size_t i = 1; i < nodes.size(); ++i) {
    if (nodes[i].id == nodes[i - 1].id) {
      return engine::CsvError(path, nodes[i].line,
                              absl::StrCat("duplicate node id ", nodes[i].id, " (first at line ",
                                           nodes[i - 1].line, ")"));
    }
  }
  return nodes;
}

absl::StatusOr<std::vector<std::string>> WriteNodeSst(RocksStore& store,
                                                      const std::vector<NodeLine>& nodes,
                                                      const std::string& path) {
  if (nodes.empty()) return std::vector<std::string>();
  rocksdb::SstFileWriter writer(rocksdb::EnvOptions(), SstOptions(store, RocksStore::kNode));
  if (auto s = writer.Open(path); !s.ok()) return engine::FromRocks(s, path);
  pb::Node node;
  std::string value;
  for (const NodeLine& n : nodes) {
    node.set_id(n.id);
    node.set_kind(n.kind);
    node.SerializeToString(&value);
    if (auto s = writer.Put(keys::NodeKey(n.id), value); !s.ok()) {
      return engine::FromRocks(s, path);
    }
  }
  if (auto s = writer.Finish(); !s.ok()) return engine::FromRocks(s, path);
  return std::vector<std::string>{path};
}

// Sorts `run` in both key orders and, unless it is the last run (kept in
// memory for the merge), spills both. Two threads: one per order.
absl::Status FinishRun(std::vector<EdgeRecord>* out_run, std::vector<EdgeRecord>* in_run,
                       std::vector<EdgeRecord>* out_scratch, std::vector<EdgeRecord>* in_scratch,
                       uint64_t id_bound, bool spill, const std::string& tmp, int index,
                       std::vector<std::string>* out_paths, std::vector<std::string>* in_paths) {
  in_run->resize(out_run->size());
  for (size_t i = 0; i < out_run->size(); ++i) {
    const EdgeRecord& r = (*out_run)[i];
    (*in_run)[i] = EdgeRecord{r.other, r.node, r.seq, r.type};
  }
  const std::string out_path = absl::StrCat(tmp, "/out-run-", index);
  const std::string in_path = absl::StrCat(tmp, "/in-run-", index);
  absl::Status in_status;
  std::thread in_thread([&] {
    engine::SortRun(in_run, id_bound, in_scratch);
    if (spill) in_status = engine::SpillRun(*in_run, in_path);
  });
  engine::SortRun(out_run, id_bound, out_scratch);
  absl::Status out_status = spill ? engine::SpillRun(*out_run, out_path) : absl::OkStatus();
  in_thread.join();
  if (!out_status.ok()) return out_status;
  if (!in_status.ok()) return in_status;
  if (spill) {
    out_paths->push_back(out_path);
    in_paths->push_back(in_path);
    out_run->clear();
  }
  return absl::OkStatus();
}

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
  absl::StatusOr<std::vector<NodeLine>> nodes = ReadNodes(nodes_csv);
  if (!nodes.ok()) return nodes.status();
  std::vector<uint64_t> by_kind(pb::NodeKind_ARRAYSIZE, 0);
  for (const NodeLine& n : *nodes) ++by_kind[n.kind];
  report.nodes = nodes->size();

  // Edges: cut into runs of options.run_edges, each sorted both ways.
  const NodeIdSet ids(*nodes);
  const uint64_t id_bound = nodes->empty() ? 0 : nodes->back().id + 1;
  const uint64_t first_seq = store.AllocateEdgeSeqs(0);
  const size_t run_edges = std::max<size_t>(options.run_edges, 1);
  std::vector<uint64_t> by_type(pb::EdgeType_ARRAYSIZE, 0);
  std::vector<EdgeRecord> out_run;
  std::vector<EdgeRecord> in_run;
  // Sort buffers live as long as the load: fresh pages for every run
  // would cost a page fault each.
  std::vector<EdgeRecord> out_scratch;
  std::vector<EdgeRecord> in_scratch;
  std::vector<std::string> out_paths;
  std::vector<std::string> in_paths;
  // Reserved whole: untouched pages cost nothing, regrowth copies would.
  out_run.reserve(run_edges);
  absl::Status read = engine::ReadEdgesCsv(
      edges_csv, [&](const engine::EdgeRow& row, int64_t line) -> absl::Status {
        for (uint64_t end : {row.src, row.dst}) {
          if (!ids.Contains(end)) {
            return engine::CsvError(edges_csv, line,
                                    absl::StrCat("node ", end, " is not in ", nodes_csv));
          }
        }
        if (out_run.size() == run_edges) {
          const auto sort_start = std::chrono::steady_clock::now();
          absl::Cleanup timed = [&] { report.sort_seconds += Since(sort_start); };
          if (absl::Status s = FinishRun(&out_run, &in_run, &out_scratch, &in_scratch, id_bound,
                                         /*spill=*/true, tmp, report.runs++, &out_paths, &in_paths);
              !s.ok()) {
            return s;
          }
        }
        out_run.push_back(
            {row.src, row.dst, first_seq + report.edges++, static_cast<uint16_t>(row.type)});
        ++by_type[row.type];
        return absl::OkStatus();
      });
  if (!read.ok()) return read;
  report.read_seconds = Since(phase) - report.sort_seconds;
  phase = std::chrono::steady_clock::now();
  if (!out_run.empty()) {
    if (absl::Status s = FinishRun(&out_run, &in_run, &out_scratch, &in_scratch, id_bound,
                                   /*spill=*/false, tmp, report.runs++, &out_paths, &in_paths);
        !s.ok()) {
      return s;
    }
  }

  report.sort_seconds += Since(phase);
  phase = std::chrono::steady_clock::now();

  // Merge each direction into its SST files, one thread per direction.
  absl::StatusOr<std::vector<std::string>> in_files;
  std::thread in_thread([&] {
    in_files = engine::MergeRunsToSst(in_paths, std::move(in_run), /*out_direction=*/false,
                                      SstOptions(store, RocksStore::kIn), tmp + "/in");
  });
  absl::StatusOr<std::vector<std::string>> out_files =
      engine::MergeRunsToSst(out_paths, std::move(out_run), /*out_direction=*/true,
                             SstOptions(store, RocksStore::kOut), tmp + "/out");
  absl::StatusOr<std::vector<std::string>> node_files =
      WriteNodeSst(store, *nodes, tmp + "/node.sst");
  in_thread.join();
  for (const auto* files : {&out_files, &in_files, &node_files}) {
    if (!files->ok()) return files->status();
  }

  report.write_seconds = Since(phase);
  phase = std::chrono::steady_clock::now();

  // Counters first: if the process dies after this, ids are only skipped.
  if (!nodes->empty()) store.ReserveNodeId(nodes->back().id);
  store.AllocateEdgeSeqs(report.edges);
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
