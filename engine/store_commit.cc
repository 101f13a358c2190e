// RocksStore::Commit: a write set, its derived rows and the counters in one
// synced WriteBatch, so an article is stored completely or not at all.
#include <string>
#include <utility>

#include "absl/container/btree_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "engine/keys.h"
#include "engine/rocks_store.h"
#include "engine/status.h"
#include "engine/write_set.h"

namespace newsgraph::engine {
namespace {

// The distinct non-empty normalised forms of a node's name and aliases:
// the `name` rows it should have.
absl::flat_hash_set<std::string> IndexedNames(const pb::Node& node) {
  absl::flat_hash_set<std::string> names;
  auto add = [&names](const std::string& name) {
    std::string normalized = NormalizeName(name);
    if (!normalized.empty()) names.insert(std::move(normalized));
  };
  add(node.name());
  for (const std::string& alias : node.aliases()) add(alias);
  return names;
}

std::string EncodeCount(uint64_t count) {
  std::string value;
  keys::AppendU64(&value, count);
  return value;
}

}  // namespace

std::unique_ptr<WriteSet> RocksStore::NewWriteSet() {
  return std::make_unique<WriteSetImpl>(this);
}

absl::Status RocksStore::Commit(WriteSet& writes) {
  if (read_only_) {
    return absl::FailedPreconditionError(absl::StrCat("store ", dir_, " is open read-only"));
  }
  auto* set = dynamic_cast<WriteSetImpl*>(&writes);
  if (set == nullptr || set->store_ != this) {
    return absl::InvalidArgumentError("write set was not made by this store");
  }
  if (set->committed_) return absl::FailedPreconditionError("write set already committed");
  if (!set->error_.ok()) return set->error_;

  const std::lock_guard<std::mutex> lock(commit_mu_);
  // After a failed write RocksDB is stopped; touching its writers again
  // trips assertions in Debian's build. The first error stands.
  if (!write_error_.ok()) return write_error_;
  // A copy, so that a failed commit leaves the set as it was.
  rocksdb::WriteBatch batch(set->batch_);
  if (absl::Status built = BuildCommitBatch(*set, &batch); !built.ok()) return built;
  rocksdb::WriteOptions options;
  // Synced: durable before Commit returns, even across a power loss.
  // Unsynced: still atomic, and kept across a process crash (StoreOptions).
  options.sync = sync_commits_;
  const rocksdb::Status s = db_->Write(options, &batch);
  if (!s.ok()) {
    write_error_ = FromRocks(s, absl::StrCat("committing to ", dir_));
    return write_error_;
  }
  set->committed_ = true;
  if (!set->log_edges_.empty()) ++next_log_commit_;
  return absl::OkStatus();
}

absl::Status RocksStore::BuildCommitBatch(WriteSetImpl& set, rocksdb::WriteBatch* batch) {
  // Changes of the meta/count/ totals; btree for a deterministic batch.
  absl::btree_map<std::string, int64_t> deltas;

  uint64_t nodes_added = 0;
  for (const auto& [id, node] : set.nodes_) {
    absl::StatusOr<std::optional<pb::Node>> stored = GetNode(id);
    if (!stored.ok()) return stored.status();
    const absl::flat_hash_set<std::string> names = IndexedNames(node);
    absl::flat_hash_set<std::string> kept;  // name rows already right
    if (stored->has_value()) {
      const pb::Node& before = **stored;
      const bool same_kind = before.kind() == node.kind();
      if (!same_kind) {
        --deltas[keys::NodeCountKey(before.kind())];
        ++deltas[keys::NodeCountKey(node.kind())];
      }
      for (const std::string& name : IndexedNames(before)) {
        if (same_kind && names.contains(name)) {
          kept.insert(name);
        } else {
          batch->Delete(cf(kName), keys::NameKey(before.kind(), name, id));
        }
      }
    } else {
      ++nodes_added;
      ++deltas[keys::NodeCountKey(node.kind())];
    }
    for (const std::string& name : names) {
      if (!kept.contains(name)) batch->Put(cf(kName), keys::NameKey(node.kind(), name, id), "");
    }
    batch->Put(cf(kNode), keys::NodeKey(id), node.SerializeAsString());
  }

  uint64_t evidence_added = 0;
  for (const uint64_t id : set.evidence_ids_) {
    absl::StatusOr<bool> stored = KeyExists(kEvidence, keys::EvidenceKey(id));
    if (!stored.ok()) return stored.status();
    if (!*stored) ++evidence_added;
  }
  deltas[std::string(keys::kEvidenceCountKey)] += static_cast<int64_t>(evidence_added);

  for (const std::string& id : set.article_ids_) {
    absl::StatusOr<bool> stored = KeyExists(kArticle, keys::ArticleKey(id));
    if (!stored.ok()) return stored.status();
    if (!*stored) ++deltas[std::string(keys::kArticleCountKey)];
  }

  for (const auto& [type, count] : set.edges_by_type_) {
    deltas[keys::EdgeCountKey(static_cast<pb::EdgeType>(type))] += static_cast<int64_t>(count);
  }

  for (const auto& [key, delta] : deltas) {
    if (delta == 0) continue;
    absl::StatusOr<uint64_t> current = ReadCount(key);
    if (!current.ok()) return current.status();
    const int64_t updated = static_cast<int64_t>(*current) + delta;
    batch->Put(cf(kDefault), key, EncodeCount(updated < 0 ? 0 : static_cast<uint64_t>(updated)));
  }

  // The edges' log row, numbered in commit order (commit_mu_ is held).
  if (!set.log_edges_.empty()) {
    batch->Put(cf(kDefault), keys::AdjLogKey(next_log_commit_), set.log_edges_);
  }

  // The counters as they stand, including ids handed to sets not yet
  // committed (or dropped): those ids stay used, so none is reused.
  batch->Put(cf(kDefault), std::string(keys::kMetaCounters), CountersValue());

  // The set's report now reflects the store it was committed to.
  set.nodes_added_ = nodes_added;
  set.evidence_added_ = evidence_added;
  return absl::OkStatus();
}

std::string RocksStore::CountersValue() const {
  pb::Counters counters;
  counters.set_next_node_id(next_node_id_.load());
  counters.set_next_evidence_id(next_evidence_id_.load());
  counters.set_next_edge_seq(next_edge_seq_.load());
  counters.set_schema_version(schema_version_);
  return counters.SerializeAsString();
}

absl::Status RocksStore::Sync() {
  if (read_only_) return absl::OkStatus();
  const std::lock_guard<std::mutex> lock(commit_mu_);
  if (!write_error_.ok()) return write_error_;
  const rocksdb::Status s = db_->FlushWAL(/*sync=*/true);
  if (!s.ok()) write_error_ = FromRocks(s, absl::StrCat("syncing ", dir_));
  return write_error_;
}

}  // namespace newsgraph::engine
