// The edge log of adjacency_log.h.
#include "engine/adjacency_log.h"

#include <algorithm>
#include <string>

#include "absl/strings/str_cat.h"
#include "engine/keys.h"
#include "engine/range_iterator.h"
#include "engine/rocks_store.h"
#include "engine/status.h"

namespace newsgraph::engine {
namespace {

constexpr size_t kLogEdgeBytes = 16;

// The commit number of a log key, or false for a malformed one.
bool CommitOf(absl::string_view key, uint64_t* commit) {
  if (key.size() != keys::kAdjLogPrefix.size() + 8) return false;
  *commit = keys::ReadU64(key, keys::kAdjLogPrefix.size());
  return true;
}

}  // namespace

void AppendLogEdge(std::string* value, uint64_t src, uint64_t dst) {
  keys::AppendU64(value, src);
  keys::AppendU64(value, dst);
}

absl::StatusOr<uint64_t> LogBound(const RocksStore& store, const rocksdb::Snapshot* snapshot) {
  RangeIterator it(store.db(), store.handle(RocksStore::kDefault), std::string(keys::kAdjLogPrefix),
                   keys::PrefixSuccessor(keys::kAdjLogPrefix), /*within_prefix=*/false, snapshot);
  // Commit numbers are big-endian in the key: the last row is the newest.
  it->SeekToLast();
  if (!it->Valid()) {
    if (!it->status().ok()) return FromRocks(it->status(), "reading the edge log");
    return 0;
  }
  uint64_t commit = 0;
  if (!CommitOf(View(it->key()), &commit)) {
    return absl::DataLossError(absl::StrCat("malformed edge log key in ", store.dir()));
  }
  return commit + 1;
}

absl::Status ReadLog(const RocksStore& store, const rocksdb::Snapshot* snapshot, uint64_t from,
                     const std::function<void(uint64_t, uint64_t)>& visit, uint64_t* bound) {
  *bound = from;
  RangeIterator it(store.db(), store.handle(RocksStore::kDefault), keys::AdjLogKey(from),
                   keys::PrefixSuccessor(keys::kAdjLogPrefix), /*within_prefix=*/false, snapshot);
  for (; it->Valid(); it->Next()) {
    const absl::string_view value = View(it->value());
    uint64_t commit = 0;
    if (!CommitOf(View(it->key()), &commit) || value.size() % kLogEdgeBytes != 0) {
      return absl::DataLossError(absl::StrCat("malformed edge log row in ", store.dir()));
    }
    for (size_t at = 0; at < value.size(); at += kLogEdgeBytes) {
      visit(keys::ReadU64(value, at), keys::ReadU64(value, at + 8));
    }
    *bound = commit + 1;
  }
  return FromRocks(it->status(), "reading the edge log");
}

absl::Status TrimLog(const RocksStore& store, uint64_t below) {
  absl::StatusOr<uint64_t> bound = LogBound(store, nullptr);
  if (!bound.ok()) return bound.status();
  if (*bound == 0) return absl::OkStatus();
  below = std::min(below, *bound - 1);  // the last row stays
  if (below == 0) return absl::OkStatus();
  return FromRocks(store.db()->DeleteRange(rocksdb::WriteOptions(),
                                           store.handle(RocksStore::kDefault),
                                           keys::AdjLogKey(0), keys::AdjLogKey(below)),
                   "trimming the edge log");
}

absl::StatusOr<uint64_t> EdgeTotal(const RocksStore& store, const rocksdb::Snapshot* snapshot) {
  const std::string lower = absl::StrCat(keys::kMetaCountPrefix, "edge/");
  RangeIterator it(store.db(), store.handle(RocksStore::kDefault), lower,
                   keys::PrefixSuccessor(lower), /*within_prefix=*/false, snapshot);
  uint64_t total = 0;
  for (; it->Valid(); it->Next()) {
    if (it->value().size() != 8) {
      return absl::DataLossError(absl::StrCat("malformed edge total in ", store.dir()));
    }
    total += keys::ReadU64(View(it->value()), 0);
  }
  if (absl::Status s = FromRocks(it->status(), "reading edge totals"); !s.ok()) return s;
  return total;
}

}  // namespace newsgraph::engine
