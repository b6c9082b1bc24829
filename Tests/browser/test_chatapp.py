"""ChatApp Dialog (docs/vendors.md §8): the iframe gets its src only once the bridge holds a live access
token from the same-origin endpoint; the token appears nowhere but that src; error states with
Retry; settings that point anywhere else load nothing. https://dialogs.pro/ is answered by
vendor-stubs/chatapp/ through Playwright routes (route_vendor_stubs), every other https URL is refused."""
import json
import urllib.parse

import pytest

from conftest import HOST, THIRD, route_vendor_stubs, wait_for
from stub_server import CHATAPP_TOKEN

SRC = ("https://dialogs.pro/?api%5Blicense_id%5D=30310&api%5Bmessenger_type%5D=grWhatsApp"
       "&crm%5Bphones%5D%5B0%5D=79999999999")
ENCODED = urllib.parse.quote(CHATAPP_TOKEN, safe="")  # what encodeURIComponent gives for this token
assert ENCODED == "ca.SECRET-7d41%2Be%2F9Q%3D%3D"
WITH_TOKEN = SRC + "&api%5Baccess_token%5D=" + ENCODED
SECRET_PARTS = (CHATAPP_TOKEN, ENCODED, "SECRET-7d41")
AUTH = "You are not signed in, or your session has expired. Sign in again, then retry."
# Chromium's own warning about the vendor's sandbox (allow-scripts + allow-same-origin, §8.3).
SANDBOX_WARNING = "An iframe which has both allow-scripts and allow-same-origin"


@pytest.fixture
def vendor(h):
    return route_vendor_stubs(h.context)


def src_of(page, frame_id="es-frame-1"):
    return page.get_attribute(f"#{frame_id}", "src")


def requests(reset_stubs):
    return reset_stubs("/__requests")


def assert_token_only_in_src(h, frame_id="es-frame-1"):
    """The token may only be in that iframe's src attribute: not elsewhere in any document, not in
    the console, not in an uncaught error, not in a bridge event."""
    for page in h.context.pages:
        for frame in page.frames:
            html = frame.evaluate("""(id) => {
                const copy = document.documentElement.cloneNode(true);
                const f = copy.querySelector('#' + CSS.escape(id));
                if (f && f.tagName === 'IFRAME') f.removeAttribute('src');
                return copy.outerHTML;
            }""", frame_id)
            assert all(s not in html for s in SECRET_PARTS), frame.url
    assert all(s not in h.console_text() for s in SECRET_PARTS)
    assert all(s not in str(e) for e in h.page_errors for s in SECRET_PARTS)
    events = h.page.evaluate("() => JSON.stringify(window.__events)")
    assert all(s not in events for s in SECRET_PARTS)


