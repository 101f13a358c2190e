#include "queries/canned/sides.h"

#include <algorithm>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "queries/canned/entity_names.h"

namespace newsgraph {
namespace queries {
namespace {

// The nodes of `kind` named `name`, skipping ids whose node has vanished.
absl::StatusOr<std::vector<pb::Node>> FindAndLoad(const Store& store, pb::NodeKind kind,
                                                  absl::string_view name) {
  absl::StatusOr<std::vector<uint64_t>> ids = store.FindNodes(kind, name);
  if (!ids.ok()) return ids.status();
  std::vector<pb::Node> nodes;
  for (uint64_t id : *ids) {
    absl::StatusOr<std::optional<pb::Node>> node = store.GetNode(id);
    if (!node.ok()) return node.status();
    if (node->has_value()) nodes.push_back(**node);
  }
  return nodes;
}

// Picks the node whose kb_key is `wanted`, else the only one found: a
// code must not silently pick one of two states that share an alias.
const pb::Node* PickNode(const std::vector<pb::Node>& nodes, absl::string_view wanted) {
  for (const pb::Node& n : nodes) {
    if (absl::EqualsIgnoreCase(n.kb_key(), wanted)) return &n;
  }
  return nodes.size() == 1 ? &nodes[0] : nullptr;
}

void SortUnique(std::vector<uint64_t>* ids) {
  std::sort(ids->begin(), ids->end());
  ids->erase(std::unique(ids->begin(), ids->end()), ids->end());
}

std::string CanonicalName(const pb::Node& node) {
  return node.kb_key().empty() ? node.name() : node.kb_key();
}

}  // namespace

absl::StatusOr<Side> Side::Resolve(const Store& store, absl::string_view code_or_name) {
  const absl::string_view wanted = absl::StripAsciiWhitespace(code_or_name);
  if (!wanted.empty()) {
    for (pb::NodeKind kind : {pb::STATE, pb::ALLIANCE, pb::ORGANIZATION}) {
      absl::StatusOr<std::vector<pb::Node>> nodes = FindAndLoad(store, kind, wanted);
      if (!nodes.ok()) return nodes.status();
      const pb::Node* node = PickNode(*nodes, wanted);
      if (node == nullptr) continue;
      return kind == pb::STATE ? FromState(store, *node) : FromGroup(store, *node);
    }
  }
  return UnknownNameError(store, wanted, NameScope::kSide);
}

Side Side::OfPeople(std::vector<uint64_t> people) {
  Side side;
  side.anyone_ = true;  // the people were chosen; their affiliation does not matter
  SortUnique(&people);
  side.people_ = std::move(people);
  return side;
}

Side Side::Anyone() {
  Side side;
  side.anyone_ = true;
  return side;
}

bool Side::Includes(absl::string_view state, int32_t day) const {
  if (anyone_) return true;
  if (absl::EqualsIgnoreCase(state, name_)) return true;
  for (const Membership& m : members_) {
    if (absl::EqualsIgnoreCase(state, m.code) && m.from_day <= day && day <= m.to_day) {
      return true;
    }
  }
  return false;
}

absl::StatusOr<Side> Side::FromState(const Store& store, const pb::Node& state) {
  Side side;
  side.name_ = CanonicalName(state);
  if (absl::Status s = side.AddRoleHolders(store, state.id()); !s.ok()) return s;
  SortUnique(&side.people_);
  return side;
}

// An alliance (or organisation): its own officials plus the officials of
// its member states; whether a member counts is decided per event day.
absl::StatusOr<Side> Side::FromGroup(const Store& store, const pb::Node& group) {
  Side side;
  side.name_ = CanonicalName(group);
  std::vector<pb::Edge> memberships;
  EdgeFilter filter;
  filter.type = pb::MEMBER_OF;
  absl::Status status = store.ScanEdges(group.id(), Direction::kIn, filter,
                                        [&](const pb::Edge& e) {
                                          memberships.push_back(e);
                                          return true;
                                        });
  if (!status.ok()) return status;
  if (status = side.AddRoleHolders(store, group.id()); !status.ok()) return status;
  std::vector<uint64_t> member_nodes;
  for (const pb::Edge& e : memberships) {
    absl::StatusOr<std::optional<pb::Node>> member = store.GetNode(e.src());
    if (!member.ok()) return member.status();
    if (!member->has_value()) continue;
    side.members_.push_back({CanonicalName(**member), e.time().from_day(), e.time().to_day()});
    member_nodes.push_back(e.src());
  }
  SortUnique(&member_nodes);
  for (uint64_t id : member_nodes) {
    if (status = side.AddRoleHolders(store, id); !status.ok()) return status;
  }
  SortUnique(&side.people_);
  return side;
}

absl::Status Side::AddRoleHolders(const Store& store, uint64_t node) {
  EdgeFilter filter;
  filter.type = pb::HOLDS_ROLE;
  return store.ScanEdges(node, Direction::kIn, filter, [&](const pb::Edge& e) {
    people_.push_back(e.src());
    return true;
  });
}

}  // namespace queries
}  // namespace newsgraph
