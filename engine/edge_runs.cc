// Sorting, spilling and merging edge runs into SST files (bulk_load.h).
#include <sys/mman.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <queue>
#include <utility>

#include "absl/strings/str_cat.h"
#include "engine/bulk_load.h"
#include "engine/keys.h"
#include "engine/status.h"
#include "rocksdb/env.h"
#include "rocksdb/sst_file_writer.h"
#include "schema/records.pb.h"

namespace newsgraph::engine {
namespace {

// Output files are cut after this many entries, so that later compactions
// of a bulk-loaded store work on files of ordinary size.
constexpr uint64_t kEntriesPerSst = uint64_t{8} << 20;
// Records read from a spilled run at a time.
constexpr size_t kReadBatch = size_t{1} << 16;

absl::Status IoError(absl::string_view what, const std::string& path) {
  return absl::InternalError(absl::StrCat(what, " ", path, ": ", std::strerror(errno)));
}

// One sorted run being merged: either in memory or read back from a file.
class RunSource {
 public:
  explicit RunSource(EdgeRun records) : buffer_(std::move(records)) {}
  RunSource(FILE* file, std::string path) : file_(file), path_(std::move(path)) {}
  RunSource(RunSource&& other) noexcept
      : file_(std::exchange(other.file_, nullptr)),
        path_(std::move(other.path_)),
        buffer_(std::move(other.buffer_)),
        pos_(other.pos_) {}
  ~RunSource() {
    if (file_ != nullptr) std::fclose(file_);
  }

  // The current record, or nullptr at the end; `error` is set on a read error.
  const EdgeRecord* Peek(absl::Status* error) {
    if (pos_ == buffer_.size() && file_ != nullptr) Refill(error);
    return pos_ < buffer_.size() ? &buffer_[pos_] : nullptr;
  }
  void Pop() { ++pos_; }

 private:
  void Refill(absl::Status* error) {
    buffer_.resize(kReadBatch);
    const size_t got = std::fread(buffer_.data(), sizeof(EdgeRecord), kReadBatch, file_);
    buffer_.resize(got);
    pos_ = 0;
    if (got < kReadBatch) {
      if (std::ferror(file_) && error->ok()) *error = IoError("error reading", path_);
      std::fclose(file_);
      file_ = nullptr;
    }
  }

  FILE* file_ = nullptr;
  std::string path_;
  EdgeRun buffer_;
  size_t pos_ = 0;
};

// Writes key/value pairs into a sequence of SST files.
class SstSequence {
 public:
  SstSequence(const rocksdb::Options& options, std::string prefix)
      : options_(options), prefix_(std::move(prefix)) {}

  absl::Status Add(const std::string& key, const std::string& value) {
    if (writer_ == nullptr || entries_ == kEntriesPerSst) {
      if (absl::Status s = Finish(); !s.ok()) return s;
      writer_ = std::make_unique<rocksdb::SstFileWriter>(rocksdb::EnvOptions(), options_);
      files_.push_back(absl::StrCat(prefix_, "-", files_.size(), ".sst"));
      if (auto s = writer_->Open(files_.back()); !s.ok()) return FromRocks(s, files_.back());
      entries_ = 0;
    }
    ++entries_;
    return FromRocks(writer_->Put(key, value), "writing an SST file");
  }

  absl::Status Finish() {
    if (writer_ == nullptr) return absl::OkStatus();
    const rocksdb::Status s = writer_->Finish();
    writer_.reset();
    return FromRocks(s, absl::StrCat("finishing ", files_.back()));
  }

  std::vector<std::string>& files() { return files_; }