def test_frame_gets_the_live_token_in_its_src(h, vendor, reset_stubs):
    h.context.add_cookies([{"name": "session", "value": "agent-session", "url": HOST}])
    page = h.open("chatapp.html")
    wait_for(lambda: h.events("chatapp-ready"), what="chatapp-ready")
    assert [e["detail"] for e in h.events("chatapp-ready")] == [{"frameId": "es-frame-1"}]
    assert src_of(page) == WITH_TOKEN
    frame = h.frame("es-frame-1")
    assert frame.url == WITH_TOKEN
    assert frame.evaluate("() => document.title") == "Stub ChatApp Dialog"
    # One token request: same origin, JSON expected, with the page's cookies.
    assert requests(reset_stubs) == [{"path": "/api/chatapp/token", "accept": "application/json",
                                      "secFetchMode": "cors", "credentials": True}]
    # What was loaded from outside: the Dialog with the token, and its stylesheet. Nothing else.
    assert vendor == [WITH_TOKEN, "https://dialogs.pro/stub-chatapp.css", "https://dialogs.pro/stub-chatapp.js"]
    # The vendor's attributes are left as they were; the frame is shown, no status, no alert.
    attrs = page.evaluate("""() => { const f = document.getElementById('es-frame-1');
        return {cls: f.className, sandbox: f.getAttribute('sandbox'), allow: f.getAttribute('allow'),
                referrer: f.getAttribute('referrerpolicy'), display: getComputedStyle(f).display,
                height: f.getBoundingClientRect().height}; }""")
    assert attrs["cls"] == "es-frame es-chatapp-frame"
    assert attrs["sandbox"].split() == [
        "allow-forms", "allow-modals", "allow-orientation-lock", "allow-pointer-lock", "allow-popups",
        "allow-popups-to-escape-sandbox", "allow-presentation", "allow-same-origin", "allow-scripts",
        "allow-top-navigation", "allow-top-navigation-by-user-activation"]
    assert attrs["allow"] == ("camera https://dialogs.pro; microphone https://dialogs.pro; "
                              "clipboard-read https://dialogs.pro; clipboard-write https://dialogs.pro")
    assert attrs["referrer"] == "no-referrer"
    assert attrs["display"] == "block" and attrs["height"] >= 480
    assert page.locator("[role=alert]").count() == 0
    assert page.locator(".es-chatapp-state__status").text_content() == ""
    assert_token_only_in_src(h)
    h.assert_clean()


def test_src_is_set_only_after_the_token_arrives(h, vendor, reset_stubs):
    page = h.open("chatapp-held.html", wait_until="domcontentloaded")  # the endpoint waits for a signal
    wait_for(lambda: len(requests(reset_stubs)) == 1, what="token request")
    before = page.evaluate("""() => { const f = document.getElementById('es-frame-1');
        return {src: f.getAttribute('src'), url: f.contentWindow.location.href, pending: f.classList.contains('es-frame--pending'),
                display: getComputedStyle(f).display}; }""")
    assert before == {"src": None, "url": "about:blank", "pending": True, "display": "none"}
    status = page.locator(".es-chatapp-state__status")
    assert status.text_content() == "Connecting to the chat\u2026"
    assert status.get_attribute("role") == "status"
    assert vendor == [] and h.events("chatapp-ready") == []
    reset_stubs("/__signal")
    wait_for(lambda: h.events("chatapp-ready"), what="chatapp-ready")
    assert src_of(page) == WITH_TOKEN
    assert status.text_content() == ""
    assert_token_only_in_src(h)
    h.assert_clean()


def test_src_without_query_gets_a_question_mark(h, vendor, reset_stubs):
    page = h.open("chatapp-noquery.html")
    wait_for(lambda: h.events("chatapp-ready"), what="chatapp-ready")
    assert src_of(page) == "https://dialogs.pro/?api%5Baccess_token%5D=" + ENCODED
    assert_token_only_in_src(h)
    h.assert_clean()


ERRORS = [
    # page, code, message
    ("chatapp-401.html", "auth", AUTH),
    ("chatapp-403.html", "auth", AUTH),
    ("chatapp-redirect.html", "auth", AUTH),
    ("chatapp-500.html", "http", "The chat access could not be obtained (HTTP 500)."),
    ("chatapp-network.html", "network", "The chat access could not be obtained: network error."),
    ("chatapp-notjson.html", "invalid", "The chat access received from the server is not valid."),
    ("chatapp-malformed.html", "invalid", "The chat access received from the server is not valid."),
    ("chatapp-whitespace.html", "invalid", "The chat access received from the server is not valid."),
    ("chatapp-empty.html", "invalid", "The chat access received from the server is not valid."),
    ("chatapp-long.html", "invalid", "The chat access received from the server is not valid."),
    ("chatapp-number.html", "invalid", "The chat access received from the server is not valid."),
]


