#!/usr/bin/env python3
"""The endpoints of `newsgraph serve` on a store of data/sample/ (ctest serve_api):
their JSON shapes, the 4xx of bad requests, the static root, and that the
store stays readable by a writer while the server holds it.

  serve_test.py --cli CLI --source SRC --work DIR
"""
import json
import os
import subprocess
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(__file__))
import serve_util  # noqa: E402
import test_folders  # noqa: E402

FAILURES = []


def check(what, ok, detail=""):
    print(f"{'ok' if ok else 'FAIL'}: {what}{'' if ok else ': ' + str(detail)[:300]}")
    if not ok:
        FAILURES.append(what)


def get_json(port, path, method="GET", body=None):
    status, raw = serve_util.request(port, method, path, body=body)
    try:
        return status, json.loads(raw)
    except ValueError:
        return status, raw


def check_answers(port):
    status, found = get_json(port, "/api/search?q=xi%20jinping")
    check("search finds Xi Jinping by a lower-case name",
          status == 200 and found.get("match") == "Xi Jinping", found)
    status, found = get_json(port, "/api/search?q=Xi%20Jinpin")
    check("search suggests near names", status == 200 and found["match"] is None
          and "Xi Jinping" in found["suggestions"], found)
    q = urllib.parse.urlencode({"entity": "Xi Jinping", "k": 1})
    status, graph = get_json(port, f"/api/neighbourhood?{q}")
    names = {n["name"] for n in graph.get("nodes", [])} if status == 200 else set()
    check("neighbourhood of Xi Jinping has Joe Biden", "Joe Biden" in names, graph)
    edges = graph.get("edges", []) if status == 200 else []
    check("every edge has its evidence sentences",
          edges and all(e["evidence"] and e["evidence"][0]["sentence"] for e in edges), edges)
    met = [e for e in edges if e["properties"].get("event_id") is not None]
    check("a MET or SPOKE_WITH edge names its event", bool(met), edges)
    if met:
        status, ev = get_json(port, f"/api/evidence/{met[0]['properties']['event_id']}")
        check("evidence of an event: sentences and article ids",
              status == 200 and ev["evidence"][0]["article_id"].startswith("sample-"), ev)
    q = urllib.parse.urlencode({"entity": "Xi Jinping", "k": 1, "from": "2030-01-01"})
    status, graph = get_json(port, f"/api/neighbourhood?{q}")
    check("a date window after every event leaves no edge",
          status == 200 and graph["edges"] == [], graph)
    status, rows = get_json(port, "/api/ask/timeline?entity=Xi%20Jinping")
    check("ask/timeline answers the canned JSON rows",
          status == 200 and rows and {"date", "type", "evidence"} <= set(rows[0]), rows)
    body = json.dumps({"query": "MATCH (p:Person {name: $who}) RETURN p.name AS name",
                       "params": {"who": "Xi Jinping"}})
    status, res = get_json(port, "/api/query", "POST", body)
    check("query with params", status == 200 and res["rows"] == [{"name": "Xi Jinping"}], res)
    body = json.dumps({"query": "MATCH (p:Person) RETURN p.name AS name", "limit": 2})
    status, res = get_json(port, "/api/query", "POST", body)
    check("query row limit", status == 200 and len(res["rows"]) == 2 and res["truncated"], res)


def check_errors(port):
    bad = [
        ("GET", "/api/ask/no-such-query", None, 404),
        ("GET", "/api/ask/timeline", None, 400),                      # entity missing
        ("GET", "/api/ask/neighbourhood?entity=Xi%20Jinping&k=9", None, 400),
        ("GET", "/api/search?q=", None, 400),
        ("GET", "/api/neighbourhood?entity=Nobody%20Atall", None, 404),
        ("GET", "/api/evidence/abc", None, 400),
        ("GET", "/api/evidence/987654321", None, 404),
        ("POST", "/api/query", "not json", 400),
        ("POST", "/api/query", json.dumps({"query": "MATCH (n RETURN n"}), 400),
        ("POST", "/api/query", json.dumps({"query": "CREATE (n:Person)"}), 403),
        ("POST", "/api/query", json.dumps({"query": "MATCH (n) RETURN n", "timeout_ms": -1}), 400),
        ("POST", "/api/query", json.dumps({"query": "UNWIND range(1, 100000000) AS x "
                                                     "WITH x WHERE x < 0 RETURN x",
                                           "timeout_ms": 20, "max_rows": 1000}), None),
        ("GET", "/api/no-such-endpoint", None, 404),
        ("GET", "/no-such-file.html", None, 404),
    ]
    for method, path, body, want in bad:
        status, res = get_json(port, path, method, body)
        ok = (status == want if want else 400 <= status < 500) and isinstance(res, dict) \
            and isinstance(res.get("error"), str) and res["error"]
        check(f"{method} {path} {(body or '')[:40]} -> {want or '4xx'} with an error", ok,
              (status, res))


def check_static(port, source):
    status, page = serve_util.request(port, "GET", "/")
    check("/ is the page", status == 200 and b"app.js" in page, status)
    status, js = serve_util.request(port, "GET", "/node_modules/cytoscape/dist/cytoscape.min.js")
    check("Cytoscape.js comes from the server", status == 200 and len(js) > 100_000, status)
    for path in ["/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                 "/..%2f..%2f..%2fetc%2fpasswd", "/node_modules/../../README.md",
                 "/%2e%2e/README.md", "//etc/passwd"]:
        status, body = serve_util.request(port, "GET", path)
        check(f"no file outside the web folder: {path}",
              400 <= status < 500 and b"root:" not in body and b"newsgraph" not in body[:200],
              (status, body[:100]))


def main():
    parser = test_folders.tool_test_parser()
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    store = serve_util.sample_store(args.cli, args.source, args.work)
    server = serve_util.Server(args.cli, store, os.path.join(args.source, "web"))
    try:
        check_answers(server.port)
        check_errors(server.port)
        if os.path.exists(os.path.join(args.source, "web", "node_modules")):
            check_static(server.port, args.source)
        else:
            print("note: web/node_modules missing (scripts/install-web-deps.sh): static checks skipped")
        # A writer beside the server: the store is not locked by it.
        more = subprocess.run([args.cli, "import", "-q", "--db", store,
                               os.path.join(args.source, "data", "sample",
                                            "2023-06-19-blinken-beijing.txt"),
                               "--date", "2023-06-19"], capture_output=True, text=True)
        check("a writer imports while the server runs", more.returncode == 0, more.stderr)
        check("the server is still up", server.alive())
    finally:
        code = server.stop()
    check("SIGTERM stops the server cleanly", code == 0, code)
    print(f"{len(FAILURES)} failed" if FAILURES else "all serve checks passed")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
