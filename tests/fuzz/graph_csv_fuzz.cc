// libFuzzer target for the bulk loader's CSV readers: the input is written
// to a file and read as nodes.csv and as edges.csv, plainly and in slices.
// Rows or a "PATH:LINE: what" error are the only outcomes; the sliced
// readers must agree with the plain ones.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "engine/graph_csv.h"

namespace {

std::string InputFile() {
  const char* dir = std::getenv("TMPDIR");
  return std::string(dir != nullptr ? dir : "/tmp") + "/graph_csv_fuzz_" +
         std::to_string(::getpid()) + ".csv";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string path = InputFile();
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) return 0;
  std::fwrite(data, 1, size, f);
  std::fclose(f);
  using newsgraph::engine::EdgeRow;
  using newsgraph::engine::NodeRow;
  int64_t plain_nodes = 0, sliced_nodes = 0, plain_edges = 0, sliced_edges = 0;
  const absl::Status n = newsgraph::engine::ReadNodesCsv(
      path, [&](const NodeRow&, int64_t) { ++plain_nodes; return absl::OkStatus(); });
  const absl::Status ns = newsgraph::engine::ReadNodesCsvSliced(
      path, 3, [&](int, const NodeRow&, int64_t) { ++sliced_nodes; return absl::OkStatus(); });
  const absl::Status e = newsgraph::engine::ReadEdgesCsv(
      path, [&](const EdgeRow&, int64_t) { ++plain_edges; return absl::OkStatus(); });
  const absl::Status es = newsgraph::engine::ReadEdgesCsvSliced(
      path, 3, [&](int, const EdgeRow&, int64_t) { ++sliced_edges; return absl::OkStatus(); });
  if (n.ok() != ns.ok() || e.ok() != es.ok()) __builtin_trap();
  if (n.ok() && plain_nodes != sliced_nodes) __builtin_trap();
  if (e.ok() && plain_edges != sliced_edges) __builtin_trap();
  return 0;
}
