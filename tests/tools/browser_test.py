#!/usr/bin/env python3
"""The page of `newsgraph serve` in headless Chromium (ctest serve_browser):
search "Xi Jinping", check that the graph holds his counterparts, click an
edge and check that its evidence sentence is shown, click a node and check
that its contacts are added, save a screenshot.

Drives chromedriver through its W3C WebDriver HTTP API with urllib (no pip
package). Exits 77 when chromium, chromedriver or the page's Cytoscape.js
(scripts/install-web-deps.sh) is absent.

  browser_test.py --cli CLI --source SRC --work DIR
"""
import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

sys.path.insert(0, os.path.dirname(__file__))
import serve_util  # noqa: E402
import test_folders  # noqa: E402

SKIP = 77
# No proxy: chromedriver and the server are on 127.0.0.1.
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class WebDriver:
    """The few W3C WebDriver commands this test needs."""

    def __init__(self, port):
        self.base = f"http://127.0.0.1:{port}"
        self.session = None

    def call(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.base + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        try:
            with OPENER.open(req, timeout=60) as res:
                return json.loads(res.read())["value"]
        except urllib.error.HTTPError as e:
            raise RuntimeError(f"webdriver {method} {path}: {e.read()[:500]!r}") from None

    def start(self, chromium):
        args = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-proxy-server", "--window-size=1400,1000"]
        caps = {"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {"binary": chromium, "args": args}}}}
        self.session = self.call("POST", "/session", caps)["sessionId"]

    def s(self, path):
        return f"/session/{self.session}{path}"

    def go(self, url):
        self.call("POST", self.s("/url"), {"url": url})

    def js(self, script, *args):
        return self.call("POST", self.s("/execute/sync"), {"script": script, "args": list(args)})

    def element(self, css):
        found = self.call("POST", self.s("/element"), {"using": "css selector", "value": css})
        return next(iter(found.values()))

    def type_into(self, css, text):
        self.call("POST", self.s(f"/element/{self.element(css)}/value"), {"text": text})

    def click(self, css):
        self.call("POST", self.s(f"/element/{self.element(css)}/click"), {})

    def click_at(self, x, y):
        """A mouse click at viewport point (x, y), as a person's."""
        self.call("POST", self.s("/actions"), {"actions": [{
            "type": "pointer", "id": "mouse", "parameters": {"pointerType": "mouse"},
            "actions": [{"type": "pointerMove", "duration": 0, "origin": "viewport",
                         "x": int(x), "y": int(y)},
                        {"type": "pointerDown", "button": 0},
                        {"type": "pause", "duration": 50},
                        {"type": "pointerUp", "button": 0}]}]})

    def screenshot(self, path):
        with open(path, "wb") as f:
            f.write(base64.b64decode(self.call("GET", self.s("/screenshot"))))

    def quit(self):
        if self.session:
            try:
                self.call("DELETE", self.s(""))
            except (RuntimeError, OSError):
                pass


def wait_for(driver, script, what, timeout=20):
    """The first truthy value of `script`, polled; fails after `timeout` s."""
    end = time.time() + timeout
    while time.time() < end:
        value = driver.js(script)
        if value:
            return value
        time.sleep(0.2)
    raise RuntimeError(f"timed out waiting for {what}")


def drive(driver, port, screenshot):
    """The scenario; a list of failures."""
    failures = []
    driver.go(f"http://127.0.0.1:{port}/")
    wait_for(driver, "return typeof window.cy === 'object'", "the page and Cytoscape.js")
    driver.type_into("#search", "Xi Jinping")
    driver.click("#search-form button")
    wait_for(driver, "return cy.edges().length > 0 && cy.$('node.center').length === 1",
             "the neighbourhood graph")
    labels = driver.js("return cy.nodes().map(n => n.data('label'))")
    center = driver.js("return cy.$('node.center').data('label')")
    print(f"graph: center {center}; nodes {sorted(labels)}")
    counterparts = {"Joe Biden", "Vladimir Putin", "Nancy Pelosi"} & set(labels)
    if center != "Xi Jinping" or len(counterparts) < 2:
        failures.append(f"expected Xi Jinping with counterparts, got {center}: {labels}")
    # The MET edge between Xi Jinping and Joe Biden, clicked at its middle.
    edge = driver.js("""
        cy.fit(); const e = cy.edges('[type = "MET"]').filter(
          e => e.connectedNodes().map(n => n.data('label')).includes('Joe Biden'))[0] ||
          cy.edges('[type = "MET"]')[0];
        const p = e.renderedMidpoint(), r = cy.container().getBoundingClientRect();
        return {x: r.left + p.x, y: r.top + p.y, id: e.id(), event: e.data('eventId'),
                label: e.data('label')};""")
    print(f"clicking edge {edge['label']} (event {edge['event']}) at {edge['x']:.0f},{edge['y']:.0f}")
    driver.click_at(edge["x"], edge["y"])
    shown = wait_for(driver, """const s = document.querySelectorAll('#evidence .sentence div');
        return s.length ? [...s].map(d => d.textContent) : null;""", "an evidence sentence")
    status, event = serve_util.request(port, "GET", f"/api/evidence/{edge['event']}")
    expected = [e["sentence"] for e in json.loads(event)["evidence"]] if status == 200 else []
    print(f"evidence shown: {shown[0][:100]!r}")
    if not expected or expected[0] not in shown:
        failures.append(f"evidence shown {shown} is not the event's {expected}")
    # Clicking Volodymyr Zelensky (two hops out) adds his own contacts:
    # Fumio Kishida, three hops from Xi Jinping, was not drawn before.
    node = driver.js("""const n = cy.nodes().filter(n => n.data('label') === 'Volodymyr Zelensky')[0];
        if (!n) return null;
        const p = n.renderedPosition(), r = cy.container().getBoundingClientRect();
        return {x: r.left + p.x, y: r.top + p.y};""")
    if node is None or "Fumio Kishida" in labels:
        failures.append(f"expected Volodymyr Zelensky and no Fumio Kishida before expanding: {labels}")
    else:
        driver.click_at(node["x"], node["y"])
        wait_for(driver, "return cy.nodes().some(n => n.data('label') === 'Fumio Kishida')",
                 "Fumio Kishida after clicking Volodymyr Zelensky")
        print("expanded Volodymyr Zelensky: Fumio Kishida added")
    timeline = driver.js("return document.querySelectorAll('#timeline li').length")
    if not timeline:
        failures.append("the timeline list is empty")
    driver.screenshot(screenshot)
    print(f"screenshot: {screenshot}")
    return failures


def main():
    parser = test_folders.tool_test_parser()
    args = parser.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    chromedriver = shutil.which("chromedriver")
    web = os.path.join(args.source, "web")
    if not chromium or not chromedriver:
        print("skip: chromium and chromedriver are needed (apt install chromium chromium-driver)")
        return SKIP
    if not os.path.exists(os.path.join(web, "node_modules", "cytoscape", "dist",
                                       "cytoscape.min.js")):
        print("skip: web/node_modules has no Cytoscape.js (scripts/install-web-deps.sh)")
        return SKIP
    os.makedirs(args.work, exist_ok=True)
    store = serve_util.sample_store(args.cli, args.source, args.work)
    server = serve_util.Server(args.cli, store, web)
    driver_port = free_port()
    driver_proc = subprocess.Popen([chromedriver, f"--port={driver_port}"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    driver = WebDriver(driver_port)
    try:
        wait_until = time.time() + 20
        while True:
            try:
                driver.call("GET", "/status")
                break
            except (OSError, RuntimeError):
                if time.time() > wait_until:
                    raise
                time.sleep(0.2)
        driver.start(chromium)
        failures = drive(driver, server.port, os.path.join(args.work, "xi-jinping.png"))
    finally:
        driver.quit()
        driver_proc.terminate()
        driver_proc.wait(timeout=10)
        code = server.stop()
    if code != 0:
        failures.append(f"the server stopped with {code}")
    for failure in failures:
        print(f"FAIL: {failure}")
    print("browser checks passed" if not failures else f"{len(failures)} browser check(s) failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
