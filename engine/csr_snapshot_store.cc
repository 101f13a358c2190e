// GraphSnapshot::FromStore: one ordered scan of the `out` keys, straight
// into the CSR arrays.
//
// The keys arrive grouped by source in id order, so the forward CSR is
// written in scan order (row starts from the per-source counts, columns in
// place); the backward CSR is a counting sort of the forward one. Nothing
// holds more than one copy of the edges at a time but the two directions
// themselves, and no per-edge allocation or Edge parse happens.
#include <algorithm>
#include <bitset>
#include <cstdint>
#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "engine/bulk_load.h"  // AdviseHugePages
#include "engine/csr_snapshot_store.h"
#include "engine/keys.h"
#include "engine/rocks_store.h"
#include "engine/status.h"
#include "newsgraph/graph_snapshot.h"
#include "rocksdb/snapshot.h"

namespace newsgraph {
namespace {

// Large sequential reads: the scan touches every block of `out` once.
constexpr size_t kScanReadahead = size_t{8} << 20;

// The edges a scan kept, grouped by source in ascending id order.
struct ScannedEdges {
  std::vector<uint64_t> sources;  // distinct, ascending
  std::vector<uint64_t> degrees;  // edges of sources[i]
  std::vector<uint64_t> targets;  // the target of every edge, source after source
  uint64_t sequence = 0;

  void Add(uint64_t src, uint64_t dst) {
    if (sources.empty() || sources.back() != src) {
      sources.push_back(src);
      degrees.push_back(0);
    }
    ++degrees.back();
    targets.push_back(dst);
  }
};

// Which keys a snapshot keeps: a type set and a start-day window.
class KeyFilter {
 public:
  explicit KeyFilter(const SnapshotOptions& options)
      : all_types_(options.types.empty()), from_day_(options.from_day), to_day_(options.to_day) {
    for (pb::EdgeType type : options.types) types_.set(static_cast<uint16_t>(type));
  }
  bool Passes(uint16_t type, int32_t day) const {
    return (all_types_ || types_.test(type)) && day >= from_day_ && day <= to_day_;
  }

