// WriteTurtle: the slice as RDF 1.1 Turtle. Our own terms are in
// docs/newsgraph.ttl under https://newsgraph.dev/ns# (prefix ng:); names,
// dates and classes also get their schema.org terms, and evidence is PROV.
//
// A relationship is written twice: as a plain triple (`d:n1 ng:met d:n2`)
// for simple queries, and as a resource of class ng:Relationship carrying
// its date, factuality and evidence (RDF 1.1 has no properties on
// triples). The plain triple says the store holds the relationship, not
// that it happened: its factuality is on the resource.
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "queries/export/properties.h"
#include "queries/export/writers.h"
#include "schema/ontology.h"

namespace newsgraph::queries {
namespace {

// Appends the code point of the UTF-8 sequence at text[*i] (U+FFFD for a
// malformed one) and advances past it.
uint32_t NextCodePoint(absl::string_view text, size_t* i) {
  const unsigned char c = static_cast<unsigned char>(text[*i]);
  const size_t length = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
  if (length == 0 || *i + length > text.size()) {
    ++*i;
    return 0xFFFD;
  }
  uint32_t code = length == 1 ? c : c & (0x7F >> length);
  for (size_t k = 1; k < length; ++k) {
    const unsigned char next = static_cast<unsigned char>(text[*i + k]);
    if ((next & 0xC0) != 0x80) {
      ++*i;
      return 0xFFFD;
    }
    code = (code << 6) | (next & 0x3F);
  }
  *i += length;
  static constexpr uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (code < kMin[length] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return 0xFFFD;
  return code;
}

void AppendUtf8(uint32_t code, std::string* out) {
  if (code < 0x80) {
    out->push_back(static_cast<char>(code));
  } else if (code < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (code >> 6)));
    out->push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else if (code < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (code >> 12)));
    out->push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (code >> 18)));
    out->push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code & 0x3F)));
  }
}

// A Turtle STRING_LITERAL_QUOTE: quotes, backslashes and control
// characters escaped, malformed UTF-8 replaced by U+FFFD.
std::string Literal(absl::string_view text) {
  std::string out = "\"";
  for (size_t i = 0; i < text.size();) {
    const uint32_t code = NextCodePoint(text, &i);
    switch (code) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (code < 0x20 || code == 0x7F || code == 0xFFFE || code == 0xFFFF) {
          absl::StrAppend(&out, absl::StrFormat("\\u%04X", code));
        } else {
          AppendUtf8(code, &out);
        }
    }
  }
  out += "\"";
  return out;
}

std::string Typed(absl::string_view text, absl::string_view datatype) {
  return absl::StrCat(Literal(text), "^^xsd:", datatype);
}

