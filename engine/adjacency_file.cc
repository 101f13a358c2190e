// The adjacency file of adjacency_file.h: its layout, its atomic write and
// its mapping.
//
// Layout (native byte order, little-endian on every supported machine; the
// header's magic tells another order apart): a 72-byte header, then
// out-row starts u64[n + 1], in-row starts u64[n + 1], out columns u32[m]
// and in columns u32[m] (each padded to 8 bytes), then, unless the ids are
// contiguous, the id of every index u64[n].
#include "engine/adjacency_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/match.h"
#include "absl/strings/strip.h"

namespace newsgraph::engine {
namespace {

constexpr char kMagic[8] = {'N', 'G', 'A', 'D', 'J', 'C', 'S', 'R'};
constexpr uint32_t kVersion = 1;
constexpr uint32_t kContiguousIds = 1;
constexpr absl::string_view kFilePrefix = "adjacency-";
constexpr absl::string_view kFileSuffix = ".csr";
constexpr absl::string_view kTempPrefix = "adjacency.csr.tmp.";
constexpr size_t kKeptFiles = 2;

struct Header {
  char magic[8];
  uint32_t version;
  uint32_t flags;
  uint64_t vertices;
  uint64_t edges;
  uint64_t first_id;
  uint64_t log_bound;
  uint64_t sequence;
  uint64_t file_bytes;  // the whole file: a shorter one was cut off
};
static_assert(sizeof(Header) == 64, "header layout");

uint64_t Align8(uint64_t bytes) { return (bytes + 7) & ~uint64_t{7}; }

// Byte offsets of the arrays of a file of n vertices and m edges.
struct Layout {
  uint64_t out_start, in_start, out_column, in_column, ids, total;
  Layout(uint64_t n, uint64_t m, bool contiguous) {
    out_start = sizeof(Header);
    in_start = out_start + 8 * (n + 1);
    out_column = in_start + 8 * (n + 1);
    in_column = out_column + Align8(4 * m);
    ids = in_column + Align8(4 * m);
    total = ids + (contiguous ? 0 : 8 * n);
  }
};

absl::Status ErrnoError(absl::string_view what, const std::string& path) {
  return absl::Status(absl::ErrnoToStatusCode(errno),
                      absl::StrCat(what, " ", path, ": ", std::strerror(errno)));
}

// Writes all of [data, data + bytes) and pads it to 8 bytes.
absl::Status WriteAll(int fd, const void* data, size_t bytes, const std::string& path) {
  const char* at = static_cast<const char*>(data);
  const char zeros[8] = {};
  for (int part = 0; part < 2; ++part) {
    size_t left = part == 0 ? bytes : Align8(bytes) - bytes;
    if (part == 1) at = zeros;
    while (left > 0) {
      const ssize_t n = ::write(fd, at, left);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return ErrnoError("writing", path);
      at += n;
      left -= static_cast<size_t>(n);
    }
  }
  return absl::OkStatus();
}

// The log bound in a file name of ours, or false.
bool BoundOfName(absl::string_view name, uint64_t* bound) {
  if (!absl::ConsumePrefix(&name, kFilePrefix) || !absl::ConsumeSuffix(&name, kFileSuffix)) {
    return false;
  }
  return name.size() == 20 && absl::SimpleAtoi(name, bound);
}

// The adjacency files of `dir`, newest first.
std::vector<std::pair<uint64_t, std::string>> ListFiles(const std::string& dir) {
  std::vector<std::pair<uint64_t, std::string>> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    uint64_t bound = 0;
    if (BoundOfName(entry.path().filename().string(), &bound)) {
      files.emplace_back(bound, entry.path().string());
    }
  }
  std::sort(files.rbegin(), files.rend());
  return files;
}

absl::Status SyncDir(const std::string& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return ErrnoError("opening", dir);
  const int rc = ::fsync(fd);
  ::close(fd);
  return rc == 0 ? absl::OkStatus() : ErrnoError("syncing", dir);
}

// The body of the file, to an open descriptor.
absl::Status WriteBody(int fd, const CsrArrays& a, const AdjacencyFileTag& tag,
                       const std::string& path) {
  const uint64_t n = a.vertices;
  const uint64_t m = a.edges;
  const bool contiguous = a.ids == nullptr;
  Header header{};
  std::memcpy(header.magic, kMagic, sizeof(kMagic));
  header.version = kVersion;
  header.flags = contiguous ? kContiguousIds : 0;
  header.vertices = n;
  header.edges = m;
  header.first_id = a.first_id;
  header.log_bound = tag.log_bound;
  header.sequence = tag.sequence;
  header.file_bytes = Layout(n, m, contiguous).total;
  absl::Status s = WriteAll(fd, &header, sizeof(header), path);
  if (s.ok()) s = WriteAll(fd, a.out_start, 8 * (n + 1), path);
  if (s.ok()) s = WriteAll(fd, a.in_start, 8 * (n + 1), path);
  if (s.ok()) s = WriteAll(fd, a.out_column, 4 * m, path);
  if (s.ok()) s = WriteAll(fd, a.in_column, 4 * m, path);
  if (s.ok() && !contiguous) s = WriteAll(fd, a.ids, 8 * n, path);
  return s;
}

// Removes what a crashed write left (only the writer, which holds the
// store's lock, writes files: no other write is under way).
void RemoveTempFiles(const std::string& dir) {
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (absl::StartsWith(entry.path().filename().string(), kTempPrefix)) {
      std::filesystem::remove(entry.path(), ec);
    }
  }
}

