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

class Store;  // store.h

struct BulkLoadOptions {
  // Edges sorted in memory at a time (over all parsing threads); more edges
  // are spilled as sorted runs and merged. Memory is about 32 bytes per
  // edge of a run (the run as read, and one sorted copy), so the default
  // keeps a load under about 0.5 GB and sorts up to 12M edges without
  // touching the disk.
  size_t run_edges = size_t{12} << 20;
  // Threads parsing edges.csv, each one contiguous slice of the file (and
  // sorting its own full runs); as many sort the last run.
  int parse_threads = 2;
  // Write the store's adjacency file once the graph is ingested
  // (CompactAdjacency of adjacency_file.h), so that every later process
  // traverses it without building anything.
  bool write_adjacency = true;
};

struct BulkLoadReport {
  uint64_t nodes = 0;
  uint64_t edges = 0;
  int runs = 0;               // sorted runs the edges were cut into
  double seconds = 0;         // wall time of the whole load, of which:
  // Parsing the CSV files; the parsing threads also sort and spill their
  // full runs, so that share of read_seconds is counted in sort_seconds too.
  double read_seconds = 0;
  double sort_seconds = 0;    // sorting runs (thread time) and spilling all but the last
  double write_seconds = 0;   // merging runs into SST files
  double ingest_seconds = 0;  // counters, ingestion, totals
  double adjacency_seconds = 0;  // the adjacency file: a scan of `out` and the write
};

// Loads `nodes_csv` (header `id,kind`) and `edges_csv` (header
// `src,dst,type` or `src,dst,type,date`) into the store in `dir`, creating
// it when missing. Ids are decimal, non-zero; kind and type are a
// NodeKind/EdgeType name or number. `date` is YYYY-MM-DD or an integer day
// number (days since 1970-01-01, may be negative), or empty. Nodes get only
// id and kind; edges src, dst, type and, when dated, the time span of that
// one day (DAY granularity), which is also the start day in their keys, so
// time-window scans and snapshots see it; undated edges have no time and
// start day 0. Every edge gets a fresh seq, so parallel edges are kept. Both `out` and `in`
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

// The same load into `store`, already open for writing (Store::Open's, not
// read-only) and empty: Database::BulkLoad (newsgraph.h) loads through it.
// Readers of `store` see nothing of the load until its one ingestion, and
// every node and edge after it; no Commit may run beside it.
// Errors: those above; FailedPrecondition for a read-only or secondary
// store; Unimplemented for a Store that Store::Open did not make.
absl::StatusOr<BulkLoadReport> BulkLoad(Store& store, const std::string& nodes_csv,
                                        const std::string& edges_csv,
                                        const BulkLoadOptions& options = {});

}  // namespace newsgraph

#endif  // NEWSGRAPH_BULK_LOAD_H_
