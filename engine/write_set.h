// WriteSetImpl: the writes of one atomic commit, gathered before
// RocksStore::Commit turns them into one synced WriteBatch.
#ifndef NEWSGRAPH_ENGINE_WRITE_SET_H_
#define NEWSGRAPH_ENGINE_WRITE_SET_H_

#include <cstdint>
#include <map>
#include <set>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "newsgraph/store.h"
#include "rocksdb/write_batch.h"
#include "schema/records.pb.h"

namespace newsgraph::engine {

class RocksStore;

// The `out` value of `edge`: the Edge without src, dst and type, which its
// key holds (ScanEdges puts them back). The bulk loader writes the same.
std::string OutValue(const pb::Edge& edge);

// Rows that need no reading of the store (edges, evidence, articles, meta)
// go straight into a WriteBatch. Nodes are kept whole until Commit, because
// their `name` rows and the kind totals depend on the version stored at
// commit time (the last PutNode of an id wins).
//
// Not thread-safe; must not outlive the store that made it.
class WriteSetImpl final : public WriteSet {
 public:
  explicit WriteSetImpl(RocksStore* store) : store_(store) {}

  uint64_t NewNodeId() override;
  uint64_t NewEvidenceId() override;
  void PutNode(const pb::Node& node) override;
  void PutEdge(const pb::Edge& edge) override;
  void PutEvidence(const pb::Evidence& evidence) override;
  void PutArticle(const pb::Article& article) override;
  void PutMeta(absl::string_view key, absl::string_view value) override;

  uint64_t nodes_added() const override { return nodes_added_; }
  uint64_t edges_added() const override { return edges_added_; }
  uint64_t evidence_added() const override { return evidence_added_; }

 private:
  friend class RocksStore;

  // Whether `key` is already stored; a failed read counts as absent and is
  // remembered in error_ (Commit then fails).
  bool Stored(int cf, absl::string_view key);

  RocksStore* const store_;
  rocksdb::WriteBatch batch_;
  std::map<uint64_t, pb::Node> nodes_;  // id order: deterministic batches
  std::set<uint64_t> evidence_ids_;
  std::set<std::string> article_ids_;
  absl::flat_hash_map<int, uint64_t> edges_by_type_;
  // The (src, dst) of every edge put: the set's edge log row (adjacency_log.h).
  std::string log_edges_;
  uint64_t nodes_added_ = 0;
  uint64_t edges_added_ = 0;
  uint64_t evidence_added_ = 0;
  absl::Status error_;  // first bad call (PutMeta of a reserved key, read error)
  bool committed_ = false;
};

}  // namespace newsgraph::engine

#endif  // NEWSGRAPH_ENGINE_WRITE_SET_H_
