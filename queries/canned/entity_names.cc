#include "queries/canned/entity_names.h"

#include <algorithm>
#include <map>
#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"

namespace newsgraph::queries {
namespace {

std::vector<pb::NodeKind> Kinds(NameScope scope) {
  switch (scope) {
    case NameScope::kPerson: return {pb::PERSON};
    case NameScope::kSide: return {pb::STATE, pb::ALLIANCE, pb::ORGANIZATION};
    case NameScope::kEntity: break;
  }
  return {pb::PERSON, pb::STATE, pb::ALLIANCE, pb::ORGANIZATION, pb::PLACE};
}

const char* What(NameScope scope) {
  switch (scope) {
    case NameScope::kPerson: return "person";
    case NameScope::kSide: return "state or alliance";
    case NameScope::kEntity: break;
  }
  return "entity";
}

// Levenshtein distance, stopping early (returning limit + 1) once every
// path is over `limit`.
int EditDistance(absl::string_view a, absl::string_view b, int limit) {
  if (static_cast<int>(std::max(a.size(), b.size()) - std::min(a.size(), b.size())) > limit) {
    return limit + 1;
  }
  std::vector<int> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    int diagonal = row[0];
    row[0] = static_cast<int>(i);
    int best = row[0];
    for (size_t j = 1; j <= b.size(); ++j) {
      const int above = row[j];
      row[j] = std::min({above + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
      diagonal = above;
      best = std::min(best, row[j]);
    }
    if (best > limit) return limit + 1;
  }
  return row[b.size()];
}

// How far a stored name is from what was typed (both normalised): the
// edit distance of the whole names when small, else 10 plus that of one
// word with one typed word ("erdogan" in "recep tayyip erdogan"); -1 when
// neither is near.
int Nearness(const std::string& typed, const std::string& stored) {
  const int whole_limit = std::max<int>(2, static_cast<int>(typed.size()) / 4);
  const int whole = EditDistance(typed, stored, whole_limit);
  if (whole <= whole_limit) return whole;
  int best = -1;
  for (absl::string_view t : absl::StrSplit(typed, ' ', absl::SkipEmpty())) {
    if (t.size() < 3) continue;
    const int limit = t.size() >= 5 ? 1 : 0;
    for (absl::string_view s : absl::StrSplit(stored, ' ', absl::SkipEmpty())) {
      const int d = EditDistance(t, s, limit);
      if (d <= limit && (best < 0 || 10 + d < best)) best = 10 + d;
    }
  }
  return best;
}

}  // namespace

absl::StatusOr<std::vector<std::string>> SuggestNames(const Store& store, absl::string_view typed,
                                                      NameScope scope, int limit) {
  const std::string wanted = NormalizeName(typed);
  std::map<std::string, int> nearest;  // stored name -> its best nearness
  if (wanted.empty()) return std::vector<std::string>();
  for (pb::NodeKind kind : Kinds(scope)) {
    absl::Status s = store.ScanNodes(kind, [&](const pb::Node& node) {
      std::vector<std::string> names = {node.name(), node.kb_key()};
      names.insert(names.end(), node.aliases().begin(), node.aliases().end());
      for (const std::string& name : names) {
        const int n = name.empty() ? -1 : Nearness(wanted, NormalizeName(name));
        if (n < 0) continue;
        auto [it, added] = nearest.emplace(node.name(), n);
        if (!added) it->second = std::min(it->second, n);
      }
      return true;
    });
    if (!s.ok()) return s;
  }
  std::vector<std::pair<int, std::string>> ranked;
  for (const auto& [name, n] : nearest) ranked.emplace_back(n, name);
  std::sort(ranked.begin(), ranked.end());
  // Names near as a whole hide those that only share a word.
  const bool whole = !ranked.empty() && ranked[0].first < 10;
  std::vector<std::string> out;
  for (size_t i = 0; i < ranked.size() && static_cast<int>(i) < limit; ++i) {
    if (whole && ranked[i].first >= 10) break;
    out.push_back(ranked[i].second);
  }
  return out;
}

absl::Status UnknownNameError(const Store& store, absl::string_view typed, NameScope scope) {
  std::string message = absl::StrCat("no ", What(scope), " named \"", typed, "\" in this store");
  absl::StatusOr<std::vector<std::string>> near = SuggestNames(store, typed, scope);
  if (!near.ok()) return near.status();
  if (!near->empty()) {
    absl::StrAppend(&message, " (did you mean \"", absl::StrJoin(*near, "\" or \""), "\"?)");
  }
  return absl::NotFoundError(message);
}

absl::StatusOr<std::string> ResolveEntityName(const Store& store, absl::string_view typed,
                                              NameScope scope) {
  const absl::string_view wanted = absl::StripAsciiWhitespace(typed);
  std::set<std::string> names;
  for (pb::NodeKind kind : Kinds(scope)) {
    absl::StatusOr<std::vector<uint64_t>> ids = store.FindNodes(kind, wanted);
    if (!ids.ok()) return ids.status();
    for (uint64_t id : *ids) {
      absl::StatusOr<std::optional<pb::Node>> node = store.GetNode(id);
      if (!node.ok()) return node.status();
      if (node->has_value()) names.insert((*node)->name());
    }
  }
  // A name stored exactly as typed wins over aliases of others.
  if (names.count(std::string(wanted)) > 0 || names.size() == 1) {
    return names.count(std::string(wanted)) > 0 ? std::string(wanted) : *names.begin();
  }
  if (names.empty()) return UnknownNameError(store, wanted, scope);
  return absl::InvalidArgumentError(absl::StrCat("\"", wanted, "\" names several: \"",
                                                 absl::StrJoin(names, "\", \""),
                                                 "\"; give the whole name"));
}

}  // namespace newsgraph::queries
