// The machinery of the bulk loader (bulk_load.cc drives it): edges are cut
// into runs, each sorted in `out` and in `in` key order and spilled to a
// file (edge_runs.cc); the runs are then merged straight into SST files.
// Nodes are read, checked and written by bulk_load_nodes.cc.
#ifndef NEWSGRAPH_ENGINE_BULK_LOAD_H_
#define NEWSGRAPH_ENGINE_BULK_LOAD_H_

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <new>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "rocksdb/options.h"
#include "schema/records.pb.h"

namespace newsgraph::engine {

// One edge as one direction's key sees it, packed in 16 bytes so that a
// run of 12M edges is 192 MB and the sorts move half the bytes they would
// with plain fields (fresh pages are the bulk loader's largest cost).
// Nodes are ranks in the sorted node list, not ids, so that they fit in 32
// bits and index the counting sort's arrays; seqs are offsets from the
// load's first seq. `hi` then `lo` ordered as integers is the key order of
// `out`/`in` (node, type, day, other, seq), the dated bit masked out.
//   hi = node rank << 32 | type << 24 | (day + kDayBias)
//   lo = other rank << 32 | dated << 31 | seq offset
// POD: runs are spilled and read back as raw bytes.
struct EdgeRecord {
  uint64_t hi;
  uint64_t lo;
};

inline constexpr int32_t kDayBias = int32_t{1} << 23;
// The packing's limits; BulkLoad reports a line beyond them.
inline constexpr int32_t kMinRecordDay = -kDayBias;
inline constexpr int32_t kMaxRecordDay = kDayBias - 1;
inline constexpr uint64_t kMaxSeqOffset = (uint64_t{1} << 31) - 1;
inline constexpr uint64_t kLow32 = 0xffffffffu;
inline constexpr uint64_t kDatedBit = uint64_t{1} << 31;

inline EdgeRecord MakeEdgeRecord(uint32_t node, uint32_t other, uint8_t type, int32_t day,
                                 bool dated, uint32_t seq_offset) {
  return {uint64_t{node} << 32 | uint64_t{type} << 24 | static_cast<uint32_t>(day + kDayBias),
          uint64_t{other} << 32 | (dated ? kDatedBit : 0) | seq_offset};
}
inline uint32_t NodeOf(const EdgeRecord& r) { return static_cast<uint32_t>(r.hi >> 32); }
inline uint32_t OtherOf(const EdgeRecord& r) { return static_cast<uint32_t>(r.lo >> 32); }
inline uint16_t TypeOf(const EdgeRecord& r) { return static_cast<uint16_t>((r.hi >> 24) & 0xff); }
inline int32_t DayOf(const EdgeRecord& r) {
  return static_cast<int32_t>(r.hi & 0xffffff) - kDayBias;
}
inline bool DatedOf(const EdgeRecord& r) { return (r.lo & kDatedBit) != 0; }
inline uint32_t SeqOffsetOf(const EdgeRecord& r) {
  return static_cast<uint32_t>(r.lo & (kDatedBit - 1));
}
// The same edge as the other direction's key sees it.
inline EdgeRecord Mirrored(const EdgeRecord& r) {
  return {(r.lo & ~kLow32) | (r.hi & kLow32), (r.hi & ~kLow32) | (r.lo & kLow32)};
}

// Asks the kernel for transparent huge pages over [data, data + bytes)
// (the 2 MB-aligned part): run buffers and CSR arrays of hundreds of
// megabytes are touched once, and 4 KB pages would cost a fault each.
void AdviseHugePages(void* data, size_t bytes);

// Makes a vector's resize leave its elements default-initialised (for a
// POD, untouched) instead of zeroed: run buffers are always written before
// they are read, and zeroing hundreds of megabytes first costs a pass.
// Large buffers are 2 MB-aligned and advised to use huge pages.
template <typename T>
struct DefaultInitAllocator : std::allocator<T> {
  template <typename U>
  struct rebind {
    using other = DefaultInitAllocator<U>;
  };
  using std::allocator<T>::allocator;
  static constexpr size_t kHugePage = size_t{2} << 20;
  T* allocate(size_t n) {
    const size_t bytes = n * sizeof(T);
    if (bytes < 4 * kHugePage) return std::allocator<T>::allocate(n);
    void* data = std::aligned_alloc(kHugePage, (bytes + kHugePage - 1) / kHugePage * kHugePage);
    if (data == nullptr) throw std::bad_alloc();
    AdviseHugePages(data, bytes);
    return static_cast<T*>(data);
  }
  void deallocate(T* data, size_t n) {
    if (n * sizeof(T) < 4 * kHugePage) {
      std::allocator<T>::deallocate(data, n);
    } else {
      std::free(data);
    }
  }
  template <typename U>
  void construct(U* p) noexcept(std::is_nothrow_default_constructible_v<U>) {
    ::new (static_cast<void*>(p)) U;
  }
  template <typename U, typename... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
};

// A run of edges.
using EdgeRun = std::vector<EdgeRecord, DefaultInitAllocator<EdgeRecord>>;

// Key order of `out`/`in`. A function object, so that std::sort inlines it
// (a function pointer halves its speed); one 128-bit comparison, which
// compiles without branches: a node's edges differ in `hi` or only in
// `lo` about as often as not, so a branch on `hi` mispredicts.
struct KeyLess {
  bool operator()(const EdgeRecord& a, const EdgeRecord& b) const {
    using u128 = unsigned __int128;
    return (u128{a.hi} << 64 | (a.lo & ~kDatedBit)) < (u128{b.hi} << 64 | (b.lo & ~kDatedBit));
  }
};

// Records as read, in file order: a slice of a run buffer.
struct RecordSpan {
  const EdgeRecord* data;
  size_t size;
};

// Writes the records of `chunks` into `sorted[0, total)`, in `out` key order,
// or in `in` key order (node and other swapped) when `mirror`. `sorted` must
// not overlap the chunks. Node ranks are below `node_count`. One thread per
// chunk: when ranks are dense enough, a counting sort by node (each thread
// counts and scatters its chunk) leaves only each node's few edges to
// compare, and those groups are sorted by node ranges in parallel;
// otherwise the records are copied and std::sort'ed.
void SortRecords(const std::vector<RecordSpan>& chunks, bool mirror, uint32_t node_count,
                 EdgeRecord* sorted);

// Writes `count` records (sorted) to `path` as raw bytes.
absl::Status SpillRun(const EdgeRecord* records, size_t count, const std::string& path);

// Node ids by rank. Huge pages (the allocator's): the merge looks ids up
// in no order.
using NodeIds = std::vector<uint64_t, DefaultInitAllocator<uint64_t>>;

// Writes the store's adjacency file (adjacency_file.h) of a load whose
// edges all sat in one in-memory run: `out_order` and `in_order` are its
// records in either key order; vertices are the node ranks, whose ids are
// first_id + rank, or ids[rank] when `ids` is given (bulk_load_adjacency.cc).
absl::Status WriteLoadAdjacency(const std::string& dir, RecordSpan out_order, RecordSpan in_order,
                                uint32_t node_count, uint64_t first_id, const uint64_t* ids,
                                uint64_t sequence);

// What the merge needs to turn records back into keys and values.
struct RunDecoding {
  // Rank -> id; nullptr when the ids are contiguous from `first_id` (the
  // usual case for generated graphs), which saves a cache miss per edge.
  const NodeIds* node_ids;
  uint64_t first_id;
  uint64_t first_seq;  // seq of offset 0
  uint64_t IdOf(uint32_t rank) const {
    return node_ids == nullptr ? first_id + rank : (*node_ids)[rank];
  }
};

// Merges the spilled runs `paths` and the sorted in-memory runs `memory`
// into SST files `<prefix>-N.sst`, in key order, for the `out` (values:
// Edge records) or `in` (values: InStubs) column family. `options` are the
// column family's, so the files get its comparator, prefix extractor and
// filters. Returns the files written.
absl::StatusOr<std::vector<std::string>> MergeRunsToSst(
    const std::vector<std::string>& paths, const std::vector<RecordSpan>& memory,
    bool out_direction, const RunDecoding& decoding, const rocksdb::Options& options,
    const std::string& prefix);

// ---- nodes (bulk_load_nodes.cc) ----

// One line of nodes.csv.
struct NodeLine {
  uint64_t id;
  pb::NodeKind kind;
  int64_t line;
};

// Reads `path` on up to `threads` threads, sorted by id. Errors:
// ReadNodesCsv's; InvalidArgument "PATH:LINE: duplicate node id" for an id
// given twice.
absl::StatusOr<std::vector<NodeLine>> ReadNodeLines(const std::string& path, int threads);

// Which ids are nodes, and each one's rank in id order: a subtraction when
// the ids are contiguous, a bitmap with a running count per word when they
// are dense enough, else a sorted list (ids are u64 and may be sparse).
// Immutable: threads may share it.
class NodeRanks {
 public:
  explicit NodeRanks(const std::vector<NodeLine>& sorted_nodes);
  // Whether the ids are first .. first + count - 1, all of them: then a
  // rank's id is first + rank.
  bool contiguous() const { return contiguous_; }
  // False when `id` is not a node.
  bool Rank(uint64_t id, uint32_t* rank) const {
    if (contiguous_) {
      if (id - first_ >= count_) return false;  // also ids below first_
      *rank = static_cast<uint32_t>(id - first_);
      return true;
    }
    if (sorted_.empty()) {
      const uint64_t word = id / 64;
      if (word >= bits_.size()) return false;
      const uint64_t below = bits_[word] & ((uint64_t{1} << (id % 64)) - 1);
      if (((bits_[word] >> (id % 64)) & 1) == 0) return false;
      *rank = word_rank_[word] + static_cast<uint32_t>(__builtin_popcountll(below));
      return true;
    }
    const auto it = std::lower_bound(sorted_.begin(), sorted_.end(), id);
    if (it == sorted_.end() || *it != id) return false;
    *rank = static_cast<uint32_t>(it - sorted_.begin());
    return true;
  }

 private:
  // Ids first_ .. first_ + count_ - 1, all of them: no table needed.
  bool contiguous_ = false;
  uint64_t first_ = 0;
  uint64_t count_ = 0;
  std::vector<uint64_t> bits_;
  std::vector<uint32_t> word_rank_;  // nodes in the words before
  std::vector<uint64_t> sorted_;
};

// Writes `nodes` (sorted) as one SST file at `path` with `options` (the
// `node` column family's); returns it, or nothing for no nodes.
absl::StatusOr<std::vector<std::string>> WriteNodeSst(const std::vector<NodeLine>& nodes,
                                                      const rocksdb::Options& options,
                                                      const std::string& path);

}  // namespace newsgraph::engine

#endif  // NEWSGRAPH_ENGINE_BULK_LOAD_H_
