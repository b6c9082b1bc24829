"""The bridge against the REAL ApiRTC web-agent (opt-in: `make real-vendor-tests`, marker real_vendor).

No file of the vendor app is in this repository. Get its built app (README, "Testing against the
real web-agent"): a copy of the `gh-pages` branch of github.com/ApiRTC/web-agent, at its tip
(current protocol) and at 6a63ef5 (2023-08-01, the 2023-07 protocol), each in a folder that holds
`web-agent/`, and point these at them:

  EMBEDSMITH_REAL_WEBAGENT=/path/holding/tip          (served at http://127.0.0.1:8806/web-agent/)
  EMBEDSMITH_REAL_WEBAGENT_2023_07=/path/holding/old  (served at http://127.0.0.1:8807/web-agent/)

Each build's tests are skipped, saying so, when its variable is unset. There is no network: every
request that leaves 127.0.0.1 is refused, so the app never reaches the ApiRTC cloud, and the tests
are built on what it does offline (checked in Chromium): at mount the current build posts
`contacts {length: 0}`, `resize`, `ready` (the 2023-07 build: `resize`, `ready`), all with "*";
it answers nothing to join/leave. The host pages are fixtures/host/real-*.html (the generator's
page contract, make_host_pages.py), frame URL with `lL=debug` so the app logs every message it
receives ("Wrapper|receives ...", and "unknown message.type X" for one it does not know) and each
ApiRTC session set-up ("useSession|useEffect credentials, options", current build).
"""
import os
import pathlib
import sys
import time

import pytest

from conftest import HERE, HOST, Harness, Server, record_frame_heights, wait_for

pytestmark = pytest.mark.real_vendor

CURRENT_PORT, LEGACY_PORT = 8806, 8807
CURRENT_ORIGIN, LEGACY_ORIGIN = f"http://127.0.0.1:{CURRENT_PORT}", f"http://127.0.0.1:{LEGACY_PORT}"


def _build_dir(variable):
    value = os.environ.get(variable)
    if not value:
        pytest.skip(f"{variable} is not set: the real web-agent suite needs a folder that holds web-agent/ "
                    "(a copy of ApiRTC/web-agent's gh-pages branch, see the README)")
    folder = pathlib.Path(value).resolve()
    if not (folder / "web-agent" / "index.html").is_file():
        pytest.fail(f"{variable}={folder}: no web-agent/index.html in it (it must hold the gh-pages copy as web-agent/)")
    return folder


def _serve(variable, port):
    folder = _build_dir(variable)
    # stub_server.py serves a folder as http.server does (and is recognised as ours if left behind).
    return Server(port, [sys.executable, str(HERE / "stub_server.py"), "--port", str(port), "--dir", str(folder)])


@pytest.fixture(scope="module")
def current_build(servers):
    server = _serve("EMBEDSMITH_REAL_WEBAGENT", CURRENT_PORT)
    server.start()
    try:
        yield CURRENT_ORIGIN
    finally:
        server.stop()


@pytest.fixture(scope="module")
def legacy_build(servers):
    server = _serve("EMBEDSMITH_REAL_WEBAGENT_2023_07", LEGACY_PORT)
    server.start()
    try:
        yield LEGACY_ORIGIN
    finally:
        server.stop()


