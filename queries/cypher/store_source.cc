#include "queries/cypher/store_source.h"

#include <algorithm>
#include <limits>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace newsgraph::cypher {
namespace {

constexpr pb::NodeKind kAllKinds[] = {pb::PERSON, pb::STATE,  pb::ALLIANCE, pb::ORGANIZATION,
                                      pb::PLACE,  pb::EVENT, pb::ARTICLE};

// The importer writes ±(2^31-1) for the open ends of a span (membership
// with no known end); as dates they mean "unknown", so Cypher sees null.
bool IsOpenEnd(int32_t day) {
  return day >= std::numeric_limits<int32_t>::max() ||
         day <= -std::numeric_limits<int32_t>::max();
}

void PutDay(PropertyMap* props, const char* key, int32_t day) {
  if (!IsOpenEnd(day)) (*props)[key] = Value::Date(day);
}

void PutString(PropertyMap* props, const char* key, const std::string& text) {
  if (!text.empty()) (*props)[key] = Value::String(text);
}

template <typename Ids>
void PutIds(PropertyMap* props, const char* key, const Ids& ids) {
  if (ids.empty()) return;
  std::vector<Value> list;
  for (uint64_t id : ids) list.push_back(Value::Int(static_cast<int64_t>(id)));
  (*props)[key] = Value::List(std::move(list));
}

std::string Lower(const std::string& name) { return absl::AsciiStrToLower(name); }

// The float's shortest decimal form as a double: 0.9f reads 0.9, not
// 0.899999976158142.
double FloatAsDecimal(float f) {
  double d = 0;
  return absl::SimpleAtod(absl::StrCat(f), &d) ? d : static_cast<double>(f);
}

int32_t ClampDay(int64_t day) {
  return static_cast<int32_t>(std::clamp<int64_t>(day, std::numeric_limits<int32_t>::min(),
                                                  std::numeric_limits<int32_t>::max()));
}

void AddEventProperties(const pb::EventInfo& event, PropertyMap* props) {
  PutString(props, "type", event.plover_type());
  PutString(props, "mode", event.mode());
  if (event.factuality() != pb::FACTUALITY_UNSPECIFIED) {
    (*props)["factuality"] = Value::String(Lower(pb::Factuality_Name(event.factuality())));
  }
  const pb::TimeSpan& time = event.time();
  // A date that fell back to the publication day is not the event's date.
  if (!time.fell_back()) {
    PutDay(props, "date", time.from_day());
    PutDay(props, "end_date", time.to_day());
  }
  if (time.granularity() != pb::GRANULARITY_UNKNOWN) {
    (*props)["granularity"] = Value::String(Lower(pb::Granularity_Name(time.granularity())));
  }
  (*props)["fell_back"] = Value::Bool(time.fell_back());
  PutString(props, "place", event.place());
  PutIds(props, "evidence", event.evidence_ids());
}

}  // namespace

std::string LabelOfKind(pb::NodeKind kind) {
  switch (kind) {
    case pb::PERSON: return "Person";
    case pb::STATE: return "State";
    case pb::ALLIANCE: return "Alliance";
    case pb::ORGANIZATION: return "Organization";
    case pb::PLACE: return "Place";
    case pb::EVENT: return "Event";
    case pb::ARTICLE: return "Article";
    default: return "";
  }
}

pb::NodeKind KindOfLabel(const std::string& label) {
  for (pb::NodeKind kind : kAllKinds) {
    if (LabelOfKind(kind) == label) return kind;
  }
  return pb::NODE_KIND_UNSPECIFIED;
}

PropertyMap NodePropertiesOf(const pb::Node& node) {
  PropertyMap props;
  props["id"] = Value::Int(static_cast<int64_t>(node.id()));
  PutString(&props, "name", node.name());
  if (!node.aliases().empty()) {
    std::vector<Value> aliases;
    for (const std::string& a : node.aliases()) aliases.push_back(Value::String(a));
    props["aliases"] = Value::List(std::move(aliases));
  }
  PutString(&props, "kb_key", node.kb_key());
  PutString(&props, "state", node.state());
  PutString(&props, "role", node.role());
  if (node.kind() == pb::EVENT) AddEventProperties(node.event(), &props);
  return props;
}

