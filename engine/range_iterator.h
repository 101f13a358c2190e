// RangeIterator: a RocksDB iterator over [lower, upper) of one column
// family, owning the bound strings that ReadOptions only points to.
#ifndef NEWSGRAPH_ENGINE_RANGE_ITERATOR_H_
#define NEWSGRAPH_ENGINE_RANGE_ITERATOR_H_

#include <memory>
#include <string>
#include <utility>

#include "absl/strings/string_view.h"
#include "rocksdb/db.h"
#include "rocksdb/iterator.h"
#include "rocksdb/options.h"
#include "rocksdb/slice.h"

namespace newsgraph::engine {

// absl::string_view is not std::string_view in this Abseil build.
inline absl::string_view View(const rocksdb::Slice& s) { return {s.data(), s.size()}; }

class RangeIterator {
 public:
  // `upper` empty = no upper bound. `within_prefix` tells RocksDB the scan
  // stays inside the seek key's prefix-extractor prefix (uses prefix blooms).
  RangeIterator(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* cf, std::string lower,
                std::string upper, bool within_prefix = false,
                const rocksdb::Snapshot* snapshot = nullptr)
      : lower_(std::move(lower)), upper_(std::move(upper)), lower_slice_(lower_),
        upper_slice_(upper_) {
    rocksdb::ReadOptions options;
    options.iterate_lower_bound = &lower_slice_;
    if (!upper_.empty()) options.iterate_upper_bound = &upper_slice_;
    options.prefix_same_as_start = within_prefix;
    options.total_order_seek = !within_prefix;
    options.snapshot = snapshot;
    iterator_.reset(db->NewIterator(options, cf));
    iterator_->Seek(lower_slice_);
  }
  RangeIterator(const RangeIterator&) = delete;
  RangeIterator& operator=(const RangeIterator&) = delete;

  rocksdb::Iterator* operator->() const { return iterator_.get(); }

 private:
  const std::string lower_;
  const std::string upper_;
  const rocksdb::Slice lower_slice_;
  const rocksdb::Slice upper_slice_;
  std::unique_ptr<rocksdb::Iterator> iterator_;
};

}  // namespace newsgraph::engine

#endif  // NEWSGRAPH_ENGINE_RANGE_ITERATOR_H_
