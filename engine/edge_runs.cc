// Spilling edge runs and merging them into SST files (bulk_load.h).
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
constexpr uint64_t kBytesPerSync = uint64_t{1} << 20;
// Records read from a spilled run at a time.
constexpr size_t kReadBatch = size_t{1} << 16;

absl::Status IoError(absl::string_view what, const std::string& path) {
  return absl::InternalError(absl::StrCat(what, " ", path, ": ", std::strerror(errno)));
}

// One sorted run being merged: either in memory or read back from a file.
class RunSource {
 public:
  explicit RunSource(RecordSpan records) : data_(records.data), size_(records.size) {}
  RunSource(FILE* file, std::string path) : file_(file), path_(std::move(path)) {}
  RunSource(RunSource&& other) noexcept
      : file_(std::exchange(other.file_, nullptr)),
        path_(std::move(other.path_)),
        data_(other.data_),
        size_(other.size_),
        pos_(other.pos_) {
    // Records read from a file live in buffer_: point into the new one.
    const bool in_buffer = data_ != nullptr && data_ == other.buffer_.data();
    buffer_ = std::move(other.buffer_);
    if (in_buffer) data_ = buffer_.data();
  }
  ~RunSource() {
    if (file_ != nullptr) std::fclose(file_);
  }

  // The current record, or nullptr at the end; `error` is set on a read error.
  const EdgeRecord* Peek(absl::Status* error) {
    if (pos_ == size_ && file_ != nullptr) Refill(error);
    return pos_ < size_ ? &data_[pos_] : nullptr;
  }
  void Pop() { ++pos_; }
  // The record `k` after the current one, when it is already in memory
  // (for prefetching what it refers to), else nullptr.
  const EdgeRecord* Ahead(size_t k) const {
    return pos_ + k < size_ ? &data_[pos_ + k] : nullptr;
  }

 private:
  void Refill(absl::Status* error) {
    buffer_.resize(kReadBatch);
    const size_t got = std::fread(buffer_.data(), sizeof(EdgeRecord), kReadBatch, file_);
    data_ = buffer_.data();
    size_ = got;
    pos_ = 0;
    if (got < kReadBatch) {
      if (std::ferror(file_) && error->ok()) *error = IoError("error reading", path_);
      std::fclose(file_);
      file_ = nullptr;
    }
  }

  FILE* file_ = nullptr;
  std::string path_;
  EdgeRun buffer_;  // a file's records read so far
  const EdgeRecord* data_ = nullptr;
  size_t size_ = 0;
  size_t pos_ = 0;
};

// Writes key/value pairs into a sequence of SST files.
class SstSequence {
 public:
  SstSequence(const rocksdb::Options& options, std::string prefix)
      : options_(options), prefix_(std::move(prefix)) {}

  absl::Status Add(const rocksdb::Slice& key, const rocksdb::Slice& value) {
    if (writer_ == nullptr || entries_ == kEntriesPerSst) {
      if (absl::Status s = Finish(); !s.ok()) return s;
      // Writeback starts every megabyte, so that Finish's fsync waits for
      // the last one only, not for the whole file. The files are read right
      // after ingestion (the first traversals, a snapshot build): keep them
      // in the page cache.
      rocksdb::EnvOptions env_options;
      env_options.bytes_per_sync = kBytesPerSync;
      writer_ = std::make_unique<rocksdb::SstFileWriter>(
          env_options, options_, /*column_family=*/nullptr,
          /*invalidate_page_cache=*/false);
      files_.push_back(absl::StrCat(prefix_, "-", files_.size(), ".sst"));
      if (auto s = writer_->Open(files_.back()); !s.ok()) return FromRocks(s, files_.back());
      entries_ = 0;
    }
    ++entries_;
    const rocksdb::Status s = writer_->Put(key, value);
    return s.ok() ? absl::OkStatus() : FromRocks(s, "writing an SST file");
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

absl::Status SpillRun(const EdgeRecord* records, size_t count, const std::string& path) {
  FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) return IoError("cannot create", path);
  const size_t written = std::fwrite(records, sizeof(EdgeRecord), count, file);
  const bool closed = std::fclose(file) == 0;
  if (written != count || !closed) return IoError("error writing", path);
  return absl::OkStatus();
}

absl::StatusOr<std::vector<std::string>> MergeRunsToSst(
    const std::vector<std::string>& paths, const std::vector<RecordSpan>& memory,
    bool out_direction, const RunDecoding& decoding, const rocksdb::Options& options,
    const std::string& prefix) {
  std::vector<RunSource> sources;
  for (const std::string& path : paths) {
    FILE* file = std::fopen(path.c_str(), "rb");
    if (file == nullptr) return IoError("cannot open", path);
    sources.emplace_back(file, path);
  }
  for (const RecordSpan& run : memory) {
    if (run.size > 0) sources.emplace_back(run);
  }

  SstSequence out(options, prefix);
  char key[keys::kEdgeKeyLength];
  std::string value;
  pb::Edge edge;
  pb::InStub stub;
  absl::Status error;
  auto emit = [&](const EdgeRecord& r) {
    const uint64_t node = decoding.IdOf(NodeOf(r));
    const uint64_t other = decoding.IdOf(OtherOf(r));
    const int32_t day = DayOf(r);
    keys::EncodeEdgeKeyTo({node, TypeOf(r), day, other, decoding.first_seq + SeqOffsetOf(r)},
                          key);
    value.clear();
    if (out_direction) {
      // What OutValue stores: only the time, as src, dst and type are in
      // the key; an undated edge's value is empty.
      if (DatedOf(r)) {
        pb::TimeSpan* time = edge.mutable_time();
        time->set_from_day(day);
        time->set_to_day(day);
        time->set_granularity(pb::DAY);
        edge.SerializeToString(&value);
      }
    } else if (DatedOf(r)) {
      // An undated edge's InStub (end day 0, no confidence, no
      // factuality) is empty; a dated one ends on its day.
      stub.set_end_day(day);
      stub.SerializeToString(&value);
    }
    return out.Add(rocksdb::Slice(key, sizeof(key)), value);
  };

  // `other` ids are looked up in no order: a miss each, unless fetched
  // while the records before are encoded.
  constexpr size_t kPrefetchAhead = 16;
  auto prefetch_other = [&decoding](const RunSource& source) {
    if (decoding.node_ids == nullptr) return;
    if (const EdgeRecord* ahead = source.Ahead(kPrefetchAhead); ahead != nullptr) {
      __builtin_prefetch(&(*decoding.node_ids)[OtherOf(*ahead)]);
    }
  };

  // Few sources (the usual case: the one in-memory run, alone or with a
  // few spilled ones):
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
      prefetch_other(sources[best_index]);
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
    prefetch_other(sources[i]);
    if (absl::Status s = emit(*sources[i].Peek(&error)); !s.ok()) return s;
    sources[i].Pop();
    if (sources[i].Peek(&error) != nullptr) heap.push(i);
  }
  if (!error.ok()) return error;
  if (absl::Status s = out.Finish(); !s.ok()) return s;
  return std::move(out.files());
}

}  // namespace newsgraph::engine
