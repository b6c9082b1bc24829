"""The committed sample site/ (what `embedsmith build` generates), loaded in Chromium.

Vendor hosts are answered by Playwright routes with the stub apps, so the pages run exactly as
published (https://apirtc.github.io, https://app.apizee.com, https://cdn.apirtc.com, the console
CNAME) with no network: the bridge sees the real vendor origins.
"""
import pathlib
import re
import sys

import pytest

from conftest import CHROMIUM, CHROMIUM_ARGS, HERE, VENDOR_STUBS, Harness, Server, fulfill_chatapp, wait_for
from stub_server import CHATAPP_TOKEN, TOKEN

SITE = HERE.parent.parent / "site"
PORT = 8804
ORIGIN = f"http://127.0.0.1:{PORT}"
AGENT_DIR = VENDOR_STUBS / "web-agent"
SHOTS = pathlib.Path("/tmp/embedsmith-shots")
PAGES = sorted(str(p.relative_to(SITE)) for p in SITE.rglob("*.html"))
PNG = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="


@pytest.fixture(scope="module")
def site_server(servers):
    server = Server(PORT, [sys.executable, str(HERE / "stub_server.py"), "--port", str(PORT), "--dir", str(SITE)])
    server.start()
    try:
        yield ORIGIN
    finally:
        server.stop()


def _agent_file(route, request):
    """Serves the stub agent for any path of a vendor agent host."""
    name = request.url.split("?", 1)[0].rsplit("/", 1)[-1] or "index.html"
    if name not in ("agent.js", "agent.css", "favicon.ico"):
        name = "index.html"
    body = (AGENT_DIR / name).read_bytes()
    frame_url = request.frame.url if request.frame else ""
    kind = {"js": "application/javascript", "css": "text/css", "ico": "image/x-icon"}.get(name.rsplit(".", 1)[-1], "text/html")
    route.fulfill(status=200, body=body, headers={"Content-Type": kind})


@pytest.fixture
def g(browser, site_server):
    context = browser.new_context(viewport={"width": 1000, "height": 700})
    context.route("https://apirtc.github.io/**", _agent_file)
    context.route("https://app.apizee.com/**", _agent_file)
    context.route("https://cdn.apirtc.com/agent/loaderAgent.js", lambda route, _: route.fulfill(
        status=200, body=(VENDOR_STUBS / "loader/loaderAgent.js").read_bytes(), headers={"Content-Type": "application/javascript"}))
    for console_host in ("apizee.acme.example", "video.initech.example"):
        context.route(f"https://{console_host}/**", lambda route, _: route.fulfill(
            status=200, body=(VENDOR_STUBS / "console/index.html").read_bytes(), headers={"Content-Type": "text/html"}))
    # TeamViewer Engage tenant scripts and the ChatApp Dialog: the same stubs as the fixture pages.
    context.route("https://cdn.chatvisor.com/cdn/js/*.js", lambda route, _: route.fulfill(
        status=200, body=(VENDOR_STUBS / "engage/es-stub-engage.js").read_bytes(),
        headers={"Content-Type": "application/javascript"}))
    context.route("https://dialogs.pro/**", fulfill_chatapp)
    harness = Harness(context)
    try:
        yield harness
    finally:
        context.close()


def open_page(g, path):
    g.page.goto(f"{ORIGIN}/{path}", wait_until="load")
    return g.page


def test_sample_site_is_there():
    assert len(PAGES) >= 10, "run `make site` first"


@pytest.mark.parametrize("path", PAGES)
def test_every_sample_page_loads_without_csp_violations_or_console_errors(g, path):
    page = open_page(g, path)
    page.wait_for_timeout(150)
    for frame in page.frames:
        frame.wait_for_load_state("load")
    g.assert_clean()


def test_agent_page_handshake_with_the_real_origin(g):
    page = open_page(g, "acme/agent.html")
    frame = g.frame("es-frame-1")
    received = g.wait_handshake(frame, n=1)
    # The configuration only repeats the URL's aK: not sent (one session set-up per load).
    assert [r["data"] for r in received[:1]] == [
        {"type": "guest_data", "data": {"phone": "+33612345678"}},
    ]
    assert all(r["origin"] == ORIGIN for r in received)
    assert page.evaluate("() => window.embedsmith.isReady('es-frame-1')")
    # A snapshot from the app reaches the gallery; a javascript: one never becomes an image.
    g.emit(frame, {"type": "snapshot", "contact": {"id": "c1"}, "dataUrl": PNG})
    g.emit(frame, {"type": "snapshot", "contact": {"id": "c2"}, "dataUrl": "javascript:alert(1)"})
    wait_for(lambda: page.evaluate("() => document.querySelectorAll('.es-gallery img').length") == 1, what="one snapshot image")
    page.wait_for_timeout(100)
    assert page.evaluate("() => [...document.querySelectorAll('img')].map(i => i.src).filter(s => s.startsWith('javascript'))") == []
    g.assert_clean()


