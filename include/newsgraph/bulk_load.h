// newsgraph::BulkLoad — fills an empty store from CSV files far faster than
// commits: edges are sorted in bounded runs, written as SST files and
// ingested by RocksDB in one step (docs/storage.md, "Bulk load").
#ifndef NEWSGRAPH_BULK_LOAD_H_
#define NEWSGRAPH_BULK_LOAD_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/status/statusor.h"

namespace newsgraph {

struct BulkLoadOptions {
  // Edges sorted in memory at a time; more edges are spilled as sorted runs
  // and merged. Memory is about 64 bytes per edge of a run (both orders).
  size_t run_edges = size_t{4} << 20;
};

struct BulkLoadReport {
  uint64_t nodes = 0;
  uint64_t edges = 0;
  int runs = 0;               // sorted runs the edges were cut into
  double seconds = 0;         // wall time of the whole load, of which:
  double read_seconds = 0;    // parsing the CSV files (sorting excluded)
  double sort_seconds = 0;    // sorting runs and spilling all but the last
  double write_seconds = 0;   // merging runs into SST files
  double ingest_seconds = 0;  // counters, ingestion, totals
};

// Loads `nodes_csv` (header `id,kind`) and `edges_csv` (header
// `src,dst,type`) into the store in `dir`, creating it when missing. Ids are
// decimal, non-zero; kind and type are a NodeKind/EdgeType name or number.
// Nodes get only id and kind; edges only src, dst and type (start day 0),
// each with a fresh seq, so parallel edges are kept. Both `out` and `in`
// rows are written, and the meta counters and totals are updated, so
// Store::Stats and ScanEdges see the graph as if it had been committed.
// Nothing is visible until every file is ingested (one atomic ingestion).
//
// Errors: FailedPrecondition when the store already has nodes or edges, or
// is locked by another writer; InvalidArgument "FILE:LINE: what" for a bad
// CSV line, a duplicate node id or an edge whose end is not in nodes_csv;
// NotFound for a missing file; the store's write errors.
absl::StatusOr<BulkLoadReport> BulkLoad(const std::string& dir, const std::string& nodes_csv,
                                        const std::string& edges_csv,
                                        const BulkLoadOptions& options = {});

}  // namespace newsgraph

#endif  // NEWSGRAPH_BULK_LOAD_H_
