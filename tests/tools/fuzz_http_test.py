#!/usr/bin/env python3
"""10,000 random requests against `newsgraph serve` (ctest fuzz_http): random
methods, paths (endpoints, traversal attempts, binary and very long ones),
query strings, headers and bodies, some not HTTP at all. Passes only when
every request gets an answer whose status is 2xx or 4xx, no answer sends a
file from outside the web folder, and the server is up and answering at the
end.

  fuzz_http_test.py --cli CLI --source SRC --work DIR [--requests N] [--seed S]
"""
import concurrent.futures
import os
import random
import socket
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(__file__))
import serve_util  # noqa: E402
import test_folders  # noqa: E402

METHODS = ["GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH", "TRACE", "CONNECT",
           "BREW", "get", "", "G\x00T"]
PATHS = ["/", "/index.html", "/app.js", "/style.css", "/api/ask/neighbourhood", "/api/ask/timeline",
         "/api/ask/officials-met", "/api/ask/path", "/api/ask/", "/api/ask/%00", "/api/query",
         "/api/search", "/api/neighbourhood", "/api/evidence/", "/api/evidence/220",
         "/api/evidence/-1", "/api/evidence/99999999999999999999999", "/api", "/api/",
         "/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd",
         "/node_modules/../../../etc/passwd", "/%252e%252e/etc/passwd", "/.\\..\\..\\etc\\passwd",
         "//etc/passwd", "/./././../README.md", "/api/ask/../../../etc/passwd", "*", "http://x/"]
PARAMS = ["entity", "k", "types", "from", "to", "factuality", "limit", "q", "a", "b", "person",
          "mode", "date", "alliance"]
VALUES = ["Xi Jinping", "xi jinping", "Joe Biden", "NATO", "United States", "", "0", "1", "3", "9",
          "-1", "2023-06-19", "2023-02-30", "MET,SPOKE_WITH", "MET,,", "happened,denied", "null",
          "'", "\"", "\\", "%", "%zz", "\u00e9\u4e2d", "A" * 5000, "1e308", "NaN"]
CYPHER = ["MATCH (n) RETURN n LIMIT 5", "MATCH (p:Person) RETURN p.name", "RETURN $x", "MATCH (",
          "CREATE (n)", "MATCH (n) DETACH DELETE n", "UNWIND range(1, 1000000) AS x RETURN sum(x)",
          "MATCH (a)-[*]-(b) RETURN count(*)", "RETURN 1/0", "CALL db.labels()", ""]


def random_bytes(rng, n):
    return bytes(rng.randrange(256) for _ in range(n))


def random_path(rng):
    path = rng.choice(PATHS)
    r = rng.random()
    if r < 0.1:
        path += urllib.parse.quote(random_bytes(rng, rng.randrange(1, 64)))
    elif r < 0.15:
        path = "/" + "a/" * rng.randrange(1, 6000)  # long
    elif r < 0.17:
        path += "A" * rng.choice([100, 5000, 8100, 9000, 70000])  # long after an endpoint
    elif r < 0.2:
        path = "/" + random_bytes(rng, rng.randrange(1, 40)).decode("latin-1")  # raw binary
    if rng.random() < 0.7:
        pairs = [(rng.choice(PARAMS), rng.choice(VALUES)) for _ in range(rng.randrange(0, 6))]
        query = urllib.parse.urlencode(pairs)
        if rng.random() < 0.1:
            query += "&" + random_bytes(rng, 20).decode("latin-1")
        path += "?" + query
    return path


def random_body(rng):
    r = rng.random()
    if r < 0.4:
        return b""
    if r < 0.7:
        import json
        doc = {"query": rng.choice(CYPHER)}
        if rng.random() < 0.5:
            doc["params"] = {"x": rng.choice([1, "a", None, [1, 2], {"k": 1}, 1.5])}
        for key in ("timeout_ms", "max_rows", "limit"):
            if rng.random() < 0.3:
                doc[key] = rng.choice([1, 0, -5, 10 ** 30, "x", 100])
        text = json.dumps(doc)
        if rng.random() < 0.2:
            text = text[: rng.randrange(len(text))]  # cut short
        return text.encode()
    if r < 0.8:
        return b"[" * rng.randrange(1, 100000)  # deep nesting
    return random_bytes(rng, rng.randrange(1, 20000))


