// The sorted-run machinery of the bulk loader (bulk_load.cc drives it):
// edges are cut into runs, each sorted in `out` and in `in` key order and
// spilled to a file; the runs are then merged straight into SST files.
#ifndef NEWSGRAPH_ENGINE_BULK_LOAD_H_
#define NEWSGRAPH_ENGINE_BULK_LOAD_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "rocksdb/options.h"

namespace newsgraph::engine {

// One edge as one direction's key sees it: `node` is src for `out` and dst
// for `in`. The start day of bulk-loaded edges is always 0, so it is not
// stored. POD: runs are spilled and read back as raw bytes.
struct EdgeRecord {
  uint64_t node;
  uint64_t other;
  uint64_t seq;
  uint16_t type;
};

// Key order of `out`/`in`: node, type, (day), other, seq. A function
// object, so that std::sort inlines it (a function pointer halves its speed).
struct KeyLess {
  bool operator()(const EdgeRecord& a, const EdgeRecord& b) const {
    if (a.node != b.node) return a.node < b.node;
    if (a.type != b.type) return a.type < b.type;
    if (a.other != b.other) return a.other < b.other;
    return a.seq < b.seq;
  }
};

// Sorts `run` by KeyLess. When every node is below `id_bound` and the ids
// are dense enough, a counting sort by node (two linear passes, one more
// buffer of the run's size, `scratch`, kept by the caller so that later
// runs reuse its pages) does most of the work and only each node's edges
// are compared; otherwise std::sort.
void SortRun(std::vector<EdgeRecord>* run, uint64_t id_bound, std::vector<EdgeRecord>* scratch);

// Writes `run` (sorted) to `path` as raw records.
absl::Status SpillRun(const std::vector<EdgeRecord>& run, const std::string& path);

// Merges the spilled runs `paths` and the sorted in-memory `last` run into
// SST files `<prefix>-N.sst`, in key order, for the `out` (values: Edge
// records) or `in` (values: empty InStubs) column family. `options` are the
// column family's, so the files get its comparator, prefix extractor and
// filters. Returns the files written.
absl::StatusOr<std::vector<std::string>> MergeRunsToSst(const std::vector<std::string>& paths,
                                                        std::vector<EdgeRecord> last,
                                                        bool out_direction,
                                                        const rocksdb::Options& options,
                                                        const std::string& prefix);

}  // namespace newsgraph::engine

#endif  // NEWSGRAPH_ENGINE_BULK_LOAD_H_