@pytest.mark.parametrize("name,code,text", ERRORS, ids=[e[0] for e in ERRORS])
def test_error_states(h, vendor, reset_stubs, name, code, text):
    page = h.open(name)
    wait_for(lambda: h.events("chatapp-error"), what="chatapp-error")
    assert [e["detail"] for e in h.events("chatapp-error")] == [{"frameId": "es-frame-1", "code": code}]
    alert = page.locator(".es-chatapp-state [role=alert]")
    assert alert.count() == 1
    assert alert.locator(".es-alert__text").text_content() == text
    assert alert.locator("button").text_content() == "Retry"
    # The alert sits right after the frame, which stays empty and hidden.
    assert page.evaluate("() => document.getElementById('es-frame-1').nextElementSibling.className") == "es-chatapp-state"
    assert src_of(page) is None
    assert page.evaluate("() => getComputedStyle(document.getElementById('es-frame-1')).display") == "none"
    assert vendor == [] and h.events("chatapp-ready") == []
    assert len(requests(reset_stubs)) == 1
    assert_token_only_in_src(h)
    assert h.csp_violations() == [] and h.page_errors == []
    texts = [m["text"] for m in h.console if m["type"] in ("error", "warning")]
    assert f"embedsmith: chatapp frame es-frame-1: no access token ({code})." in texts
    assert all(t.startswith(("Failed to load resource", "embedsmith: chatapp frame es-frame-1", SANDBOX_WARNING))
               for t in texts), texts


def test_retry_by_keyboard(h, vendor, reset_stubs):
    page = h.open("chatapp-flaky.html")  # 500 first, then a good token
    wait_for(lambda: h.events("chatapp-error"), what="first failure")
    assert src_of(page) is None
    page.focus(".es-chatapp-state [role=alert] button")
    page.keyboard.press("Enter")
    wait_for(lambda: h.events("chatapp-ready"), what="ready after retry")
    assert src_of(page) == WITH_TOKEN
    assert page.locator("[role=alert]").count() == 0
    assert page.evaluate("() => document.activeElement.id") == "es-frame-1"  # focus moves on to the chat
    assert len(requests(reset_stubs)) == 2
    assert vendor == [WITH_TOKEN, "https://dialogs.pro/stub-chatapp.css", "https://dialogs.pro/stub-chatapp.js"]
    assert_token_only_in_src(h)


def test_french_error_state(h, vendor, reset_stubs):
    page = h.open("chatapp-fr-401.html")
    wait_for(lambda: h.events("chatapp-error"), what="chatapp-error")
    alert = page.locator("[role=alert]")
    assert alert.locator(".es-alert__text").text_content() == (
        "Vous n\u2019\u00eates pas connect\u00e9 ou votre session a expir\u00e9. Reconnectez-vous, puis r\u00e9essayez.")
    assert alert.locator("button").text_content() == "R\u00e9essayer"


def test_settings_pointing_elsewhere_load_nothing(h, vendor, reset_stubs):
    """Another host that merely starts like the origin, userinfo, a script URL, an origin that is
    not serialized, a token baked into src, token endpoints that are not same-origin paths, and an
    id that is not an iframe: no token request, no src, no request to any host; a config alert
    without Retry (retrying cannot help)."""
    page = h.open("chatapp-hostile.html")
    ids = [f"es-bad-{i}" for i in range(1, 13)] + ["es-not-a-frame"]
    wait_for(lambda: len(h.events("chatapp-error")) == len(ids), what="every entry refused")
    assert [e["detail"] for e in h.events("chatapp-error")] == [{"frameId": i, "code": "config"} for i in ids]
    assert page.evaluate("() => [...document.querySelectorAll('iframe')].filter((f) => f.hasAttribute('src')).length") == 0
    assert page.evaluate("() => [...document.querySelectorAll('iframe')].map((f) => f.contentWindow.location.href)") == (
        ["about:blank"] * 12)
    alerts = page.locator("[role=alert]")
    assert alerts.count() == 12  # one per frame; the non-frame id has nowhere to show one
    assert set(alerts.locator(".es-alert__text").all_text_contents()) == {"The chat is not configured correctly."}
    assert page.locator("[role=alert] button").count() == 0
    page.wait_for_timeout(200)
    assert requests(reset_stubs) == []
    assert vendor == []
    assert h.events("chatapp-ready") == []
    warnings = [m["text"] for m in h.console if m["type"] == "warning" and not m["text"].startswith(SANDBOX_WARNING)]
    assert warnings == [f"embedsmith: chatapp frame {i}: no access token (config)." for i in ids[:-1]] + [
        "embedsmith: chatapp frame es-not-a-frame not found, or listed twice (config)."]
    assert h.csp_violations() == [] and h.page_errors == [] and h.console_errors() == []