def random_request(rng):
    """The bytes of one request, mostly well framed, sometimes not."""
    method = rng.choice(METHODS)
    body = random_body(rng) if method not in ("GET", "HEAD") or rng.random() < 0.1 else b""
    headers = [f"Host: 127.0.0.1", "Connection: close"]
    if body or rng.random() < 0.1:
        length = len(body) if rng.random() < 0.95 else rng.choice([-1, 10 ** 12, "x"])
        headers.append(f"Content-Length: {length}")
    if rng.random() < 0.1:
        headers.append("X-" + "h" * rng.randrange(1, 9000) + ": v")
    if rng.random() < 0.05:
        headers.append("Transfer-Encoding: chunked")
    version = rng.choice(["HTTP/1.1"] * 8 + ["HTTP/1.0", "HTTP/9.9"])
    head = f"{method} {random_path(rng)} {version}\r\n" + "\r\n".join(headers) + "\r\n\r\n"
    data = head.encode("latin-1", "replace") + body
    if rng.random() < 0.02:
        data = random_bytes(rng, rng.randrange(1, 2000)) + b"\r\n\r\n"  # not HTTP at all
    return data


def read_answer(s, head_only):
    """One HTTP answer off `s`: its head, then Content-Length bytes. The
    server keeps a connection open after a 400 until its keep-alive timeout,
    so reading to the end of the stream would wait for that."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = s.recv(65536)
        if not chunk:
            return data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip() or 0)
    while not head_only and len(body) < length:
        chunk = s.recv(65536)
        if not chunk:
            break
        body += chunk
    return head + b"\r\n\r\n" + body


def send(port, data):
    """The status of the answer to `data` (or a text saying what went wrong)
    and the answer."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
        try:
            s.sendall(data)
        except OSError:
            pass  # the server may answer (413, 414) and close before reading it all
        answer = read_answer(s, data.startswith(b"HEAD "))
    if not answer.startswith(b"HTTP/1."):
        return f"no HTTP answer: {answer[:80]!r}", answer
    return int(answer[9:12]), answer


def one(port, seed):
    rng = random.Random(seed)
    data = random_request(rng)
    try:
        status, answer = send(port, data)
    except OSError as e:
        return f"{type(e).__name__}: {e}", data
    if isinstance(status, str):
        return status, data
    if not (200 <= status < 300 or 400 <= status < 500):
        return f"status {status}", data
    if b"root:x:0:0" in answer:
        return "sent /etc/passwd", data
    return None, data


def main():
    parser = test_folders.tool_test_parser()
    parser.add_argument("--requests", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    store = serve_util.sample_store(args.cli, args.source, args.work)
    # A short read timeout: a malformed request is answered (400) only once
    # the server has waited that long for more of it.
    server = serve_util.Server(args.cli, store, os.path.join(args.source, "web"),
                               ["--read-timeout-ms", "200"])
    failures = []
    try:
        seeds = [args.seed * 1_000_003 + i for i in range(args.requests)]
        with concurrent.futures.ThreadPoolExecutor(6) as pool:
            for seed, (why, data) in zip(seeds, pool.map(lambda s: one(server.port, s), seeds)):
                if why:
                    failures.append(why)
                    if len(failures) <= 10:
                        print(f"FAIL seed {seed}: {why}: {data[:160]!r}")
        up = server.alive()
        status, _ = serve_util.request(server.port, "GET", "/api/search?q=Xi%20Jinping") if up \
            else (None, b"")
    finally:
        code = server.stop()
    print(f"{args.requests} requests, {len(failures)} without a 2xx or 4xx answer; "
          f"server {'up' if up else 'DOWN'}, answering {status} after them; stopped with {code}")
    return 0 if not failures and up and status == 200 and code == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
