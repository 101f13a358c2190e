#include "queries/output/graph_output.h"

#include <algorithm>

#include "absl/container/btree_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

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
    return graph;
  }

 private:
  absl::btree_map<int64_t, Value> nodes_;
  absl::btree_map<int64_t, Value> rels_;
};

std::string PropText(const Value& element, const std::string& key) {
  auto it = element.map.find(key);
  return it == element.map.end() ? "" : PlainText(it->second);
}

// Inside a DOT double-quoted string: quotes and backslashes escaped, line
// breaks as DOT's centred "\n".
std::string DotQuoted(absl::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out.push_back('\\');
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    if (c == '\r') continue;
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

// Type and date, and the factuality of a contact that did not happen.
std::string EdgeCaption(const Value& rel) {
  std::string caption = rel.text;
  const std::string date = PropText(rel, "date");
  if (!date.empty()) absl::StrAppend(&caption, "\n", date);
  const std::string factuality = PropText(rel, "factuality");
  if (!factuality.empty() && factuality != "happened")
    absl::StrAppend(&caption, " (", factuality, ")");
  return caption;
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

std::string GraphMlValue(const Value& v) {
  if (v.kind == K::kBool) return v.boolean ? "true" : "false";
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

std::string AnswerGraphToDot(const AnswerGraph& graph) {
  std::string out =
      "digraph answer {\n"
      "  rankdir=LR;\n"
      "  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n"
      "  edge [fontname=\"Helvetica\", fontsize=10];\n";
  for (const Value& n : graph.nodes) {
    std::string label = NodeCaption(n);
    if (!n.labels.empty()) absl::StrAppend(&label, "\n", absl::StrJoin(n.labels, ":"));
    const std::string date = PropText(n, "date");
    if (!date.empty()) absl::StrAppend(&label, " ", date);
    absl::StrAppend(&out, "  n", n.integer, " [label=", DotQuoted(label), "];\n");
  }
  for (const Value& r : graph.rels) {
    absl::StrAppend(&out, "  n", r.start, " -> n", r.end, " [label=", DotQuoted(EdgeCaption(r)),
                    "];\n");
  }
  out += "}\n";
  return out;
}

std::string AnswerGraphToGraphMl(const AnswerGraph& graph) {
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
      "  <key id=\"labels\" for=\"node\" attr.name=\"labels\" attr.type=\"string\"/>\n"
      "  <key id=\"caption\" for=\"node\" attr.name=\"caption\" attr.type=\"string\"/>\n"
      "  <key id=\"type\" for=\"edge\" attr.name=\"type\" attr.type=\"string\"/>\n";
  // Prefixed ids: a property called "type" or "labels" must not clash.
  DeclareKeys(node_keys, "node", "n_", &out);
  DeclareKeys(edge_keys, "edge", "e_", &out);
  out += "  <graph id=\"answer\" edgedefault=\"directed\">\n";
  for (const Value& n : graph.nodes) {
    absl::StrAppend(&out, "    <node id=\"n", n.integer, "\">\n");
    absl::StrAppend(&out, "      <data key=\"labels\">", XmlEscape(absl::StrJoin(n.labels, ":")),
                    "</data>\n");
    absl::StrAppend(&out, "      <data key=\"caption\">", XmlEscape(NodeCaption(n)), "</data>\n");
    AppendData(n.map, "n_", &out);
    out += "    </node>\n";
  }
  for (const Value& r : graph.rels) {
    absl::StrAppend(&out, "    <edge id=\"e", r.integer, "\" source=\"n", r.start, "\" target=\"n",
                    r.end, "\">\n");
    absl::StrAppend(&out, "      <data key=\"type\">", XmlEscape(r.text), "</data>\n");
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
