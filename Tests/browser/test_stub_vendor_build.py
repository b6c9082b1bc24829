"""The sample content built with its vendor URLs pointed at the simulated vendor apps
(`embedsmith build --stub-vendors ORIGIN`, what `serve --stub-vendors` does), loaded in Chromium
with no route and no vendor account: the pages' own policies must admit the stub origin, the
bridge must talk to the stub apps, and the same-origin endpoints must come from the prefix serve
forwards.

Servers: the built site on 8809 (stub_server.py, which answers /__embedsmith/vendor-stubs/api/…
as serve forwards it), vendor-stubs/ as the stub origin on 8808 (stub_server.py --stub-origin)."""
import pathlib
import shutil
import subprocess
import sys

import pytest

from conftest import HERE, VENDOR_STUBS, Harness, Server, wait_for
from stub_server import CHATAPP_TOKEN, TOKEN

ROOT = HERE.parent.parent
BINARY = ROOT / ".build" / "debug" / "embedsmith"
SITE_PORT, STUB_PORT = 8809, 8808
SITE, STUBS = f"http://127.0.0.1:{SITE_PORT}", f"http://127.0.0.1:{STUB_PORT}"


@pytest.fixture(scope="module")
def stub_site(tmp_path_factory, servers):
    if not BINARY.exists():
        pytest.skip("build the tool first (swift build)")
    project = tmp_path_factory.mktemp("stub-vendors")
    shutil.copytree(ROOT / "content", project / "content")
    built = subprocess.run([str(BINARY), "build", "--quiet", "--stub-vendors", STUBS], cwd=project,
                           capture_output=True, text=True, timeout=120)
    assert built.returncode == 0, built.stderr
    site = project / "site"
    started = []
    try:
        for server in (Server(SITE_PORT, [sys.executable, str(HERE / "stub_server.py"), "--port", str(SITE_PORT), "--dir", str(site)]),
                       Server(STUB_PORT, [sys.executable, str(HERE / "stub_server.py"), "--port", str(STUB_PORT),
                                          "--dir", str(VENDOR_STUBS), "--stub-origin"])):
            server.start()
            started.append(server)
        yield site
    finally:
        for server in reversed(started):
            server.stop()


@pytest.fixture
def s(browser, stub_site):
    context = browser.new_context(viewport={"width": 1000, "height": 700})
    requested = []
    # Nothing may leave the machine: every https request is refused and recorded.
    context.route("https://**", lambda route, request: (requested.append(request.url), route.abort()))
    harness = Harness(context)
    harness.https = requested
    try:
        yield harness
    finally:
        context.close()


def pages(site):
    return sorted(str(p.relative_to(site)) for p in site.rglob("*.html"))


def open_page(s, path):
    s.page.goto(f"{SITE}/{path}", wait_until="load")
    for frame in s.page.frames:
        frame.wait_for_load_state("load")
    return s.page


def test_no_page_names_a_vendor_host(stub_site):
    for path in pages(stub_site):
        html = (stub_site / path).read_text()
        for host in ("apirtc.github.io/web-agent", "app.apizee.com/agent", "cdn.apirtc.com", "dialogs.pro/", "cdn.chatvisor.com"):
            assert host not in html, (path, host)


def test_every_page_runs_on_the_stubs_without_csp_violations_or_errors(s, stub_site):
    for path in pages(stub_site):
        open_page(s, path)
        s.page.wait_for_timeout(100)
    s.assert_clean()
    # Images of the sample content may point at https hosts; no vendor app or script does.
    assert [u for u in s.https if any(h in u for h in ("apirtc", "apizee", "dialogs.pro", "chatvisor"))] == []


def test_agent_page_talks_to_the_stub_agent_and_its_panel_fills_the_gallery(s):
    page = open_page(s, "acme/agent.html")
    assert page.get_attribute("#es-frame-1", "src").startswith(STUBS + "/web-agent/?aK=")
    wait_for(lambda: page.evaluate("() => window.embedsmith.isReady('es-frame-1')"), what="ready from the stub origin")
    frame = s.frame("es-frame-1")
    frame.click("button[data-emit=snapshot]")
    wait_for(lambda: page.locator(".es-gallery img").count() == 1, what="snapshot in the gallery")
    frame.click("button[data-emit=sms_fail]")
    wait_for(lambda: page.locator(".es-toast").count() >= 1, what="sms_fail toast")
    s.assert_clean()


def test_loader_gets_the_agent_identity_from_the_forwarded_endpoint(s):
    page = open_page(s, "initech/tools.html")
    wait_for(lambda: len(s.events("loader-event")) == 3, what="three loader events")
    call = page.evaluate("() => window.__loadAgentCall")
    assert call["serverDomainRoot"] == STUBS + "/"
    assert call["userInfos"]["token"] == TOKEN
    assert TOKEN not in page.evaluate("() => document.documentElement.outerHTML")
    s.assert_clean()


def test_chatapp_frame_gets_a_token_from_the_forwarded_endpoint_and_shows_what_it_received(s):
    page = open_page(s, "initech/chat.html")
    wait_for(lambda: s.events("chatapp-ready"), what="chatapp-ready")
    src = page.get_attribute("#es-frame-1", "src")
    assert src.startswith(STUBS + "/chatapp/?") and "api%5Baccess_token%5D=" in src
    frame = s.frame("es-frame-1")
    wait_for(lambda: frame.evaluate("() => document.documentElement.dataset.token") == "received", what="token shown")
    params = frame.evaluate("() => [...document.querySelectorAll('#params dt')].map(d => d.textContent)")
    assert "api[license_id]" in params and "crm[phones][0]" in params
    assert CHATAPP_TOKEN not in frame.evaluate("() => document.documentElement.outerHTML")
    s.assert_clean()


def test_engage_page_runs_the_stub_script_and_its_cobrowsing(s):
    page = open_page(s, "initech/notes.html")
    wait_for(lambda: s.events("engage-ready"), what="engage-ready")
    assert page.evaluate("() => window.__cvLoaded.hookInstalled") is True
    s.assert_clean()


def test_timeline_shows_the_shipped_session_events(s):
    page = open_page(s, "initech/index.html?ticketId=77")
    wait_for(lambda: s.events("timeline-loaded") or s.events("timeline-error"), what="timeline settled")
    assert s.events("timeline-error") == [] and [e["detail"] for e in s.events("timeline-loaded")] == [{"count": 8}]
    assert page.locator(".es-timeline__list > li").count() == 8
    s.assert_clean()
