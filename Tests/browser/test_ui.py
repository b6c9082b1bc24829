"""Built-in UI: host controls (keyboard), toasts, resize, locale, pages without UI."""
import re

import pytest

from conftest import BRIDGE_CSS, record_frame_heights, wait_for


def active(page):
    return page.evaluate("() => { const a = document.activeElement; return a ? (a.id || a.textContent) : null; }")


def test_controls_are_labelled_and_keyboard_usable(h):
    page = h.open("agent.html")
    agent = h.frame("es-frame-1")
    h.wait_handshake(agent)
    wait_for(lambda: page.locator(".es-state__value").text_content() == "ready", what="state ready")

    labels = page.evaluate("""() => [...document.querySelectorAll('.es-controls input')].map((i) => ({
        id: i.id, label: document.querySelector(`label[for="${i.id}"]`)?.textContent, value: i.value}))""")
    assert labels == [
        {"id": "es-frame-1-es-conversation", "label": "Conversation name", "value": "Support-Acme"},
        {"id": "es-frame-1-es-guest-name", "label": "Guest name", "value": "Jane"},
        {"id": "es-frame-1-es-guest-phone", "label": "Guest phone", "value": "+33612345678"},
    ]
    buttons = page.evaluate("() => [...document.querySelectorAll('.es-controls button')].map((b) => [b.type, b.textContent])")
    assert buttons == [["submit", "Set conversation"], ["button", "Join"], ["button", "Leave"], ["submit", "Send guest data"]]
    assert page.get_attribute(".es-controls", "aria-labelledby") == "es-frame-1-es-controls-title"

    # Conversation: type a name, Enter submits "Set conversation".
    page.focus("#es-frame-1-es-conversation")
    page.keyboard.press("Control+A")
    page.keyboard.type("Case-123")
    page.keyboard.press("Enter")
    r = h.wait_received(agent, lambda r: len(r) == 3, "conversation")
    assert r[2]["data"] == {"type": "conversation", "name": "Case-123"}
    assert page.locator(".es-feedback").text_content() == "Conversation set to \u201cCase-123\u201d."

    # Empty name: the required field blocks the submission, nothing is sent.
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.press("Enter")
    page.keyboard.type("Case-124")

    # Tab order: input -> Set conversation -> Join -> Leave; Enter and Space activate buttons.
    page.keyboard.press("Tab")
    assert active(page) == "Set conversation"
    page.keyboard.press("Tab")
    assert active(page) == "Join"
    page.keyboard.press("Enter")
    h.wait_received(agent, lambda r: len(r) == 4, "join")
    h.emit(agent, {"type": "joined"})  # offline, the app never joins: the test answers for it
    wait_for(lambda: page.locator(".es-state__value").text_content() == "in the conversation", what="joined state")
    page.keyboard.press("Tab")
    assert active(page) == "Leave"
    page.keyboard.press(" ")
    h.wait_received(agent, lambda r: len(r) == 5, "leave")
    h.emit(agent, {"type": "left"})
    wait_for(lambda: page.locator(".es-state__value").text_content() == "not in a conversation", what="left state")

    # Guest data: name, Tab, phone, Enter.
    page.keyboard.press("Tab")
    assert active(page) == "es-frame-1-es-guest-name"
    page.keyboard.press("Control+A")
    page.keyboard.type("Bob Martin")
    page.keyboard.press("Tab")
    assert active(page) == "es-frame-1-es-guest-phone"
    page.keyboard.press("Control+A")
    page.keyboard.type("+33 6 00 00 00 00")
    page.keyboard.press("Enter")
    r = h.wait_received(agent, lambda r: len(r) == 6, "join, leave, guest data")
    assert [m["data"] for m in r[3:]] == [
        {"type": "join"}, {"type": "leave"},
        {"type": "guest_data", "data": {"name": "Bob Martin", "phone": "+33 6 00 00 00 00"}},
    ]
    assert page.locator(".es-feedback").text_content() == "Guest data sent."
    # No inline style attribute anywhere, and nothing tripped the CSP (form-action 'none').
    assert page.evaluate("() => document.querySelectorAll('[style]').length") == 0
    h.assert_clean()


