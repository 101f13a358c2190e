// newsgraph::CompactAdjacency — writes the store's memory-mapped adjacency
// file: a CSR of the whole graph beside the RocksDB store, which every
// later process maps in O(1) instead of scanning `out` to build one
// (docs/storage.md, "Persisted adjacency"). Edges committed after it are
// read from the store's edge log as a small delta; this folds that delta
// into a new file, as an LSM tree folds memtables into files. BulkLoad
// writes the first file itself.
#ifndef NEWSGRAPH_ADJACENCY_FILE_H_
#define NEWSGRAPH_ADJACENCY_FILE_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"

namespace newsgraph {

class Store;  // store.h

struct AdjacencyFileReport {
  std::string path;        // the file written
  uint64_t vertices = 0;   // CSR vertices (the id range of the edges' ends)
  uint64_t edges = 0;
  uint64_t log_bound = 0;  // edge log commits [0, log_bound) are in the file
  double seconds = 0;      // the scan of `out` and the write
};

// Writes the adjacency file of the store's current state (one ordered scan
// of `out` at one RocksDB snapshot, then a temporary file, fsync, rename,
// fsync of the directory); files older than the two newest are removed.
// Errors: FailedPrecondition for a read-only or secondary store (only the
// writer, which holds the store's lock, writes files) or when the store's
// edge totals disagree with its edges; Unimplemented for a Store that
// Store::Open did not make; read and file-system errors.
absl::StatusOr<AdjacencyFileReport> CompactAdjacency(Store& store);

}  // namespace newsgraph

#endif  // NEWSGRAPH_ADJACENCY_FILE_H_
