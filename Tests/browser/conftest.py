"""Browser test harness for the embedsmith host bridge (pytest + Playwright + Debian Chromium).

Servers (started once per session, stopped by PID, stale ones from a killed run freed first):
  8801  host origin   EMBEDSMITH_HOST_DIR (default: fixtures/host), served by stub_server.py
                      (= python3 -m http.server + stub agent-info endpoints)
  8802  agent origin  vendor-stubs/web-agent (the shipped stub) + fixtures/agent (test-only tiny.html),
                      served by stub_server.py
  8803  third origin  fixtures/third   (python3 -m http.server)

Browser: Chromium at EMBEDSMITH_CHROMIUM (default /usr/bin/chromium). Never `playwright install`.
Every test gets a fresh context (1000x700) whose init script, run in every frame, records CSP
violations (window.__csp and a binding back to Python) and the bridge's CustomEvents
(window.__events). Console messages and page errors of every frame are collected too.
Polling is done from Python with evaluate(): wait_for_function() would eval() inside pages whose
CSP has no 'unsafe-eval'.
"""
import json
import os
import pathlib
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

import pytest
from playwright.sync_api import sync_playwright

HERE = pathlib.Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
HOST_DIR = pathlib.Path(os.environ.get("EMBEDSMITH_HOST_DIR") or FIXTURES / "host").resolve()
AGENT_DIR = FIXTURES / "agent"
# The vendor stand-ins shipped with the tool (`serve --stub-vendors`): one copy, used here too.
VENDOR_STUBS = HERE.parent.parent / "vendor-stubs"
THIRD_DIR = FIXTURES / "third"
BRIDGE_CSS = HERE.parent.parent / "templates" / "assets" / "bridge.css"
CHROMIUM = os.environ.get("EMBEDSMITH_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]

HOST_PORT, AGENT_PORT, THIRD_PORT = 8801, 8802, 8803
HOST = f"http://127.0.0.1:{HOST_PORT}"
AGENT = f"http://127.0.0.1:{AGENT_PORT}"
THIRD = f"http://127.0.0.1:{THIRD_PORT}"
SHOTS = pathlib.Path(os.environ.get("EMBEDSMITH_SHOTS", "/tmp/embedsmith-shots"))
PIDDIR = pathlib.Path(tempfile.gettempdir()) / "embedsmith-browser-tests"
SERVER_MARK = str(HERE)  # every server's argv holds this path: how a stale one is recognised as ours

OUTBOUND = ["ready", "snapshot", "link_copied", "resize", "subscribed_streams", "sms_sent",
            "sms_fail", "joined", "left", "error", "warning", "contacts",
            "conversation_start", "conversation_end"]

# Bridge events recorded with their whole detail (JSON copy) as {type, detail}.
DETAIL_EVENTS = ["loader-event", "loader-error", "chatapp-ready", "chatapp-error", "engage-ready",
                 "engage-visibility", "engage-error", "cobrowse", "timeline-loaded", "timeline-error"]

INIT_SCRIPT = """
(() => {
  window.__csp = [];
  document.addEventListener("securitypolicyviolation", (e) => {
    const v = {directive: e.effectiveDirective, disposition: e.disposition, blocked: e.blockedURI, source: e.sourceFile,
               line: e.lineNumber, sample: e.sample, page: location.href};
    window.__csp.push(v);
    try { window.__reportCsp(v); } catch (err) { /* binding not ready */ }
  });
  window.__events = [];
  for (const t of %s) {
    document.addEventListener("embedsmith:" + t, (e) => window.__events.push({
      type: t, frameId: e.detail.frameId, message: e.detail.message, readyState: document.readyState}));
  }
  for (const t of %s) {
    document.addEventListener("embedsmith:" + t, (e) => {
      let detail;
      try { detail = JSON.parse(JSON.stringify(e.detail)); } catch (err) { detail = {unserializable: true}; }
      window.__events.push({type: t, detail});
    });
  }
})();
""" % (json.dumps(OUTBOUND), json.dumps(DETAIL_EVENTS))


# ------------------------------------------------------------------------------------------------
# servers
# ------------------------------------------------------------------------------------------------
def _port_busy(port):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(0.2)
        return s.connect_ex(("127.0.0.1", port)) == 0


def _free_port(port):
    """Stops a server *we* left behind on `port` (pidfile + argv mark), then checks the port."""
    pidfile = PIDDIR / f"{port}.pid"
    if pidfile.exists():
        try:
            pid = int(pidfile.read_text().strip())
            argv = pathlib.Path(f"/proc/{pid}/cmdline").read_bytes()
            if SERVER_MARK.encode() in argv:
                os.kill(pid, signal.SIGTERM)
                for _ in range(50):
                    if not pathlib.Path(f"/proc/{pid}").exists() or not _port_busy(port):
                        break
                    time.sleep(0.05)
        except (ValueError, OSError):
            pass
        pidfile.unlink(missing_ok=True)
    for _ in range(40):
        if not _port_busy(port):
            return
        time.sleep(0.05)
    raise RuntimeError(f"port {port} is in use by a process these tests did not start; free it first")


class Server:
    def __init__(self, port, argv):
        self.port = port
        self.argv = argv
        self.proc = None

    def start(self):
        _free_port(self.port)
        PIDDIR.mkdir(parents=True, exist_ok=True)
        self.proc = subprocess.Popen(self.argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                     start_new_session=True)
        (PIDDIR / f"{self.port}.pid").write_text(str(self.proc.pid))
        deadline = time.monotonic() + 10
        while not _port_busy(self.port):
            if self.proc.poll() is not None:
                raise RuntimeError(f"server on {self.port} exited: {self.proc.stderr.read().decode()[-2000:]}")
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"server on {self.port} did not start")
            time.sleep(0.02)

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=3)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=3)
        if self.proc and self.proc.stderr:
            self.proc.stderr.close()
        (PIDDIR / f"{self.port}.pid").unlink(missing_ok=True)