class RealApp:
    """A browser context that lets only 127.0.0.1 through and reads the app's debug log."""

    def __init__(self, browser):
        self.context = browser.new_context(viewport={"width": 1000, "height": 700})
        self.outside = []
        self.context.route(lambda url: not url.startswith("http://127.0.0.1:"), self._refuse)
        self.log = []  # (type, text) of the app frame's console
        self.got = []  # types of the messages the app received, in order
        self.setups = 0
        self.context.on("console", self._console)
        self.h = Harness(self.context)

    def _refuse(self, route, request):
        self.outside.append(request.url)
        route.abort()

    def _console(self, m):
        url = (m.location or {}).get("url", "")
        if url.startswith(HOST):
            return
        if m.text.startswith("useSession|useEffect credentials"):
            # One per change of credentials/options: a non-null credential starts a session.
            try:
                if m.args[1].json_value() is not None:
                    self.setups += 1
            except Exception:
                pass
        if m.text.startswith("Wrapper|receives event"):
            # Both builds log every MessageEvent they get (lL=debug) before handling it.
            try:
                self.got.append(m.args[1].evaluate("(e) => e.data && e.data.type"))
            except Exception as e:
                self.got.append(f"? {e}")
        self.log.append((m.type, m.text))

    def received(self):
        """Message types the app received (its lL=debug log), in order."""
        self.pump()
        return list(self.got)

    def pump(self):
        # The sync API delivers console events only while it talks to the browser.
        self.h.page.evaluate("0")

    def unknown(self):
        self.pump()
        return [t for _, t in self.log if "unknown message.type" in t]

    def open(self, name):
        page = self.h.open(name)
        return page

    def accepted_types(self):
        return [e["type"] for e in self.h.events() if e.get("frameId") == "es-frame-1"]

    def assert_host_clean(self):
        """The host page (not the offline app, which logs its failed cloud requests) is clean."""
        host_csp = [v for v in self.h.csp_violations() if v.get("page", "").startswith(HOST)]
        assert host_csp == [], "CSP violations in the host page"
        host_console = [m for m in self.h.console if m["url"].startswith(HOST) and m["type"] in ("error", "warning")]
        assert host_console == [], "host page console errors/warnings"
        stats = self.h.stats()
        assert stats["dropped"] == 0, stats

    def close(self):
        self.context.close()


@pytest.fixture
def real(browser):
    app = RealApp(browser)
    try:
        yield app
    finally:
        app.close()


# ---- current build (gh-pages tip) --------------------------------------------------------------
def test_current_mount_posts_contacts_resize_ready(real, current_build):
    real.open("real-agent.html")
    wait_for(lambda: real.h.stats()["accepted"] >= 3, 20, "the app's mount messages")
    time.sleep(1.0)
    events = [e for e in real.h.events() if e.get("frameId") == "es-frame-1"]
    assert [e["message"] for e in events] == [{"type": "contacts", "length": 0}, {"type": "resize"}, {"type": "ready"}]
    # The app was never told the host's origin: it reaches us because it posts with "*".
    assert real.h.page.evaluate("() => window.embedsmith.isReady('es-frame-1')") is True
    assert real.outside, "the app asked for nothing outside 127.0.0.1? (then it was not the real build)"
    real.assert_host_clean()


def test_current_understands_every_message_the_bridge_sends(real, current_build):
    page = real.open("real-agent.html")
    wait_for(lambda: page.evaluate("() => window.embedsmith.isReady('es-frame-1')"), 20, "ready")
    sent = page.evaluate("""() => ['connect', 'join', 'leave', 'disconnect'].map((type) =>
        window.embedsmith.send('es-frame-1', {type})).concat([
        window.embedsmith.send('es-frame-1', {type: 'user_data', data: {userId: 'u1', name: 'Agent'}}),
        window.embedsmith.send('es-frame-1', {type: 'conversation', name: 'Case-77'})])""")
    assert sent == [True] * 6
    wait_for(lambda: "conversation" in real.received()[2:], 10, "the app logging what it received")
    # The handshake: the configuration only repeats the URL's aK, so it is not sent.
    assert real.received() == ["conversation", "guest_data", "connect", "join", "leave", "disconnect",
                               "user_data", "conversation"]
    assert real.unknown() == []
    real.assert_host_clean()


def test_current_join_and_leave_get_no_answer_offline(real, current_build):
    page = real.open("real-agent.html")
    wait_for(lambda: page.evaluate("() => window.embedsmith.isReady('es-frame-1')"), 20, "ready")
    assert page.evaluate("() => [window.embedsmith.send('es-frame-1', {type: 'join'}),"
                         " window.embedsmith.send('es-frame-1', {type: 'leave'})]") == [True, True]
    time.sleep(3.0)
    assert [t for t in real.accepted_types() if t in ("joined", "left")] == []
    real.assert_host_clean()


def test_current_one_session_setup_per_load(real, current_build):
    page = real.open("real-agent.html")
    wait_for(lambda: page.evaluate("() => window.embedsmith.isReady('es-frame-1')"), 20, "ready")
    wait_for(lambda: real.pump() or real.setups >= 1, 10, "the first session set-up")
    time.sleep(2.0)  # a configuration sent on ready would start a second one within this time
    real.pump()
    assert real.setups == 1
    real.h.frame("es-frame-1").evaluate("() => location.reload()")
    wait_for(lambda: len(real.h.events("ready")) == 2, 20, "second ready")
    wait_for(lambda: real.pump() or real.setups >= 2, 10, "the reloaded app's session set-up")
    time.sleep(2.0)
    real.pump()
    assert real.setups == 2
    real.assert_host_clean()


