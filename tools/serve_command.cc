// newsgraph serve: a read-only HTTP server over one store, for the graph
// page of web/ and for programs (docs/serve.md). It listens on 127.0.0.1
// unless told otherwise, opens the store without the writer's lock, and
// serves static files from one folder only. The answers themselves are
// serve_api.cc's; this file routes requests to them.
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <thread>

#include "absl/strings/str_cat.h"
#include "tools/cli_common.h"
#include "tools/serve_api.h"

#ifdef NEWSGRAPH_HAVE_HTTPLIB
#include "httplib.h"
#endif

namespace newsgraph::cli {
namespace {

struct ServeFlags {
  std::string db;
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string web;
  int read_timeout_ms = 5000;
};

#ifdef NEWSGRAPH_HAVE_HTTPLIB

bool IsDir(const std::string& path) { return ::access(path.c_str(), R_OK | X_OK) == 0; }

// The page's folder: --web, else the install's share/newsgraph/web beside
// bin/, else the source tree's web/ (a build tree's binary).
std::string FindWebDir(const std::string& flag) {
  if (!flag.empty()) return flag;
  char self[PATH_MAX];
  const ssize_t n = ::readlink("/proc/self/exe", self, sizeof(self) - 1);
  if (n > 0) {
    std::string dir(self, n);
    dir = dir.substr(0, dir.rfind('/'));
    const std::string installed = dir + "/../share/newsgraph/web";
    if (IsDir(installed)) return installed;
  }
#ifdef NEWSGRAPH_SOURCE_WEB_DIR
  if (IsDir(NEWSGRAPH_SOURCE_WEB_DIR)) return NEWSGRAPH_SOURCE_WEB_DIR;
#endif
  return "";
}

std::map<std::string, std::string> Params(const httplib::Request& req) {
  std::map<std::string, std::string> out;
  for (const auto& [key, value] : req.params) out[key] = value;  // the last of repeats wins
  return out;
}

void Send(httplib::Response& res, const ApiReply& reply) {
  res.status = reply.status;
  res.set_content(reply.body, "application/json; charset=utf-8");
}

void Route(httplib::Server& server, const ServeApi& api) {
  server.Get(R"(/api/ask/([^/]+))", [&api](const httplib::Request& req, httplib::Response& res) {
    Send(res, api.Ask(req.matches[1], Params(req)));
  });
  server.Post("/api/query", [&api](const httplib::Request& req, httplib::Response& res) {
    Send(res, api.Query(req.body));
  });
  server.Get("/api/search", [&api](const httplib::Request& req, httplib::Response& res) {
    Send(res, api.Search(req.get_param_value("q")));
  });
  server.Get("/api/neighbourhood", [&api](const httplib::Request& req, httplib::Response& res) {
    Send(res, api.Neighbourhood(Params(req)));
  });
  server.Get(R"(/api/evidence/([^/]*))",
             [&api](const httplib::Request& req, httplib::Response& res) {
               Send(res, api.Evidence(req.matches[1]));
             });
  // Whatever matched no route, and every 4xx the library makes itself
  // (bad request lines, unknown methods), answers in JSON.
  server.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    const std::string what = res.status == 404 ? "no such path" : "bad request";
    Send(res, {res.status, absl::StrCat("{\"error\": \"", what, "\"}")});
  });
  server.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        Send(res, {500, "{\"error\": \"internal error\"}"});
      });
}

// SIGINT and SIGTERM, blocked in the calling thread and so in every thread
// it starts later. This must come before the store opens: a signal goes
// to any thread that does not block it, and RocksDB's background threads
// would otherwise take it and end the process unstopped.
sigset_t BlockStopSignals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  return set;
}

// Stops `server` when one of `signals` comes: sigwait takes it as ordinary
// code, not in a signal handler, where stopping would not be safe.
std::thread StopOnSignal(httplib::Server& server, sigset_t signals) {
  return std::thread([&server, signals] {
    int sig = 0;
    sigwait(&signals, &sig);
    server.stop();
  });
}

int RunServe(const ServeFlags& flags) {
  if (flags.db.empty()) return ReportError("serve", absl::InvalidArgumentError("--db is required"));
  const sigset_t stop_signals = BlockStopSignals();
  absl::StatusOr<std::unique_ptr<ServeApi>> api = ServeApi::Open(flags.db, ServeLimits());
  if (!api.ok()) return ReportError("serve", api.status());
  httplib::Server server;
  server.set_payload_max_length(1 << 20);
  // How long a request's bytes may take to come, and an idle kept-alive
  // connection may stay: a thread of the pool waits that long on each.
  server.set_read_timeout(flags.read_timeout_ms / 1000, flags.read_timeout_ms % 1000 * 1000);
  server.set_keep_alive_timeout(std::max(1, flags.read_timeout_ms / 1000));
  Route(server, **api);
  const std::string web = FindWebDir(flags.web);
  if (!web.empty() && !server.set_mount_point("/", web)) {
    return ReportError("serve", absl::NotFoundError(absl::StrCat("--web ", web, ": no such folder")));
  }
  const int port = flags.port == 0 ? server.bind_to_any_port(flags.host)
                                   : (server.bind_to_port(flags.host, flags.port) ? flags.port : -1);
  if (port < 0) {
    return ReportError("serve", absl::UnavailableError(absl::StrCat(
                                    "cannot listen on ", flags.host, ":", flags.port)));
  }
  std::cout << "newsgraph serve: http://" << flags.host << ":" << port << "/ (store " << flags.db
            << ", read-only; page " << (web.empty() ? "none" : web) << ")" << std::endl;
  std::thread stopper = StopOnSignal(server, stop_signals);
  const bool ok = server.listen_after_bind();
  // When listening failed rather than a signal stopping it, the stopper
  // still waits: wake it (a thread that has ended ignores this).
  pthread_kill(stopper.native_handle(), SIGTERM);
  stopper.join();
  return ok ? 0 : kExitFailure;
}

#else

int RunServe(const ServeFlags&) {
  return ReportError("serve", absl::UnimplementedError(
                                  "this newsgraph was built without cpp-httplib: install "
                                  "libcpp-httplib-dev (scripts/install-deps.sh) and rebuild"));
}

#endif

}  // namespace

Command AddServeCommand(CLI::App& app) {
  auto flags = std::make_shared<ServeFlags>();
  CLI::App* sub = app.add_subcommand(
      "serve", "Serve a store read-only over HTTP: JSON endpoints and the graph page "
               "(docs/serve.md).");
  sub->add_option("--db", flags->db, "Store directory (opened read-only)");
  sub->add_option("--host", flags->host, "Address to listen on")->capture_default_str();
  sub->add_option("--port", flags->port, "Port; 0 picks a free one (printed)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  sub->add_option("--web", flags->web,
                  "Folder of the page (default: the install's share/newsgraph/web, else the "
                  "source tree's web/)");
  sub->add_option("--read-timeout-ms", flags->read_timeout_ms,
                  "How long a request may take to arrive (and a kept-alive connection idle)")
      ->check(CLI::Range(10, 600'000))
      ->capture_default_str();
  return {sub, [flags] { return RunServe(*flags); }};
}

}  // namespace newsgraph::cli
