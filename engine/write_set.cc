#include "engine/write_set.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "engine/adjacency_log.h"
#include "engine/keys.h"
#include "engine/rocks_store.h"

namespace newsgraph::engine {
namespace {

rocksdb::Slice AsSlice(absl::string_view s) { return rocksdb::Slice(s.data(), s.size()); }

}  // namespace

uint64_t WriteSetImpl::NewNodeId() { return store_->AllocateNodeId(); }

uint64_t WriteSetImpl::NewEvidenceId() { return store_->AllocateEvidenceId(); }

bool WriteSetImpl::Stored(int cf, absl::string_view key) {
  absl::StatusOr<bool> found = store_->KeyExists(static_cast<RocksStore::Cf>(cf), key);
  if (!found.ok()) {
    if (error_.ok()) error_ = found.status();
    return false;
  }
  return *found;
}

void WriteSetImpl::PutNode(const pb::Node& node) {
  store_->ReserveNodeId(node.id());
  const bool seen = nodes_.count(node.id()) > 0;
  if (!seen && !Stored(RocksStore::kNode, keys::NodeKey(node.id()))) ++nodes_added_;
  nodes_[node.id()] = node;
}

std::string OutValue(const pb::Edge& edge) {
  pb::Edge stored = edge;
  stored.clear_src();
  stored.clear_dst();
  stored.clear_type();
  return stored.SerializeAsString();
}

void WriteSetImpl::PutEdge(const pb::Edge& edge) {
  // Every PutEdge is a new edge: its seq makes the key unique even when
  // type, day and endpoints repeat.
  const uint64_t seq = store_->AllocateEdgeSeq();
  pb::InStub stub;
  stub.set_end_day(edge.time().to_day());
  stub.set_confidence(edge.confidence());
  stub.set_factuality(edge.factuality());
  batch_.Put(store_->cf(RocksStore::kOut), keys::OutKey(edge, seq), OutValue(edge));
  batch_.Put(store_->cf(RocksStore::kIn), keys::InKey(edge, seq), stub.SerializeAsString());
  AppendLogEdge(&log_edges_, edge.src(), edge.dst());
  ++edges_by_type_[static_cast<int>(edge.type())];
  ++edges_added_;
}

void WriteSetImpl::PutEvidence(const pb::Evidence& evidence) {
  store_->ReserveEvidenceId(evidence.id());
  const std::string key = keys::EvidenceKey(evidence.id());
  if (evidence_ids_.insert(evidence.id()).second && !Stored(RocksStore::kEvidence, key)) {
    ++evidence_added_;
  }
  batch_.Put(store_->cf(RocksStore::kEvidence), key, evidence.SerializeAsString());
}

void WriteSetImpl::PutArticle(const pb::Article& article) {
  article_ids_.insert(article.id());
  batch_.Put(store_->cf(RocksStore::kArticle), keys::ArticleKey(article.id()),
             article.SerializeAsString());
}

void WriteSetImpl::PutMeta(absl::string_view key, absl::string_view value) {
  if (absl::StartsWith(key, keys::kMetaReservedPrefix)) {
    if (error_.ok()) {
      error_ = absl::InvalidArgumentError(
          absl::StrCat("meta key \"", key, "\" is reserved (starts with \"",
                       keys::kMetaReservedPrefix, "\")"));
    }
    return;
  }
  batch_.Put(store_->cf(RocksStore::kDefault), AsSlice(key), AsSlice(value));
}

}  // namespace newsgraph::engine
