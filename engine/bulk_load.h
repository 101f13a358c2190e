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

// One edge as one direction's key sees it: `node` is src for `out` and dst
// for `in`. `day` is the start day (0 for an undated edge). POD: runs are
// spilled and read back as raw bytes. 32 bytes.
struct EdgeRecord {
  uint64_t node;
  uint64_t other;
  uint64_t seq;
  int32_t day;
  uint16_t type;
  uint8_t dated;  // 1: the CSV gave a date (the Edge gets a time span)
};

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

// Key order of `out`/`in`: node, type, day, other, seq. A function object,
// so that std::sort inlines it (a function pointer halves its speed).
struct KeyLess {
  bool operator()(const EdgeRecord& a, const EdgeRecord& b) const {
    if (a.node != b.node) return a.node < b.node;
    if (a.type != b.type) return a.type < b.type;
    if (a.day != b.day) return a.day < b.day;
    if (a.other != b.other) return a.other < b.other;
    return a.seq < b.seq;
  }
};

// Writes the edges of `input` (records as read: node = src) into `sorted`
// (resized; its pages are reused run after run) in `out` key order, or in
// `in` key order with node and other swapped when `mirror`. When the ids
// are below `id_bound` and dense enough, a counting sort by node (two
// linear passes) does most of the work and only each node's few edges are
// compared; otherwise std::sort.
void SortRunInto(const EdgeRun& input, bool mirror, uint64_t id_bound,
                 EdgeRun* sorted);

// Writes `run` (sorted) to `path` as raw records.
absl::Status SpillRun(const EdgeRun& run, const std::string& path);

// Merges the spilled runs `paths` and the sorted in-memory runs `memory`
// into SST files `<prefix>-N.sst`, in key order, for the `out` (values:
// Edge records) or `in` (values: InStubs) column family. `options` are the
// column family's, so the files get its comparator, prefix extractor and
// filters. Returns the files written.
absl::StatusOr<std::vector<std::string>> MergeRunsToSst(
    const std::vector<std::string>& paths, std::vector<EdgeRun> memory,
    bool out_direction, const rocksdb::Options& options, const std::string& prefix);

// ---- nodes (bulk_load_nodes.cc) ----

// One line of nodes.csv.
struct NodeLine {
  uint64_t id;
  pb::NodeKind kind;
  int64_t line;
};

// Reads `path`, sorted by id. Errors: ReadNodesCsv's; InvalidArgument
// "PATH:LINE: duplicate node id" for an id given twice.
absl::StatusOr<std::vector<NodeLine>> ReadNodeLines(const std::string& path);

// Which ids are nodes: a bitmap when ids are dense enough, else a sorted
// list (ids are u64 and may be sparse). Immutable: threads may share it.
class NodeIdSet {
 public:
  explicit NodeIdSet(const std::vector<NodeLine>& sorted_nodes);
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

// Writes `nodes` (sorted) as one SST file at `path` with `options` (the
// `node` column family's); returns it, or nothing for no nodes.
absl::StatusOr<std::vector<std::string>> WriteNodeSst(const std::vector<NodeLine>& nodes,
                                                      const rocksdb::Options& options,
                                                      const std::string& path);

}  // namespace newsgraph::engine

#endif  // NEWSGRAPH_ENGINE_BULK_LOAD_H_
