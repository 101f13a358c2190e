// Pieces of the traversals of include/newsgraph/traversal.h, exposed for
// tests and micro-benchmarks.
#ifndef NEWSGRAPH_QUERIES_GRAPH_TRAVERSAL_H_
#define NEWSGRAPH_QUERIES_GRAPH_TRAVERSAL_H_

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <new>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "newsgraph/store.h"
#include "newsgraph/traversal.h"

namespace newsgraph::traversal {

// The engines of Traverser::Create (traversal.cc, traversal_snapshot.cc,
// traversal_mapped.cc). NewMappedTraverser gives nullptr when the store has
// no usable adjacency file.
absl::StatusOr<std::unique_ptr<Traverser>> NewStoreTraverser(const Store& store);
absl::StatusOr<std::unique_ptr<Traverser>> NewSnapshotTraverser(const Store& store);
absl::StatusOr<std::unique_ptr<Traverser>> NewMappedTraverser(const Store& store);

// Visited marks over dense vertex indices [0, size): one stamp each,
// cleared in O(1) by bumping the epoch. The snapshot engine's set, as
// cheap as the CSR baseline's (bench/csr_baseline.cc).
//
// The stamps come from calloc: a large block is fresh zero pages that
// the kernel maps only when first touched, so making room for every
// vertex of a 1M-node graph costs no pass over 4 MB per process, and a
// query pays only for the pages of the vertices it marks.
class Marks {
 public:
  // Forgets every mark and makes room for indices below `size`.
  void Reset(size_t size) {
    stamps_.reset(static_cast<uint32_t*>(std::calloc(std::max<size_t>(size, 1), sizeof(uint32_t))));
    if (stamps_ == nullptr) throw std::bad_alloc();
    size_ = size;
    epoch_ = 1;
  }
  // Makes room for indices below `size`, keeping the marks (new ones are
  // unmarked: no epoch is 0).
  void Grow(size_t size) {
    if (size <= size_) return;
    if (size_ == 0) {
      Reset(size);
      return;
    }
    auto* grown = static_cast<uint32_t*>(std::realloc(stamps_.get(), size * sizeof(uint32_t)));
    if (grown == nullptr) throw std::bad_alloc();
    stamps_.release();
    stamps_.reset(grown);
    std::fill(grown + size_, grown + size, 0);
    size_ = size;
  }
  void Clear() {
    if (++epoch_ == 0) {  // wrapped: old stamps would match again
      std::fill(stamps_.get(), stamps_.get() + size_, 0);
      epoch_ = 1;
    }
  }
  // True when `v` was not marked (it is now).
  bool Insert(uint32_t v) {
    if (stamps_[v] == epoch_) return false;
    stamps_[v] = epoch_;
    return true;
  }
  bool Contains(uint32_t v) const { return stamps_[v] == epoch_; }

 private:
  struct Free {
    void operator()(uint32_t* p) const { std::free(p); }
  };
  std::unique_ptr<uint32_t[], Free> stamps_;
  size_t size_ = 0;
  uint32_t epoch_ = 1;
};

// A set of node ids for one traversal at a time. Small traversals (most
// k-hop and path queries) use a hash set; once one grows past a fraction
// of `bound` the set switches for good to a dense array of epoch stamps
// for ids below `bound` (cleared in O(1) by bumping the epoch), with a hash
// set for ids above. Allocating the dense array up front would cost more
// than a small traversal (page faults on megabytes of fresh memory).
class VisitedSet {
 public:
  explicit VisitedSet(uint64_t bound)
      : bound_(bound), sparse_limit_(std::max<uint64_t>(4096, bound / 1024)) {}

  // True when `id` was not in the set (it is now).
  bool Insert(uint64_t id) {
    if (!dense_) {
      const bool added = others_.insert(id).second;
      if (added && others_.size() > sparse_limit_ && bound_ > sparse_limit_) GoDense();
      return added;
    }
    if (id < stamps_.size()) {
      if (stamps_[id] == epoch_) return false;
      stamps_[id] = epoch_;
      return true;
    }
    return others_.insert(id).second;
  }
  bool Contains(uint64_t id) const {
    return dense_ && id < stamps_.size() ? stamps_[id] == epoch_ : others_.contains(id);
  }
  void Clear() {
    others_.clear();
    if (dense_ && ++epoch_ == 0) {  // wrapped: old stamps would match again
      std::fill(stamps_.begin(), stamps_.end(), 0);
      epoch_ = 1;
    }
  }
  bool dense() const { return dense_; }

 private:
  void GoDense() {
    dense_ = true;
    stamps_.assign(bound_, 0);
    absl::flat_hash_set<uint64_t> ids;
    ids.swap(others_);
    for (uint64_t id : ids) Insert(id);
  }

  const uint64_t bound_;
  const uint64_t sparse_limit_;
  bool dense_ = false;
  std::vector<uint32_t> stamps_;
  uint32_t epoch_ = 1;
  absl::flat_hash_set<uint64_t> others_;  // every id while sparse; ids >= bound once dense
};

// The check of KHopOptions::max_depth that every engine's KHop makes
// first, so that all give the same error.
absl::Status CheckKHopDepth(int max_depth);

// Sorts `ids` (distinct) ascending. A large frontier of ids below `bound`
// is sorted through a bitmap, linear instead of n log n.
void SortFrontier(std::vector<uint64_t>* ids, uint64_t bound, std::vector<uint64_t>* scratch);

}  // namespace newsgraph::traversal

#endif  // NEWSGRAPH_QUERIES_GRAPH_TRAVERSAL_H_