PropertyMap EdgePropertiesOf(const pb::Edge& edge) {
  PropertyMap props;
  if (edge.has_time()) {
    PutDay(&props, "date", edge.time().from_day());
    PutDay(&props, "end_date", edge.time().to_day());
  }
  if (edge.factuality() != pb::FACTUALITY_UNSPECIFIED) {
    props["factuality"] = Value::String(Lower(pb::Factuality_Name(edge.factuality())));
  }
  PutString(&props, "role", edge.role());
  PutString(&props, "state", edge.state());
  PutString(&props, "title", edge.title());
  if (edge.event_id() != 0) props["event_id"] = Value::Int(static_cast<int64_t>(edge.event_id()));
  PutIds(&props, "evidence", edge.evidence_ids());
  props["confidence"] = Value::Float(FloatAsDecimal(edge.confidence()));
  return props;
}

namespace {

// The store's types a filter asks for, each once; UNSPECIFIED (every
// type) for an empty list. A type the store does not have matches nothing.
std::vector<pb::EdgeType> StoreTypes(const RelFilter& filter) {
  std::vector<pb::EdgeType> types;
  for (const std::string& name : filter.types) {
    pb::EdgeType type = pb::EDGE_TYPE_UNSPECIFIED;
    if (!pb::EdgeType_Parse(name, &type) || type == pb::EDGE_TYPE_UNSPECIFIED) continue;
    if (std::find(types.begin(), types.end(), type) == types.end()) types.push_back(type);
  }
  if (filter.types.empty()) types.push_back(pb::EDGE_TYPE_UNSPECIFIED);
  return types;
}

EdgeFilter ScanFilter(pb::EdgeType type, const RelFilter* window) {
  EdgeFilter filter;
  filter.type = type;
  if (window != nullptr) {
    filter.from_day = ClampDay(window->from_day);
    filter.to_day = ClampDay(window->to_day);
  }
  return filter;
}

}  // namespace

void StoreGraphSource::Fail(const absl::Status& s) const {
  if (status_.ok()) status_ = s;
}

const StoreGraphSource::NodeEntry& StoreGraphSource::Remember(const pb::Node& node) const {
  std::unique_ptr<NodeEntry>& slot = nodes_[static_cast<int64_t>(node.id())];
  if (slot == nullptr) {
    slot = std::make_unique<NodeEntry>();
    const std::string label = LabelOfKind(node.kind());
    if (!label.empty()) slot->labels.push_back(label);
    slot->props = NodePropertiesOf(node);
  }
  return *slot;
}

const StoreGraphSource::NodeEntry& StoreGraphSource::Node(int64_t id) const {
  auto it = nodes_.find(id);
  if (it != nodes_.end()) return *it->second;
  absl::StatusOr<std::optional<pb::Node>> node = store_.GetNode(static_cast<uint64_t>(id));
  if (node.ok() && node->has_value()) return Remember(**node);
  if (!node.ok()) Fail(node.status());
  // A missing node (or a failed read) is a node with nothing on it.
  return *nodes_.emplace(id, std::make_unique<NodeEntry>()).first->second;
}

std::vector<int64_t> StoreGraphSource::AllNodes() const {
  return ScanKind(pb::NODE_KIND_UNSPECIFIED);
}

const std::vector<std::string>& StoreGraphSource::Labels(int64_t node) const {
  return Node(node).labels;
}

const PropertyMap& StoreGraphSource::NodeProperties(int64_t node) const {
  return Node(node).props;
}