def test_toasts_roles_keyboard_dismissal_and_auto_hide(h):
    h.page.clock.install()
    page = h.open("agent.html")
    agent = h.frame("es-frame-1")
    h.wait_handshake(agent)
    secret_link = "https://guest.example/?i=SECRETLINK"
    for m in [
        {"type": "link_copied", "name": "Jane", "link": secret_link},
        {"type": "sms_sent", "name": "Jane", "phone": "+33612345678", "link": secret_link},
        {"type": "sms_fail", "name": "", "phone": "+33612345678", "link": secret_link},
        {"type": "error", "reason": "ApiRTC session failed"},
        {"type": "warning", "reason": "<img src=x onerror=alert(1)>"},
    ]:
        h.emit(agent, m)
    wait_for(lambda: h.stats()["accepted"] == 8, what="accepted")
    toasts = page.evaluate("""() => [...document.querySelectorAll('.es-toast')].map((t) => ({
        role: t.getAttribute('role'), live: t.getAttribute('aria-live'),
        text: t.querySelector('.es-toast__text').textContent,
        button: t.querySelector('button').getAttribute('aria-label')}))""")
    # at most 4 on screen: the oldest (link copied) made way for the newest
    assert toasts == [
        {"role": "status", "live": "polite", "text": "SMS invitation sent to Jane (+33612345678).", "button": "Dismiss notification"},
        {"role": "alert", "live": None, "text": "The SMS invitation to +33612345678 could not be sent.", "button": "Dismiss notification"},
        {"role": "alert", "live": None, "text": "Agent app error: ApiRTC session failed", "button": "Dismiss notification"},
        {"role": "status", "live": "polite", "text": "Agent app warning: <img src=x onerror=alert(1)>", "button": "Dismiss notification"},
    ]
    html = page.evaluate("() => document.documentElement.outerHTML")
    assert "SECRETLINK" not in html and "onerror=alert" not in html.replace("&lt;img src=x onerror=alert(1)&gt;", "")
    assert page.locator(".es-toast img").count() == 0

    # Keyboard: focus the first dismiss button, Enter closes it, focus moves to the next toast.
    page.focus(".es-toast:first-child .es-toast__close")
    page.keyboard.press("Enter")
    assert page.locator(".es-toast").count() == 3
    assert page.evaluate("() => document.activeElement.closest('.es-toast').textContent").startswith("The SMS invitation")
    page.keyboard.press("Space")
    assert page.locator(".es-toast").count() == 2

    # Auto-hide: the unfocused warning goes after 8 s; the error toast holding the focus stays
    # (timer paused) until focus leaves, then gets its full 12 s.
    assert page.evaluate("() => document.activeElement.closest('.es-toast').textContent").startswith("Agent app error")
    page.clock.run_for(20000)
    assert page.locator(".es-toast__text").all_text_contents() == ["Agent app error: ApiRTC session failed"]
    page.evaluate("() => document.activeElement.blur()")
    page.clock.run_for(11000)
    assert page.locator(".es-toast").count() == 1
    page.clock.run_for(1500)
    assert page.locator(".es-toast").count() == 0
    h.emit(agent, {"type": "link_copied", "link": secret_link})
    wait_for(lambda: page.locator(".es-toast").count() == 1, what="new toast")
    assert page.locator(".es-toast").text_content().startswith("Invitation link copied.")
    page.clock.run_for(6100)
    assert page.locator(".es-toast").count() == 0
    # Dismissing the last toast by keyboard leaves focus on the notification region, not <body>.
    h.emit(agent, {"type": "warning", "reason": "last"})
    wait_for(lambda: page.locator(".es-toast").count() == 1, what="last toast")
    page.focus(".es-toast__close")
    page.keyboard.press("Enter")
    assert page.locator(".es-toast").count() == 0
    assert page.evaluate("() => document.activeElement.className") == "es-toasts"
    h.assert_clean()


def test_frame_height_does_not_follow_messages(h):
    # The real app posts resize before ready at every mount: the frame has its working height from
    # the first paint and keeps it through the mount, later resizes and a reload.
    record_frame_heights(h.context)
    page = h.open("agent.html")
    agent = h.frame("es-frame-1")
    h.wait_handshake(agent)
    h.emit(agent, {"type": "resize"})
    wait_for(lambda: h.stats()["accepted"] == 4, what="second resize")
    agent.evaluate("() => location.reload()")
    wait_for(lambda: len(h.events("ready")) == 2, what="second ready")
    recorded = page.evaluate("() => window.__heights")
    assert recorded[0][0] == "dom" and [k for k, _ in recorded].count("resize:before") == 3
    assert {v for _, v in recorded} == {720}, recorded  # clamp(720px, 90vh, 1200px) at 700 px high
    assert page.get_attribute("#es-frame-1", "style") is None
    h.assert_clean()


