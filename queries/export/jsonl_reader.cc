// ImportGraphJsonLines: a JSON Lines export (jsonl_writer.cc) back into an
// empty store, every id kept, in one commit.
#include <algorithm>
#include <fstream>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "nlohmann/json.hpp"
#include "queries/export/properties.h"
#include "queries/export/writers.h"
#include "schema/ontology.h"

namespace newsgraph::queries {
namespace {

using Json = nlohmann::json;

// Reads fields of one record; the first problem is kept with its line.
class Fields {
 public:
  Fields(const Json& object, std::string where) : object_(object), where_(std::move(where)) {}

  const absl::Status& status() const { return status_; }
  void Fail(absl::string_view message) {
    if (status_.ok()) status_ = absl::InvalidArgumentError(absl::StrCat(where_, ": ", message));
  }

  std::string String(const Json& v, absl::string_view key) {
    if (v.is_string()) return v.get<std::string>();
    Fail(absl::StrCat("\"", key, "\" must be a string"));
    return "";
  }
  std::vector<std::string> Strings(const Json& v, absl::string_view key) {
    std::vector<std::string> out;
    if (!v.is_array()) Fail(absl::StrCat("\"", key, "\" must be an array of strings"));
    for (const Json& item : v.is_array() ? v : Json::array()) out.push_back(String(item, key));
    return out;
  }
  double Number(const Json& v, absl::string_view key) {
    if (v.is_number()) return v.get<double>();
    Fail(absl::StrCat("\"", key, "\" must be a number"));
    return 0;
  }
  uint64_t Unsigned(const Json& v, absl::string_view key) {
    if (v.is_number_unsigned()) return v.get<uint64_t>();
    Fail(absl::StrCat("\"", key, "\" must be a whole number >= 0"));
    return 0;
  }
  bool Bool(const Json& v, absl::string_view key) {
    if (v.is_boolean()) return v.get<bool>();
    Fail(absl::StrCat("\"", key, "\" must be true or false"));
    return false;
  }
  uint64_t Ref(const Json& v, absl::string_view key, char prefix) {
    std::optional<uint64_t> id = ParseRef(String(v, key), prefix);
    if (!id)
      Fail(absl::StrCat("\"", key, "\" must be an id like \"", std::string(1, prefix), "12\""));
    return id.value_or(0);
  }
  // null = the open end `open`.
  int32_t Day(const Json& v, absl::string_view key, int32_t open) {
    if (v.is_null()) return open;
    absl::StatusOr<int32_t> day = ParseDayText(String(v, key));
    if (!day.ok()) Fail(absl::StrCat("\"", key, "\": ", day.status().message()));
    return day.value_or(0);
  }
  const Json& Member(const Json& object, absl::string_view key) {
    static const Json kNull;
    auto it = object.find(key);
    if (it != object.end()) return *it;
    Fail(absl::StrCat("missing \"", key, "\""));
    return kNull;
  }
  const Json& object() const { return object_; }

