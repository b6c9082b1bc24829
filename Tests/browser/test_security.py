"""Origin/source binding, hostile payloads, snapshot URL filtering, exact targetOrigin."""
import re

import pytest

from bridge_modules import bridge_source
from conftest import AGENT, HOST, THIRD, wait_for

VALID_PNG_TAIL = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="


def gallery_imgs(page):
    return page.evaluate("() => [...document.images].map((i) => i.getAttribute('src'))")


def test_third_origin_window_is_ignored(h):
    """A third-origin window that opened the host page spoofs agent messages."""
    opener = h.page
    opener.goto(f"{THIRD}/index.html")
    with opener.expect_popup() as popup_info:
        opener.evaluate("(url) => window.__open(url)", f"{HOST}/agent.html")
    host = popup_info.value
    host.wait_for_load_state("load")
    agent = h.frame("es-frame-1", page=host)
    h.wait_handshake(agent)
    png = "data:image/png;base64," + VALID_PNG_TAIL
    n = opener.evaluate("(msgs) => window.__spoof(msgs)", [
        {"type": "ready"},
        {"type": "snapshot", "contact": {"id": "x"}, "dataUrl": png},
        {"type": "link_copied", "link": "https://evil.example/"},
        {"type": "error", "reason": "spoofed"},
    ])
    s = h.wait_stats(lambda s: s["dropped"] == n, page=host)
    assert s["droppedByReason"] == {"origin": n, "source": 0, "shape": 0, "type": 0, "dataUrl": 0}
    assert s["accepted"] == 3  # the agent's own contacts, resize, ready
    assert gallery_imgs(host) == []
    assert host.locator(".es-toast").count() == 0
    # The spoofed ready did not trigger a second handshake (barrier: a later message, same path).
    host.evaluate("() => window.embedsmith.send('es-frame-1', {type: 'connect'})")
    received = h.wait_received(agent, lambda r: len(r) == 3, "connect")
    assert [r["data"]["type"] for r in received] == ["conversation", "guest_data", "connect"]
    h.assert_clean()


def test_third_origin_frame_is_ignored(h):
    h.open("spoof-host.html")
    agent = h.frame("es-frame-1")
    h.wait_handshake(agent)
    third = h.frame("es-third")
    png = "data:image/png;base64," + VALID_PNG_TAIL
    n = third.evaluate("(msgs) => window.__spoof(msgs)", [
        {"type": "ready"}, {"type": "snapshot", "dataUrl": png}, {"type": "sms_sent", "name": "a", "phone": "b", "link": "c"},
    ])
    s = h.wait_stats(lambda s: s["dropped"] == n)
    assert s["droppedByReason"]["origin"] == n
    assert gallery_imgs(h.page) == []
    assert h.page.locator(".es-toast").count() == 0
    assert third.evaluate("() => window.__received") == []  # the host never talks to it
    h.assert_clean()


def test_agent_frame_navigated_to_another_origin_gets_nothing(h):
    """targetOrigin is exact: once the frame shows another origin, host messages are dropped by
    the browser, and that origin's `ready` is refused even though event.source matches."""
    h.open("spoof-host.html")
    agent = h.frame("es-frame-1")
    h.wait_handshake(agent)
    agent.evaluate("(url) => { location.href = url; }", f"{THIRD}/ready.html")
    wait_for(lambda: h.stats()["dropped"] == 1, what="hijacked ready dropped")
    assert h.stats()["droppedByReason"]["origin"] == 1
    assert len(h.events("ready")) == 1
    hijacked = h.frame("es-frame-1")
    assert hijacked.url.startswith(THIRD)
    # Send through the bridge, then a barrier message with "*" from the same window: messages
    # from one window to another arrive in order, so once the barrier is there, anything the
    # bridge had delivered would be there too.
    assert h.page.evaluate("""() => {
        const ok = window.embedsmith.send('es-frame-1', {type: 'guest_data', data: {name: 'Leak'}})
          && window.embedsmith.send('es-frame-1', {type: 'join'});
        document.getElementById('es-frame-1').contentWindow.postMessage({type: '__barrier'}, '*');
        return ok;
    }""") is True
    received = wait_for(lambda: hijacked.evaluate("() => window.__received.length && window.__received"),
                        what="barrier")
    assert [r["data"]["type"] for r in received] == ["__barrier"]
    h.assert_clean()


