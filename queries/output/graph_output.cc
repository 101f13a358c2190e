#include "queries/output/graph_output.h"

#include <algorithm>
#include <optional>
#include <set>

#include "absl/container/btree_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "nlohmann/json.hpp"
#include "queries/output/answer_formats.h"
#include "queries/output/value_text.h"

namespace newsgraph::queries {
namespace {

using Value = CypherValue;
using K = Value::Kind;

class Collector {
 public:
  void Visit(const Value& v) {
    switch (v.kind) {
      case K::kNode:
        nodes_.try_emplace(v.integer, v);
        break;
      case K::kRelationship:
        rels_.try_emplace(v.integer, v);
        break;
      case K::kPath:
        has_paths_ = true;
        if (!v.list.empty()) {
          ends_.insert(v.list.front().integer);
          ends_.insert(v.list.back().integer);
        }
        for (const Value& item : v.list) Visit(item);
        break;
      case K::kList:
        for (const Value& item : v.list) Visit(item);
        break;
      case K::kMap:
        for (const auto& [key, item] : v.map) Visit(item);
        break;
      default:
        break;
    }
  }

  // An answer without paths starts from the first node of its first row.
  void FirstRow(const std::vector<Value>& row) {
    if (has_paths_) return;
    for (const Value& v : row) {
      if (v.kind == K::kNode) {
        ends_.insert(v.integer);
        return;
      }
    }
  }

  AnswerGraph Take() {
    for (const auto& [id, rel] : rels_) {
      for (int64_t end : {rel.start, rel.end}) {
        if (nodes_.contains(end)) continue;
        Value bare;
        bare.kind = K::kNode;
        bare.integer = end;
        nodes_.emplace(end, std::move(bare));
      }
    }
    AnswerGraph graph;
    for (auto& [id, node] : nodes_) graph.nodes.push_back(std::move(node));
    for (auto& [id, rel] : rels_) graph.rels.push_back(std::move(rel));
    graph.ends.assign(ends_.begin(), ends_.end());
    graph.has_paths = has_paths_;
    return graph;
  }

