// The /api/ answers of `newsgraph serve`. Canned answers and Cypher rows
// go through the same JSON writers as `ask --format json` and `query
// --format json`; the neighbourhood is the canned `neighbourhood` answer
// regrouped as nodes and edges, which is what a graph view draws.
#include "tools/serve_api.h"

#include <algorithm>
#include <cstdlib>
#include <utility>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "nlohmann/json.hpp"
#include "newsgraph/cypher.h"
#include "queries/canned/entity_names.h"
#include "queries/canned/runner.h"
#include "queries/output/answer_formats.h"
#include "tools/cli_common.h"

namespace newsgraph::cli {
namespace {

using Json = nlohmann::ordered_json;

ApiReply JsonReply(const Json& json) { return {200, json.dump(-1, ' ', false, Json::error_handler_t::replace)}; }

// A JSON parameter value as Cypher's: strings stay strings (a date is
// date('...') in the query), numbers, booleans, null, lists and maps.
absl::StatusOr<CypherValue> ToCypher(const Json& v, int depth) {
  if (depth > 32) return absl::InvalidArgumentError("params nest too deep");
  if (v.is_null()) return CypherValue::Null();
  if (v.is_boolean()) return CypherValue::Bool(v.get<bool>());
  if (v.is_number_integer()) return CypherValue::Int(v.get<int64_t>());
  if (v.is_number()) return CypherValue::Float(v.get<double>());
  if (v.is_string()) return CypherValue::String(v.get<std::string>());
  if (v.is_array()) {
    std::vector<CypherValue> items;
    for (const Json& e : v) {
      absl::StatusOr<CypherValue> item = ToCypher(e, depth + 1);
      if (!item.ok()) return item.status();
      items.push_back(*std::move(item));
    }
    return CypherValue::List(std::move(items));
  }
  std::map<std::string, CypherValue> entries;
  for (const auto& [key, e] : v.items()) {
    absl::StatusOr<CypherValue> item = ToCypher(e, depth + 1);
    if (!item.ok()) return item.status();
    entries[key] = *std::move(item);
  }
  return CypherValue::Map(std::move(entries));
}

// `body`'s integer field `key`, `fallback` when it is absent.
absl::StatusOr<int64_t> PositiveField(const Json& body, const char* key, int64_t fallback) {
  if (!body.contains(key)) return fallback;
  const Json& v = body[key];
  if (!v.is_number_integer() || v.get<int64_t>() <= 0) {
    return absl::InvalidArgumentError(absl::StrCat("\"", key, "\" must be a positive integer"));
  }
  return v.get<int64_t>();
}

// A node of the neighbourhood answer as the page draws it.
Json GraphNode(const Json& node) {
  const Json& props = node.value("properties", Json::object());
  Json out = {{"id", node.value("id", 0)}, {"labels", node.value("labels", Json::array())}};
  out["name"] = props.contains("name") ? props["name"] : Json(props.value("type", "?"));
  out["properties"] = props;
  return out;
}

}  // namespace

ApiReply ErrorReply(const absl::Status& status) {
  int code = 500;
  switch (status.code()) {
    case absl::StatusCode::kInvalidArgument:
    case absl::StatusCode::kOutOfRange: code = 400; break;
    case absl::StatusCode::kNotFound: code = 404; break;
    case absl::StatusCode::kFailedPrecondition:
    case absl::StatusCode::kPermissionDenied: code = 403; break;
    case absl::StatusCode::kDeadlineExceeded: code = 408; break;
    case absl::StatusCode::kResourceExhausted: code = 413; break;
    default: break;
  }
  return {code, Json{{"error", std::string(status.message())}}.dump(
                    -1, ' ', false, Json::error_handler_t::replace)};
}

absl::StatusOr<std::unique_ptr<ServeApi>> ServeApi::Open(const std::string& db_dir,
                                                         const ServeLimits& limits) {
  absl::StatusOr<std::unique_ptr<Store>> store = OpenForReading(db_dir);
  if (!store.ok()) return store.status();
  const char* env = std::getenv("NEWSGRAPH_QUERIES");
  absl::StatusOr<queries::CannedRegistry> registry =
      queries::LoadCannedRegistry({}, env ? env : "");
  if (!registry.ok()) return registry.status();
  return std::unique_ptr<ServeApi>(
      new ServeApi(*std::move(store), *std::move(registry), limits));
}

ServeApi::ServeApi(std::unique_ptr<Store> store, queries::CannedRegistry registry,
                   const ServeLimits& limits)
    : store_(std::move(store)), registry_(std::move(registry)), limits_(limits) {}

CypherOptions ServeApi::Budgets(int64_t timeout_ms, int64_t max_rows) const {
  CypherOptions options;
  options.timeout_ms = std::min(timeout_ms, limits_.max_timeout_ms);
  options.max_rows = std::min(max_rows, limits_.max_rows);
  options.max_memory_bytes = limits_.max_memory_bytes;
  return options;
}

absl::StatusOr<std::string> ServeApi::RunCanned(
    const std::string& name, const std::map<std::string, std::string>& params) const {
  const queries::CannedEntry* entry = registry_.Find(name);
  if (entry == nullptr) {
    return absl::NotFoundError(
        absl::StrCat("unknown canned query \"", name.substr(0, 80), "\""));
  }
  absl::StatusOr<CypherParams> bound = queries::BindParams(*entry, params);
  if (!bound.ok()) return bound.status();
  return queries::RunCannedQuery(*store_, *entry, *bound, "json",
                                 Budgets(limits_.max_timeout_ms, limits_.max_rows));
}

ApiReply ServeApi::Ask(const std::string& name,
                       const std::map<std::string, std::string>& params) const {
  absl::StatusOr<std::string> json = RunCanned(name, params);
  if (!json.ok()) return ErrorReply(json.status());
  return {200, *json};
}

ApiReply ServeApi::Query(const std::string& body) const {
  const Json request = Json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (request.is_discarded() || !request.is_object()) {
    return ErrorReply(absl::InvalidArgumentError("the body must be a JSON object"));
  }
  if (!request.contains("query") || !request["query"].is_string()) {
    return ErrorReply(absl::InvalidArgumentError("\"query\" (a string) is required"));
  }
  CypherParams params;
  if (request.contains("params")) {
    if (!request["params"].is_object()) {
      return ErrorReply(absl::InvalidArgumentError("\"params\" must be an object"));
    }
    for (const auto& [key, value] : request["params"].items()) {
      absl::StatusOr<CypherValue> v = ToCypher(value, 0);
      if (!v.ok()) return ErrorReply(v.status());
      params[key] = *std::move(v);
    }
  }
  absl::StatusOr<int64_t> timeout = PositiveField(request, "timeout_ms", limits_.max_timeout_ms);
  absl::StatusOr<int64_t> rows = PositiveField(request, "max_rows", limits_.max_rows);
  absl::StatusOr<int64_t> limit = PositiveField(request, "limit", limits_.max_result_rows);
  for (const auto* field : {&timeout, &rows, &limit}) {
    if (!field->ok()) return ErrorReply(field->status());
  }
  absl::StatusOr<CypherResult> result =
      RunCypher(*store_, request["query"].get<std::string>(), params, Budgets(*timeout, *rows));
  if (!result.ok()) return ErrorReply(result.status());
  const size_t keep = static_cast<size_t>(std::min(*limit, limits_.max_result_rows));
  const bool truncated = result->rows.size() > keep;
  if (truncated) result->rows.resize(keep);
  Json out = {{"columns", result->columns},
              {"rows", Json::parse(CypherResultToJson(*result))},
              {"truncated", truncated}};
  return JsonReply(out);
}

ApiReply ServeApi::Search(const std::string& q) const {
  if (q.empty() || q.size() > 200) {
    return ErrorReply(absl::InvalidArgumentError("q: give a name of 1 to 200 bytes"));
  }
  Json out = {{"query", q}, {"match", nullptr}};
  absl::StatusOr<std::string> match =
      queries::ResolveEntityName(*store_, q, queries::NameScope::kEntity);
  if (match.ok()) {
    out["match"] = *match;
  } else if (match.status().code() != absl::StatusCode::kNotFound) {
    // Ambiguous: the message lists the stored names it could be.
    if (match.status().code() != absl::StatusCode::kInvalidArgument) {
      return ErrorReply(match.status());
    }
    out["note"] = std::string(match.status().message());
  }
  absl::StatusOr<std::vector<std::string>> near =
      queries::SuggestNames(*store_, q, queries::NameScope::kEntity, 10);
  if (!near.ok()) return ErrorReply(near.status());
  out["suggestions"] = *near;
  return JsonReply(out);
}

ApiReply ServeApi::Neighbourhood(const std::map<std::string, std::string>& params) const {
  absl::StatusOr<std::string> answer = RunCanned("neighbourhood", params);
  if (!answer.ok()) return ErrorReply(answer.status());
  const Json rows = Json::parse(*answer, nullptr, /*allow_exceptions=*/false);
  if (!rows.is_array()) return ErrorReply(absl::InternalError("neighbourhood: not a JSON array"));
  Json nodes = Json::object(), edges = Json::array();
  Json center = nullptr;
  bool limit_reached = false;
  for (const Json& row : rows) {
    limit_reached = limit_reached || row.value("limit_reached", false);
    const Json& from = row["from_entity"];
    const Json& to = row["entity"];
    const Json& via = row["via"];
    if (!from.is_object() || !to.is_object() || !via.is_object()) continue;
    if (row.value("hops", 0) == 1 && center.is_null()) center = from.value("id", 0);
    for (const Json* n : {&from, &to}) {
      nodes[std::to_string(n->value("id", 0))] = GraphNode(*n);
    }
    edges.push_back({{"id", via.value("id", 0)},
                     {"type", via.value("type", "")},
                     {"source", via.value("start", 0)},
                     {"target", via.value("end", 0)},
                     {"hops", row.value("hops", 0)},
                     {"properties", via.value("properties", Json::object())},
                     {"evidence", row.value("evidence", Json::array())}});
  }
  Json node_list = Json::array();
  for (auto& [id, node] : nodes.items()) node_list.push_back(std::move(node));
  return JsonReply({{"center", center},
                    {"nodes", node_list},
                    {"edges", edges},
                    {"limit_reached", limit_reached}});
}

ApiReply ServeApi::Evidence(const std::string& event_id) const {
  int64_t id = 0;
  if (!absl::SimpleAtoi(event_id, &id) || id < 0) {
    return ErrorReply(absl::InvalidArgumentError(
        absl::StrCat("event id: expected a number, got \"", event_id.substr(0, 40), "\"")));
  }
  absl::StatusOr<CypherResult> result = RunCypher(
      *store_,
      "MATCH (e:Event) WHERE id(e) = $id "
      "RETURN id(e) AS event, e.type AS type, e.date AS date, e.factuality AS factuality, "
      "e.place AS place, e.evidence AS evidence",
      {{"id", CypherValue::Int(id)}}, Budgets(limits_.max_timeout_ms, limits_.max_rows));
  if (!result.ok()) return ErrorReply(result.status());
  if (result->rows.empty()) {
    return ErrorReply(absl::NotFoundError(absl::StrCat("no event with id ", id)));
  }
  absl::StatusOr<queries::Answer> answer =
      queries::ResolveEvidence(*std::move(result), queries::StoreEvidenceSource(*store_));
  if (!answer.ok()) return ErrorReply(answer.status());
  const Json rows = Json::parse(queries::AnswerToJson(*answer), nullptr, false);
  if (!rows.is_array() || rows.empty()) return ErrorReply(absl::InternalError("evidence: no rows"));
  return JsonReply(rows[0]);
}

}  // namespace newsgraph::cli
