// RocksStore::ScanEdges: one bounded range scan of `out` or `in`;
// RocksStore::ScanAllEdges: one scan of the whole `out` column family.
#include <string>

#include "absl/strings/str_cat.h"
#include "engine/keys.h"
#include "engine/range_iterator.h"
#include "engine/rocks_store.h"
#include "engine/status.h"
#include "rocksdb/snapshot.h"

namespace newsgraph::engine {

absl::Status RocksStore::ScanEdges(uint64_t node, Direction direction, const EdgeFilter& filter,
                                   const std::function<bool(const pb::Edge&)>& visit) const {
  if (filter.from_day > filter.to_day) return absl::OkStatus();
  // In-edges read two rows (the `in` stub, then the `out` edge); one
  // snapshot keeps both from the same state of the store.
  const ReadView snapshot(*this);
  const Cf which = direction == Direction::kOut ? kOut : kIn;
  const bool one_type = filter.type != pb::EDGE_TYPE_UNSPECIFIED;
  const auto type = static_cast<uint16_t>(filter.type);

  // One type: the bounds are exactly node·type·[from_day, to_day]. Every
  // type: the bounds are the node's prefix, and when a type's keys leave the
  // window the iterator seeks to the window of the next type, so keys
  // outside the window are at most touched once per type, never visited.
  RangeIterator it(db_.get(), cf(which), keys::EdgeScanLower(node, type, filter.from_day),
                   one_type ? keys::EdgeScanUpper(node, type, filter.to_day)
                            : keys::NodeScanUpper(node),
                   /*within_prefix=*/true, snapshot.snapshot());
  pb::Edge edge;
  std::string out_value;
  while (it->Valid()) {
    if (filter.keys_read != nullptr) ++*filter.keys_read;
    const std::optional<keys::EdgeKey> key = keys::DecodeEdgeKey(View(it->key()));
    if (!key || key->node != node) {
      return absl::DataLossError(absl::StrCat("malformed edge key in ", dir_));
    }
    if (key->start_day < filter.from_day) {
      it->Seek(keys::EdgeScanLower(node, key->type, filter.from_day));
      continue;
    }
    if (key->start_day > filter.to_day) {
      if (key->type == UINT16_MAX) break;
      it->Seek(keys::EdgeScanLower(node, key->type + 1, filter.from_day));
      continue;
    }
    rocksdb::Slice value = it->value();
    if (direction == Direction::kIn) {
      absl::StatusOr<bool> found = ReadValue(kOut, keys::EncodeEdgeKey(keys::Mirror(*key)),
                                             &out_value, snapshot.snapshot());
      if (!found.ok()) return found.status();
      if (!*found) {
        return absl::DataLossError(
            absl::StrCat("in-edge of node ", node, " has no out-edge in ", dir_));
      }
      value = out_value;
    }
    if (!edge.ParseFromArray(value.data(), static_cast<int>(value.size()))) {
      return absl::DataLossError(absl::StrCat("unreadable Edge record in ", dir_));
    }
    // The key holds src, dst and type; the value only the rest (OutValue).
    const bool out = direction == Direction::kOut;
    edge.set_src(out ? key->node : key->other);
    edge.set_dst(out ? key->other : key->node);
    edge.set_type(static_cast<pb::EdgeType>(key->type));
    if (!visit(edge)) return absl::OkStatus();
    it->Next();
  }
  return FromRocks(it->status(), "scanning edges");
}

absl::Status RocksStore::ScanAllEdges(const EdgeFilter& filter,
                                      const std::function<bool(const EdgeRef&)>& visit,
                                      uint64_t* sequence) const {
  const ReadView snapshot(*this);
  if (sequence != nullptr) *sequence = snapshot.sequence();
  if (filter.from_day > filter.to_day) return absl::OkStatus();
  // Keys alone carry src, type, day and dst, so no Edge record is parsed.
  // The filter is checked on every key rather than seeking past rows out of
  // the window: a whole-graph scan reads mostly sequential blocks anyway.
  RangeIterator it(db_.get(), cf(kOut), std::string(), std::string(),
                   /*within_prefix=*/false, snapshot.snapshot());
  const bool one_type = filter.type != pb::EDGE_TYPE_UNSPECIFIED;
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    const std::optional<keys::EdgeKey> key = keys::DecodeEdgeKey(View(it->key()));
    if (!key) return absl::DataLossError(absl::StrCat("malformed edge key in ", dir_));
    if (one_type && key->type != static_cast<uint16_t>(filter.type)) continue;
    if (key->start_day < filter.from_day || key->start_day > filter.to_day) continue;
    const EdgeRef ref{key->node, key->other, static_cast<pb::EdgeType>(key->type),
                      key->start_day};
    if (!visit(ref)) return absl::OkStatus();
  }
  return FromRocks(it->status(), "scanning all edges");
}

}  // namespace newsgraph::engine
