// WriteNeo4j: the slice as the CSV files of `neo4j-admin database import
// full` (Neo4j 5): one node file per label, one relationship file per
// type, typed header fields (`name:string`, `date:date`,
// `aliases:string[]`), and import.sh, the command that loads them.
//
// Evidence records become nodes (:Evidence) so that their sentences are
// queryable: (:Event)-[:SUPPORTED_BY]->(:Evidence)-[:QUOTED_FROM]->
// (:Article). Relationships cannot point at nodes, so theirs stay ids in
// their `evidence` property.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/btree_map.h"
#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "queries/export/properties.h"
#include "queries/export/writers.h"
#include "queries/output/csv.h"
#include "schema/ontology.h"

namespace newsgraph::queries {
namespace {

const char* Neo4jType(PropType type) {
  switch (type) {
    case PropType::kStrings:
    case PropType::kEvidenceRefs:
      return "string[]";
    case PropType::kInt:
      return "long";
    case PropType::kFloat:
      return "float";
    case PropType::kBool:
      return "boolean";
    case PropType::kDate:
      return "date";
    default:
      return "string";
  }
}

// Where a column goes among the others: the order the property model
// writes them in; anything else after, as it came.
size_t Rank(const std::string& name) {
  static constexpr const char* kOrder[] = {
      "caption",  "id",          "name",       "aliases",    "kb_key", "type", "mode",  "date",
      "end_date", "granularity", "fell_back",  "factuality", "state",  "role", "title", "place",
      "event_id", "evidence",    "confidence", "published",  "source", "url"};
  for (size_t i = 0; i < std::size(kOrder); ++i) {
    if (name == kOrder[i]) return i;
  }
  return std::size(kOrder);
}

// The rows of one file: its fixed leading fields, then the union of the
// rows' properties in the order they first appear.
class CsvTable {
 public:
  explicit CsvTable(std::vector<std::string> leading) : leading_(std::move(leading)) {}

  // Adds a row. Errors: InvalidArgument when an array element holds the
  // delimiter (neo4j-admin would split it).
  absl::Status Add(std::vector<std::string> fields, const std::vector<Property>& props,
                   char delimiter) {
    absl::flat_hash_map<std::string, std::string> values;
    for (const Property& p : props) {
      auto [it, added] = columns_.try_emplace(p.name, order_.size());
      if (added) order_.push_back({p.name, p.type});
      for (const std::string& v : p.values) {
        const bool array = p.type == PropType::kStrings || p.type == PropType::kEvidenceRefs;
        if (array && v.find(delimiter) != std::string::npos) {
          return absl::InvalidArgumentError(
              absl::StrCat("the ", p.name, " value \"", v, "\" holds the array delimiter '",
                           std::string(1, delimiter), "'; choose another with --array-delimiter"));
        }
      }
      values[p.name] = absl::StrJoin(p.values, std::string(1, delimiter));
    }
    rows_.push_back({std::move(fields), std::move(values)});
    return absl::OkStatus();
  }

  bool empty() const { return rows_.empty(); }

  absl::Status Write(const std::string& path) const {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    std::vector<std::string> header = leading_;
    // The order of NodeProperties/EdgeProperties, whichever row showed a
    // column first.
    std::vector<std::pair<std::string, PropType>> order = order_;
    std::stable_sort(order.begin(), order.end(),
                     [](const auto& a, const auto& b) { return Rank(a.first) < Rank(b.first); });
    for (const auto& [name, type] : order)
      header.push_back(absl::StrCat(name, ":", Neo4jType(type)));
    out << CsvLine(header);
    for (const auto& [fields, values] : rows_) {
      std::vector<std::string> line = fields;
      for (const auto& [name, type] : order) {
        auto it = values.find(name);
        line.push_back(it == values.end() ? "" : it->second);
      }
      out << CsvLine(line);
    }
    out.close();
    if (!out) return absl::InternalError(absl::StrCat("writing ", path, " failed"));
    return absl::OkStatus();
  }

