// SortRecords (bulk_load.h): a parallel counting sort of edge records by
// node, then a comparison sort of each node's own edges.
#include <algorithm>
#include <cstdint>
#include <thread>
#include <vector>

#include "engine/bulk_load.h"

namespace newsgraph::engine {
namespace {

// Runs `work(i)` for i in [0, n) on n threads (the caller's is one of them).
template <typename Work>
void OnThreads(size_t n, const Work& work) {
  std::vector<std::thread> threads;
  for (size_t i = 1; i < n; ++i) threads.emplace_back([&work, i] { work(i); });
  work(0);
  for (std::thread& t : threads) t.join();
}

// Sparse ranks (few records for many nodes): the counting arrays would
// cost more than they save.
void CopyAndSort(const std::vector<RecordSpan>& chunks, bool mirror, EdgeRecord* sorted) {
  EdgeRecord* end = sorted;
  for (const RecordSpan& chunk : chunks) {
    end = mirror ? std::transform(chunk.data, chunk.data + chunk.size, end, Mirrored)
                 : std::copy(chunk.data, chunk.data + chunk.size, end);
  }
  std::sort(sorted, end, KeyLess());
}

}  // namespace

void SortRecords(const std::vector<RecordSpan>& chunks, bool mirror, uint32_t node_count,
                 EdgeRecord* sorted) {
  size_t total = 0;
  for (const RecordSpan& chunk : chunks) total += chunk.size;
  if (total == 0) return;
  // Dense: the count arrays are at most a few words per record.
  if (node_count > 4 * total + (uint64_t{1} << 16)) {
    CopyAndSort(chunks, mirror, sorted);
    return;
  }
  const auto node_of = [mirror](const EdgeRecord& r) { return mirror ? OtherOf(r) : NodeOf(r); };
  const size_t threads = chunks.size();
  // next[t][v]: where chunk t's next record of node v goes. Counts first.
  std::vector<std::vector<uint32_t>> next(threads);
  OnThreads(threads, [&](size_t t) {
    next[t].assign(node_count, 0);
    uint32_t* count = next[t].data();
    for (size_t i = 0; i < chunks[t].size; ++i) ++count[node_of(chunks[t].data[i])];
  });
  // Node v's records start at start[v]; within them, chunk by chunk, so
  // that the scatter keeps file order (seq order) for each node.
  std::vector<uint32_t> start(size_t{node_count} + 1);
  uint32_t at = 0;
  for (uint32_t v = 0; v < node_count; ++v) {
    start[v] = at;
    for (size_t t = 0; t < threads; ++t) {
      const uint32_t count = next[t][v];
      next[t][v] = at;
      at += count;
    }
  }
  start[node_count] = at;
  OnThreads(threads, [&](size_t t) {
    uint32_t* slot = next[t].data();
    const EdgeRecord* data = chunks[t].data;
    if (mirror) {
      for (size_t i = 0; i < chunks[t].size; ++i) sorted[slot[OtherOf(data[i])]++] = Mirrored(data[i]);
    } else {
      for (size_t i = 0; i < chunks[t].size; ++i) sorted[slot[NodeOf(data[i])]++] = data[i];
    }
  });
  next.clear();
  // Each thread sorts the groups of a node range holding about its share of
  // the records.
  OnThreads(threads, [&](size_t t) {
    const auto first_at = [&](size_t share) {
      const uint32_t target = static_cast<uint32_t>(total * share / threads);
      return static_cast<uint32_t>(std::lower_bound(start.begin(), start.end() - 1, target) -
                                   start.begin());
    };
    const uint32_t end = t + 1 == threads ? node_count : first_at(t + 1);
    for (uint32_t v = first_at(t); v < end; ++v) {
      if (start[v + 1] - start[v] > 1) {
        std::sort(sorted + start[v], sorted + start[v + 1], KeyLess());
      }
    }
  });
}

}  // namespace newsgraph::engine
