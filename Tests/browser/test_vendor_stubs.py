"""The simulated vendor apps shipped in vendor-stubs/ (what `embedsmith serve --stub-vendors`
serves, and what every browser test uses): the web-agent's control panel driving a generated
page's gallery and toasts, the ChatApp Dialog showing what it received, the Engage script's
CVLoaded hook and co-browsing API.

The generated page is the committed sample site (site/acme/agent.html: gallery and toasts on),
with the vendor hosts answered by the stubs (test_generated_site.py's routes)."""
import base64
import struct

from conftest import route_vendor_stubs, wait_for
from stub_server import CHATAPP_TOKEN
from test_generated_site import g, open_page, site_server  # noqa: F401 (fixtures)

PANEL = ["snapshot", "link_copied", "sms_sent", "sms_fail", "joined", "left", "error", "warning"]


def click(frame, type_):
    frame.click(f"button[data-emit={type_}]")


def toast_texts(page):
    return page.locator(".es-toast__text").all_text_contents()


def wait_toast(page, text):
    return wait_for(lambda: [t for t in toast_texts(page) if text in t], what=f"a toast with {text!r}")


def test_agent_mounts_like_the_real_app_and_its_panel_has_every_outbound_type(g):
    page = open_page(g, "acme/agent.html")
    frame = g.frame("es-frame-1")
    wait_for(lambda: page.evaluate("() => window.embedsmith.isReady('es-frame-1')"), what="ready")
    # At mount: contacts {length: 0}, resize, ready, in that order, each posted with "*".
    mount = [e["type"] for e in g.events() if e["type"] in ("contacts", "resize", "ready")]
    assert mount == ["contacts", "resize", "ready"]
    assert frame.evaluate("() => [...document.querySelectorAll('button[data-emit]')].map(b => b.dataset.emit)") == PANEL
    g.assert_clean()


def test_panel_snapshot_is_a_real_png_in_the_gallery(g):
    page = open_page(g, "acme/agent.html")
    frame = g.frame("es-frame-1")
    wait_for(lambda: page.evaluate("() => window.embedsmith.isReady('es-frame-1')"), what="ready")
    assert page.locator(".es-gallery img").count() == 0
    click(frame, "snapshot")
    wait_for(lambda: page.locator(".es-gallery img").count() == 1, what="a snapshot in the gallery")
    img = page.locator(".es-gallery img")
    src = img.get_attribute("src")
    assert src.startswith("data:image/png;base64,")
    png = base64.b64decode(src.split(",", 1)[1])
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", png[16:24]) == (320, 240)  # the IHDR of the canvas the stub drew
    assert img.get_attribute("alt") == "Snapshot from Guest (stub)"
    assert page.evaluate("() => document.querySelector('.es-gallery img').naturalWidth") == 320
    click(frame, "snapshot")
    wait_for(lambda: page.locator(".es-gallery img").count() == 2, what="a second snapshot")
    g.assert_clean()


def test_panel_messages_show_as_toasts_and_reach_the_page_handlers(g):
    page = open_page(g, "acme/agent.html")
    frame = g.frame("es-frame-1")
    wait_for(lambda: page.evaluate("() => window.embedsmith.isReady('es-frame-1')"), what="ready")
    click(frame, "sms_fail")
    wait_toast(page, "Guest (stub) (+33600000000)")
    assert page.locator(".es-toast").first.evaluate("(t) => t.className").find("error") >= 0
    click(frame, "link_copied")
    wait_toast(page, "Guest (stub)")
    click(frame, "error")
    wait_toast(page, "Camera not available (stub error)")
    click(frame, "warning")
    wait_toast(page, "Weak network (stub warning)")
    click(frame, "sms_sent")
    wait_for(lambda: g.events("sms_sent"), what="sms_sent event")
    click(frame, "joined")
    click(frame, "left")
    # Every panel message reached the page's own `embedsmith:*` handlers, in order.
    wait_for(lambda: g.events("left"), what="left event")
    seen = [e["type"] for e in g.events() if e["type"] in PANEL]
    assert seen == ["sms_fail", "link_copied", "error", "warning", "sms_sent", "joined", "left"]
    assert frame.locator("#joined").text_content() == "not joined"
    g.assert_clean()


def test_chatapp_dialog_shows_parameters_and_that_a_token_came_never_its_value(h):
    vendor = route_vendor_stubs(h.context)
    page = h.open("chatapp.html")
    wait_for(lambda: h.events("chatapp-ready"), what="chatapp-ready")
    frame = h.frame("es-frame-1")
    wait_for(lambda: frame.evaluate("() => document.documentElement.dataset.token"), what="dialog script")
    shown = frame.evaluate("""() => [...document.querySelectorAll('#params dt')].map(
        (dt) => [dt.textContent, dt.nextElementSibling.textContent])""")
    assert shown == [["api[license_id]", "30310"], ["api[messenger_type]", "grWhatsApp"], ["crm[phones][0]", "79999999999"]]
    assert frame.locator("#signed-in").text_content() == (
        "signed in with a live token (received, %d characters)" % len(CHATAPP_TOKEN))
    html = frame.evaluate("() => document.documentElement.outerHTML")
    assert CHATAPP_TOKEN not in html and "SECRET" not in html
    assert vendor[1:] == ["https://dialogs.pro/stub-chatapp.css", "https://dialogs.pro/stub-chatapp.js"]
    h.assert_clean()


def test_chatapp_dialog_with_only_a_token_lists_no_parameters(h):
    route_vendor_stubs(h.context)
    h.open("chatapp-noquery.html")
    wait_for(lambda: h.events("chatapp-ready"), what="chatapp-ready")
    frame = h.frame("es-frame-1")
    wait_for(lambda: frame.evaluate("() => document.documentElement.dataset.token"), what="dialog script")
    assert frame.evaluate("() => document.documentElement.dataset.token") == "received"
    assert frame.locator("#params").text_content() == "(none)"
    h.assert_clean()


def test_engage_stub_calls_cvloaded_and_shows_cobrowsing(h):
    page = h.open("engage.html")
    wait_for(lambda: h.events("engage-ready"), what="engage-ready")
    assert page.evaluate("() => window.__cvLoaded.hookInstalled") is True
    assert page.locator(".stub-cv-launcher").text_content() == "Chat"
    page.click("[data-embedsmith-cobrowse=start]")
    wait_for(lambda: page.evaluate("() => document.documentElement.dataset.stubCobrowse") == "on", what="co-browsing on")
    assert page.locator(".stub-cv-launcher").text_content() == "Co-browsing"
    page.click("[data-embedsmith-cobrowse=stop]")
    wait_for(lambda: page.evaluate("() => document.documentElement.dataset.stubCobrowse") == "off", what="co-browsing off")
    assert page.locator(".stub-cv-launcher").text_content() == "Chat"
    assert [c["name"] for c in page.evaluate("() => window.__cvCalls")][-2:] == ["cobrowse.start", "cobrowse.stop"]
    h.assert_clean()