int64_t StoreGraphSource::Intern(const pb::Edge& edge, std::string* scratch) const {
  scratch->clear();
  edge.SerializeToString(scratch);
  auto it = rel_ids_.find(absl::string_view(*scratch));
  if (it != rel_ids_.end()) return it->second;
  const auto id = static_cast<int64_t>(rels_.size());
  rels_.push_back({static_cast<int64_t>(edge.src()), static_cast<int64_t>(edge.dst()),
                   pb::EdgeType_Name(edge.type()), std::move(*scratch), nullptr});
  rel_ids_.emplace(absl::string_view(rels_.back().record), id);
  return id;
}

const PropertyMap& StoreGraphSource::RelProperties(int64_t rel) const {
  const RelEntry& entry = rels_[rel];
  if (entry.props == nullptr) {
    pb::Edge edge;
    // The record was serialised by this process: it parses.
    edge.ParseFromString(entry.record);
    entry.props = std::make_unique<PropertyMap>(EdgePropertiesOf(edge));
  }
  return *entry.props;
}

std::vector<int64_t> StoreGraphSource::Scan(int64_t node, bool out, pb::EdgeType type,
                                            const RelFilter* window) const {
  const EdgeFilter filter = ScanFilter(type, window);
  // Interning inside the callback reads nothing from the store, so the
  // store's scan is not re-entered.
  std::vector<int64_t> ids;
  std::string scratch;
  absl::Status s = store_.ScanEdges(static_cast<uint64_t>(node),
                                    out ? newsgraph::Direction::kOut : newsgraph::Direction::kIn,
                                    filter, [&](const pb::Edge& e) {
                                      ids.push_back(Intern(e, &scratch));
                                      return true;
                                    });
  ++edge_scans_;
  edges_read_ += ids.size();
  if (!s.ok()) Fail(s);
  return ids;
}

const std::vector<int64_t>& StoreGraphSource::Adjacent(int64_t node, bool out,
                                                       pb::EdgeType type) const {
  std::unique_ptr<std::vector<int64_t>>& slot = adjacency_[{node, out, static_cast<int>(type)}];
  if (slot == nullptr) {
    slot = std::make_unique<std::vector<int64_t>>(Scan(node, out, type, nullptr));
  }
  return *slot;
}

const std::vector<int64_t>& StoreGraphSource::Outgoing(int64_t node) const {
  return Adjacent(node, true, pb::EDGE_TYPE_UNSPECIFIED);
}

const std::vector<int64_t>& StoreGraphSource::Incoming(int64_t node) const {
  return Adjacent(node, false, pb::EDGE_TYPE_UNSPECIFIED);
}

void StoreGraphSource::Relationships(int64_t node, Direction dir, const RelFilter& filter,
                                     std::vector<int64_t>* out) const {
  const std::vector<pb::EdgeType> types = StoreTypes(filter);
  for (const bool outgoing : {true, false}) {
    if (outgoing ? dir == Direction::kIn : dir == Direction::kOut) continue;
    for (pb::EdgeType type : types) {
      if (!filter.has_window()) {
        const std::vector<int64_t>& rels = Adjacent(node, outgoing, type);
        out->insert(out->end(), rels.begin(), rels.end());
        continue;
      }
      // The scan bounds the start day; the check keeps open-start edges
      // (no `date`) out, exactly as the default implementation does.
      for (int64_t rel : Scan(node, outgoing, type, &filter)) {
        if (filter.Passes(*this, rel)) out->push_back(rel);
      }
    }
  }
}

void StoreGraphSource::ForEachRelationship(int64_t node, Direction dir, const RelFilter& filter,
                                           const std::function<bool(int64_t)>& visit) const {
  const std::vector<pb::EdgeType> types = StoreTypes(filter);
  for (const bool outgoing : {true, false}) {
    if (outgoing ? dir == Direction::kIn : dir == Direction::kOut) continue;
    for (pb::EdgeType type : types) {
      if (!StreamSide(node, outgoing, type, filter, visit)) return;
    }
  }
}