def test_french_locale(h):
    page = h.open("fr.html")
    agent = h.frame("es-frame-1")
    h.wait_handshake(agent)
    assert page.locator("label[for='es-frame-1-es-conversation']").text_content() == "Nom de la conversation"
    assert page.locator(".es-controls h2").text_content() == "Commandes de l\u2019agent"
    assert page.locator(".es-gallery__status").text_content() == "Aucune capture pour l\u2019instant."
    h.emit(agent, {"type": "link_copied", "name": "Jeanne", "link": "https://x.example/"})
    wait_for(lambda: page.locator(".es-toast").count() == 1, what="toast")
    assert page.locator(".es-toast__text").text_content() == "Lien d\u2019invitation pour Jeanne copi\u00e9."
    assert page.get_attribute(".es-toast__close", "aria-label") == "Fermer la notification"
    h.emit(agent, {"type": "snapshot", "contact": {"id": "c1", "userData": {"firstName": "Jeanne"}},
                   "dataUrl": agent.evaluate("() => window.__makeSnapshot('fr')")})
    wait_for(lambda: page.locator(".es-gallery img").count() == 1, what="image")
    assert page.get_attribute(".es-gallery img", "alt") == "Capture de Jeanne"
    h.assert_clean()


def test_page_without_ui_only_bridges(h):
    page = h.open("minimal.html")
    agent = h.frame("es-frame-1")
    wait_for(lambda: h.events("ready"), what="ready")
    assert page.locator(".es-panel, .es-toasts, .es-controls, .es-gallery").count() == 0
    png = agent.evaluate("() => window.__makeSnapshot('x')")
    for m in ({"type": "snapshot", "dataUrl": png}, {"type": "error", "reason": "x"}, {"type": "resize"}):
        h.emit(agent, m)
    wait_for(lambda: h.stats()["accepted"] == 6, what="accepted")
    assert page.locator("img, .es-toast").count() == 0
    assert page.get_attribute("#es-frame-1", "class") == "es-frame"  # ui.resize off: compact height
    assert [e["type"] for e in h.events()] == ["contacts", "resize", "ready", "snapshot", "error", "resize"]
    # No configuration/conversation/guest configured: the handshake sends nothing; send() works.
    assert h.received(agent) == []
    page.evaluate("() => window.embedsmith.send('es-frame-1', {type: 'join'})")
    assert [r["data"] for r in h.wait_received(agent, lambda r: r, "join")] == [{"type": "join"}]
    h.assert_clean()


def test_broken_settings_leave_the_bridge_inactive(h):
    page = h.open("bad-config.html")
    wait_for(lambda: h.stats()["dropped"] >= 3, what="mount messages dropped")
    assert h.stats()["droppedByReason"]["origin"] == 3  # no frame is trusted
    assert page.evaluate("() => window.embedsmith.send('es-frame-1', {type: 'join'})") is False
    assert h.received(h.frame("es-frame-1")) == []
    warnings = [m["text"] for m in h.console if m["type"] == "warning"]
    assert warnings == ["embedsmith: #embedsmith-config is not valid JSON; the bridge is inactive."]
    assert h.console_errors() == [] and h.csp_violations() == [] and h.page_errors == []


def test_bridge_css_leaves_the_site_theme_alone(h):
    """The generator serves embedsmith.css + bridge.css as one stylesheet: the bridge's rules must
    not restyle the theme's classes or redefine its variables."""
    if not (BRIDGE_CSS.parent / "embedsmith.css").exists():
        pytest.skip("no site theme (templates/assets/embedsmith.css)")
    page = h.open("themed.html")
    h.wait_handshake(h.frame("es-frame-1"))
    styles = page.evaluate("""() => {
        const probe = document.createElement('span');
        probe.style.color = 'var(--es-primary)';
        document.body.append(probe);
        const primary = getComputedStyle(probe).color;
        probe.remove();
        const a = getComputedStyle(document.querySelector('a.es-button'));
        const btn = getComputedStyle(document.querySelector('.es-btn--primary'));
        const main = getComputedStyle(document.querySelector('main'));
        return {primary, linkBg: a.backgroundColor, linkColor: a.color, btnBg: btn.backgroundColor,
                mainMaxWidth: main.maxWidth, bodyLine: getComputedStyle(document.body).lineHeight};
    }""")
    assert styles["linkBg"] == styles["primary"] != "rgb(255, 255, 255)"  # theme button untouched
    assert styles["btnBg"] == styles["primary"]  # bridge buttons follow the theme colour
    assert styles["mainMaxWidth"] == "960px"  # .es-main wins over the bridge's :where(main)
    assert styles["bodyLine"] == "25.6px"  # theme's 1.6 line height, not the bridge's 1.5
    css = BRIDGE_CSS.read_text(encoding="utf-8")
    assert not re.search(r"^\s*--es-[\w-]+\s*:", css, re.M)  # reads theme variables, never defines them
    assert not re.search(r"\.es-(button|main|header|nav|footer|brand|invite|skip)\b", css)
    h.assert_clean()