// Removes the files older than the newest kKeptFiles.
void RemoveOldFiles(const std::string& dir) {
  std::error_code ec;
  const auto files = ListFiles(dir);
  for (size_t i = kKeptFiles; i < files.size(); ++i) std::filesystem::remove(files[i].second, ec);
}

}  // namespace

uint64_t OldestKeptLogBound(const std::string& dir) {
  const auto files = ListFiles(dir);
  if (files.empty()) return 0;
  return files[std::min(files.size(), kKeptFiles) - 1].first;
}

std::string AdjacencyFilePath(const std::string& dir, uint64_t log_bound) {
  return absl::StrFormat("%s/%s%020d%s", dir, kFilePrefix, log_bound, kFileSuffix);
}

absl::Status WriteAdjacencyFile(const std::string& dir, const GraphSnapshot& graph,
                                const AdjacencyFileTag& tag, std::string* path) {
  const std::vector<uint64_t>& ids = graph.ids();
  // Readers find an id's index by binary search (or arithmetic).
  if (!std::is_sorted(ids.begin(), ids.end())) {
    return absl::InvalidArgumentError("an adjacency file needs vertex indices in id order");
  }
  bool contiguous = true;
  for (size_t i = 1; contiguous && i < ids.size(); ++i) contiguous = ids[i] == ids[0] + i;
  const CsrGraph& g = graph.graph();
  const uint64_t n = graph.num_vertices();
  const std::vector<uint64_t> no_row_starts(n + 1, 0);  // a graph without edges may have none
  const auto& out_start =
      g.m_forward.m_rowstart.size() == n + 1 ? g.m_forward.m_rowstart : no_row_starts;
  const auto& in_start =
      g.m_backward.m_rowstart.size() == n + 1 ? g.m_backward.m_rowstart : no_row_starts;
  CsrArrays arrays;
  arrays.vertices = n;
  arrays.edges = g.m_forward.m_column.size();
  arrays.first_id = n > 0 ? ids[0] : 0;
  arrays.out_start = out_start.data();
  arrays.in_start = in_start.data();
  arrays.out_column = g.m_forward.m_column.data();
  arrays.in_column = g.m_backward.m_column.data();
  arrays.ids = contiguous ? nullptr : ids.data();
  return WriteAdjacencyArrays(dir, arrays, tag, path);
}

absl::Status WriteAdjacencyArrays(const std::string& dir, const CsrArrays& arrays,
                                  const AdjacencyFileTag& tag, std::string* path) {
  RemoveTempFiles(dir);
  const std::string temp = absl::StrCat(dir, "/", kTempPrefix, ::getpid());
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return ErrnoError("creating", temp);
  absl::Status s = WriteBody(fd, arrays, tag, temp);
  if (s.ok() && ::fsync(fd) != 0) s = ErrnoError("syncing", temp);
  if (::close(fd) != 0 && s.ok()) s = ErrnoError("closing", temp);
  *path = AdjacencyFilePath(dir, tag.log_bound);
  if (s.ok() && ::rename(temp.c_str(), path->c_str()) != 0) s = ErrnoError("renaming", temp);
  if (!s.ok()) {
    ::unlink(temp.c_str());
    return s;
  }
  if (absl::Status synced = SyncDir(dir); !synced.ok()) return synced;
  RemoveOldFiles(dir);
  return absl::OkStatus();
}