def test_current_frame_height_does_not_follow_messages(real, current_build):
    record_frame_heights(real.context)
    page = real.open("real-agent.html")
    wait_for(lambda: page.evaluate("() => window.embedsmith.isReady('es-frame-1')"), 20, "ready")
    real.h.frame("es-frame-1").evaluate("() => location.reload()")
    wait_for(lambda: len(real.h.events("ready")) == 2, 20, "second ready")
    time.sleep(0.3)
    recorded = page.evaluate("() => window.__heights")
    assert [k for k, _ in recorded if k.endswith(":before")][:3] == ["contacts:before", "resize:before", "ready:before"]
    assert len({v for _, v in recorded}) == 1, recorded  # one height, from first paint to reload
    assert recorded[0][1] >= 630  # the working height (clamp(720px, 90vh, 1200px)), not the compact one
    real.assert_host_clean()


# ---- 2023-07 build (gh-pages at 6a63ef5) -------------------------------------------------------
def test_legacy_mount_posts_resize_then_ready(real, legacy_build):
    real.open("real-legacy.html")
    wait_for(lambda: real.h.stats()["accepted"] >= 2, 20, "the app's mount messages")
    time.sleep(1.0)
    assert [e["message"] for e in real.h.events() if e.get("frameId") == "es-frame-1"] == [
        {"type": "resize"}, {"type": "ready"}]
    real.assert_host_clean()


def test_legacy_names_and_whole_app_config_are_understood(real, legacy_build):
    page = real.open("real-legacy.html")
    wait_for(lambda: page.evaluate("() => window.embedsmith.isReady('es-frame-1')"), 20, "ready")
    sent = page.evaluate("""() => ['connect', 'join', 'leave', 'disconnect'].map((type) =>
        window.embedsmith.send('es-frame-1', {type})).concat([
        window.embedsmith.send('es-frame-1', {type: 'user_data', data: {userId: 'u1'}})])""")
    assert sent == [True] * 5
    wait_for(lambda: "user_data" in real.received(), 10, "the app logging what it received")
    # app_config (the whole config: it replaces the app's), the guest as invitee_data, then the rest.
    assert real.received() == ["app_config", "invitee_data", "connect", "join_conversation", "leave_conversation",
                               "disconnect", "user_data"]
    assert real.unknown() == []
    real.assert_host_clean()


def test_legacy_conversation_is_not_sent(real, legacy_build):
    page = real.open("real-legacy.html")
    wait_for(lambda: page.evaluate("() => window.embedsmith.isReady('es-frame-1')"), 20, "ready")
    assert page.evaluate("() => window.embedsmith.send('es-frame-1', {type: 'conversation', name: 'Case-77'})") is False
    assert any("no conversation message" in m["text"] for m in real.h.console if m["type"] == "warning")
    time.sleep(1.0)
    assert "conversation" not in real.received() and real.unknown() == []


def test_current_names_are_unknown_to_a_legacy_build(real, legacy_build):
    """Why the generator refuses `protocol: 2023-07` with the public URL, and why the protocol must
    match the build: framed with the wrong protocol, every host message is refused by the app
    while send() says true."""
    page = real.open("real-legacy-as-current.html")
    wait_for(lambda: page.evaluate("() => window.embedsmith.isReady('es-frame-1')"), 20, "ready")
    assert page.evaluate("() => window.embedsmith.send('es-frame-1', {type: 'join'})") is True
    wait_for(lambda: len(real.unknown()) >= 3, 10, "the app refusing the messages")
    assert [u.rsplit(" ", 1)[1] for u in real.unknown()] == ["conversation.", "guest_data.", "join."]


def test_legacy_frame_height_does_not_follow_messages(real, legacy_build):
    record_frame_heights(real.context)
    page = real.open("real-legacy.html")
    wait_for(lambda: page.evaluate("() => window.embedsmith.isReady('es-frame-1')"), 20, "ready")
    time.sleep(0.3)
    recorded = page.evaluate("() => window.__heights")
    assert [k for k, _ in recorded if k.endswith(":before")] == ["resize:before", "ready:before"]
    assert len({v for _, v in recorded}) == 1, recorded
    real.assert_host_clean()