bool StoreGraphSource::StreamSide(int64_t node, bool out, pb::EdgeType type,
                                  const RelFilter& filter,
                                  const std::function<bool(int64_t)>& visit) const {
  const bool window = filter.has_window();
  if (!window) {
    auto cached = adjacency_.find({node, out, static_cast<int>(type)});
    if (cached != adjacency_.end()) {
      for (int64_t rel : *cached->second) {
        if (!visit(rel)) return false;
      }
      return true;
    }
  }
  // `visit` may read the store (a node's record) while the scan is open:
  // a RocksDB read beside an iterator is allowed, and the interning itself
  // reads nothing.
  std::vector<int64_t> whole;
  std::string scratch;
  bool stopped = false;
  const absl::Status s = store_.ScanEdges(
      static_cast<uint64_t>(node), out ? newsgraph::Direction::kOut : newsgraph::Direction::kIn,
      ScanFilter(type, window ? &filter : nullptr), [&](const pb::Edge& e) {
        const int64_t rel = Intern(e, &scratch);
        ++edges_read_;
        if (!window) whole.push_back(rel);
        // As in Relationships: the scan bounds the start day only.
        if (window && !filter.Passes(*this, rel)) return true;
        stopped = !visit(rel);
        return !stopped;
      });
  ++edge_scans_;
  if (!s.ok()) Fail(s);
  if (!window && !stopped && s.ok()) {
    adjacency_[{node, out, static_cast<int>(type)}] =
        std::make_unique<std::vector<int64_t>>(std::move(whole));
  }
  return !stopped;
}

std::vector<int64_t> StoreGraphSource::NodesWithLabel(const std::string& label) const {
  const pb::NodeKind kind = KindOfLabel(label);
  // No node carries an unknown (or empty) label.
  if (kind == pb::NODE_KIND_UNSPECIFIED) return {};
  return ScanKind(kind);
}

std::vector<int64_t> StoreGraphSource::ScanKind(pb::NodeKind kind) const {
  std::vector<pb::Node> records;
  absl::Status s = store_.ScanNodes(kind, [&](const pb::Node& n) {
    records.push_back(n);
    return true;
  });
  if (!s.ok()) Fail(s);
  std::vector<int64_t> ids;
  for (const pb::Node& n : records) {
    Remember(n);
    ids.push_back(static_cast<int64_t>(n.id()));
  }
  return ids;
}

std::vector<int64_t> StoreGraphSource::NodesWithProperty(const std::string& label,
                                                         const std::string& key,
                                                         const Value& value) const {
  const pb::NodeKind kind = KindOfLabel(label);
  if (!label.empty() && kind == pb::NODE_KIND_UNSPECIFIED) return {};
  auto matches = [&](int64_t id) {
    const NodeEntry& node = Node(id);
    if (!label.empty() && (node.labels.empty() || node.labels[0] != label)) return false;
    auto it = node.props.find(key);
    return it != node.props.end() && CypherEquals(it->second, value) == Tri::kTrue;
  };
  if (key == "id" && value.kind == Value::Kind::kInt) {
    if (value.i < 0 || !matches(value.i)) return {};
    return {value.i};
  }
  // The name index holds every name under its normalised text, so it finds
  // a superset of the exact matches; text that normalises to nothing is
  // not indexed, and is left to the scan below.
  if (key != "name" || value.kind != Value::Kind::kString || NormalizeName(value.s).empty()) {
    return GraphSource::NodesWithProperty(label, key, value);
  }
  std::vector<int64_t> ids;
  for (pb::NodeKind k : kAllKinds) {
    if (kind != pb::NODE_KIND_UNSPECIFIED && k != kind) continue;
    absl::StatusOr<std::vector<uint64_t>> found = store_.FindNodes(k, value.s);
    if (!found.ok()) {
      Fail(found.status());
      return {};
    }
    for (uint64_t id : *found) {
      if (matches(static_cast<int64_t>(id))) ids.push_back(static_cast<int64_t>(id));
    }
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

}  // namespace newsgraph::cypher
