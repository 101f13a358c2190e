// WriteJsonLines: the lossless export; ImportGraphJsonLines reads it back.
#include <cstdlib>
#include <string>

#include "absl/strings/escaping.h"
#include "nlohmann/json.hpp"
#include "queries/export/properties.h"
#include "queries/export/writers.h"
#include "schema/ontology.h"

namespace newsgraph::queries {
namespace {

using Json = nlohmann::ordered_json;

Json PropertyJson(const Property& p) {
  switch (p.type) {
    case PropType::kStrings:
    case PropType::kEvidenceRefs:
      return Json(p.values);
    case PropType::kInt:
      return Json(std::strtoll(p.values.front().c_str(), nullptr, 10));
    case PropType::kFloat:
      // FloatText's shortest digits, which nlohmann prints back as they are.
      return Json(std::strtod(p.values.front().c_str(), nullptr));
    case PropType::kBool:
      return Json(p.values.front() == "true");
    case PropType::kDate:
      return p.values.empty() ? Json(nullptr) : Json(p.values.front());
    default:
      return Json(p.values.front());
  }
}

Json PropertiesJson(const std::vector<Property>& props) {
  Json out = Json::object();
  for (const Property& p : props) out[p.name] = PropertyJson(p);
  return out;
}

Json Header(const GraphSlice& slice) {
  Json filter = Json::object();
  if (!slice.filter.from.empty()) filter["from"] = slice.filter.from;
  if (!slice.filter.to.empty()) filter["to"] = slice.filter.to;
  if (!slice.filter.types.empty()) filter["types"] = slice.filter.types;
  if (!slice.filter.factualities.empty()) filter["factualities"] = slice.filter.factualities;
  return Json{{"type", "header"},
              {"format", "newsgraph-graph"},
              {"version", 1},
              {"filter", filter},
              {"nodes", slice.nodes.size()},
              {"relationships", slice.edges.size()},
              {"evidence", slice.evidence.size()},
              {"articles", slice.articles.size()}};
}

Json NodeJson(const pb::Node& node) {
  return Json{{"type", "node"},
              {"id", NodeRef(node.id())},
              {"labels", Json::array({LabelOf(node.kind())})},
              {"properties", PropertiesJson(NodeProperties(node))}};
}

Json EdgeJson(const SliceEdge& e) {
  return Json{{"type", "relationship"},
              {"id", e.id},
              {"label", EdgeTypeName(e.edge.type())},
              {"start", NodeRef(e.edge.src())},
              {"end", NodeRef(e.edge.dst())},
              {"properties", PropertiesJson(EdgeProperties(e.edge))}};
}

Json EvidenceRecordJson(const pb::Evidence& v) {
  Json out{{"type", "evidence"},
           {"id", EvidenceRef(v.id())},
           {"article_id", v.article_id()},
           {"begin", v.begin()},
           {"end", v.end()},
           {"sentence", v.sentence()},
           {"rule", v.rule()}};
  out["confidence"] = std::strtod(FloatText(v.confidence()).c_str(), nullptr);
  out["date_rule"] = v.date_rule();
  out["people_rule"] = v.people_rule();
  return out;
}

Json ArticleJson(const pb::Article& a) {
  return Json{{"type", "article"},
              {"id", a.id()},
              {"title", a.title()},
              {"date", a.date()},
              {"source", a.source()},
              {"url", a.url()},
              {"content_hash", absl::BytesToHexString(a.content_hash())},
              {"events", a.events()},
              {"text_bytes", a.text_bytes()}};
}

void WriteLine(const Json& record, std::ostream& out) {
  // replace: one bad byte in a sentence must not abort the export.
  out << record.dump(-1, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace

absl::Status WriteJsonLines(const GraphSlice& slice, std::ostream& out) {
  WriteLine(Header(slice), out);
  for (const pb::Node& node : slice.nodes) WriteLine(NodeJson(node), out);
  for (const SliceEdge& e : slice.edges) WriteLine(EdgeJson(e), out);
  for (const auto& [id, v] : slice.evidence) WriteLine(EvidenceRecordJson(v), out);
  for (const auto& [id, a] : slice.articles) WriteLine(ArticleJson(a), out);
  if (!out) return absl::InternalError("writing the JSON Lines export failed");
  return absl::OkStatus();
}

}  // namespace newsgraph::queries
