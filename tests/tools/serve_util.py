"""What the tests of `newsgraph serve` share: a store of data/sample/, a
server on a free port of 127.0.0.1 (stopped by its pid), and HTTP that
never goes through a proxy the environment names."""
import http.client
import os
import subprocess


def sample_store(cli, source, work):
    """A fresh store of the project's data/sample/ articles in WORK/store."""
    store = os.path.join(work, "store")
    subprocess.run(["rm", "-rf", store], check=True)
    subprocess.run([cli, "import", "-q", "--db", store,
                    os.path.join(source, "data", "sample", "articles.jsonl")],
                   check=True, capture_output=True)
    return store


class Server:
    """`newsgraph serve --port 0` on a store; .port once it listens."""

    def __init__(self, cli, store, web=None, extra=()):
        command = [cli, "serve", "--db", store, "--port", "0", *extra]
        if web:
            command += ["--web", web]
        self.proc = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()  # "newsgraph serve: http://127.0.0.1:PORT/ ..."
        if "http://127.0.0.1:" not in line:
            self.proc.kill()
            raise RuntimeError(f"serve did not start: {line!r}")
        self.port = int(line.split("http://127.0.0.1:")[1].split("/")[0])

    def alive(self):
        return self.proc.poll() is None

    def stop(self):
        """SIGTERM to the server's own pid; its exit code (0 on a clean stop)."""
        if self.alive():
            self.proc.terminate()
        try:
            return self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            return self.proc.wait()


def request(port, method, path, body=None, headers=None, timeout=20):
    """(status, body bytes) of one request on a new connection."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        res = conn.getresponse()
        return res.status, res.read()
    finally:
        conn.close()