def test_other_frame_of_the_same_origin_is_ignored(h):
    h.open("two-frames.html")
    first, second, intruder = h.frame("es-frame-1"), h.frame("es-frame-2"), h.frame("es-intruder")
    h.wait_handshake(first)
    assert [r["data"] for r in h.wait_handshake(second, n=1)] == [
        {"type": "conversation", "name": "Second-Desk"},
    ]
    # The intruder (same origin 8802, not configured) posted its mount messages: dropped by source.
    wait_for(lambda: h.stats()["droppedByReason"]["source"] == 3, what="intruder mount dropped")
    png = intruder.evaluate("() => window.__makeSnapshot('intruder')")
    for m in ({"type": "snapshot", "contact": {"id": "x"}, "dataUrl": png},
              {"type": "link_copied", "link": "https://evil.example/"},
              {"type": "error", "reason": "spoofed"},
              {"type": "resize"}):
        h.emit(intruder, m)
    s = h.wait_stats(lambda s: s["droppedByReason"]["source"] == 7)
    assert s["dropped"] == 7 and s["accepted"] == 6
    assert gallery_imgs(h.page) == []
    assert h.page.locator(".es-toast").count() == 0
    # Messages are attributed to the frame that sent them.
    h.emit(second, {"type": "joined"})
    wait_for(lambda: h.events("joined"), what="joined")
    assert [e["frameId"] for e in h.events("joined")] == ["es-frame-2"]
    assert sorted(e["frameId"] for e in h.events("ready")) == ["es-frame-1", "es-frame-2"]
    assert intruder.evaluate("() => window.__received") == []
    assert len(h.received(first)) == 2 and len(h.received(second)) == 1
    h.assert_clean()


HOSTILE = [
    # (payload expression evaluated in the agent frame, drop reason)
    ("'ready'", "shape"),
    ("null", "shape"),
    ("42", "shape"),
    ("[{type: 'ready'}]", "shape"),
    ("{type: 5}", "shape"),
    ("{}", "shape"),
    ("new Date()", "shape"),
    ("new Map([['type', 'ready']])", "shape"),
    ("{type: 'toString'}", "type"),
    ("{type: '__proto__'}", "type"),
    ("{type: 'constructor'}", "type"),
    ("{type: 'configuration', data: {}}", "type"),
    ("{type: 'READY'}", "type"),
    ("{type: 'webPackWarnings'}", "type"),
    ("{type: 'snapshot'}", "shape"),
    ("{type: 'snapshot', dataUrl: 5}", "shape"),
    ("{type: 'snapshot', contact: 'x', dataUrl: 'data:image/png;base64,AAAA'}", "shape"),
    ("{type: 'snapshot', contact: {id: 7}, dataUrl: 'data:image/png;base64,AAAA'}", "shape"),
    ("{type: 'snapshot', contact: {id: 'a', userData: 'x'}, dataUrl: 'data:image/png;base64,AAAA'}", "shape"),
    ("{type: 'link_copied'}", "shape"),
    ("{type: 'link_copied', name: 5, link: 'x'}", "shape"),
    ("{type: 'link_copied', name: null, link: 'x'}", "shape"),
    ("{type: 'sms_sent', name: 'a', phone: 'b'}", "shape"),
    ("{type: 'sms_fail', name: 'a', phone: 1, link: 'c'}", "shape"),
    ("{type: 'subscribed_streams', length: -1}", "shape"),
    ("{type: 'subscribed_streams', length: 1.5}", "shape"),
    ("{type: 'contacts', length: '3'}", "shape"),
    ("{type: 'contacts', length: Infinity}", "shape"),
    ("{type: 'snapshot', dataUrl: 'javascript:alert(1)'}", "dataUrl"),
    ("{type: 'snapshot', dataUrl: 'data:text/html;base64,PHNjcmlwdD4='}", "dataUrl"),
]


def test_malformed_and_unknown_messages_are_dropped_and_counted(h):
    h.open("agent.html")
    agent = h.frame("es-frame-1")
    h.wait_handshake(agent)
    script = "() => { const p = [" + ", ".join(e for e, _ in HOSTILE) + "]; p.forEach((m) => parent.postMessage(m, '*')); }"
    agent.evaluate(script)
    expected = {"origin": 0, "source": 0, "shape": 0, "type": 0, "dataUrl": 0}
    for _, reason in HOSTILE:
        expected[reason] += 1
    s = h.wait_stats(lambda s: s["dropped"] == len(HOSTILE))
    assert s["droppedByReason"] == expected
    assert s["accepted"] == 3
    assert [e["type"] for e in h.events()] == ["contacts", "resize", "ready"]
    assert gallery_imgs(h.page) == []
    assert h.page.locator(".es-toast").count() == 0
    h.assert_clean()


UNSAFE_URLS = [
    "javascript:alert(document.domain)",
    "JAVASCRIPT:alert(1)",
    "https://evil.example/snapshot.png",
    "//evil.example/snapshot.png",
    "data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIG9ubG9hZD0iYWxlcnQoMSkiLz4=",
    "data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "data:image/png;base64," + VALID_PNG_TAIL + "\" onerror=\"alert(1)",
    "data:image/png;base64," + VALID_PNG_TAIL + "\n",
    "data:image/png;base64," + VALID_PNG_TAIL + "===",
    "data:image/png," + VALID_PNG_TAIL,
    "data:image/gif;base64,R0lGODlhAQABAAAAACw=",
    " data:image/png;base64," + VALID_PNG_TAIL,
    "data:image/png;charset=utf-8;base64," + VALID_PNG_TAIL,
    "",
]


