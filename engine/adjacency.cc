#include "engine/adjacency.h"

#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "engine/keys.h"
#include "engine/rocks_store.h"
#include "engine/status.h"
#include "rocksdb/db.h"

namespace newsgraph::engine {
namespace {

// Next() calls tried before a Seek() when the wanted node lies ahead of
// the iterator: a step costs a key comparison, a seek a descent through
// every level's index, so in a dense frontier stepping wins.
constexpr int kMaxSteps = 16;
constexpr uint64_t kMaxNodeGap = 2;

class RocksAdjacencyReader final : public AdjacencyReader {
 public:
  explicit RocksAdjacencyReader(const RocksStore& store)
      : store_(store), view_(store), id_bound_(store.NodeIdBound()) {}
  ~RocksAdjacencyReader() override {
    for (Cursor& cursor : cursors_) cursor.it.reset();  // before the view's snapshot goes
  }

  uint64_t id_bound() const override { return id_bound_; }

  absl::Status Expand(absl::Span<const uint64_t> sorted_nodes, Direction direction,
                      absl::FunctionRef<bool(uint64_t, uint64_t)> visit) override;

 private:
  // One iterator per direction with what is known of its position: when
  // `exact` is set it stands on the first key of node `at` or beyond, and
  // no node in [lower, at) has edges.
  struct Cursor {
    std::unique_ptr<rocksdb::Iterator> it;
    bool exact = false;
    uint64_t lower = 0;
  };

  Cursor& CursorFor(Direction direction);
  // Moves `cursor` to the first key of node >= `node`.
  void Position(Cursor& cursor, uint64_t node);

  const RocksStore& store_;
  const RocksStore::ReadView view_;
  const uint64_t id_bound_;
  Cursor cursors_[2];
};

RocksAdjacencyReader::Cursor& RocksAdjacencyReader::CursorFor(Direction direction) {
  Cursor& cursor = cursors_[direction == Direction::kOut ? 0 : 1];
  if (cursor.it == nullptr) {
    rocksdb::ReadOptions options;
    options.snapshot = view_.snapshot();
    // One iterator crosses many nodes' prefixes, so no prefix mode.
    options.total_order_seek = true;
    cursor.it.reset(store_.db()->NewIterator(
        options, store_.handle(direction == Direction::kOut ? RocksStore::kOut : RocksStore::kIn)));
  }
  return cursor;
}

void RocksAdjacencyReader::Position(Cursor& cursor, uint64_t node) {
  rocksdb::Iterator* it = cursor.it.get();
  if (cursor.exact && node >= cursor.lower) {
    for (int step = 0; step <= kMaxSteps; ++step) {
      if (!it->Valid()) return;  // no node >= lower has edges
      const rocksdb::Slice key = it->key();
      if (key.size() != keys::kEdgeKeyLength) return;  // reported by Expand
      const uint64_t at = keys::EdgeKeyNode(key.data());
      if (at >= node) return;
      // Only nodes just ahead are worth stepping to: further ones have
      // more nodes' edges in between than the steps allowed.
      if (step == 0 && node - at > kMaxNodeGap) break;
      if (step < kMaxSteps) it->Next();
    }
  }
  const std::string target = keys::NodePrefix(node);
  it->Seek(target);
  cursor.exact = true;
  cursor.lower = node;
}

absl::Status RocksAdjacencyReader::Expand(absl::Span<const uint64_t> sorted_nodes,
                                          Direction direction,
                                          absl::FunctionRef<bool(uint64_t, uint64_t)> visit) {
  Cursor& cursor = CursorFor(direction);
  rocksdb::Iterator* it = cursor.it.get();
  for (size_t i = 0; i < sorted_nodes.size(); ++i) {
    const uint64_t node = sorted_nodes[i];
    if (i > 0 && node == sorted_nodes[i - 1]) continue;
    Position(cursor, node);
    while (it->Valid()) {
      const rocksdb::Slice key = it->key();
      if (key.size() != keys::kEdgeKeyLength) {
        return absl::DataLossError(absl::StrCat("malformed edge key in ", store_.dir()));
      }
      if (keys::EdgeKeyNode(key.data()) != node) break;
      if (!visit(node, keys::EdgeKeyOther(key.data()))) {
        cursor.exact = false;  // stopped inside a node's edges
        return absl::OkStatus();
      }
      it->Next();
    }
    if (!it->status().ok()) {
      cursor.exact = false;
      return FromRocks(it->status(), "scanning adjacency");
    }
    cursor.lower = node + 1;
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::unique_ptr<AdjacencyReader>> AdjacencyReader::Create(const Store& store) {
  const auto* rocks = dynamic_cast<const RocksStore*>(&store);
  if (rocks == nullptr) {
    return absl::UnimplementedError("adjacency reads need the RocksDB store of Store::Open");
  }
  return std::unique_ptr<AdjacencyReader>(new RocksAdjacencyReader(*rocks));
}

}  // namespace newsgraph::engine
