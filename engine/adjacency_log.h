// The edge log: one `meta/adjlog/<commit>` row per commit that adds edges,
// holding their (src, dst) ids, written in the commit's own WriteBatch.
// Edge keys are ordered by node, not by time, so without it "the edges
// committed since X" would be a scan of the whole `out` column family; the
// log makes it one short range read, which is how a reader of a
// memory-mapped adjacency file (adjacency_file.h) finds the edges the file
// does not hold yet. Rows are numbered in commit order (not edge seq
// order: sets may commit out of seq order), from 0.
#ifndef NEWSGRAPH_ENGINE_ADJACENCY_LOG_H_
#define NEWSGRAPH_ENGINE_ADJACENCY_LOG_H_

#include <cstdint>
#include <functional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "rocksdb/snapshot.h"

namespace newsgraph::engine {

class RocksStore;

// Adds one edge to a log row's value.
void AppendLogEdge(std::string* value, uint64_t src, uint64_t dst);

// One more than the last commit number logged (0 when none), as of
// `snapshot` (nullptr: the latest state).
absl::StatusOr<uint64_t> LogBound(const RocksStore& store, const rocksdb::Snapshot* snapshot);

// Calls visit(src, dst) for every edge of the commits numbered `from` and
// later, as of `snapshot`, in commit order; *bound is then one more than
// the last commit read (`from` when none).
absl::Status ReadLog(const RocksStore& store, const rocksdb::Snapshot* snapshot, uint64_t from,
                     const std::function<void(uint64_t, uint64_t)>& visit, uint64_t* bound);

// Deletes the log rows numbered below `below`, always keeping the last row
// (which carries the numbering on when the writer reopens). Readers that
// hold a snapshot still see the rows; a reader opening later maps a file
// whose bound is at least the oldest kept file's, so it never needs them.
absl::Status TrimLog(const RocksStore& store, uint64_t below);

// The store's edge total (the sum of the meta/count/edge/ rows), as of
// `snapshot`: how a reader checks that a file and the log hold every edge.
absl::StatusOr<uint64_t> EdgeTotal(const RocksStore& store, const rocksdb::Snapshot* snapshot);

}  // namespace newsgraph::engine

#endif  // NEWSGRAPH_ENGINE_ADJACENCY_LOG_H_
