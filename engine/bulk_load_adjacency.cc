// The bulk loader's adjacency file, written from its sorted runs: when all
// edges were sorted in memory (one run), they are already in both key
// orders, grouped by node rank, so each direction's CSR is a count and a
// copy of the other ranks, and the load need not scan `out` again.
#include <algorithm>
#include <string>
#include <vector>

#include "engine/adjacency_file.h"
#include "engine/bulk_load.h"

namespace newsgraph::engine {
namespace {

// One direction: records grouped by node rank ascending, so record e is
// CSR edge e. Keys order a node's edges by type and day first; rows are
// sorted by the other end, as every adjacency file's.
void FillRows(RecordSpan records, uint32_t node_count, std::vector<uint64_t>* start,
              std::vector<uint32_t>* column) {
  start->assign(size_t{node_count} + 1, 0);
  column->resize(records.size);
  for (size_t e = 0; e < records.size; ++e) {
    ++(*start)[NodeOf(records.data[e]) + 1];
    (*column)[e] = OtherOf(records.data[e]);
  }
  for (uint32_t v = 0; v < node_count; ++v) (*start)[v + 1] += (*start)[v];
  for (uint32_t v = 0; v < node_count; ++v) {
    const auto first = column->begin() + static_cast<ptrdiff_t>((*start)[v]);
    const auto last = column->begin() + static_cast<ptrdiff_t>((*start)[v + 1]);
    if (!std::is_sorted(first, last)) std::sort(first, last);
  }
}

}  // namespace

absl::Status WriteLoadAdjacency(const std::string& dir, RecordSpan out_order, RecordSpan in_order,
                                uint32_t node_count, uint64_t first_id, const uint64_t* ids,
                                uint64_t sequence) {
  std::vector<uint64_t> out_start, in_start;
  std::vector<uint32_t> out_column, in_column;
  FillRows(out_order, node_count, &out_start, &out_column);
  FillRows(in_order, node_count, &in_start, &in_column);
  CsrArrays arrays;
  arrays.vertices = node_count;
  arrays.edges = out_order.size;
  arrays.first_id = first_id;
  arrays.out_start = out_start.data();
  arrays.in_start = in_start.data();
  arrays.out_column = out_column.data();
  arrays.in_column = in_column.data();
  arrays.ids = ids;
  std::string path;
  // A load fills an empty store: no commit is in the edge log yet.
  return WriteAdjacencyArrays(dir, arrays, AdjacencyFileTag{0, sequence}, &path);
}

}  // namespace newsgraph::engine