 private:
  std::vector<std::string> leading_;
  absl::flat_hash_map<std::string, size_t> columns_;
  std::vector<std::pair<std::string, PropType>> order_;
  std::vector<std::pair<std::vector<std::string>, absl::flat_hash_map<std::string, std::string>>>
      rows_;
};

std::vector<Property> EvidenceProperties(const pb::Evidence& v) {
  std::vector<Property> props = {{"article_id", PropType::kString, {v.article_id()}},
                                 {"sentence", PropType::kString, {v.sentence()}},
                                 {"begin", PropType::kInt, {absl::StrCat(v.begin())}},
                                 {"end", PropType::kInt, {absl::StrCat(v.end())}}};
  for (auto [name, text] : {std::pair("rule", &v.rule()), std::pair("date_rule", &v.date_rule()),
                            std::pair("people_rule", &v.people_rule())}) {
    if (!text->empty()) props.push_back({name, PropType::kString, {*text}});
  }
  props.push_back({"confidence", PropType::kFloat, {FloatText(v.confidence())}});
  return props;
}

// File name -> table, in the order import.sh lists them.
using Tables = absl::btree_map<std::string, CsvTable>;

CsvTable& TableFor(Tables& tables, const std::string& file, std::vector<std::string> leading) {
  return tables.try_emplace(file, std::move(leading)).first->second;
}

absl::Status AddNodes(const GraphSlice& slice, char delimiter, Tables& tables) {
  const std::vector<std::string> leading = {"id:ID", ":LABEL"};
  absl::flat_hash_map<std::string, std::string> article_nodes;
  for (const pb::Node& n : slice.nodes) {
    const std::string label = LabelOf(n.kind());
    std::vector<Property> props = NodeProperties(n);
    props.insert(props.begin(), {"caption", PropType::kString, {NodeCaption(n)}});
    if (const pb::Article* article = slice.ArticleOf(n)) {
      for (Property& p : ArticleProperties(*article)) props.push_back(std::move(p));
      article_nodes[article->id()] = NodeRef(n.id());
    }
    absl::Status s = TableFor(tables, absl::StrCat("nodes_", label, ".csv"), leading)
                         .Add({NodeRef(n.id()), label}, props, delimiter);
    if (!s.ok()) return s;
    for (uint64_t v : n.event().evidence_ids()) {
      if (!slice.evidence.contains(v)) continue;
      TableFor(tables, "relationships_SUPPORTED_BY.csv", {":START_ID", ":END_ID", ":TYPE"})
          .Add({NodeRef(n.id()), EvidenceRef(v), "SUPPORTED_BY"}, {}, delimiter)
          .IgnoreError();
    }
  }
  for (const auto& [id, v] : slice.evidence) {
    TableFor(tables, "nodes_Evidence.csv", leading)
        .Add({EvidenceRef(id), "Evidence"}, EvidenceProperties(v), delimiter)
        .IgnoreError();
    auto article = article_nodes.find(v.article_id());
    if (article == article_nodes.end()) continue;
    TableFor(tables, "relationships_QUOTED_FROM.csv", {":START_ID", ":END_ID", ":TYPE"})
        .Add({EvidenceRef(id), article->second, "QUOTED_FROM"}, {}, delimiter)
        .IgnoreError();
  }
  return absl::OkStatus();
}

absl::Status AddRelationships(const GraphSlice& slice, char delimiter, Tables& tables) {
  for (const SliceEdge& e : slice.edges) {
    const std::string type = EdgeTypeName(e.edge.type());
    std::vector<Property> props = EdgeProperties(e.edge);
    props.insert(props.begin(), {"id", PropType::kString, {e.id}});
    absl::Status s =
        TableFor(tables, absl::StrCat("relationships_", type, ".csv"),
                 {":START_ID", ":END_ID", ":TYPE"})
            .Add({NodeRef(e.edge.src()), NodeRef(e.edge.dst()), type}, props, delimiter);
    if (!s.ok()) return s;
  }
  return absl::OkStatus();
}

std::string ImportScript(const Tables& tables, char delimiter) {
  std::string script =
      "#!/bin/sh\n"
      "# Loads the CSV files beside this script into a new Neo4j 5 database\n"
      "# (default: neo4j; the database must not exist or be stopped and empty):\n"
      "#   sh import.sh [DATABASE] [more neo4j-admin options]\n"
      "# Written by `newsgraph export --format neo4j`; docs/exports.md in newsgraph.\n"
      "set -e\n"
      "cd \"$(dirname \"$0\")\"\n"
      "db=\"${1:-neo4j}\"\n"
      "[ $# -gt 0 ] && shift\n";
  absl::StrAppend(&script, "exec neo4j-admin database import full --array-delimiter='",
                  std::string(1, delimiter), "' --multiline-fields=true \\\n");
  for (const auto& [file, table] : tables) {
    const char* flag = file.rfind("nodes_", 0) == 0 ? "--nodes" : "--relationships";
    absl::StrAppend(&script, "  ", flag, "=", file, " \\\n");
  }
  absl::StrAppend(&script, "  \"$@\" \"$db\"\n");
  return script;
}

}  // namespace

absl::StatusOr<std::vector<std::string>> WriteNeo4j(const GraphSlice& slice, char array_delimiter,
                                                    const std::string& dir) {
  if (array_delimiter == ',' || array_delimiter == '"' || array_delimiter == '\n') {
    return absl::InvalidArgumentError("the array delimiter may not be ',', '\"' or a line break");
  }
  Tables tables;
  if (absl::Status s = AddNodes(slice, array_delimiter, tables); !s.ok()) return s;
  if (absl::Status s = AddRelationships(slice, array_delimiter, tables); !s.ok()) return s;
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return absl::InternalError(absl::StrCat(dir, ": ", ec.message()));
  std::vector<std::string> files;
  for (const auto& [file, table] : tables) {
    if (absl::Status s = table.Write(dir + "/" + file); !s.ok()) return s;
    files.push_back(file);
  }
  const std::string script_path = dir + "/import.sh";
  std::ofstream script(script_path, std::ios::binary | std::ios::trunc);
  script << ImportScript(tables, array_delimiter);
  script.close();
  if (!script) return absl::InternalError(absl::StrCat("writing ", script_path, " failed"));
  std::filesystem::permissions(script_path,
                               std::filesystem::perms::owner_exec |
                                   std::filesystem::perms::group_exec |
                                   std::filesystem::perms::others_exec,
                               std::filesystem::perm_options::add, ec);
  files.push_back("import.sh");
  return files;
}

}  // namespace newsgraph::queries