def test_dupont_tenant_speaks_the_current_protocol(g):
    # Dupont used to pair protocol 2023-07 with the published URL, which speaks the current one only.
    open_page(g, "dupont/agent.html")
    frame = g.frame("es-frame-1")
    wait_for(lambda: g.page.evaluate("() => window.embedsmith.isReady('es-frame-1')"), what="ready")
    g.page.evaluate("() => window.embedsmith.send('es-frame-1', {type: 'join'})")
    received = g.wait_received(frame, lambda r: any(m["data"].get("type") == "join" for m in r), "join")
    assert [m["data"]["type"] for m in received] == ["join"]
    g.assert_clean()


def test_embed_page_talks_to_app_apizee_com(g):
    open_page(g, "acme/embed.html")
    frame = g.frame("es-frame-1")
    src = g.page.evaluate("() => document.getElementById('es-frame-1').src")
    assert src.startswith("https://app.apizee.com/agent/?iK=acme-ik-2f9c&cN=Acme-Embed&")
    assert "eR=%5B%7B%22name%22%3A%22ticketId%22%2C%22reference%22%3A%2212345%22%7D%5D" in src
    g.emit(frame, {"type": "ready"})  # the stub already sent one at mount; a second is harmless
    wait_for(lambda: g.events("ready"), what="ready event")
    g.assert_clean()


def test_loader_page_gets_identity_at_run_time_and_forwards_events(g):
    page = open_page(g, "acme/loader.html")
    wait_for(lambda: len(g.events("loader-event")) == 3, what="three loader events")
    call = page.evaluate("() => window.__loadAgentCall")
    assert call["serverDomainRoot"] == "https://cloud.apizee.com/"
    assert call["userInfos"]["token"] == TOKEN
    assert [e["detail"]["type"] for e in g.events("loader-event")] == ["init", "updatePresence", "someUndocumentedEvent"]
    assert TOKEN not in page.evaluate("() => document.documentElement.outerHTML")
    g.assert_clean()


def test_no_token_in_any_generated_file():
    for path in SITE.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert TOKEN.encode() not in data and CHATAPP_TOKEN.encode() not in data, path
            if path.name.startswith("embedsmith-bridge."):
                # The bridge names the ChatApp parameter it fills in at run time: no value follows it.
                assert not re.search(rb'access_token(%5D|\])=(?!" \+ encodeURIComponent\(token\))', data), path
            else:
                assert b"access_token" not in data, path


def test_screenshots_of_agent_and_console_pages(g):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = open_page(g, "acme/agent.html")
    g.wait_handshake(g.frame("es-frame-1"), n=1)
    g.emit(g.frame("es-frame-1"), {"type": "snapshot", "contact": {"id": "c1"}, "dataUrl": PNG})
    g.emit(g.frame("es-frame-1"), {"type": "link_copied", "link": "https://apirtc.github.io/web-guest?i=abc"})
    page.wait_for_timeout(400)
    page.screenshot(path=str(SHOTS / "sample-agent.png"), full_page=True)
    page = open_page(g, "acme/console.html")
    page.wait_for_timeout(200)
    page.screenshot(path=str(SHOTS / "sample-console.png"), full_page=True)
    # The console frame is laid out at a usable size, with the stub console inside it.
    box = page.evaluate("() => { const r = document.getElementById('es-frame-1').getBoundingClientRect(); return [r.width, r.height]; }")
    assert box[0] >= 600 and box[1] >= 480, box
    assert g.frame("es-frame-1").evaluate("() => document.body.innerText.length") > 0
    for shot in ("sample-agent.png", "sample-console.png"):
        assert (SHOTS / shot).stat().st_size > 10_000, shot
    page = open_page(g, "initech/tools.html")
    page.wait_for_timeout(300)
    page.screenshot(path=str(SHOTS / "sample-initech-tools.png"), full_page=True)


def test_timeline_page_renders_the_ticket_events_inertly(g):
    page = open_page(g, "acme/timeline.html?ticketId=42")
    wait_for(lambda: g.events("timeline-loaded"), what="timeline-loaded")
    count = g.events("timeline-loaded")[0]["detail"]["count"] if "detail" in g.events("timeline-loaded")[0] else None
    items = page.evaluate("() => document.querySelectorAll('.es-timeline li[data-event-type]').length")
    assert items >= 32
    assert page.evaluate("() => document.querySelectorAll('.es-timeline img, .es-timeline script').length") == 0
    assert "<img src=x onerror=alert(1)>" in page.evaluate("() => document.querySelector('.es-timeline').textContent")
    g.assert_clean()
    page.screenshot(path=str(SHOTS / "sample-timeline.png"), full_page=True)


