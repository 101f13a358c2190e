// WriteGraphMl: the slice as GraphML for Gephi, yEd, Cytoscape and
// NetworkX. GraphML has no list type, so lists are JSON arrays in a
// string (an alias may hold a comma: joining with ", " would lose it).
#include <ostream>
#include <string>

#include "absl/container/btree_map.h"
#include "absl/strings/str_cat.h"
#include "nlohmann/json.hpp"
#include "queries/export/properties.h"
#include "queries/export/writers.h"
#include "queries/output/graph_output.h"
#include "schema/dates.h"
#include "schema/ontology.h"

namespace newsgraph::queries {
namespace {

using Json = nlohmann::ordered_json;

const char* GraphMlType(PropType type) {
  switch (type) {
    case PropType::kInt:
      return "long";
    case PropType::kFloat:
      return "double";
    case PropType::kBool:
      return "boolean";
    default:
      return "string";
  }
}

std::string GraphMlValue(const Property& p) {
  if (p.type == PropType::kStrings || p.type == PropType::kEvidenceRefs) {
    return XmlEscape(Json(p.values).dump(-1, ' ', false, Json::error_handler_t::replace));
  }
  return XmlEscape(p.values.front());
}

std::string EdgeCaption(const pb::Edge& edge) {
  std::string caption = EdgeTypeName(edge.type());
  const std::string date = edge.has_time() ? FormatSpan(edge.time()) : "";
  if (!date.empty()) absl::StrAppend(&caption, " ", date);
  return caption;
}

// Property name -> type, for the keys of one domain.
using Keys = absl::btree_map<std::string, PropType>;

void Declare(const Keys& keys, const char* domain, const char* prefix, std::ostream& out) {
  for (const auto& [name, type] : keys) {
    out << "  <key id=\"" << prefix << XmlEscape(name) << "\" for=\"" << domain << "\" attr.name=\""
        << XmlEscape(name) << "\" attr.type=\"" << GraphMlType(type) << "\"/>\n";
  }
}

void Data(const char* key, const std::string& escaped, std::ostream& out) {
  out << "      <data key=\"" << key << "\">" << escaped << "</data>\n";
}

void Properties(const std::vector<Property>& props, const char* prefix, std::ostream& out) {
  for (const Property& p : props) {
    if (p.values.empty() && p.type != PropType::kStrings) continue;  // an open date
    out << "      <data key=\"" << prefix << XmlEscape(p.name) << "\">" << GraphMlValue(p)
        << "</data>\n";
  }
}

std::vector<Property> AllNodeProperties(const GraphSlice& slice, const pb::Node& node) {
  std::vector<Property> props = NodeProperties(node);
  if (const pb::Article* article = slice.ArticleOf(node)) {
    for (Property& p : ArticleProperties(*article)) props.push_back(std::move(p));
  }
  return props;
}

void WriteKeys(const GraphSlice& slice, std::ostream& out) {
  Keys node_keys, edge_keys;
  for (const pb::Node& n : slice.nodes) {
    for (const Property& p : AllNodeProperties(slice, n)) node_keys.emplace(p.name, p.type);
  }
  for (const SliceEdge& e : slice.edges) {
    for (const Property& p : EdgeProperties(e.edge)) edge_keys.emplace(p.name, p.type);
  }
  out << "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
         "  <key id=\"labels\" for=\"node\" attr.name=\"labels\" attr.type=\"string\"/>\n"
         "  <key id=\"n_sentences\" for=\"node\" attr.name=\"sentences\" attr.type=\"string\"/>\n"
         "  <key id=\"type\" for=\"edge\" attr.name=\"type\" attr.type=\"string\"/>\n"
         "  <key id=\"e_label\" for=\"edge\" attr.name=\"label\" attr.type=\"string\"/>\n"
         "  <key id=\"e_sentences\" for=\"edge\" attr.name=\"sentences\" attr.type=\"string\"/>\n";
  // Prefixed ids: a property called "type" or "label" must not clash.
  Declare(node_keys, "node", "n_", out);
  Declare(edge_keys, "edge", "e_", out);
}

}  // namespace

std::string EvidenceJson(const GraphSlice& slice, const std::vector<uint64_t>& ids) {
  Json out = Json::array();
  for (uint64_t id : ids) {
    auto it = slice.evidence.find(id);
    if (it == slice.evidence.end()) continue;
    out.push_back({{"id", EvidenceRef(id)},
                   {"article_id", it->second.article_id()},
                   {"sentence", it->second.sentence()}});
  }
  return out.dump(-1, ' ', false, Json::error_handler_t::replace);
}

absl::Status WriteGraphMl(const GraphSlice& slice, std::ostream& out) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
         "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
         "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  WriteKeys(slice, out);
  out << "  <graph id=\"newsgraph\" edgedefault=\"directed\">\n";
  for (const pb::Node& n : slice.nodes) {
    out << "    <node id=\"" << NodeRef(n.id()) << "\">\n";
    Data("label", XmlEscape(NodeCaption(n)), out);
    Data("labels", LabelOf(n.kind()), out);
    if (!n.event().evidence_ids().empty()) {
      const auto& ids = n.event().evidence_ids();
      Data("n_sentences", XmlEscape(EvidenceJson(slice, {ids.begin(), ids.end()})), out);
    }
    Properties(AllNodeProperties(slice, n), "n_", out);
    out << "    </node>\n";
  }
  for (const SliceEdge& e : slice.edges) {
    out << "    <edge id=\"" << XmlEscape(e.id) << "\" source=\"" << NodeRef(e.edge.src())
        << "\" target=\"" << NodeRef(e.edge.dst()) << "\">\n";
    Data("type", EdgeTypeName(e.edge.type()), out);
    Data("e_label", XmlEscape(EdgeCaption(e.edge)), out);
    const std::vector<uint64_t> evidence = slice.EvidenceOf(e.edge);
    if (!evidence.empty()) Data("e_sentences", XmlEscape(EvidenceJson(slice, evidence)), out);
    Properties(EdgeProperties(e.edge), "e_", out);
    out << "    </edge>\n";
  }
  out << "  </graph>\n</graphml>\n";
  if (!out) return absl::InternalError("writing the GraphML export failed");
  return absl::OkStatus();
}

}  // namespace newsgraph::queries