 private:
  rocksdb::Options options_;
  std::string prefix_;
  std::unique_ptr<rocksdb::SstFileWriter> writer_;
  uint64_t entries_ = 0;
  std::vector<std::string> files_;
};

}  // namespace

void AdviseHugePages(void* data, size_t bytes) {
  constexpr uintptr_t kHugePage = uintptr_t{2} << 20;
  const uintptr_t begin = (reinterpret_cast<uintptr_t>(data) + kHugePage - 1) & ~(kHugePage - 1);
  const uintptr_t end = (reinterpret_cast<uintptr_t>(data) + bytes) & ~(kHugePage - 1);
  // Only advice: without huge pages the memory works the same.
  if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
}

void SortRunInto(const EdgeRun& input, bool mirror, uint64_t id_bound,
                 EdgeRun* sorted) {
  const auto place = [mirror](const EdgeRecord& r) {
    return mirror ? EdgeRecord{r.other, r.node, r.seq, r.day, r.type, r.dated} : r;
  };
  const auto node_of = [mirror](const EdgeRecord& r) { return mirror ? r.other : r.node; };
  sorted->resize(input.size());
  // Dense: the count array is at most a few words per edge.
  if (id_bound > 4 * input.size() + (uint64_t{1} << 16)) {
    std::transform(input.begin(), input.end(), sorted->begin(), place);
    std::sort(sorted->begin(), sorted->end(), KeyLess());
    return;
  }
  std::vector<uint64_t> start(id_bound + 1, 0);
  for (const EdgeRecord& r : input) ++start[node_of(r) + 1];
  for (uint64_t i = 1; i <= id_bound; ++i) start[i] += start[i - 1];
  std::vector<uint64_t> fill(start.begin(), start.end() - 1);
  EdgeRecord* out = sorted->data();
  for (const EdgeRecord& r : input) out[fill[node_of(r)]++] = place(r);
  for (uint64_t node = 0; node < id_bound; ++node) {
    if (start[node + 1] - start[node] > 1) {
      std::sort(out + start[node], out + start[node + 1], KeyLess());
    }
  }
}

absl::Status SpillRun(const EdgeRun& run, const std::string& path) {
  FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) return IoError("cannot create", path);
  const size_t written = std::fwrite(run.data(), sizeof(EdgeRecord), run.size(), file);
  const bool closed = std::fclose(file) == 0;
  if (written != run.size() || !closed) return IoError("error writing", path);
  return absl::OkStatus();
}

absl::StatusOr<std::vector<std::string>> MergeRunsToSst(
    const std::vector<std::string>& paths, std::vector<EdgeRun> memory,
    bool out_direction, const rocksdb::Options& options, const std::string& prefix) {
  std::vector<RunSource> sources;
  for (const std::string& path : paths) {
    FILE* file = std::fopen(path.c_str(), "rb");
    if (file == nullptr) return IoError("cannot open", path);
    sources.emplace_back(file, path);
  }
  for (EdgeRun& run : memory) {
    if (!run.empty()) sources.emplace_back(std::move(run));
  }

  SstSequence out(options, prefix);
  std::string key;
  std::string value;
  pb::Edge edge;
  pb::InStub stub;
  absl::Status error;
  auto emit = [&](const EdgeRecord& r) {
    key.clear();
    keys::AppendEdgeKey(&key, {r.node, r.type, r.day, r.other, r.seq});
    value.clear();
    if (out_direction) {
      // The whole edge, as WriteSetImpl::PutEdge stores it.
      edge.set_src(r.node);
      edge.set_dst(r.other);
      edge.set_type(static_cast<pb::EdgeType>(r.type));
      if (r.dated) {
        pb::TimeSpan* time = edge.mutable_time();
        time->set_from_day(r.day);
        time->set_to_day(r.day);
        time->set_granularity(pb::DAY);
      } else {
        edge.clear_time();
      }
      edge.SerializeToString(&value);
    } else if (r.dated) {
      // An undated edge's InStub (end day 0, no confidence, no
      // factuality) is empty; a dated one ends on its day.
      stub.set_end_day(r.day);
      stub.SerializeToString(&value);
    }
    return out.Add(key, value);
  };

  // Few sources (the usual case: one in-memory run per parsing thread):
  // the smallest current record by a linear look; many: a heap.
  constexpr size_t kLinearSources = 4;
  if (sources.size() <= kLinearSources) {
    while (true) {
      const EdgeRecord* best = nullptr;
      size_t best_index = 0;
      for (size_t i = 0; i < sources.size(); ++i) {
        const EdgeRecord* r = sources[i].Peek(&error);
        if (r != nullptr && (best == nullptr || KeyLess()(*r, *best))) {
          best = r;
          best_index = i;
        }
      }
      if (best == nullptr || !error.ok()) break;
      if (absl::Status s = emit(*best); !s.ok()) return s;
      sources[best_index].Pop();
    }
    sources.clear();
  }
  // A heap of source indices, smallest current record on top.
  auto greater = [&sources, &error](size_t a, size_t b) {
    return KeyLess()(*sources[b].Peek(&error), *sources[a].Peek(&error));
  };
  std::priority_queue<size_t, std::vector<size_t>, decltype(greater)> heap(greater);
  for (size_t i = 0; i < sources.size(); ++i) {
    if (sources[i].Peek(&error) != nullptr) heap.push(i);
  }
  while (!heap.empty() && error.ok()) {
    const size_t i = heap.top();
    heap.pop();
    if (absl::Status s = emit(*sources[i].Peek(&error)); !s.ok()) return s;
    sources[i].Pop();
    if (sources[i].Peek(&error) != nullptr) heap.push(i);
  }
  if (!error.ok()) return error;
  if (absl::Status s = out.Finish(); !s.ok()) return s;
  return std::move(out.files());
}

}  // namespace newsgraph::engine
