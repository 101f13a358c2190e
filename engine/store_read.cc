// Point reads, node/article scans, FindNodes and Stats of RocksStore.
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "engine/keys.h"
#include "engine/range_iterator.h"
#include "engine/rocks_store.h"
#include "engine/status.h"
#include "schema/ontology.h"

namespace newsgraph::engine {

absl::StatusOr<bool> RocksStore::ReadValue(Cf which, absl::string_view key, std::string* value,
                                           const rocksdb::Snapshot* snapshot) const {
  rocksdb::ReadOptions options;
  options.snapshot = snapshot;
  const rocksdb::Status s = db_->Get(options, cf(which), rocksdb::Slice(key.data(), key.size()),
                                     value);
  if (s.IsNotFound()) return false;
  if (!s.ok()) return FromRocks(s, absl::StrCat("reading ", dir_));
  return true;
}

absl::StatusOr<bool> RocksStore::KeyExists(Cf which, absl::string_view key) const {
  std::string ignored;
  return ReadValue(which, key, &ignored);
}

template <typename Message>
absl::StatusOr<std::optional<Message>> RocksStore::ReadMessage(Cf which,
                                                               absl::string_view key) const {
  std::string value;
  absl::StatusOr<bool> found = ReadValue(which, key, &value);
  if (!found.ok()) return found.status();
  if (!*found) return std::optional<Message>();
  Message message;
  if (!message.ParseFromString(value)) {
    return absl::DataLossError(
        absl::StrCat("unreadable ", Message::descriptor()->name(), " record in ", dir_));
  }
  return std::optional<Message>(std::move(message));
}

absl::StatusOr<std::optional<pb::Node>> RocksStore::GetNode(uint64_t id) const {
  return ReadMessage<pb::Node>(kNode, keys::NodeKey(id));
}

absl::StatusOr<std::optional<pb::Evidence>> RocksStore::GetEvidence(uint64_t id) const {
  return ReadMessage<pb::Evidence>(kEvidence, keys::EvidenceKey(id));
}

absl::StatusOr<std::optional<pb::Article>> RocksStore::GetArticle(absl::string_view id) const {
  return ReadMessage<pb::Article>(kArticle, keys::ArticleKey(id));
}

absl::StatusOr<std::optional<std::string>> RocksStore::GetMeta(absl::string_view key) const {
  std::string value;
  absl::StatusOr<bool> found = ReadValue(kDefault, key, &value);
  if (!found.ok()) return found.status();
  if (!*found) return std::optional<std::string>();
  return std::optional<std::string>(std::move(value));
}

absl::StatusOr<std::vector<uint64_t>> RocksStore::FindNodes(pb::NodeKind kind,
                                                            absl::string_view name) const {
  std::vector<uint64_t> ids;
  const std::string normalized = NormalizeName(name);
  if (normalized.empty()) return ids;  // empty names are never indexed
  std::string prefix = keys::NamePrefix(kind, normalized);
  std::string upper = keys::PrefixSuccessor(prefix);
  RangeIterator it(db_.get(), cf(kName), std::move(prefix), std::move(upper));
  for (; it->Valid(); it->Next()) {
    const std::optional<uint64_t> id = keys::DecodeNameKeyNode(View(it->key()));
    if (!id) return absl::DataLossError(absl::StrCat("malformed name key in ", dir_));
    ids.push_back(*id);
  }
  if (!it->status().ok()) return FromRocks(it->status(), "scanning names");
  return ids;
}

namespace {

// Hands every record of column family `which`, parsed as a `Record`, to
// `visit` until it returns false. `name` names a record in the error for an
// unreadable one ("Node"), `plural` the scan in a RocksDB error ("nodes").
template <typename Record, typename Visit>
absl::Status ScanRecords(const RocksStore& store, RocksStore::Cf which, absl::string_view name,
                         absl::string_view plural, const Visit& visit) {
  RangeIterator it(store.db(), store.handle(which), "", "");
  Record record;  // reused: parsing into it keeps its fields' memory
  for (; it->Valid(); it->Next()) {
    if (!record.ParseFromArray(it->value().data(), static_cast<int>(it->value().size()))) {
      return absl::DataLossError(absl::StrCat("unreadable ", name, " record in ", store.dir()));
    }
    if (!visit(record)) return absl::OkStatus();
  }
  return FromRocks(it->status(), absl::StrCat("scanning ", plural));
}

}  // namespace

absl::Status RocksStore::ScanNodes(pb::NodeKind kind,
                                   const std::function<bool(const pb::Node&)>& visit) const {
  return ScanRecords<pb::Node>(*this, kNode, "Node", "nodes", [&](const pb::Node& node) {
    if (kind != pb::NODE_KIND_UNSPECIFIED && node.kind() != kind) return true;  // skipped
    return visit(node);
  });
}

absl::Status RocksStore::ScanArticles(const std::function<bool(const pb::Article&)>& visit) const {
  return ScanRecords<pb::Article>(*this, kArticle, "Article", "articles", visit);
}

absl::Status RocksStore::ScanEvidence(const std::function<bool(const pb::Evidence&)>& visit) const {
  return ScanRecords<pb::Evidence>(*this, kEvidence, "Evidence", "evidence", visit);
}

absl::StatusOr<uint64_t> RocksStore::ReadCount(absl::string_view key) const {
  std::string value;
  absl::StatusOr<bool> found = ReadValue(kDefault, key, &value);
  if (!found.ok()) return found.status();
  if (!*found) return 0;
  if (value.size() != 8) return absl::DataLossError(absl::StrCat("malformed ", key));
  return keys::ReadU64(value, 0);
}

absl::StatusOr<StoreStats> RocksStore::Stats() const {
  // Commit keeps the totals under meta/count/, so this reads a few rows.
  StoreStats stats;
  std::string lower(keys::kMetaCountPrefix);
  std::string upper = keys::PrefixSuccessor(lower);
  RangeIterator it(db_.get(), cf(kDefault), std::move(lower), std::move(upper));
  for (; it->Valid(); it->Next()) {
    absl::string_view key = View(it->key());
    const absl::string_view value = View(it->value());
    if (value.size() != 8) return absl::DataLossError(absl::StrCat("malformed ", key));
    const uint64_t count = keys::ReadU64(value, 0);
    if (count == 0) continue;
    if (key == keys::kArticleCountKey) {
      stats.articles = count;
      continue;
    }
    if (key == keys::kEvidenceCountKey) {
      stats.evidence = count;
      continue;
    }
    key.remove_prefix(keys::kMetaCountPrefix.size());
    int number = 0;
    if (absl::ConsumePrefix(&key, "node/") && absl::SimpleAtoi(key, &number)) {
      std::string name = NodeKindName(static_cast<pb::NodeKind>(number));
      stats.nodes_by_kind[name.empty() ? absl::StrCat(number) : name] += count;
    } else if (absl::ConsumePrefix(&key, "edge/") && absl::SimpleAtoi(key, &number)) {
      std::string name = EdgeTypeName(static_cast<pb::EdgeType>(number));
      stats.edges_by_type[name.empty() ? absl::StrCat(number) : name] += count;
    }
  }
  if (!it->status().ok()) return FromRocks(it->status(), "reading stats");
  return stats;
}

}  // namespace newsgraph::engine