 private:
  const Json& object_;
  std::string where_;
  absl::Status status_;
};

// The span keys of EdgeProperties/NodeProperties; true when `key` is one.
bool ReadSpanKey(Fields& f, const std::string& key, const Json& v, pb::TimeSpan* time) {
  if (key == "date") {
    time->set_from_day(f.Day(v, key, kOpenStart));
  } else if (key == "end_date") {
    time->set_to_day(f.Day(v, key, kOpenEnd));
  } else if (key == "granularity") {
    std::optional<pb::Granularity> g = GranularityOf(f.String(v, key));
    if (!g) f.Fail("unknown granularity");
    time->set_granularity(g.value_or(pb::GRANULARITY_UNKNOWN));
  } else if (key == "fell_back") {
    time->set_fell_back(f.Bool(v, key));
  } else {
    return false;
  }
  return true;
}

pb::Factuality ReadFactuality(Fields& f, const Json& v) {
  std::optional<pb::Factuality> fact = ParseFactuality(f.String(v, "factuality"));
  if (!fact) f.Fail("unknown factuality");
  return fact.value_or(pb::FACTUALITY_UNSPECIFIED);
}

void ReadRefs(Fields& f, const Json& v, const std::string& key, char prefix,
              google::protobuf::RepeatedField<uint64_t>* out) {
  if (!v.is_array()) f.Fail(absl::StrCat("\"", key, "\" must be an array of ids"));
  for (const Json& r : v.is_array() ? v : Json::array()) out->Add(f.Ref(r, key, prefix));
}

// A property any node may have; false when `key` is none.
bool ReadNodeProperty(Fields& f, const std::string& key, const Json& v, pb::Node* node) {
  if (key == "name") {
    node->set_name(f.String(v, key));
  } else if (key == "aliases") {
    for (std::string& a : f.Strings(v, key)) node->add_aliases(std::move(a));
  } else if (key == "kb_key") {
    node->set_kb_key(f.String(v, key));
  } else if (key == "state") {
    node->set_state(f.String(v, key));
  } else if (key == "role") {
    node->set_role(f.String(v, key));
  } else {
    return false;
  }
  return true;
}

// A property of an event node; false when `key` is none.
bool ReadEventProperty(Fields& f, const std::string& key, const Json& v, pb::EventInfo* event) {
  if (key == "type") {
    event->set_plover_type(f.String(v, key));
  } else if (key == "mode") {
    event->set_mode(f.String(v, key));
  } else if (key == "factuality") {
    event->set_factuality(ReadFactuality(f, v));
  } else if (key == "place") {
    event->set_place(f.String(v, key));
  } else if (key == "evidence") {
    ReadRefs(f, v, key, 'v', event->mutable_evidence_ids());
  } else {
    return ReadSpanKey(f, key, v, event->mutable_time());
  }
  return true;
}

void ReadNode(Fields& f, pb::Node* node) {
  node->set_id(f.Ref(f.Member(f.object(), "id"), "id", 'n'));
  std::vector<std::string> names = f.Strings(f.Member(f.object(), "labels"), "labels");
  std::optional<pb::NodeKind> kind = names.size() == 1 ? KindOfLabel(names[0]) : std::nullopt;
  if (!kind) {
    f.Fail(
        "\"labels\" must hold one of Person, State, Alliance, Organization, Place, Event, "
        "Article");
  }
  node->set_kind(kind.value_or(pb::NODE_KIND_UNSPECIFIED));
  for (const auto& [key, v] : f.Member(f.object(), "properties").items()) {
    if (ReadNodeProperty(f, key, v, node)) continue;
    if (node->kind() != pb::EVENT || !ReadEventProperty(f, key, v, node->mutable_event())) {
      f.Fail(absl::StrCat("unknown property \"", key, "\""));
    }
  }
}

bool ReadEdgeProperty(Fields& f, const std::string& key, const Json& v, pb::Edge* edge) {
  if (key == "factuality") {
    edge->set_factuality(ReadFactuality(f, v));
  } else if (key == "role") {
    edge->set_role(f.String(v, key));
  } else if (key == "state") {
    edge->set_state(f.String(v, key));
  } else if (key == "title") {
    edge->set_title(f.String(v, key));
  } else if (key == "event_id") {
    edge->set_event_id(f.Ref(v, key, 'n'));
  } else if (key == "evidence") {
    ReadRefs(f, v, key, 'v', edge->mutable_evidence_ids());
  } else if (key == "confidence") {
    edge->set_confidence(static_cast<float>(f.Number(v, key)));
  } else {
    return ReadSpanKey(f, key, v, edge->mutable_time());
  }
  return true;
}

void ReadEdge(Fields& f, pb::Edge* edge) {
  f.Member(f.object(), "id");
  std::optional<pb::EdgeType> type = EdgeTypeOf(f.String(f.Member(f.object(), "label"), "label"));
  if (!type) f.Fail("unknown relationship type in \"label\"");
  edge->set_type(type.value_or(pb::EDGE_TYPE_UNSPECIFIED));
  edge->set_src(f.Ref(f.Member(f.object(), "start"), "start", 'n'));
  edge->set_dst(f.Ref(f.Member(f.object(), "end"), "end", 'n'));
  for (const auto& [key, v] : f.Member(f.object(), "properties").items()) {
    if (!ReadEdgeProperty(f, key, v, edge)) f.Fail(absl::StrCat("unknown property \"", key, "\""));
  }
}

void ReadEvidence(Fields& f, pb::Evidence* v) {
  const Json& o = f.object();
  v->set_id(f.Ref(f.Member(o, "id"), "id", 'v'));
  v->set_article_id(f.String(f.Member(o, "article_id"), "article_id"));
  v->set_begin(static_cast<uint32_t>(f.Unsigned(f.Member(o, "begin"), "begin")));
  v->set_end(static_cast<uint32_t>(f.Unsigned(f.Member(o, "end"), "end")));
  v->set_sentence(f.String(f.Member(o, "sentence"), "sentence"));
  v->set_rule(f.String(f.Member(o, "rule"), "rule"));
  v->set_confidence(static_cast<float>(f.Number(f.Member(o, "confidence"), "confidence")));
  v->set_date_rule(f.String(f.Member(o, "date_rule"), "date_rule"));
  v->set_people_rule(f.String(f.Member(o, "people_rule"), "people_rule"));
}

void ReadArticle(Fields& f, pb::Article* a) {
  const Json& o = f.object();
  a->set_id(f.String(f.Member(o, "id"), "id"));
  a->set_title(f.String(f.Member(o, "title"), "title"));
  a->set_date(f.String(f.Member(o, "date"), "date"));
  a->set_source(f.String(f.Member(o, "source"), "source"));
  a->set_url(f.String(f.Member(o, "url"), "url"));
  const std::string hex = f.String(f.Member(o, "content_hash"), "content_hash");
  if (hex.size() % 2 != 0 || !std::all_of(hex.begin(), hex.end(), absl::ascii_isxdigit)) {
    f.Fail("\"content_hash\" must be hexadecimal");
  }
  a->set_content_hash(absl::HexStringToBytes(hex));
  a->set_events(static_cast<uint32_t>(f.Unsigned(f.Member(o, "events"), "events")));
  a->set_text_bytes(static_cast<uint32_t>(f.Unsigned(f.Member(o, "text_bytes"), "text_bytes")));
}

// Everything a file holds, checked before anything is written.
struct Loaded {
  Json header;
  std::vector<pb::Node> nodes;
  std::vector<pb::Edge> edges;
  std::vector<pb::Evidence> evidence;
  std::vector<pb::Article> articles;
};

absl::Status ReadRecord(const Json& record, const std::string& where, Loaded* loaded) {
  Fields f(record, where);
  const std::string type =
      record.is_object() && record.contains("type") && record["type"].is_string()
          ? record["type"].get<std::string>()
          : "";
  if (loaded->header.is_null() && type != "header") {
    return absl::InvalidArgumentError(
        absl::StrCat(where,
                     ": not a newsgraph graph export (the first line must be its header; "
                     "`newsgraph export --format jsonl` writes one)"));
  }
  if (type == "header") {
    if (!loaded->header.is_null()) f.Fail("a second header");
    if (record.value("format", "") != "newsgraph-graph" || record.value("version", 0) != 1) {
      f.Fail("not a newsgraph graph export of version 1");
    }
    loaded->header = record;
  } else if (type == "node") {
    ReadNode(f, &loaded->nodes.emplace_back());
  } else if (type == "relationship") {
    ReadEdge(f, &loaded->edges.emplace_back());
  } else if (type == "evidence") {
    ReadEvidence(f, &loaded->evidence.emplace_back());
  } else if (type == "article") {
    ReadArticle(f, &loaded->articles.emplace_back());
  } else {
    f.Fail("\"type\" must be header, node, relationship, evidence or article");
  }
  return f.status();
}

absl::Status CheckCount(const Loaded& loaded, const char* key, size_t have,
                        const std::string& path) {
  const Json& want = loaded.header[key];
  if (want.is_number_unsigned() && want.get<uint64_t>() == have) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrCat(path, ": the header announces ", want.dump(), " ",
                                                 key, " but the file holds ", have,
                                                 " (a cut or edited file?)"));
}

// Every id once, both ends of every relationship present. (Evidence ids a
// record cites need not be: the store does not require them either.)
absl::Status CheckLoaded(const Loaded& loaded, const std::string& path) {
  if (loaded.header.is_null())
    return absl::InvalidArgumentError(absl::StrCat(path, ": empty file"));
  for (auto [key, have] :
       {std::pair("nodes", loaded.nodes.size()), std::pair("relationships", loaded.edges.size()),
        std::pair("evidence", loaded.evidence.size()),
        std::pair("articles", loaded.articles.size())}) {
    if (absl::Status s = CheckCount(loaded, key, have, path); !s.ok()) return s;
  }
  absl::flat_hash_set<uint64_t> nodes, evidence;
  absl::flat_hash_set<std::string> articles;
  for (const pb::Node& n : loaded.nodes) {
    if (!nodes.insert(n.id()).second)
      return absl::InvalidArgumentError(absl::StrCat(path, ": node n", n.id(), " appears twice"));
  }
  for (const pb::Evidence& v : loaded.evidence) {
    if (!evidence.insert(v.id()).second)
      return absl::InvalidArgumentError(
          absl::StrCat(path, ": evidence v", v.id(), " appears twice"));
  }
  for (const pb::Article& a : loaded.articles) {
    if (!articles.insert(a.id()).second)
      return absl::InvalidArgumentError(
          absl::StrCat(path, ": article \"", a.id(), "\" appears twice"));
  }
  for (const pb::Edge& e : loaded.edges) {
    for (uint64_t end : {e.src(), e.dst()}) {
      if (!nodes.contains(end))
        return absl::InvalidArgumentError(absl::StrCat(path, ": a ", EdgeTypeName(e.type()),
                                                       " relationship ends at n", end,
                                                       ", which the file does not hold"));
    }
  }
  return absl::OkStatus();
}

absl::Status RequireEmpty(const Store& store) {
  bool any = false;
  absl::Status s =
      store.ScanNodes(pb::NODE_KIND_UNSPECIFIED, [&](const pb::Node&) { return !(any = true); });
  if (s.ok() && !any) s = store.ScanArticles([&](const pb::Article&) { return !(any = true); });
  if (!s.ok()) return s;
  if (!any) return absl::OkStatus();
  return absl::FailedPreconditionError(
      absl::StrCat(store.dir(),
                   " is not empty: a graph export is read into an empty store only "
                   "(its ids would clash with the ids already there)"));
}

}  // namespace