def test_webchat_page_wires_engage_and_cobrowsing(g):
    page = open_page(g, "globex/chat.html")
    wait_for(lambda: g.events("engage-ready"), what="engage-ready")
    assert page.evaluate("() => [...document.querySelectorAll('[data-embedsmith-cobrowse]')].every(b => !b.disabled)")
    page.click("[data-embedsmith-cobrowse=start]")
    wait_for(lambda: g.events("cobrowse"), what="cobrowse event")
    g.assert_clean()


def test_dialog_page_frames_dialogs_pro_without_a_token(g):
    page = open_page(g, "globex/dialog.html")
    src = page.evaluate("() => document.querySelector('iframe.es-chatapp-frame').src")
    assert src == "https://dialogs.pro/?api%5Blicense_id%5D=30310&api%5Bmessenger_type%5D=grWhatsApp&crm%5Bphones%5D%5B0%5D=79999999999"
    assert "access_token" not in src
    page.screenshot(path=str(SHOTS / "sample-dialog.png"), full_page=True)


def test_initech_chat_page_gets_a_live_token_into_the_hardened_frame(g):
    page = open_page(g, "initech/chat.html")
    wait_for(lambda: g.events("chatapp-ready"), what="chatapp-ready")
    src = page.evaluate("() => document.querySelector('iframe.es-chatapp-frame').src")
    assert src.startswith("https://dialogs.pro/?api%5Blicense_id%5D=40410&api%5Bmessenger_type%5D=telegram"
                          "&api%5Bcrm_domain%5D=crm.initech.example&api%5Bemployee_ext_code%5D=agent-7"
                          "&crm%5Bphones%5D%5B0%5D=79991234567"), src
    assert "access_token" in src   # in the live DOM only: test_no_token_in_any_generated_file checks the files
    sandbox = page.evaluate("() => document.querySelector('iframe.es-chatapp-frame').getAttribute('sandbox')").split()
    assert "allow-top-navigation-by-user-activation" in sandbox and "allow-top-navigation" not in sandbox
    link = page.evaluate("() => document.querySelector('a.es-chatapp-link').href")
    assert "access_token" not in link and "crm%5BdialogIds%5D%5B0%5D=79991234567%40c.us" in link
    g.assert_clean()


def test_initech_desk_runs_the_agent_with_every_parameter_and_the_timeline(g):
    page = open_page(g, "initech/index.html?ticketId=42")
    frame = g.frame("es-frame-2")   # number 1 is the page's Engage web chat
    wait_for(lambda: page.evaluate("() => window.embedsmith.isReady('es-frame-2')"), what="ready")
    page.evaluate("() => window.embedsmith.send('es-frame-2', {type: 'connect'})")
    received = g.wait_received(frame, lambda r: r, "connect")
    # aK and cU are in the URL: the configuration adds nothing and is not sent.
    assert [r["data"] for r in received] == [{"type": "connect"}]
    query = dict(p.split("=", 1) for p in frame.url.split("?", 1)[1].split("&"))
    assert {k: query[k] for k in ("aK", "j", "lL", "iI", "uId", "cSMI")} == {
        "aK": "initechDemoKey", "j": "false", "lL": "info", "iI": "initech-desk", "uId": "initech-agent-1", "cSMI": "10000"}
    assert query["cU"] == "https%3A%2F%2Fcloud.apirtc.com%2F" and query["iU"] == "https%3A%2F%2Fis.apizee.com%2Finvitations"
    wait_for(lambda: g.events("timeline-loaded"), what="timeline-loaded")
    wait_for(lambda: g.events("engage-ready"), what="engage-ready")   # webchat: true on an ordinary page
    g.assert_clean()


def test_initech_tools_page_places_three_agent_components_from_markdown(g):
    page = open_page(g, "initech/tools.html")
    frames = page.evaluate("() => [...document.querySelectorAll('iframe')].map(f => f.src.split('?')[0])")
    assert frames[:2] == ["https://app.apizee.com/agent/", "https://video.initech.example/console/"]
    assert "Stub Apizee console" in g.frame("es-frame-2").evaluate("() => document.body.innerText")
    g.emit(g.frame("es-frame-1"), {"type": "ready"})
    wait_for(lambda: g.events("ready"), what="ready event from the Embed app")
    wait_for(lambda: g.events("loader-event"), what="loader-event")
    g.assert_clean()


def test_initech_notes_keep_raw_html_and_stay_out_of_search_engines(g):
    page = open_page(g, "initech/notes.html")
    assert page.evaluate("() => document.querySelector('main details summary').textContent") == "Escalation"
    assert page.evaluate("() => document.querySelector('meta[name=robots]').content") == "noindex"
    wait_for(lambda: g.events("engage-ready"), what="engage-ready")
    g.assert_clean()