def _http_server(port, directory):
    return [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(directory)]


def build_and_serve_tenant(project, files, tenant, port, prefix, plant=None):
    """Writes `files` into `project`, builds it with the debug binary, calls `plant(folder)` to
    change the output as a host serving unvetted files would, then serves the tenant's folder
    at `prefix` with its `_headers` applied (headers_server.py). Yields the folder."""
    binary = HERE.parent.parent / ".build" / "debug" / "embedsmith"
    if not binary.exists():
        pytest.skip("build the tool first (swift build)")
    for path, text in files.items():
        (project / path).parent.mkdir(parents=True, exist_ok=True)
        (project / path).write_text(text)
    built = subprocess.run([str(binary), "build", "--quiet"], cwd=project, capture_output=True, text=True, timeout=120)
    assert built.returncode == 0, built.stderr
    folder = project / "site" / tenant
    if plant:
        plant(folder)
    server = Server(port, [sys.executable, str(HERE / "headers_server.py"), "--port", str(port), "--dir", str(folder),
                           "--prefix", prefix])
    server.start()
    try:
        yield folder
    finally:
        server.stop()


@pytest.fixture(scope="session")
def servers():
    specs = [
        Server(HOST_PORT, [sys.executable, str(HERE / "stub_server.py"), "--port", str(HOST_PORT),
                           "--dir", str(HOST_DIR)]),
        Server(AGENT_PORT, [sys.executable, str(HERE / "stub_server.py"), "--port", str(AGENT_PORT),
                            "--dir", str(AGENT_DIR), "--also", str(VENDOR_STUBS / "web-agent")]),
        Server(THIRD_PORT, _http_server(THIRD_PORT, THIRD_DIR)),
    ]
    started = []
    try:
        for s in specs:
            s.start()
            started.append(s)
        yield {"host": HOST, "agent": AGENT, "third": THIRD, "host_dir": HOST_DIR}
    finally:
        for s in reversed(started):
            s.stop()


def http_get(path):
    with urllib.request.urlopen(HOST + path, timeout=5) as r:
        return json.loads(r.read().decode() or "null")


# ------------------------------------------------------------------------------------------------
# browser
# ------------------------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def browser(servers):
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()


def wait_for(fn, timeout=5.0, what="condition"):
    """Polls fn() (which should call evaluate) until it returns a truthy value."""
    deadline = time.monotonic() + timeout
    while True:
        value = fn()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}; last value: {value!r}")
        time.sleep(0.015)