def test_snapshot_urls_only_safe_images_reach_an_img(h):
    h.open("agent.html")
    agent = h.frame("es-frame-1")
    h.wait_handshake(agent)
    for url in UNSAFE_URLS:
        h.emit(agent, {"type": "snapshot", "contact": {"id": "c9", "userData": {"name": "Mallory"}}, "dataUrl": url})
    # Dropped and counted like any bad message: no picture, and no embedsmith:snapshot event
    # that would hand the page's own code a javascript:, remote or data:text/html URL.
    s = h.wait_stats(lambda s: s["dropped"] == len(UNSAFE_URLS), "unsafe snapshots dropped")
    assert s["droppedByReason"]["dataUrl"] == len(UNSAFE_URLS) and s["accepted"] == 3
    assert h.events("snapshot") == []
    assert gallery_imgs(h.page) == []
    assert h.page.locator(".es-gallery a").count() == 0
    # Each refusal is announced in the gallery's status line (without the URL), not as a picture.
    assert h.page.locator(".es-gallery__status").text_content() == "A snapshot in an unsupported format was ignored."
    assert h.page.locator(".es-toast").count() == 0
    assert "evil.example" not in h.page.evaluate("() => document.documentElement.outerHTML")

    valid = [agent.evaluate("(t) => window.__makeSnapshot('Bob', t)", t) for t in ("image/png", "image/jpeg", "image/webp")]
    assert [v.split(";")[0] for v in valid] == ["data:image/png", "data:image/jpeg", "data:image/webp"]
    for v in valid:
        h.emit(agent, {"type": "snapshot", "contact": {"id": "c1", "userData": {"name": "Bob"}}, "dataUrl": v})
    wait_for(lambda: len(gallery_imgs(h.page)) == 3, what="three gallery images")
    assert h.page.locator(".es-gallery__status").text_content() == "New snapshot from Bob."
    assert h.page.get_attribute(".es-gallery__status", "role") == "status"
    imgs = h.page.evaluate("""() => [...document.querySelectorAll('.es-gallery img')].map((i) => ({
        src: i.getAttribute('src'), alt: i.alt, ok: i.complete && i.naturalWidth === 320}))""")
    assert [i["src"] for i in imgs] == list(reversed(valid))  # newest first
    assert all(i["alt"] == "Snapshot from Bob" and i["ok"] for i in imgs)
    links = h.page.evaluate("""() => [...document.querySelectorAll('.es-gallery a')].map((a) => ({
        href: a.getAttribute('href'), download: a.download}))""")
    assert [l["download"] for l in links] == ["snapshot-3.webp", "snapshot-2.jpg", "snapshot-1.png"]
    assert [l["href"] for l in links] == list(reversed(valid))
    safe = re.compile(r"^data:image/(png|jpeg|webp);base64,[A-Za-z0-9+/]+={0,2}$")
    assert all(safe.match(src) for src in gallery_imgs(h.page))
    # The download link works under the page's CSP (keyboard: focus + Enter).
    h.page.focus(".es-snapshot:last-child .es-snapshot__download")
    assert h.page.evaluate("() => document.activeElement.getAttribute('aria-label')").startswith(
        "Download snapshot from Bob, ")
    with h.page.expect_download() as download:
        h.page.keyboard.press("Enter")
    assert download.value.suggested_filename == "snapshot-1.png"
    assert download.value.path().read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    h.assert_clean()


def test_snapshot_without_contact_gets_a_generic_alt(h):
    h.open("agent.html")
    agent = h.frame("es-frame-1")
    h.wait_handshake(agent)
    h.emit(agent, {"type": "snapshot", "dataUrl": "data:image/png;base64," + VALID_PNG_TAIL})
    wait_for(lambda: gallery_imgs(h.page), what="image")
    assert h.page.get_attribute(".es-gallery img", "alt") == "Snapshot from a remote participant"


FORBIDDEN = [r"\binnerHTML\b", r"\bouterHTML\b", r"insertAdjacentHTML", r"\beval\s*\(", r"\bFunction\s*\(",
             r"document\.write", r"setTimeout\(\s*['\"`]", r"setInterval\(\s*['\"`]", r"location\s*=[^=]",
             r"location\.href\s*=[^=]", r"\.setAttribute\(\s*['\"]style", r"['\"]\*['\"]", r"\bconsole\.log\b"]


@pytest.mark.parametrize("pattern", FORBIDDEN)
def test_bridge_source_avoids_dangerous_sinks(pattern):
    source = bridge_source()
    code = re.sub(r"^\s*(//|\*|/\*).*$", "", source, flags=re.M)  # comments may mention them
    assert not re.search(pattern, code), pattern


def test_bridge_posts_only_to_the_frame_origin():
    source = bridge_source()
    calls = re.findall(r"\.postMessage\(([^)]*)\)", source)
    assert calls == ["message, frame.origin"]
    assert source.count('"use strict"') == 1
    assert AGENT and HOST