absl::StatusOr<std::unique_ptr<AdjacencyFile>> AdjacencyFile::Open(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return ErrnoError("opening", path);
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    const absl::Status s = ErrnoError("reading", path);
    ::close(fd);
    return s;
  }
  std::unique_ptr<AdjacencyFile> file(new AdjacencyFile());
  file->path_ = path;
  file->size_ = static_cast<size_t>(st.st_size);
  if (file->size_ >= sizeof(Header)) {
    // MAP_POPULATE maps every page now: when the file is in the page cache
    // (a second process, or any after the load) that costs well under a
    // millisecond for 100 MB, as the kernel maps its large folios whole,
    // and the first traversal then takes no page faults.
    void* data = ::mmap(nullptr, file->size_, PROT_READ, MAP_SHARED | MAP_POPULATE, fd, 0);
    if (data == MAP_FAILED) {
      const absl::Status s = ErrnoError("mapping", path);
      ::close(fd);
      return s;
    }
    file->data_ = static_cast<const char*>(data);
  }
  ::close(fd);  // the mapping keeps the file
  if (absl::Status s = file->Parse(); !s.ok()) return s;
  return file;
}

absl::Status AdjacencyFile::Parse() {
  if (data_ == nullptr) return absl::DataLossError(absl::StrCat("truncated adjacency file ", path_));
  Header header;
  std::memcpy(&header, data_, sizeof(header));
  if (std::memcmp(header.magic, kMagic, sizeof(kMagic)) != 0 || header.version != kVersion) {
    return absl::DataLossError(absl::StrCat("not an adjacency file of this version: ", path_));
  }
  const bool contiguous = (header.flags & kContiguousIds) != 0;
  if (header.vertices >= kNoVertex) {
    return absl::DataLossError(absl::StrCat("bad vertex count in ", path_));
  }
  const Layout layout(header.vertices, header.edges, contiguous);
  if (header.file_bytes != layout.total || size_ != layout.total) {
    return absl::DataLossError(absl::StrCat("incomplete adjacency file ", path_, ": ", size_,
                                            " bytes, ", layout.total, " expected"));
  }
  tag_ = AdjacencyFileTag{header.log_bound, header.sequence};
  CsrArrays& a = arrays_;
  a.vertices = header.vertices;
  a.edges = header.edges;
  a.first_id = header.first_id;
  a.out_start = reinterpret_cast<const uint64_t*>(data_ + layout.out_start);
  a.in_start = reinterpret_cast<const uint64_t*>(data_ + layout.in_start);
  a.out_column = reinterpret_cast<const uint32_t*>(data_ + layout.out_column);
  a.in_column = reinterpret_cast<const uint32_t*>(data_ + layout.in_column);
  a.ids = contiguous ? nullptr : reinterpret_cast<const uint64_t*>(data_ + layout.ids);
  if (a.out_start[a.vertices] != a.edges || a.in_start[a.vertices] != a.edges) {
    return absl::DataLossError(absl::StrCat("inconsistent adjacency file ", path_));
  }
  return absl::OkStatus();
}

AdjacencyFile::~AdjacencyFile() {
  if (data_ != nullptr) ::munmap(const_cast<char*>(data_), size_);
}

uint32_t AdjacencyFile::VertexOrNone(uint64_t id) const {
  const CsrArrays& a = arrays_;
  if (a.ids == nullptr) {
    return id - a.first_id < a.vertices ? static_cast<uint32_t>(id - a.first_id) : kNoVertex;
  }
  const uint64_t* end = a.ids + a.vertices;
  const uint64_t* it = std::lower_bound(a.ids, end, id);
  return it != end && *it == id ? static_cast<uint32_t>(it - a.ids) : kNoVertex;
}

absl::StatusOr<std::unique_ptr<AdjacencyFile>> AdjacencyFile::OpenNewest(
    const std::string& dir, uint64_t max_log_bound) {
  for (const auto& [bound, path] : ListFiles(dir)) {
    if (bound > max_log_bound) continue;
    absl::StatusOr<std::unique_ptr<AdjacencyFile>> file = Open(path);
    // Gone since the listing (a newer fold removed it) or cut off by a
    // crash: an older file may still do.
    if (file.ok()) return file;
  }
  return std::unique_ptr<AdjacencyFile>();
}

}  // namespace newsgraph::engine