class Harness:
    def __init__(self, context):
        self.context = context
        self.console = []
        self.page_errors = []
        self.csp = []
        context.on("console", lambda m: self.console.append(
            {"type": m.type, "text": m.text, "url": (m.location or {}).get("url", "")}))
        context.on("weberror", lambda e: self.page_errors.append(str(e.error)))
        context.expose_binding("__reportCsp", lambda source, v: self.csp.append(v))
        context.add_init_script(INIT_SCRIPT)
        self.page = context.new_page()

    # navigation -----------------------------------------------------------------------------
    def open(self, name, wait_until="load", page=None):
        page = page or self.page
        if not (HOST_DIR / name.split("?", 1)[0]).exists():
            pytest.skip(f"{name} is not in EMBEDSMITH_HOST_DIR={HOST_DIR}")
        page.goto(f"{HOST}/{name}", wait_until=wait_until)
        return page

    def frame(self, frame_id, page=None):
        page = page or self.page
        handle = page.query_selector(f"#{frame_id}")
        assert handle is not None, f"no #{frame_id}"
        f = handle.content_frame()
        assert f is not None
        return f

    # bridge helpers -----------------------------------------------------------------------
    def stats(self, page=None):
        return (page or self.page).evaluate("() => window.embedsmith.stats()")

    def events(self, type_=None, page=None):
        ev = (page or self.page).evaluate("() => window.__events")
        return [e for e in ev if type_ is None or e["type"] == type_]

    def received(self, frame):
        return frame.evaluate("() => window.__received || []")

    def received_types(self, frame):
        return [r["data"].get("type") if isinstance(r["data"], dict) else r["data"] for r in self.received(frame)]

    def wait_received(self, frame, predicate, what="agent message", timeout=5.0):
        return wait_for(lambda: (lambda r: r if predicate(r) else None)(self.received(frame)),
                        timeout, what)

    def wait_handshake(self, frame, n=2):
        # The fixtures' handshake: conversation + guest data (their configuration only repeats
        # the frame URL's aK, so the bridge does not send it).
        return self.wait_received(frame, lambda r: len(r) >= n, f"{n} handshake messages")

    def emit(self, frame, message):
        frame.evaluate("(m) => window.__emit(m)", message)

    def wait_stats(self, predicate, what="stats", page=None):
        return wait_for(lambda: (lambda s: s if predicate(s) else None)(self.stats(page)), 5.0, what)

    # checks ---------------------------------------------------------------------------------
    def csp_violations(self):
        found = list(self.csp)
        for page in self.context.pages:
            for f in page.frames:
                try:
                    found += [v for v in f.evaluate("() => window.__csp || []") if v not in found]
                except Exception:
                    pass
        return found

    def console_errors(self):
        return [m for m in self.console if m["type"] == "error"]

    def assert_clean(self):
        assert self.csp_violations() == [], "CSP violations"
        assert self.console_errors() == [], "console errors"
        assert self.page_errors == [], "uncaught page errors"
        bridge_warnings = [m for m in self.console if m["type"] == "warning" and "embedsmith" in m["text"]]
        assert bridge_warnings == [], "bridge warnings"

    def console_text(self):
        return "\n".join(m["text"] for m in self.console)


CHATAPP_ORIGIN = "https://dialogs.pro"


def fulfill_chatapp(route, request):
    """Answers a https://dialogs.pro/ request with the stub ChatApp Dialog (vendor-stubs/chatapp/)."""
    path = request.url.split("?", 1)[0].split("#", 1)[0]
    if path.endswith("/stub-chatapp.css"):
        body, kind = (VENDOR_STUBS / "chatapp" / "stub-chatapp.css").read_bytes(), "text/css"
    elif path.endswith("/stub-chatapp.js"):
        body, kind = (VENDOR_STUBS / "chatapp" / "stub-chatapp.js").read_bytes(), "text/javascript"
    else:
        body, kind = (VENDOR_STUBS / "chatapp" / "index.html").read_bytes(), "text/html"
    route.fulfill(status=200, body=body, headers={"Content-Type": kind, "Cache-Control": "no-store"})


def route_vendor_stubs(context):
    """Answers https://dialogs.pro/ with the stub ChatApp Dialog (vendor-stubs/chatapp/) and refuses
    every other https request, so nothing reaches the network. Returns the list of https URLs the
    context asked for, in order (tests check what was loaded, and that nothing else was)."""
    requested = []

    def refuse(route, request):
        requested.append(request.url)
        route.abort()

    def chatapp(route, request):
        requested.append(request.url)
        fulfill_chatapp(route, request)

    context.route("https://**", refuse)
    context.route(f"{CHATAPP_ORIGIN}/**", chatapp)  # the later route is tried first
    return requested


def record_frame_heights(context, frame_id="es-frame-1"):
    """Records in window.__heights the frame's height at DOMContentLoaded and when each message
    arrives, before the bridge handles it (this listener is added first) and on the next task."""
    context.add_init_script("""
      if (window.top === window) {
        window.__heights = [];
        const h = () => { const f = document.getElementById(%s); return f ? f.getBoundingClientRect().height : null; };
        addEventListener('DOMContentLoaded', () => window.__heights.push(['dom', h()]));
        addEventListener('message', (e) => {
          const t = e.data && e.data.type;
          window.__heights.push([t + ':before', h()]);
          setTimeout(() => window.__heights.push([t + ':after', h()]), 0);
        });
      }
    """ % json.dumps(frame_id))


@pytest.fixture
def h(browser):
    context = browser.new_context(viewport={"width": 1000, "height": 700})
    harness = Harness(context)
    try:
        yield harness
    finally:
        context.close()


@pytest.fixture
def reset_stubs(servers):
    http_get("/__reset")
    return http_get
