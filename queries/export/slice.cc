#include "queries/export/slice.h"

#include <algorithm>
#include <optional>
#include <tuple>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "queries/export/properties.h"
#include "schema/dates.h"
#include "schema/ontology.h"

namespace newsgraph::queries {
namespace {

// The filter with its text parsed once.
struct Filter {
  bool any = false;
  bool windowed = false;
  int32_t from_day = std::numeric_limits<int32_t>::min();
  int32_t to_day = std::numeric_limits<int32_t>::max();
  absl::flat_hash_set<int> types;         // pb::EdgeType; empty = all
  absl::flat_hash_set<int> factualities;  // pb::Factuality; empty = all
};

absl::StatusOr<Filter> ParseFilter(const GraphExportFilter& given) {
  Filter f;
  f.any = !given.empty();
  f.windowed = !given.from.empty() || !given.to.empty();
  for (auto [text, day, flag] : {std::make_tuple(&given.from, &f.from_day, "--from"),
                                 std::make_tuple(&given.to, &f.to_day, "--to")}) {
    if (text->empty()) continue;
    absl::StatusOr<absl::CivilDay> parsed = ParseIsoDay(*text);
    if (!parsed.ok()) {
      return absl::InvalidArgumentError(absl::StrCat(flag, ": ", parsed.status().message()));
    }
    *day = DayNumber(*parsed);
  }
  for (const std::string& name : given.types) {
    std::optional<pb::EdgeType> type = EdgeTypeOf(name);
    if (!type)
      return absl::InvalidArgumentError(absl::StrCat("unknown relationship type \"", name, "\""));
    f.types.insert(*type);
  }
  for (const std::string& name : given.factualities) {
    std::optional<pb::Factuality> fact = ParseFactuality(name);
    if (!fact) return absl::InvalidArgumentError(absl::StrCat("unknown factuality \"", name, "\""));
    f.factualities.insert(*fact);
  }
  return f;
}

bool FactualityPasses(const Filter& f, pb::Factuality value) {
  return f.factualities.empty() || value == pb::FACTUALITY_UNSPECIFIED ||
         f.factualities.contains(value);
}

// A span that fell back to the publication day says nothing about when.
bool SpanPasses(const Filter& f, const pb::TimeSpan& time) {
  if (!f.windowed) return true;
  return !time.fell_back() && SpanOverlaps(time, f.from_day, f.to_day);
}

bool NodePasses(const Filter& f, const pb::Node& node) {
  if (node.kind() != pb::EVENT) return true;
  return FactualityPasses(f, node.event().factuality()) && SpanPasses(f, node.event().time());
}

bool EdgePasses(const Filter& f, const pb::Edge& edge) {
  if (!f.types.empty() && !f.types.contains(edge.type())) return false;
  if (!FactualityPasses(f, edge.factuality())) return false;
  return !edge.has_time() || SpanPasses(f, edge.time());
}

// Open starts of two spellings sort, and are named, as one.
int32_t KeyDay(const pb::Edge& edge) {
  const int32_t day = edge.time().from_day();
  return IsOpenDay(day) && day < 0 ? kOpenStart : day;
}

// The out-edges of one node in key order, with their ids.
absl::Status AddEdgesOf(const Store& store, uint64_t src, std::vector<SliceEdge>* out) {
  std::vector<pb::Edge> edges;
  absl::Status status = store.ScanEdges(src, Direction::kOut, EdgeFilter{}, [&](const pb::Edge& e) {
    edges.push_back(e);
    return true;
  });
  if (!status.ok()) return status;
  auto key = [](const pb::Edge& e) { return std::make_tuple(e.type(), KeyDay(e), e.dst()); };
  std::stable_sort(edges.begin(), edges.end(),
                   [&](const pb::Edge& a, const pb::Edge& b) { return key(a) < key(b); });
  for (size_t i = 0; i < edges.size(); ++i) {
    int parallel = 0;
    while (parallel < static_cast<int>(i) && key(edges[i - parallel - 1]) == key(edges[i]))
      ++parallel;
    out->push_back({edges[i], EdgeId(edges[i], parallel)});
  }
  return absl::OkStatus();
}

// Evidence and articles behind what the slice keeps.
absl::Status AddRecords(const Store& store, bool whole_store,
                        const absl::flat_hash_map<uint64_t, pb::Node>& all, GraphSlice* slice) {
  absl::flat_hash_set<uint64_t> evidence_ids;
  for (const pb::Node& n : slice->nodes) {
    evidence_ids.insert(n.event().evidence_ids().begin(), n.event().evidence_ids().end());
  }
  for (const SliceEdge& e : slice->edges) {
    evidence_ids.insert(e.edge.evidence_ids().begin(), e.edge.evidence_ids().end());
    // Only a contact without evidence of its own borrows its event's (the
    // importer gives them their own).
    if (e.edge.event_id() == 0 || !e.edge.evidence_ids().empty()) continue;
    auto event = all.find(e.edge.event_id());
    if (event == all.end()) continue;
    const auto& ids = event->second.event().evidence_ids();
    slice->event_evidence[e.edge.event_id()] = {ids.begin(), ids.end()};
    evidence_ids.insert(ids.begin(), ids.end());
  }
  if (whole_store) {
    // Every record, cited or not, so that a store read back from the
    // export holds what this one does.
    absl::Status s = store.ScanEvidence([&](const pb::Evidence& v) {
      slice->evidence.emplace(v.id(), v);
      return true;
    });
    if (!s.ok()) return s;
    return store.ScanArticles([&](const pb::Article& a) {
      slice->articles.emplace(a.id(), a);
      return true;
    });
  }
  absl::flat_hash_set<std::string> article_ids;
  for (uint64_t id : evidence_ids) {
    absl::StatusOr<std::optional<pb::Evidence>> record = store.GetEvidence(id);
    if (!record.ok()) return record.status();
    if (!record->has_value()) continue;
    article_ids.insert((*record)->article_id());
    slice->evidence.emplace(id, **record);
  }
  for (const pb::Node& n : slice->nodes) {
    if (n.kind() == pb::ARTICLE) article_ids.insert(n.name());
  }
  for (const std::string& id : article_ids) {
    absl::StatusOr<std::optional<pb::Article>> article = store.GetArticle(id);
    if (!article.ok()) return article.status();
    if (article->has_value()) slice->articles.emplace(id, **article);
  }
  return absl::OkStatus();
}

}  // namespace

std::string EdgeId(const pb::Edge& edge, int parallel_index) {
  std::string id = absl::StrCat("r", edge.src(), ".", EdgeTypeName(edge.type()), ".", KeyDay(edge),
                                ".", edge.dst());
  if (parallel_index > 0) absl::StrAppend(&id, ".", parallel_index);
  return id;
}

const pb::Node* GraphSlice::FindNode(uint64_t id) const {
  auto it = std::lower_bound(nodes.begin(), nodes.end(), id,
                             [](const pb::Node& n, uint64_t want) { return n.id() < want; });
  return it != nodes.end() && it->id() == id ? &*it : nullptr;
}

std::vector<uint64_t> GraphSlice::EvidenceOf(const pb::Edge& edge) const {
  if (!edge.evidence_ids().empty()) return {edge.evidence_ids().begin(), edge.evidence_ids().end()};
  auto it = event_evidence.find(edge.event_id());
  return it == event_evidence.end() ? std::vector<uint64_t>() : it->second;
}

const pb::Article* GraphSlice::ArticleOf(const pb::Node& node) const {
  if (node.kind() != pb::ARTICLE) return nullptr;
  auto it = articles.find(node.name());
  return it == articles.end() ? nullptr : &it->second;
}

absl::StatusOr<GraphSlice> CollectGraphSlice(const Store& store, const GraphExportFilter& given) {
  absl::StatusOr<Filter> filter = ParseFilter(given);
  if (!filter.ok()) return filter.status();
  GraphSlice slice;
  slice.filter = given;
  // Nodes first, edges after: scanning edges from inside the node scan's
  // callback would nest iterators the store does not promise.
  absl::flat_hash_map<uint64_t, pb::Node> all;
  std::vector<uint64_t> ids;
  absl::Status status = store.ScanNodes(pb::NODE_KIND_UNSPECIFIED, [&](const pb::Node& node) {
    ids.push_back(node.id());
    all.emplace(node.id(), node);
    return true;
  });
  if (!status.ok()) return status;
  std::vector<SliceEdge> edges;
  for (uint64_t id : ids) {
    if (absl::Status s = AddEdgesOf(store, id, &edges); !s.ok()) return s;
  }
  // An edge whose end has no node record is left out even unfiltered:
  // every format needs both ends.
  absl::flat_hash_set<uint64_t> ends;
  for (SliceEdge& e : edges) {
    auto src = all.find(e.edge.src());
    auto dst = all.find(e.edge.dst());
    if (src == all.end() || dst == all.end()) continue;
    if (filter->any && !(EdgePasses(*filter, e.edge) && NodePasses(*filter, src->second) &&
                         NodePasses(*filter, dst->second))) {
      continue;
    }
    ends.insert(e.edge.src());
    ends.insert(e.edge.dst());
    slice.edges.push_back(std::move(e));
  }
  for (uint64_t id : ids) {
    if (!filter->any || ends.contains(id)) slice.nodes.push_back(all[id]);
  }
  if (absl::Status s = AddRecords(store, !filter->any, all, &slice); !s.ok()) return s;
  return slice;
}

}  // namespace newsgraph::queries
