// The answers of `newsgraph serve`'s /api/ endpoints, apart from HTTP: each
// takes the request's decoded parts and returns a status code and a JSON
// body, so that the handlers are plain functions over a read-only store and
// the server (serve_command.cc) only routes. docs/serve.md describes the
// endpoints and their JSON.
#ifndef NEWSGRAPH_TOOLS_SERVE_API_H_
#define NEWSGRAPH_TOOLS_SERVE_API_H_

#include <map>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "newsgraph/cypher_result.h"
#include "newsgraph/store.h"
#include "queries/canned/registry.h"

namespace newsgraph::cli {

// One answer: an HTTP status and its JSON body.
struct ApiReply {
  int status = 200;
  std::string body;
};

// {"error": message} with the HTTP status that fits `status`' code: 400
// for bad input, 404 for a name or id that is not there, 403 for a write,
// 408 and 413 for a crossed time or size budget, 500 otherwise.
ApiReply ErrorReply(const absl::Status& status);

// The limits the server puts on every query, whatever a request asks.
struct ServeLimits {
  int64_t max_timeout_ms = 10'000;
  int64_t max_rows = 100'000;         // rows a clause may hold
  int64_t max_result_rows = 10'000;   // rows sent back
  int64_t max_memory_bytes = int64_t{512} << 20;
};

class ServeApi {
 public:
  // Opens the store in `db_dir` read-only (it may have a writer beside it)
  // and the canned-query registry.
  static absl::StatusOr<std::unique_ptr<ServeApi>> Open(const std::string& db_dir,
                                                        const ServeLimits& limits);

  // GET /api/ask/<name>?param=...: the canned query's JSON answer.
  ApiReply Ask(const std::string& name, const std::map<std::string, std::string>& params) const;
  // POST /api/query with {"query": "...", "params": {...}, "timeout_ms": N,
  // "max_rows": N, "limit": N}.
  ApiReply Query(const std::string& body) const;
  // GET /api/search?q=NAME: the stored name NAME finds and the names near it.
  ApiReply Search(const std::string& q) const;
  // GET /api/neighbourhood?entity=&k=&types=&from=&to=&factuality=&limit=:
  // {"center", "nodes", "edges", "limit_reached"}, each edge with its evidence.
  ApiReply Neighbourhood(const std::map<std::string, std::string>& params) const;
  // GET /api/evidence/<event id>: the event and its sentences and articles.
  ApiReply Evidence(const std::string& event_id) const;

 private:
  ServeApi(std::unique_ptr<Store> store, queries::CannedRegistry registry,
           const ServeLimits& limits);
  CypherOptions Budgets(int64_t timeout_ms, int64_t max_rows) const;
  absl::StatusOr<std::string> RunCanned(const std::string& name,
                                        const std::map<std::string, std::string>& params) const;

  std::unique_ptr<Store> store_;
  queries::CannedRegistry registry_;
  ServeLimits limits_;
};

}  // namespace newsgraph::cli

#endif  // NEWSGRAPH_TOOLS_SERVE_API_H_
