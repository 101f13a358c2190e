// AdjacencyFile: the graph's adjacency as a CSR file beside the RocksDB
// store (`<store>/adjacency-<log bound>.csr`), which a process maps into
// memory and traverses in place: opening it is O(1), not a scan of `out`.
//
// The file holds both directions (row starts and neighbour columns over
// dense vertex indices, each row sorted) and the index -> id map, and is
// tagged with the edge log bound it reflects: it holds every edge of the
// bulk load and of the commits numbered below that bound
// (adjacency_log.h); later commits are the reader's delta. A file is
// written whole under a temporary name, synced and renamed, so a reader
// sees a complete file or none (docs/storage.md, "Persisted adjacency").
//
// Thread safety: an open file is immutable; any number of threads may read.
#ifndef NEWSGRAPH_ENGINE_ADJACENCY_FILE_H_
#define NEWSGRAPH_ENGINE_ADJACENCY_FILE_H_

#include <cstdint>
#include <limits>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "newsgraph/graph_snapshot.h"
#include "newsgraph/store.h"

namespace newsgraph::engine {

// What a file records besides its arrays.
struct AdjacencyFileTag {
  uint64_t log_bound = 0;  // edge log commits [0, log_bound) are in the file
  uint64_t sequence = 0;   // the RocksDB sequence of the state it was made from
};

// The arrays of a file, as its writer holds them: row starts (n + 1 each)
// and columns (m each) of both directions over indices in id order, and
// the index -> id map (null when ids are first_id + index).
struct CsrArrays {
  uint64_t vertices = 0;
  uint64_t edges = 0;
  uint64_t first_id = 0;
  const uint64_t* out_start = nullptr;
  const uint64_t* in_start = nullptr;
  const uint32_t* out_column = nullptr;
  const uint32_t* in_column = nullptr;
  const uint64_t* ids = nullptr;
};

// The log bound of the oldest file kept in `dir` (the writer keeps the two
// newest): a reader that opens now needs no log row below it. 0 when `dir`
// holds no file.
uint64_t OldestKeptLogBound(const std::string& dir);

// The path of the file with `log_bound` in `dir`.
std::string AdjacencyFilePath(const std::string& dir, uint64_t log_bound);

// Writes `graph` (a GraphSnapshot of the whole store, FromStore with
// fill_id_range; its ids must ascend, else InvalidArgument) as the file
// of `tag` in `dir`, atomically: temporary
// file, fsync, rename, fsync of the directory. Then removes the files
// older than the two newest (a reader that opened the store just before
// may still want the previous one). *path is the file written.
absl::Status WriteAdjacencyFile(const std::string& dir, const GraphSnapshot& graph,
                                const AdjacencyFileTag& tag, std::string* path);
// The same from arrays (the bulk loader's, built from its sorted runs);
// each row must be sorted and the ids ascending.
absl::Status WriteAdjacencyArrays(const std::string& dir, const CsrArrays& arrays,
                                  const AdjacencyFileTag& tag, std::string* path);

class AdjacencyFile {
 public:
  static constexpr uint32_t kNoVertex = std::numeric_limits<uint32_t>::max();

  // Maps the file at `path`. Errors: NotFound; DataLoss for a file whose
  // header or size is not that of a complete adjacency file.
  static absl::StatusOr<std::unique_ptr<AdjacencyFile>> Open(const std::string& path);
  // The newest file of `dir` whose log bound is at most `max_log_bound`,
  // or nullptr when there is none (a newer one may reflect commits that the
  // caller's view does not have). Unreadable files are skipped.
  static absl::StatusOr<std::unique_ptr<AdjacencyFile>> OpenNewest(const std::string& dir,
                                                                   uint64_t max_log_bound);
  ~AdjacencyFile();
  AdjacencyFile(const AdjacencyFile&) = delete;
  AdjacencyFile& operator=(const AdjacencyFile&) = delete;

  const std::string& path() const { return path_; }
  const AdjacencyFileTag& tag() const { return tag_; }
  uint64_t num_vertices() const { return arrays_.vertices; }
  uint64_t num_edges() const { return arrays_.edges; }
  // Row v of a direction is column[start[v]] .. column[start[v + 1] - 1],
  // in index order; indices follow id order.
  const uint64_t* start(Direction d) const {
    return d == Direction::kOut ? arrays_.out_start : arrays_.in_start;
  }
  const uint32_t* column(Direction d) const {
    return d == Direction::kOut ? arrays_.out_column : arrays_.in_column;
  }
  uint64_t id(uint32_t v) const {
    return arrays_.ids == nullptr ? arrays_.first_id + v : arrays_.ids[v];
  }
  // The index of `id`, or kNoVertex: arithmetic for contiguous ids (the
  // usual case), else a binary search of the mapped id array.
  uint32_t VertexOrNone(uint64_t id) const;

 private:
  AdjacencyFile() = default;
  // Points the arrays into the mapping after checking the header.
  absl::Status Parse();

  std::string path_;
  const char* data_ = nullptr;
  size_t size_ = 0;
  AdjacencyFileTag tag_;
  CsrArrays arrays_;  // pointing into the mapping
};

}  // namespace newsgraph::engine

#endif  // NEWSGRAPH_ENGINE_ADJACENCY_FILE_H_