 private:
  absl::btree_map<int64_t, Value> nodes_;
  absl::btree_map<int64_t, Value> rels_;
  std::set<int64_t> ends_;
  bool has_paths_ = false;
};

std::string PropText(const Value& element, const std::string& key) {
  auto it = element.map.find(key);
  return it == element.map.end() ? "" : PlainText(it->second);
}

// GraphML attr.type for one property: the narrowest type every value has.
std::string GraphMlType(const std::vector<const Value*>& values) {
  auto all = [&](K kind) {
    return std::all_of(values.begin(), values.end(),
                       [&](const Value* v) { return v->kind == kind; });
  };
  if (all(K::kBool)) return "boolean";
  if (all(K::kInt)) return "long";
  if (std::all_of(values.begin(), values.end(),
                  [](const Value* v) { return v->kind == K::kInt || v->kind == K::kFloat; })) {
    return "double";
  }
  return "string";
}

// Lists as JSON arrays: an item may hold a comma (an alias does), so
// joining them would lose where one ends.
std::string GraphMlValue(const Value& v) {
  if (v.kind == K::kBool) return v.boolean ? "true" : "false";
  if (v.kind == K::kList) {
    return XmlEscape(CypherValueToJson(v).dump(-1, ' ', false,
                                               nlohmann::ordered_json::error_handler_t::replace));
  }
  return XmlEscape(PlainText(v));
}

// Declared keys of one domain ("node" or "edge"): property name -> values.
using KeyValues = absl::btree_map<std::string, std::vector<const Value*>>;

void DeclareKeys(const KeyValues& keys, const char* domain, const char* prefix, std::string* out) {
  for (const auto& [name, values] : keys) {
    absl::StrAppend(out, "  <key id=\"", prefix, XmlEscape(name), "\" for=\"", domain,
                    "\" attr.name=\"", XmlEscape(name), "\" attr.type=\"", GraphMlType(values),
                    "\"/>\n");
  }
}

void AppendData(const std::map<std::string, Value>& props, const char* prefix, std::string* out) {
  for (const auto& [name, value] : props) {
    if (value.kind == K::kNull) continue;
    absl::StrAppend(out, "      <data key=\"", prefix, XmlEscape(name), "\">", GraphMlValue(value),
                    "</data>\n");
  }
}

// The evidence ids behind a node or relationship: its `evidence`, else
// (MET, SPOKE_WITH) its event's.
absl::StatusOr<std::vector<uint64_t>> EvidenceIds(const Value& element,
                                                  const EvidenceSource& source) {
  std::vector<uint64_t> ids;
  auto it = element.map.find("evidence");
  if (it != element.map.end() && it->second.kind == K::kList) {
    for (const Value& id : it->second.list) {
      if (id.kind == K::kInt) ids.push_back(static_cast<uint64_t>(id.integer));
    }
  }
  auto event = element.map.find("event_id");
  if (ids.empty() && event != element.map.end() && event->second.kind == K::kInt) {
    return source.EventEvidence(static_cast<uint64_t>(event->second.integer));
  }
  return ids;
}

// <data key=KEY> with the sentences behind `element`, as JSON; nothing
// without a source or without evidence.
absl::Status AppendSentences(const Value& element, const EvidenceSource* source, const char* key,
                             std::string* out) {
  if (source == nullptr) return absl::OkStatus();
  absl::StatusOr<std::vector<uint64_t>> ids = EvidenceIds(element, *source);
  if (!ids.ok()) return ids.status();
  nlohmann::ordered_json sentences = nlohmann::ordered_json::array();
  for (uint64_t id : *ids) {
    absl::StatusOr<std::optional<EvidenceInfo>> info = source->Evidence(id);
    if (!info.ok()) return info.status();
    if (!info->has_value()) continue;
    sentences.push_back({{"evidence_id", id},
                         {"article_id", (*info)->article_id},
                         {"sentence", (*info)->sentence}});
  }
  if (sentences.empty()) return absl::OkStatus();
  absl::StrAppend(out, "      <data key=\"", key, "\">",
                  XmlEscape(sentences.dump(-1, ' ', false,
                                           nlohmann::ordered_json::error_handler_t::replace)),
                  "</data>\n");
  return absl::OkStatus();
}

// Appends the UTF-8 sequence starting at text[*i] when XML 1.0 allows its
// character; advances *i past it either way.
void AppendXmlChar(absl::string_view text, size_t* i, std::string* out) {
  const unsigned char c = static_cast<unsigned char>(text[*i]);
  if (c < 0x80) {
    ++*i;
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return;
    switch (c) {
      case '&':
        *out += "&amp;";
        return;
      case '<':
        *out += "&lt;";
        return;
      case '>':
        *out += "&gt;";
        return;
      case '"':
        *out += "&quot;";
        return;
      case '\'':
        *out += "&apos;";
        return;
      default:
        out->push_back(static_cast<char>(c));
        return;
    }
  }
  const size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (length == 1 || *i + length > text.size()) {  // a stray byte: not text
    ++*i;
    return;
  }
  for (size_t k = 1; k < length; ++k) {
    if ((static_cast<unsigned char>(text[*i + k]) & 0xC0) != 0x80) {
      ++*i;
      return;
    }
  }
  // U+FFFE and U+FFFF are not XML characters.
  const absl::string_view sequence = text.substr(*i, length);
  if (sequence != "\xEF\xBF\xBE" && sequence != "\xEF\xBF\xBF") {
    out->append(sequence.data(), sequence.size());
  }
  *i += length;
}

}  // namespace

AnswerGraph CollectAnswerGraph(const CypherResult& result) {
  Collector collector;
  for (const std::vector<Value>& row : result.rows) {
    for (const Value& v : row) collector.Visit(v);
  }
  if (!result.rows.empty()) collector.FirstRow(result.rows.front());
  return collector.Take();
}

std::string PlainText(const Value& v) {
  switch (v.kind) {
    case K::kNull:
      return "";
    case K::kString:
    case K::kDate:
      return v.text;
    case K::kBool:
      return v.boolean ? "true" : "false";
    case K::kInt:
      return absl::StrCat(v.integer);
    case K::kFloat:
      return absl::StrCat(v.number);
    case K::kList: {
      std::vector<std::string> items;
      for (const Value& item : v.list) items.push_back(PlainText(item));
      return absl::StrJoin(items, ", ");
    }
    default:
      return CypherValueToText(v);
  }
}

std::string NodeCaption(const Value& node) {
  for (const char* key : {"name", "title", "type"}) {
    std::string text = PropText(node, key);
    if (!text.empty()) return text;
  }
  return absl::StrCat(node.labels.empty() ? "Node" : node.labels.front(), " #", node.integer);
}

absl::StatusOr<std::string> AnswerGraphToGraphMl(const AnswerGraph& graph,
                                                 const EvidenceSource* evidence) {
  KeyValues node_keys, edge_keys;
  for (const Value& n : graph.nodes) {
    for (const auto& [name, v] : n.map) {
      if (v.kind != K::kNull) node_keys[name].push_back(&v);
    }
  }
  for (const Value& r : graph.rels) {
    for (const auto& [name, v] : r.map) {
      if (v.kind != K::kNull) edge_keys[name].push_back(&v);
    }
  }
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
      "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
      "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
      "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
      "  <key id=\"labels\" for=\"node\" attr.name=\"labels\" attr.type=\"string\"/>\n"
      "  <key id=\"caption\" for=\"node\" attr.name=\"caption\" attr.type=\"string\"/>\n"
      "  <key id=\"type\" for=\"edge\" attr.name=\"type\" attr.type=\"string\"/>\n";
  if (evidence != nullptr) {
    out += "  <key id=\"n_sentences\" for=\"node\" attr.name=\"sentences\" attr.type=\"string\"/>\n"
           "  <key id=\"e_sentences\" for=\"edge\" attr.name=\"sentences\" attr.type=\"string\"/>\n";
  }
  // Prefixed ids: a property called "type" or "labels" must not clash.
  DeclareKeys(node_keys, "node", "n_", &out);
  DeclareKeys(edge_keys, "edge", "e_", &out);
  out += "  <graph id=\"answer\" edgedefault=\"directed\">\n";
  for (const Value& n : graph.nodes) {
    const std::string caption = XmlEscape(NodeCaption(n));
    absl::StrAppend(&out, "    <node id=\"n", n.integer, "\">\n      <data key=\"label\">",
                    caption, "</data>\n      <data key=\"labels\">",
                    XmlEscape(absl::StrJoin(n.labels, ":")),
                    "</data>\n      <data key=\"caption\">", caption, "</data>\n");
    if (absl::Status s = AppendSentences(n, evidence, "n_sentences", &out); !s.ok()) return s;
    AppendData(n.map, "n_", &out);
    out += "    </node>\n";
  }
  for (const Value& r : graph.rels) {
    absl::StrAppend(&out, "    <edge id=\"e", r.integer, "\" source=\"n", r.start, "\" target=\"n",
                    r.end, "\">\n");
    absl::StrAppend(&out, "      <data key=\"type\">", XmlEscape(r.text), "</data>\n");
    if (absl::Status s = AppendSentences(r, evidence, "e_sentences", &out); !s.ok()) return s;
    AppendData(r.map, "e_", &out);
    out += "    </edge>\n";
  }
  out += "  </graph>\n</graphml>\n";
  return out;
}

std::string XmlEscape(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) AppendXmlChar(text, &i, &out);
  return out;
}

}  // namespace newsgraph::queries
