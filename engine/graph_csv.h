// Readers of the integer CSV files a graph is bulk-loaded from:
//   nodes.csv  header `id,kind`      kind = NodeKind name or number
//   edges.csv  header `src,dst,type` type = EdgeType name or number (not 0)
//              or `src,dst,type,date` date = YYYY-MM-DD or an integer day
//              number (days since 1970-01-01), or empty for none
// Shared by the bulk loader and bench/csr_baseline.cc, so both read a file
// the same way and reject the same lines.
#ifndef NEWSGRAPH_ENGINE_GRAPH_CSV_H_
#define NEWSGRAPH_ENGINE_GRAPH_CSV_H_

#include <cstdint>
#include <cstdio>
#include <string>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "schema/records.pb.h"

namespace newsgraph::engine {

struct NodeRow {
  uint64_t id = 0;
  pb::NodeKind kind = pb::NODE_KIND_UNSPECIFIED;
};

struct EdgeRow {
  uint64_t src = 0;
  uint64_t dst = 0;
  pb::EdgeType type = pb::EDGE_TYPE_UNSPECIFIED;
  bool dated = false;  // a date was given
  int32_t day = 0;     // the date as a day number (0 when undated)
};

// Calls `visit(row, line)` for each data line of `path` in file order
// (`line` counts from 1, the header being line 1). Blank lines and a
// trailing '\r' are ignored. Stops and returns the first non-OK status of
// `visit`. Errors: NotFound when the file cannot be opened; InvalidArgument
// "PATH:LINE: what" for a wrong header, a wrong number of fields, an id that
// is not a decimal u64 (or is 0: id 0 means "none" in records), or an
// unknown kind/type.
absl::Status ReadNodesCsv(const std::string& path,
                          absl::FunctionRef<absl::Status(const NodeRow&, int64_t line)> visit);
absl::Status ReadEdgesCsv(const std::string& path,
                          absl::FunctionRef<absl::Status(const EdgeRow&, int64_t line)> visit);

// ReadNodesCsv/ReadEdgesCsv in `slices` contiguous parts of the file, cut
// at line ends and parsed by one thread each: `visit(slice, row, line)` is
// called from slice's own thread (so it must be safe to call for different
// slices at once), in file order within the slice, with the file's line
// numbers. Each slice stops at its first error; the first in file order is
// returned. Small files get fewer slices. Errors: as the unsliced readers.
absl::Status ReadNodesCsvSliced(
    const std::string& path, int slices,
    absl::FunctionRef<absl::Status(int slice, const NodeRow&, int64_t line)> visit);
absl::Status ReadEdgesCsvSliced(
    const std::string& path, int slices,
    absl::FunctionRef<absl::Status(int slice, const EdgeRow&, int64_t line)> visit);
// How many slices the sliced readers cut `path` into when asked for
// `wanted`: fewer for small files (a slice is worth a thread from 1 MB).
int CsvSlices(const std::string& path, int wanted);

// "PATH:LINE: message" as InvalidArgument, the form of every CSV error.
absl::Status CsvError(absl::string_view path, int64_t line, absl::string_view message);

}  // namespace newsgraph::engine

#endif  // NEWSGRAPH_ENGINE_GRAPH_CSV_H_