// An IRIREF: characters Turtle does not allow in <...> percent-encoded.
std::string Iri(absl::string_view iri) {
  std::string out = "<";
  for (unsigned char c : iri) {
    if (c <= 0x20 ||
        absl::string_view("<>\"{}|^`\\").find(static_cast<char>(c)) != absl::string_view::npos) {
      absl::StrAppend(&out, absl::StrFormat("%%%02X", c));
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  out += ">";
  return out;
}

// "PARTICIPATED_IN" -> "participatedIn": the ng: predicate of a type.
std::string Predicate(pb::EdgeType type) {
  std::string out = "ng:";
  bool upper = false;
  for (char c : EdgeTypeName(type)) {
    if (c == '_') {
      upper = true;
      continue;
    }
    out.push_back(upper ? c : static_cast<char>(c - 'A' + 'a'));
    upper = false;
  }
  return out;
}

const char* SchemaClass(pb::NodeKind kind) {
  switch (kind) {
    case pb::PERSON:
      return "schema:Person";
    case pb::STATE:
      return "schema:Country";
    case pb::ALLIANCE:
    case pb::ORGANIZATION:
      return "schema:Organization";
    case pb::PLACE:
      return "schema:Place";
    case pb::EVENT:
      return "schema:Event";
    case pb::ARTICLE:
      return "schema:NewsArticle";
    default:
      return "rdfs:Resource";
  }
}

// Our properties' predicates where schema.org, PROV or RDFS has the term.
const absl::flat_hash_map<std::string, std::string>& Predicates() {
  static const auto* kPredicates =
      new absl::flat_hash_map<std::string, std::string>{{"name", "schema:name"},
                                                        {"aliases", "schema:alternateName"},
                                                        {"kb_key", "ng:kbKey"},
                                                        {"state", "ng:state"},
                                                        {"role", "ng:role"},
                                                        {"type", "ng:eventType"},
                                                        {"mode", "ng:mode"},
                                                        {"factuality", "ng:factuality"},
                                                        {"date", "schema:startDate"},
                                                        {"end_date", "schema:endDate"},
                                                        {"granularity", "ng:granularity"},
                                                        {"fell_back", "ng:dateFellBack"},
                                                        {"place", "ng:placeName"},
                                                        {"evidence", "prov:wasDerivedFrom"},
                                                        {"title", "ng:title"},
                                                        {"event_id", "ng:event"},
                                                        {"confidence", "ng:confidence"},
                                                        {"published", "schema:datePublished"},
                                                        {"source", "ng:sourceName"},
                                                        {"url", "schema:url"}};
  return *kPredicates;
}

class TurtleWriter {
 public:
  TurtleWriter(const GraphSlice& slice, std::string base, std::ostream& out)
      : slice_(slice), base_(std::move(base)), out_(out) {}

  void Write() {
    out_ << "@prefix ng: <https://newsgraph.dev/ns#> .\n"
            "@prefix schema: <https://schema.org/> .\n"
            "@prefix prov: <http://www.w3.org/ns/prov#> .\n"
            "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
            "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
         << "@prefix d: " << Iri(base_) << " .\n\n";
    for (const auto& [id, article] : slice_.articles) article_nodes_[id] = "";
    for (const pb::Node& n : slice_.nodes) {
      if (n.kind() == pb::ARTICLE) article_nodes_[n.name()] = Ref(NodeRef(n.id()));
    }
    for (const pb::Node& n : slice_.nodes) Node(n);
    for (const SliceEdge& e : slice_.edges) Edge(e);
    for (const auto& [id, v] : slice_.evidence) Evidence(v);
  }

 private:
  using Pairs = std::vector<std::pair<std::string, std::string>>;

  // d:n12 when the id is a safe local name, else the whole IRI.
  std::string Ref(const std::string& id) const {
    const bool simple =
        !id.empty() &&
        id.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") ==
            std::string::npos;
    return simple ? "d:" + id : Iri(base_ + id);
  }

  std::string Object(const Property& p, const std::string& value) const {
    switch (p.type) {
      case PropType::kInt:
        return Typed(value, "integer");
      case PropType::kFloat:
        return Typed(value, "float");
      case PropType::kBool:
        return value;  // Turtle's own true / false
      case PropType::kDate:
        return Typed(value, "date");
      case PropType::kNodeRef:
      case PropType::kEvidenceRefs:
        return Ref(value);
      default:
        if (p.name == "factuality") return "ng:" + value;
        if (p.name == "url") return Typed(value, "anyURI");
        return Literal(value);
    }
  }

  void AddProperties(const std::vector<Property>& props, Pairs* pairs) const {
    for (const Property& p : props) {
      auto predicate = Predicates().find(p.name);
      if (predicate == Predicates().end()) continue;
      for (const std::string& v : p.values) pairs->emplace_back(predicate->second, Object(p, v));
    }
  }

  void Subject(const std::string& subject, const Pairs& pairs) {
    out_ << subject;
    for (size_t i = 0; i < pairs.size(); ++i) {
      out_ << (i == 0 ? " " : " ;\n    ") << pairs[i].first << " " << pairs[i].second;
    }
    out_ << " .\n";
  }

  void Node(const pb::Node& n) {
    const std::string label = LabelOf(n.kind());
    Pairs pairs = {
        {"a", absl::StrCat("ng:", label.empty() ? "Node" : label, ", ", SchemaClass(n.kind()))}};
    pairs.emplace_back("rdfs:label", Literal(NodeCaption(n)));
    AddProperties(NodeProperties(n), &pairs);
    if (const pb::Article* article = slice_.ArticleOf(n)) {
      pairs.emplace_back("ng:articleId", Literal(article->id()));
      AddProperties(ArticleProperties(*article), &pairs);
    }
    Subject(Ref(NodeRef(n.id())), pairs);
  }

  void Edge(const SliceEdge& e) {
    const std::string src = Ref(NodeRef(e.edge.src())), dst = Ref(NodeRef(e.edge.dst()));
    Subject(src, {{Predicate(e.edge.type()), dst}});
    Pairs pairs = {{"a", "ng:Relationship"},
                   {"ng:source", src},
                   {"ng:target", dst},
                   {"ng:relation", Predicate(e.edge.type())}};
    AddProperties(EdgeProperties(e.edge), &pairs);
    // A contact's evidence is its event's: said here too, for the reader
    // of one relationship.
    if (e.edge.evidence_ids().empty()) {
      for (uint64_t id : slice_.EvidenceOf(e.edge)) {
        pairs.emplace_back("prov:wasDerivedFrom", Ref(EvidenceRef(id)));
      }
    }
    Subject(Ref(e.id), pairs);
  }

  void Evidence(const pb::Evidence& v) {
    Pairs pairs = {{"a", "ng:Evidence, prov:Entity"},
                   {"ng:sentence", Literal(v.sentence())},
                   {"ng:articleId", Literal(v.article_id())}};
    auto article = article_nodes_.find(v.article_id());
    if (article != article_nodes_.end() && !article->second.empty()) {
      pairs.emplace_back("prov:wasQuotedFrom", article->second);
    }
    pairs.emplace_back("ng:begin", Typed(absl::StrCat(v.begin()), "integer"));
    pairs.emplace_back("ng:end", Typed(absl::StrCat(v.end()), "integer"));
    if (!v.rule().empty()) pairs.emplace_back("ng:rule", Literal(v.rule()));
    if (!v.date_rule().empty()) pairs.emplace_back("ng:dateRule", Literal(v.date_rule()));
    if (!v.people_rule().empty()) pairs.emplace_back("ng:peopleRule", Literal(v.people_rule()));
    pairs.emplace_back("ng:confidence", Typed(FloatText(v.confidence()), "float"));
    Subject(Ref(EvidenceRef(v.id())), pairs);
  }

  const GraphSlice& slice_;
  const std::string base_;
  std::ostream& out_;
  absl::flat_hash_map<std::string, std::string> article_nodes_;  // article id -> d:nN
};

}  // namespace

absl::Status WriteTurtle(const GraphSlice& slice, const std::string& base_iri, std::ostream& out) {
  TurtleWriter(slice, base_iri, out).Write();
  if (!out) return absl::InternalError("writing the Turtle export failed");
  return absl::OkStatus();
}

}  // namespace newsgraph::queries
