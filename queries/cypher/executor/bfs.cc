#include "queries/cypher/executor/bfs.h"

#include <algorithm>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"

namespace newsgraph::cypher {
namespace {

absl::Status Tick(Guard* guard) { return guard == nullptr ? absl::OkStatus() : guard->Step(); }

// Whether `target` is within `limit` steps of `source` without taking the
// relationship `banned`.
absl::StatusOr<bool> Reaches(int64_t source, int64_t target, int64_t limit, int64_t banned,
                             const StepFn& steps, Guard* guard) {
  if (source == target) return true;
  absl::flat_hash_set<int64_t> seen = {source};
  std::vector<int64_t> frontier = {source}, next;
  std::vector<Step> out;
  for (int64_t depth = 1; depth <= limit && !frontier.empty(); ++depth) {
    next.clear();
    for (int64_t u : frontier) {
      out.clear();
      absl::Status s = steps(u, &out);
      if (!s.ok()) return s;
      for (const auto& [rel, v] : out) {
        if (absl::Status t = Tick(guard); !t.ok()) return t;
        if (rel == banned) continue;
        if (v == target) return true;
        if (seen.insert(v).second) next.push_back(v);
      }
    }
    frontier.swap(next);
  }
  return false;
}

// Whether a closed walk from `start` of 1..max_hops steps repeats no
// relationship. The shortest such walk is a simple cycle: a first step r to
// u and then a shortest path from u back that avoids r.
absl::StatusOr<bool> OnCycle(int64_t start, int64_t max_hops, const StepFn& steps, Guard* guard) {
  if (max_hops < 1) return false;
  std::vector<Step> first;
  absl::Status s = steps(start, &first);
  if (!s.ok()) return s;
  for (const auto& [rel, u] : first) {
    if (u == start) return true;  // a self-loop
    if (max_hops < 2) continue;
    absl::StatusOr<bool> back = Reaches(u, start, max_hops - 1, rel, steps, guard);
    if (!back.ok() || *back) return back;
  }
  return false;
}

// One direction of a bidirectional BFS. links[v] holds every (rel, u) with
// u one level closer to the origin, so all shortest paths can be rebuilt.
struct Side {
  absl::flat_hash_map<int64_t, int64_t> dist;
  absl::flat_hash_map<int64_t, std::vector<Step>> links;
  std::vector<int64_t> frontier;
  int64_t level = 0;
};

absl::Status ExpandLevel(Side* side, const StepFn& steps, Guard* guard) {
  ++side->level;
  std::vector<int64_t> next;
  std::vector<Step> out;
  for (int64_t u : side->frontier) {
    out.clear();
    absl::Status s = steps(u, &out);
    if (!s.ok()) return s;
    for (const auto& [rel, v] : out) {
      if (absl::Status t = Tick(guard); !t.ok()) return t;
      auto [it, inserted] = side->dist.try_emplace(v, side->level);
      if (inserted) next.push_back(v);
      if (it->second == side->level) side->links[v].push_back({rel, u});
    }
  }
  side->frontier = std::move(next);
  return absl::OkStatus();
}

// Paths from the side's origin to `node` along links, as node, rel, ..., node.
absl::Status PathsTo(const Side& side, int64_t node, bool all, Guard* guard,
                     std::vector<std::vector<int64_t>>* out) {
  auto links = side.links.find(node);
  if (links == side.links.end()) {
    out->push_back({node});
    return absl::OkStatus();
  }
  for (const auto& [rel, prev] : links->second) {
    if (absl::Status t = Tick(guard); !t.ok()) return t;
    std::vector<std::vector<int64_t>> heads;
    absl::Status s = PathsTo(side, prev, all, guard, &heads);
    if (!s.ok()) return s;
    for (std::vector<int64_t>& h : heads) {
      h.push_back(rel);
      h.push_back(node);
      out->push_back(std::move(h));
      if (!all) return absl::OkStatus();
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status ReachableEnds(int64_t start, int64_t min_hops, int64_t max_hops, int64_t node_count,
                           const StepFn& steps, Guard* guard, std::vector<int64_t>* ends) {
  if (max_hops < min_hops) return absl::OkStatus();
  if (min_hops == 0) {
    ends->push_back(start);
  } else {
    absl::StatusOr<bool> cycle = OnCycle(start, max_hops, steps, guard);
    if (!cycle.ok()) return cycle.status();
    if (*cycle) ends->push_back(start);
  }
  absl::flat_hash_set<int64_t> seen = {start};
  std::vector<int64_t> frontier = {start}, next;
  std::vector<Step> out;
  for (int64_t depth = 1; depth <= max_hops && !frontier.empty(); ++depth) {
    next.clear();
    for (int64_t u : frontier) {
      if (static_cast<int64_t>(seen.size()) == node_count) return absl::OkStatus();
      out.clear();
      absl::Status s = steps(u, &out);
      if (!s.ok()) return s;
      for (const auto& [rel, v] : out) {
        if (absl::Status t = Tick(guard); !t.ok()) return t;
        if (!seen.insert(v).second) continue;
        ends->push_back(v);
        next.push_back(v);
      }
    }
    frontier.swap(next);
  }
  return absl::OkStatus();
}

absl::Status ShortestPaths(int64_t from, int64_t to, int64_t min_hops, int64_t max_hops, bool all,
                           const StepFn& forward, const StepFn& backward, Guard* guard,
                           std::vector<std::vector<int64_t>>* paths) {
  if (from == to) {
    if (min_hops == 0) paths->push_back({from});
    return absl::OkStatus();
  }
  Side f, b;
  f.dist[from] = 0;
  f.frontier = {from};
  b.dist[to] = 0;
  b.frontier = {to};
  while (f.level + b.level < max_hops && !f.frontier.empty() && !b.frontier.empty()) {
    const bool forward_turn = f.frontier.size() <= b.frontier.size();
    Side& grown = forward_turn ? f : b;
    const Side& other = forward_turn ? b : f;
    absl::Status s = ExpandLevel(&grown, forward_turn ? forward : backward, guard);
    if (!s.ok()) return s;
    // The first level that touches the other side fixes the length; every
    // shortest path crosses that level at exactly one of these nodes.
    std::vector<int64_t> meets;
    for (int64_t v : grown.frontier) if (other.dist.contains(v)) meets.push_back(v);
    if (meets.empty()) continue;
    std::sort(meets.begin(), meets.end());
    for (int64_t m : meets) {
      std::vector<std::vector<int64_t>> heads, tails;
      s = PathsTo(f, m, all, guard, &heads);
      if (s.ok()) s = PathsTo(b, m, all, guard, &tails);
      if (!s.ok()) return s;
      for (const std::vector<int64_t>& h : heads) {
        for (const std::vector<int64_t>& t : tails) {
          std::vector<int64_t> path = h;
          path.insert(path.end(), t.rbegin() + 1, t.rend());
          paths->push_back(std::move(path));
          if (!all) return absl::OkStatus();
        }
      }
    }
    return absl::OkStatus();
  }
  return absl::OkStatus();
}

}  // namespace newsgraph::cypher