 private:
  bool all_types_;
  std::bitset<65536> types_;
  int32_t from_day_;
  int32_t to_day_;
};

// Keys of `out` in [lower, upper) (an empty upper = to the end) off one
// iterator of `snapshot`, decoded in place.
absl::Status ScanRange(const engine::RocksStore& store, const rocksdb::Snapshot* snapshot,
                       const std::string& lower, const std::string& upper,
                       const KeyFilter& filter, ScannedEdges* scanned) {
  rocksdb::ColumnFamilyHandle* out = store.handle(engine::RocksStore::kOut);
  const rocksdb::Slice lower_slice(lower);
  const rocksdb::Slice upper_slice(upper);
  rocksdb::ReadOptions options;
  options.snapshot = snapshot;
  options.total_order_seek = true;
  options.iterate_lower_bound = &lower_slice;
  if (!upper.empty()) options.iterate_upper_bound = &upper_slice;
  // A whole-graph scan would only evict what point reads keep cached.
  options.fill_cache = false;
  options.readahead_size = kScanReadahead;
  std::unique_ptr<rocksdb::Iterator> it(store.db()->NewIterator(options, out));
  for (it->Seek(lower_slice); it->Valid(); it->Next()) {
    const rocksdb::Slice key = it->key();
    if (key.size() != keys::kEdgeKeyLength) {
      return absl::DataLossError(absl::StrCat("malformed edge key in ", store.dir()));
    }
    const absl::string_view view(key.data(), key.size());
    if (!filter.Passes(keys::ReadU16(view, 8), keys::ReadDay(view, 10))) continue;
    scanned->Add(keys::EdgeKeyNode(key.data()), keys::EdgeKeyOther(key.data()));
  }
  return engine::FromRocks(it->status(), "scanning all edges");
}

// A node id splitting `out` into two parts of about equal size (by
// RocksDB's estimate from the files' indexes), or 0 when not worth it.
uint64_t SplitNode(const engine::RocksStore& store) {
  rocksdb::ColumnFamilyHandle* out = store.handle(engine::RocksStore::kOut);
  auto bytes_below = [&](uint64_t node) {
    const std::string start = keys::NodePrefix(0);
    const std::string limit = keys::NodePrefix(node);
    const rocksdb::Range range(start, limit);
    uint64_t size = 0;
    store.db()->GetApproximateSizes(out, &range, 1, &size);
    return size;
  };
  uint64_t high = store.NodeIdBound();
  const uint64_t total = bytes_below(high);
  constexpr uint64_t kMinSplitBytes = uint64_t{64} << 20;
  if (total < kMinSplitBytes) return 0;
  uint64_t low = 0;
  while (high - low > 1) {
    const uint64_t mid = low + (high - low) / 2;
    (bytes_below(mid) < total / 2 ? low : high) = mid;
  }
  return high;
}

// The RocksDB store's scan: of one RocksDB snapshot, in two key ranges on
// two threads when `out` is large, joined in key order.
absl::Status ScanRocks(const engine::RocksStore& store, const engine::RocksStore::ReadView& snapshot,
                       const KeyFilter& filter, ScannedEdges* scanned) {
  scanned->sequence = snapshot.sequence();
  // Sized once from RocksDB's estimate (exact for ingested files): growing
  // by doubling would copy the targets and briefly hold them twice.
  uint64_t estimate = 0;
  store.db()->GetIntProperty(store.handle(engine::RocksStore::kOut),
                             "rocksdb.estimate-num-keys", &estimate);
  const uint64_t split = SplitNode(store);
  if (split == 0) {
    scanned->targets.reserve(estimate);
    engine::AdviseHugePages(scanned->targets.data(), estimate * sizeof(uint64_t));
    return ScanRange(store, snapshot.snapshot(), std::string(), std::string(), filter, scanned);
  }
  ScannedEdges upper;
  absl::Status upper_status;
  const std::string split_key = keys::NodePrefix(split);
  std::thread upper_thread([&] {
    upper.targets.reserve(estimate / 2 + estimate / 8);
    upper_status =
        ScanRange(store, snapshot.snapshot(), split_key, std::string(), filter, &upper);
  });
  scanned->targets.reserve(estimate);
  engine::AdviseHugePages(scanned->targets.data(), estimate * sizeof(uint64_t));
  absl::Status status =
      ScanRange(store, snapshot.snapshot(), std::string(), split_key, filter, scanned);
  upper_thread.join();
  if (!status.ok()) return status;
  if (!upper_status.ok()) return upper_status;
  // Every source of the lower range is below `split`, every one above is not.
  scanned->sources.insert(scanned->sources.end(), upper.sources.begin(), upper.sources.end());
  scanned->degrees.insert(scanned->degrees.end(), upper.degrees.begin(), upper.degrees.end());
  scanned->targets.insert(scanned->targets.end(), upper.targets.begin(), upper.targets.end());
  return absl::OkStatus();
}

// Any other Store: its generic whole-graph scan.
absl::Status ScanGeneric(const Store& store, const KeyFilter& filter, ScannedEdges* scanned) {
  return store.ScanAllEdges(
      EdgeFilter(),
      [&](const EdgeRef& edge) {
        if (filter.Passes(static_cast<uint16_t>(edge.type), edge.start_day)) {
          scanned->Add(edge.src, edge.dst);
        }
        return true;
      },
      &scanned->sequence);
}

// The distinct ids of `lists`, ascending. Dense ids (the usual case) are
// marked in a bitmap, which is linear; others are sorted.
std::vector<uint64_t> DistinctIds(std::initializer_list<const std::vector<uint64_t>*> lists) {
  uint64_t max_id = 0;
  size_t total = 0;
  for (const auto* list : lists) {
    for (uint64_t id : *list) max_id = std::max(max_id, id);
    total += list->size();
  }
  std::vector<uint64_t> ids;
  if (max_id / 64 <= total + (uint64_t{1} << 16)) {
    std::vector<uint64_t> bits(max_id / 64 + 1, 0);
    for (const auto* list : lists) {
      for (uint64_t id : *list) bits[id / 64] |= uint64_t{1} << (id % 64);
    }
    for (size_t w = 0; w < bits.size(); ++w) {
      for (uint64_t word = bits[w]; word != 0; word &= word - 1) {
        ids.push_back(w * 64 + __builtin_ctzll(word));
      }
    }
    return ids;
  }
  ids.reserve(total);
  for (const auto* list : lists) ids.insert(ids.end(), list->begin(), list->end());
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

}  // namespace

// Fills a GraphSnapshot's private CSR arrays (a friend of it).
class SnapshotBuilder {
 public:
  static absl::StatusOr<GraphSnapshot> Build(ScannedEdges scanned,
                                             const std::vector<uint64_t>& isolated,
                                             bool fill_id_range);
};

absl::StatusOr<GraphSnapshot> SnapshotBuilder::Build(ScannedEdges scanned,
                                                     const std::vector<uint64_t>& isolated,
                                                     bool fill_id_range) {
  GraphSnapshot snapshot;
  snapshot.sequence_ = scanned.sequence;
  snapshot.ids_ = DistinctIds({&scanned.sources, &scanned.targets, &isolated});
  if (fill_id_range && !snapshot.ids_.empty()) {
    const uint64_t first = snapshot.ids_.front();
    const uint64_t span = snapshot.ids_.back() - first + 1;
    if (span <= 2 * snapshot.ids_.size() + (uint64_t{1} << 16)) {
      snapshot.ids_.resize(span);
      for (uint64_t i = 0; i < span; ++i) snapshot.ids_[i] = first + i;
    }
  }
  if (snapshot.ids_.size() >= GraphSnapshot::kNoVertex) {
    return absl::InvalidArgumentError(
        absl::StrCat("too many vertices for a snapshot: ", snapshot.ids_.size()));
  }
  if (absl::Status s = snapshot.IndexIds(); !s.ok()) return s;
  const size_t n = snapshot.ids_.size();
  const size_t m = scanned.targets.size();

  CsrGraph& g = snapshot.graph_;
  g = CsrGraph(static_cast<CsrVertex>(n));
  auto& forward = g.m_forward;
  for (size_t i = 0; i < scanned.sources.size(); ++i) {
    forward.m_rowstart[snapshot.VertexOrNone(scanned.sources[i]) + 1] = scanned.degrees[i];
  }
  for (size_t v = 0; v < n; ++v) forward.m_rowstart[v + 1] += forward.m_rowstart[v];
  // Sources ascend and indices follow ids, so scan order is CSR order.
  forward.m_column.reserve(m);  // filled by push_back: no zeroing first
  engine::AdviseHugePages(forward.m_column.data(), m * sizeof(CsrVertex));
  for (size_t e = 0; e < m; ++e) forward.m_column.push_back(snapshot.VertexOrNone(scanned.targets[e]));
  std::vector<uint64_t>().swap(scanned.targets);
  // Within a source the keys are in (type, day, target) order; the CSR
  // lists targets in order, as FromEdges does, whatever the types.
  for (size_t v = 0; v < n; ++v) {
    const auto first = forward.m_column.begin() + forward.m_rowstart[v];
    const auto last = forward.m_column.begin() + forward.m_rowstart[v + 1];
    if (!std::is_sorted(first, last)) std::sort(first, last);
  }
  forward.m_edge_properties.reserve(m);
  engine::AdviseHugePages(forward.m_edge_properties.data(), m * sizeof(SnapshotEdge));
  forward.m_edge_properties.assign(m, SnapshotEdge{});

  // In-edges: a counting sort of the out-edges by target, stable, so each
  // vertex's in-edges come in source order; each keeps its out-edge index.
  auto& backward = g.m_backward;
  for (size_t e = 0; e < m; ++e) ++backward.m_rowstart[forward.m_column[e] + 1];
  for (size_t v = 0; v < n; ++v) backward.m_rowstart[v + 1] += backward.m_rowstart[v];
  backward.m_column.reserve(m);
  backward.m_edge_properties.reserve(m);
  engine::AdviseHugePages(backward.m_column.data(), m * sizeof(CsrVertex));
  engine::AdviseHugePages(backward.m_edge_properties.data(), m * sizeof(uint64_t));
  backward.m_column.resize(m);
  backward.m_edge_properties.resize(m);
  std::vector<uint64_t> fill(backward.m_rowstart.begin(), backward.m_rowstart.end() - 1);
  for (size_t u = 0; u < n; ++u) {
    for (uint64_t e = forward.m_rowstart[u]; e < forward.m_rowstart[u + 1]; ++e) {
      const uint64_t at = fill[forward.m_column[e]]++;
      backward.m_column[at] = static_cast<CsrVertex>(u);
      backward.m_edge_properties[at] = e;
    }
  }
  return snapshot;
}

namespace {

// FromStore's work; `view` is the state a RocksStore's scan reads (null for
// other stores).
absl::StatusOr<GraphSnapshot> SnapshotOf(const Store& store,
                                         const engine::RocksStore::ReadView* view,
                                         const SnapshotOptions& options) {
  if (options.from_day > options.to_day) {
    return absl::InvalidArgumentError(absl::StrCat("empty day window: ", options.from_day,
                                                   " > ", options.to_day));
  }
  std::vector<uint64_t> isolated;
  // Nodes before edges: every node listed was committed before the edge
  // scan's RocksDB snapshot, so the vertex set never runs ahead of sequence().
  if (options.include_isolated_nodes) {
    absl::Status status =
        store.ScanNodes(pb::NODE_KIND_UNSPECIFIED, [&isolated](const pb::Node& node) {
          isolated.push_back(node.id());
          return true;
        });
    if (!status.ok()) return status;
  }
  const KeyFilter filter(options);
  ScannedEdges scanned;
  const auto* rocks = dynamic_cast<const engine::RocksStore*>(&store);
  absl::Status status = rocks != nullptr && view != nullptr
                            ? ScanRocks(*rocks, *view, filter, &scanned)
                            : ScanGeneric(store, filter, &scanned);
  if (!status.ok()) return status;
  return SnapshotBuilder::Build(std::move(scanned), isolated, options.fill_id_range);
}

}  // namespace

absl::StatusOr<GraphSnapshot> GraphSnapshot::FromStore(const Store& store,
                                                       const SnapshotOptions& options) {
  const auto* rocks = dynamic_cast<const engine::RocksStore*>(&store);
  if (rocks == nullptr) return SnapshotOf(store, nullptr, options);
  const engine::RocksStore::ReadView view(*rocks);
  return SnapshotOf(store, &view, options);
}

namespace engine {

absl::StatusOr<GraphSnapshot> SnapshotAtView(const RocksStore& store,
                                             const RocksStore::ReadView& view,
                                             const SnapshotOptions& options) {
  return SnapshotOf(store, &view, options);
}

}  // namespace engine

}  // namespace newsgraph