def test_third_party_frame_cannot_redirect_the_dialog(h, vendor, reset_stubs):
    """A third-origin frame next to the Dialog posts every kind of message at the host page: the
    bridge has no message that sets a src, so the Dialog keeps its one src and nothing else loads."""
    page = h.open("chatapp-spoof.html")
    wait_for(lambda: h.events("chatapp-ready"), what="chatapp-ready")
    third = h.frame("es-third")
    n = third.evaluate("(msgs) => window.__spoof(msgs)", [
        {"type": "chatapp", "frameId": "es-frame-1", "src": "https://evil.example/"},
        {"type": "chatapp-retry", "frameId": "es-frame-1"},
        {"type": "navigate", "url": "https://evil.example/"},
        {"src": "https://evil.example/", "tokenEndpoint": "//evil.example/token"},
        "https://evil.example/",
    ])
    wait_for(lambda: h.stats()["dropped"] == n, what="spoofed messages dropped")
    assert h.stats()["droppedByReason"]["origin"] == n
    page.wait_for_timeout(100)
    assert src_of(page) == WITH_TOKEN and h.frame("es-frame-1").url == WITH_TOKEN
    assert len(requests(reset_stubs)) == 1
    assert vendor == [WITH_TOKEN, "https://dialogs.pro/stub-chatapp.css", "https://dialogs.pro/stub-chatapp.js"]
    assert third.evaluate("() => window.__received") == []
    assert "SECRET" not in json.dumps(third.evaluate("() => [document.documentElement.outerHTML, window.__received]"))
    assert_token_only_in_src(h)
    h.assert_clean()


def test_third_party_page_cannot_choose_what_the_bridge_loads(h, vendor, reset_stubs):
    """A third-origin page opens the host page with a crafted query and fragment and spoofs
    messages at it: the bridge reads the src and the endpoint from its settings only."""
    opener = h.page
    opener.goto(f"{THIRD}/index.html")
    crafted = (f"{HOST}/chatapp.html?src=https%3A%2F%2Fevil.example%2F&tokenEndpoint=%2F%2Fevil.example%2Ft"
               "&frameId=es-frame-1#https://evil.example/")
    with opener.expect_popup() as popup_info:
        opener.evaluate("(url) => window.__open(url)", crafted)
    host = popup_info.value
    host.wait_for_load_state("load")
    wait_for(lambda: h.events(page=host) and h.events("chatapp-ready", page=host), what="chatapp-ready")
    opener.evaluate("(msgs) => window.__spoof(msgs)", [
        {"type": "chatapp", "src": "https://evil.example/"}, {"type": "ready"}])
    wait_for(lambda: h.stats(page=host)["dropped"] == 2, what="spoofed messages dropped")
    assert host.get_attribute("#es-frame-1", "src") == WITH_TOKEN
    assert [r["path"] for r in requests(reset_stubs)] == ["/api/chatapp/token"]
    assert vendor == [WITH_TOKEN, "https://dialogs.pro/stub-chatapp.css", "https://dialogs.pro/stub-chatapp.js"]
    assert opener.evaluate("() => window.__received") == []
    assert_token_only_in_src(h)
    h.assert_clean()
