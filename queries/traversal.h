// Pieces of the traversals of include/newsgraph/traversal.h, exposed for
// tests and micro-benchmarks.
#ifndef NEWSGRAPH_QUERIES_TRAVERSAL_H_
#define NEWSGRAPH_QUERIES_TRAVERSAL_H_

#include <cstdint>
#include <vector>

#include "absl/container/flat_hash_set.h"

namespace newsgraph::traversal {

// A set of node ids cleared in O(1): a dense array of epoch stamps for ids
// below `bound` (one memset when a traversal starts would cost more than a
// small traversal), a hash set for any id above it.
class VisitedSet {
 public:
  explicit VisitedSet(uint64_t bound) : stamps_(bound, 0) {}

  // True when `id` was not in the set (it is now).
  bool Insert(uint64_t id) {
    if (id < stamps_.size()) {
      if (stamps_[id] == epoch_) return false;
      stamps_[id] = epoch_;
      return true;
    }
    return overflow_.insert(id).second;
  }
  bool Contains(uint64_t id) const {
    return id < stamps_.size() ? stamps_[id] == epoch_ : overflow_.contains(id);
  }
  void Clear() {
    overflow_.clear();
    if (++epoch_ == 0) {  // wrapped: old stamps would match again
      std::fill(stamps_.begin(), stamps_.end(), 0);
      epoch_ = 1;
    }
  }

 private:
  std::vector<uint32_t> stamps_;
  uint32_t epoch_ = 1;
  absl::flat_hash_set<uint64_t> overflow_;
};

// Sorts `ids` (distinct) ascending. A large frontier of ids below `bound`
// is sorted through a bitmap, linear instead of n log n.
void SortFrontier(std::vector<uint64_t>* ids, uint64_t bound, std::vector<uint64_t>* scratch);

}  // namespace newsgraph::traversal

#endif  // NEWSGRAPH_QUERIES_TRAVERSAL_H_