absl::StatusOr<GraphExportCounts> ReadGraphJsonLines(Store& store, const std::string& path) {
  if (absl::Status s = RequireEmpty(store); !s.ok()) return s;
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat(path, ": cannot open"));
  Loaded loaded;
  std::string line;
  for (uint64_t number = 1; std::getline(in, line); ++number) {
    if (line.empty()) continue;
    const std::string where = absl::StrCat(path, ":", number);
    Json record = Json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (record.is_discarded() || !record.is_object()) {
      return absl::InvalidArgumentError(absl::StrCat(where, ": not a JSON object"));
    }
    if (absl::Status s = ReadRecord(record, where, &loaded); !s.ok()) return s;
  }
  if (in.bad()) return absl::DataLossError(absl::StrCat(path, ": read error"));
  if (absl::Status s = CheckLoaded(loaded, path); !s.ok()) return s;
  std::unique_ptr<WriteSet> writes = store.NewWriteSet();
  for (const pb::Article& a : loaded.articles) writes->PutArticle(a);
  for (const pb::Evidence& v : loaded.evidence) writes->PutEvidence(v);
  for (const pb::Node& n : loaded.nodes) writes->PutNode(n);
  // In file order: parallel edges get their store order (seq) from it.
  for (const pb::Edge& e : loaded.edges) writes->PutEdge(e);
  if (absl::Status s = store.Commit(*writes); !s.ok()) return s;
  GraphExportCounts counts;
  counts.nodes = loaded.nodes.size();
  counts.relationships = loaded.edges.size();
  counts.evidence = loaded.evidence.size();
  counts.articles = loaded.articles.size();
  return counts;
}

}  // namespace newsgraph::queries
