"""`embedsmith init` then `embedsmith serve --stub-vendors` in Chromium: the README's tutorial.
The scaffold's agent page, in serve's dev view, talks to the simulated web-agent on the stub
listener with no vendor account: handshake, the control panel driving the host page's gallery
and toasts, no CSP violation, no console error. The stub listener refuses a foreign Host, and
serve's own origin hands the stubs only the same-origin API prefix."""
import pathlib
import re
import urllib.parse

import pytest

from conftest import INIT_SCRIPT, poll, start_serve, stop
from test_serve import csp_violations, raw_get

REPO = pathlib.Path(__file__).resolve().parent.parent.parent
VENDOR_STUBS = REPO / "vendor-stubs"
AGENT_VIEW = "__embedsmith/view/example/agent"
PREFIX = "/__embedsmith/vendor-stubs/api/"


@pytest.fixture(scope="module")
def stubbed(project):
    served = start_serve(project, "--stub-vendors")
    line = served.wait_for_line(r"stub vendor apps at http://127\.0\.0\.1:\d+")
    served.stub_origin = re.search(r"(http://127\.0\.0\.1:\d+)", line).group(1)
    yield served
    stop(served.process)


@pytest.fixture
def watched(browser):
    """A page whose console errors and uncaught errors, of every frame, are recorded."""
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    context.add_init_script(INIT_SCRIPT)
    # Nothing may leave the machine: the stubs stand in for every vendor.
    outside = []
    context.route(re.compile(r"^https?://(?!127\.0\.0\.1[:/]).*"), lambda route, request: (outside.append(request.url), route.abort()))
    p = context.new_page()
    p.console_messages, p.errors, p.outside = [], [], outside
    p.on("console", lambda m: p.console_messages.append(m.text) or (m.type == "error" and p.errors.append(m.text)))
    p.on("pageerror", lambda e: p.errors.append(str(e)))
    yield p
    context.close()


def frame_at(page, prefix, path):
    return poll(lambda: next((f for f in page.frames if f.url.startswith(prefix) and urllib.parse.urlsplit(f.url).path == path), None),
                message=f"frame {prefix}{path}")


def test_root_lists_the_agent_page(stubbed, watched):
    watched.goto(stubbed.url)
    links = watched.eval_on_selector_all("a", "as => as.map(a => a.getAttribute('href'))")
    assert "/__embedsmith/view/example/agent" in links


def test_agent_page_runs_on_the_stub_web_agent_and_its_panel_drives_the_host_page(stubbed, watched):
    site_origin = stubbed.url.rstrip("/")
    watched.goto(stubbed.url + AGENT_VIEW)
    host = frame_at(watched, site_origin, "/example/agent")
    agent = frame_at(watched, stubbed.stub_origin, "/web-agent/")
    src = host.get_attribute("#es-frame-1", "src")
    assert src.startswith(stubbed.stub_origin + "/web-agent/?aK=yourApiKey&cN=Support-Example"), src
    # Handshake: the stub posted contacts, resize and ready at mount; the bridge took it as ready
    # (the frame URL already carries the configuration and conversation, so nothing else is due).
    poll(lambda: host.evaluate("() => window.embedsmith.isReady('es-frame-1')"), message="bridge ready")
    # The host page's controls reach the agent, from the page's origin.
    host.fill("#es-frame-1-es-conversation", "Support-Example-2")
    host.click("#es-frame-1-es-conversation >> xpath=ancestor::form//button[@type='submit']")
    poll(lambda: agent.inner_text("#conversation") == "Support-Example-2", message="conversation set from the host controls")
    received = agent.evaluate("() => window.__received")
    assert [r["data"] for r in received if r["fromParent"] and r["origin"] == site_origin] == [{"type": "conversation", "name": "Support-Example-2"}], received

    agent.click("button[data-emit=snapshot]")
    poll(lambda: host.locator(".es-gallery img").count() == 1, message="snapshot in the gallery")
    assert host.get_attribute(".es-gallery img", "src").startswith("data:image/png;base64,")
    agent.click("button[data-emit=sms_fail]")
    poll(lambda: host.locator(".es-toast").count() >= 1, message="sms_fail toast")

    watched.wait_for_timeout(300)
    assert csp_violations(watched) == []
    assert watched.errors == []
    assert watched.outside == []


def test_stub_listener_refuses_a_foreign_host(stubbed):
    status, _, body = raw_get(stubbed.stub_origin, "/web-agent/")
    assert status == 200 and body == (VENDOR_STUBS / "web-agent" / "index.html").read_bytes()
    port = urllib.parse.urlsplit(stubbed.stub_origin).port
    for host in ["evil.example", f"evil.example:{port}", f"127.0.0.1.evil.example:{port}"]:
        for path in ["/web-agent/", "/api/apizee/me"]:
            status, _, body = raw_get(stubbed.stub_origin, path, host=host)
            assert status == 421, (host, path, status)
            assert b"tok-SECRET" not in body and b"<button" not in body


def test_site_origin_answers_only_the_stub_api_prefix(stubbed):
    status, headers, body = raw_get(stubbed.url, PREFIX + "apizee/me")
    assert status == 200 and headers["Content-Type"].startswith("application/json")
    assert body == (VENDOR_STUBS / "api" / "agent-info.json").read_bytes()
    # The same endpoint with a foreign Host: refused like every other request of serve's origin.
    status, _, _ = raw_get(stubbed.url, PREFIX + "apizee/me", host="evil.example")
    assert status == 421
    # Nothing else of the stub tree is on serve's origin: not the apps, not the stub root,
    # not the API without its prefix, not a climb out of the prefix.
    for path in ["/web-agent/", "/web-agent/agent.js", "/loader/loaderAgent.js", "/api/apizee/me", "/index.css",
                 "/__embedsmith/vendor-stubs/", "/__embedsmith/vendor-stubs/web-agent/", "/__embedsmith/vendor-stubs/index.css",
                 "/__embedsmith/vendor-stubs/loader/loaderAgent.js", PREFIX + "../web-agent/agent.js",
                 PREFIX + "%2e%2e/web-agent/agent.js", PREFIX + "..%2f..%2fweb-agent%2fagent.js", PREFIX + "agent-info.json"]:
        status, _, body = raw_get(stubbed.url, path)
        assert status in (400, 404), (path, status)
        assert b"data-emit" not in body and b"loadAgent" not in body
