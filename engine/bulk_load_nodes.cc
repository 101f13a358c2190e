// The bulk loader's nodes: reading nodes.csv, the ranks edges are checked
// against and stored by, and the `node` SST file.
#include <algorithm>
#include <filesystem>
#include <system_error>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "engine/bulk_load.h"
#include "engine/graph_csv.h"
#include "engine/keys.h"
#include "engine/status.h"
#include "rocksdb/sst_file_writer.h"

namespace newsgraph::engine {

absl::StatusOr<std::vector<NodeLine>> ReadNodeLines(const std::string& path, int threads) {
  std::vector<std::vector<NodeLine>> slices(CsvSlices(path, threads));
  // Reserved from the file's size (a line takes at least 4 bytes), so that
  // no slice regrows and the first takes the others without moving: fresh
  // pages cost more here than parsing does. Untouched capacity is free.
  std::error_code ec;
  const size_t most_lines = std::filesystem::file_size(path, ec) / 4 + 1;
  if (!ec) {
    slices[0].reserve(most_lines);
    for (size_t i = 1; i < slices.size(); ++i) slices[i].reserve(most_lines / slices.size() * 2);
  }
  absl::Status read =
      ReadNodesCsvSliced(path, threads, [&](int slice, const NodeRow& row, int64_t line) {
        slices[slice].push_back({row.id, row.kind, line});
        return absl::OkStatus();
      });
  if (!read.ok()) return read;
  std::vector<NodeLine> nodes = std::move(slices[0]);
  for (size_t i = 1; i < slices.size(); ++i) {
    nodes.insert(nodes.end(), slices[i].begin(), slices[i].end());
  }
  const auto by_id_then_line = [](const NodeLine& a, const NodeLine& b) {
    return a.id != b.id ? a.id < b.id : a.line < b.line;
  };
  // Files are often written in id order already.
  if (!std::is_sorted(nodes.begin(), nodes.end(), by_id_then_line)) {
    std::sort(nodes.begin(), nodes.end(), by_id_then_line);
  }
  for (size_t i = 1; i < nodes.size(); ++i) {
    if (nodes[i].id == nodes[i - 1].id) {
      return CsvError(path, nodes[i].line,
                      absl::StrCat("duplicate node id ", nodes[i].id, " (first at line ",
                                   nodes[i - 1].line, ")"));
    }
  }
  return nodes;
}

NodeRanks::NodeRanks(const std::vector<NodeLine>& sorted_nodes) {
  const uint64_t max_id = sorted_nodes.empty() ? 0 : sorted_nodes.back().id;
  if (!sorted_nodes.empty() && max_id - sorted_nodes.front().id + 1 == sorted_nodes.size()) {
    contiguous_ = true;
    first_ = sorted_nodes.front().id;
    count_ = sorted_nodes.size();
  } else if (max_id <= 64 * sorted_nodes.size() + (uint64_t{1} << 20)) {
    bits_.assign(max_id / 64 + 1, 0);
    for (const NodeLine& n : sorted_nodes) bits_[n.id / 64] |= uint64_t{1} << (n.id % 64);
    word_rank_.resize(bits_.size());
    uint32_t before = 0;
    for (size_t w = 0; w < bits_.size(); ++w) {
      word_rank_[w] = before;
      before += static_cast<uint32_t>(__builtin_popcountll(bits_[w]));
    }
  } else {
    for (const NodeLine& n : sorted_nodes) sorted_.push_back(n.id);
  }
}

absl::StatusOr<std::vector<std::string>> WriteNodeSst(const std::vector<NodeLine>& nodes,
                                                      const rocksdb::Options& options,
                                                      const std::string& path) {
  if (nodes.empty()) return std::vector<std::string>();
  rocksdb::SstFileWriter writer(rocksdb::EnvOptions(), options);
  if (auto s = writer.Open(path); !s.ok()) return FromRocks(s, path);
  pb::Node node;
  std::string key;
  std::string value;
  for (const NodeLine& n : nodes) {
    node.set_id(n.id);
    node.set_kind(n.kind);
    node.SerializeToString(&value);
    key = keys::NodeKey(n.id);
    if (auto s = writer.Put(key, value); !s.ok()) return FromRocks(s, path);
  }
  if (auto s = writer.Finish(); !s.ok()) return FromRocks(s, path);
  return std::vector<std::string>{path};
}

}  // namespace newsgraph::engine
