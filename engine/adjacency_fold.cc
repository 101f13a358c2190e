// CompactAdjacency (include/newsgraph/adjacency_file.h): the store's state
// read at one RocksDB snapshot, written as an adjacency file tagged with
// the edge log bound of that same snapshot.
#include <chrono>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "engine/adjacency_file.h"
#include "engine/adjacency_log.h"
#include "engine/csr_snapshot_store.h"
#include "engine/rocks_store.h"
#include "newsgraph/adjacency_file.h"

namespace newsgraph {

absl::StatusOr<AdjacencyFileReport> CompactAdjacency(Store& store) {
  const auto start = std::chrono::steady_clock::now();
  auto* rocks = dynamic_cast<engine::RocksStore*>(&store);
  if (rocks == nullptr) {
    return absl::UnimplementedError("adjacency files are written for Store::Open's stores only");
  }
  if (rocks->read_only()) {
    return absl::FailedPreconditionError(
        absl::StrCat("store ", store.dir(), " is open read-only: only its writer folds adjacency"));
  }
  // One view for the log bound, the totals and the scan: the file then
  // holds exactly the commits below its bound.
  const engine::RocksStore::ReadView view(*rocks);
  absl::StatusOr<uint64_t> log_bound = engine::LogBound(*rocks, view.snapshot());
  if (!log_bound.ok()) return log_bound.status();
  absl::StatusOr<uint64_t> total = engine::EdgeTotal(*rocks, view.snapshot());
  if (!total.ok()) return total.status();
  SnapshotOptions options;
  options.fill_id_range = true;  // ids then map to indices by arithmetic
  absl::StatusOr<GraphSnapshot> graph = engine::SnapshotAtView(*rocks, view, options);
  if (!graph.ok()) return graph.status();
  if (graph->num_edges() != *total) {
    return absl::FailedPreconditionError(
        absl::StrCat("store ", store.dir(), " counts ", *total, " edges but holds ",
                     graph->num_edges(), ": no adjacency file written"));
  }
  AdjacencyFileReport report;
  const engine::AdjacencyFileTag tag{*log_bound, view.sequence()};
  if (absl::Status s = engine::WriteAdjacencyFile(store.dir(), *graph, tag, &report.path);
      !s.ok()) {
    return s;
  }
  // The rows below the oldest kept file are read by no one opening from
  // now on; a failed trim only leaves them (the next fold tries again).
  engine::TrimLog(*rocks, engine::OldestKeptLogBound(store.dir())).IgnoreError();
  report.vertices = graph->num_vertices();
  report.edges = graph->num_edges();
  report.log_bound = *log_bound;
  report.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

namespace engine {

void RocksStore::FoldAdjacencyIfGrown() {
  if (fold_adjacency_edges_ == 0 || !write_error_.ok()) return;
  absl::StatusOr<std::unique_ptr<AdjacencyFile>> file = AdjacencyFile::OpenNewest(dir_, next_log_commit_);
  if (!file.ok()) return;
  uint64_t delta = 0;
  uint64_t bound = 0;
  const absl::Status read = ReadLog(
      *this, nullptr, *file == nullptr ? 0 : (*file)->tag().log_bound,
      [&delta](uint64_t, uint64_t) { ++delta; }, &bound);
  file->reset();  // the old file's mapping is not needed by the fold
  if (!read.ok() || delta < fold_adjacency_edges_) return;
  // A close cannot report an error, and a failed fold loses nothing: the
  // previous file and the log still describe the store, and the next close
  // tries again.
  CompactAdjacency(*this).status().IgnoreError();
}

}  // namespace engine
}  // namespace newsgraph
