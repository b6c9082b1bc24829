"""TeamViewer Engage web chat (docs/vendors.md §7): the bridge's CVLoaded hook, visitor labels, the
visibility check, the co-browsing buttons, and what happens when the vendor script or its API is
missing. The tenant script is a stub served from the host origin at the vendor's path shape
(fixtures/host/cdn/js/es-stub-engage.js; ?mode= picks its behaviour)."""
import pytest

from conftest import wait_for

WAITING = "Co-browsing becomes available once the chat service has loaded."
UNAVAILABLE = "Co-browsing is not available: the chat service could not be loaded."
NO_API = "Co-browsing is not available: the chat service does not offer it on this page."


def calls(page):
    return page.evaluate("() => window.__cvCalls || []")


def buttons(page):
    return page.evaluate("""() => [...document.querySelectorAll('[data-embedsmith-cobrowse]')].map((b) => ({
        action: b.dataset.embedsmithCobrowse, text: b.textContent, disabled: b.disabled,
        describedBy: b.getAttribute('aria-describedby')}))""")


def note(page):
    return page.evaluate("""() => { const n = document.querySelector('.es-cobrowse__note');
        return n && {id: n.id, text: n.textContent, role: n.getAttribute('role'), inGroup: !!n.closest('.es-cobrowse[role=group]'),
                     shown: getComputedStyle(n).display !== 'none'}; }""")


def bridge_warnings(h):
    return [m["text"] for m in h.console if m["type"] == "warning" and m["text"].startswith("embedsmith")]


def assert_fully_started(h, page):
    wait_for(lambda: h.events("engage-visibility"), what="visibility")
    assert [e["detail"] for e in h.events("engage-ready")] == [{}]
    assert [e["detail"] for e in h.events("engage-visibility")] == [{"visible": True}]
    assert calls(page) == [
        {"name": "user.tag", "args": [{"labels": ["vip", "fr"]}]},
        {"name": "api.shouldShowWebchat", "args": ["[function]", "[function]"]},
    ]
    assert [(b["action"], b["disabled"], b["describedBy"]) for b in buttons(page)] == [
        ("start", False, None), ("stop", False, None)]
    assert note(page)["text"] == "" and not note(page)["shown"]


TIMINGS = [
    # page, when the stub signalled readiness, whether the bridge's hook was already installed
    ("engage.html", "interactive", True),     # the contract: deferred, runs before DOMContentLoaded
    ("engage-early.html", "loading", False),  # loaded before the bridge: CVLoaded already set
    ("engage-async.html", "complete", True),  # calls CVLoaded after the page has loaded
]


@pytest.mark.parametrize("name,ready_state,hook_installed", TIMINGS, ids=[t[0] for t in TIMINGS])
def test_hook_works_whenever_the_script_loads(h, name, ready_state, hook_installed):
    page = h.open(name)
    wait_for(lambda: h.events("engage-ready"), what="engage-ready")
    assert page.evaluate("() => window.__cvLoaded") == {"readyState": ready_state, "hookInstalled": hook_installed}
    assert_fully_started(h, page)
    h.assert_clean()


def test_hook_works_when_the_script_arrives_after_dom_content_loaded(h, reset_stubs):
    page = h.open("engage-late.html", wait_until="domcontentloaded")  # the script waits for a signal
    assert page.evaluate("() => typeof window.CVLoaded") == "function"  # the bridge's hook, waiting
    assert page.evaluate("() => window.CV === undefined")
    # While waiting: disabled, and the reason is announced with the buttons.
    assert buttons(page) == [
        {"action": "start", "text": "Start co-browsing", "disabled": True, "describedBy": "es-cobrowse-note"},
        {"action": "stop", "text": "Stop co-browsing", "disabled": True, "describedBy": "es-cobrowse-note"}]
    assert note(page) == {"id": "es-cobrowse-note", "text": WAITING, "role": "status", "inGroup": True, "shown": True}
    assert h.events("engage-ready") == []
    reset_stubs("/__signal")
    wait_for(lambda: h.events("engage-ready"), what="engage-ready")
    state = page.evaluate("() => window.__cvLoaded")
    assert state["hookInstalled"] is True and state["readyState"] != "loading"
    assert_fully_started(h, page)
    h.assert_clean()


def test_cobrowse_buttons_are_keyboard_operable(h):
    page = h.open("engage.html")
    wait_for(lambda: h.events("engage-ready"), what="engage-ready")
    page.keyboard.press("Tab")  # the first focusable element of the page
    assert page.evaluate("() => document.activeElement.dataset.embedsmithCobrowse") == "start"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.dataset.embedsmithCobrowse") == "stop"
    page.keyboard.press(" ")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press(" ")
    wait_for(lambda: len(h.events("cobrowse")) == 3, what="three co-browsing events")
    assert [e["detail"] for e in h.events("cobrowse")] == [{"action": "start"}, {"action": "stop"}, {"action": "start"}]
    assert [c["name"] for c in calls(page)][2:] == ["cobrowse.start", "cobrowse.stop", "cobrowse.start"]
    assert all(c["args"] == [] for c in calls(page)[2:])
    assert page.locator(".es-cobrowse").get_attribute("aria-label") == "Co-browsing"
    h.assert_clean()


def test_visibility_hidden(h):
    page = h.open("engage-hidden.html")
    wait_for(lambda: h.events("engage-visibility"), what="visibility")
    assert [e["detail"] for e in h.events("engage-visibility")] == [{"visible": False}]
    assert [b["disabled"] for b in buttons(page)] == [False, False]
    h.assert_clean()


def test_missing_apis_are_reported_and_leave_the_buttons_disabled(h):
    page = h.open("engage-partial.html")  # CV.api only: no CV.user, no CV.cobrowse
    wait_for(lambda: h.events("engage-ready") and h.events("engage-visibility"), what="ready and visibility")
    assert bridge_warnings(h) == [
        "embedsmith: engage: CV.user.tag is not available (engage-api-missing).",
        "embedsmith: engage: CV.cobrowse.start/stop are not available (engage-api-missing).",
    ]
    assert [e["detail"] for e in h.events("engage-error")] == [{"code": "engage-api-missing"}] * 2
    assert [e["detail"] for e in h.events("engage-visibility")] == [{"visible": True}]  # what exists still works
    assert [(b["disabled"], b["describedBy"]) for b in buttons(page)] == [(True, "es-cobrowse-note")] * 2
    assert note(page)["text"] == NO_API and note(page)["shown"]
    assert h.page_errors == [] and h.console_errors() == [] and h.csp_violations() == []


def test_throwing_apis_do_not_break_the_page(h):
    page = h.open("engage-throws.html")  # every CV call throws
    wait_for(lambda: h.events("engage-ready"), what="engage-ready")
    assert bridge_warnings(h) == [
        "embedsmith: engage: CV.user.tag() failed (engage-api-error).",
        "embedsmith: engage: CV.api.shouldShowWebchat() failed (engage-api-error).",
    ]
    assert h.events("engage-visibility") == []
    # The co-browsing functions exist, so the buttons work; a failing call is said next to them.
    assert [b["disabled"] for b in buttons(page)] == [False, False]
    page.click("[data-embedsmith-cobrowse=start]")
    wait_for(lambda: len(bridge_warnings(h)) == 3, what="third warning")
    assert bridge_warnings(h)[2] == "embedsmith: engage: CV.cobrowse.start() failed (engage-api-error)."
    assert h.events("cobrowse") == []
    assert note(page)["text"] == "The co-browsing request could not be sent."
    assert [b["describedBy"] for b in buttons(page)] == ["es-cobrowse-note"] * 2
    assert h.page_errors == [] and h.console_errors() == [] and h.csp_violations() == []


def test_cv_missing(h):
    page = h.open("engage-nocv.html")  # calls CVLoaded without defining window.CV
    wait_for(lambda: h.events("engage-error"), what="engage-error")
    assert [e["detail"] for e in h.events("engage-error")] == [{"code": "engage-no-cv"}]
    assert bridge_warnings(h) == ["embedsmith: engage: window.CV is missing (engage-no-cv)."]
    assert h.events("engage-ready") == []
    assert [(b["disabled"], b["describedBy"]) for b in buttons(page)] == [(True, "es-cobrowse-note")] * 2
    assert note(page)["text"] == UNAVAILABLE
    assert h.page_errors == [] and h.console_errors() == [] and h.csp_violations() == []


def test_vendor_script_that_fails_to_load(h):
    page = h.open("engage-noscript.html")  # cdn/js/es-does-not-exist.js: 404
    wait_for(lambda: h.events("engage-error"), what="engage-error")
    assert [e["detail"] for e in h.events("engage-error")] == [{"code": "engage-script"}]
    assert bridge_warnings(h) == ["embedsmith: engage: the Engage script could not be loaded (engage-script)."]
    assert [(b["disabled"], b["describedBy"]) for b in buttons(page)] == [(True, "es-cobrowse-note")] * 2
    assert note(page)["text"] == UNAVAILABLE
    assert [m["text"] for m in h.console_errors()] == ["Failed to load resource: the server responded with a status of 404 (File not found)"]
    assert page.evaluate("() => typeof window.CVLoaded") == "function"  # still waiting, harmlessly


def test_french_explanation(h):
    page = h.open("engage-fr-nocv.html")
    wait_for(lambda: h.events("engage-error"), what="engage-error")
    assert [b["text"] for b in buttons(page)] == ["D\u00e9marrer la co-navigation", "Arr\u00eater la co-navigation"]
    assert note(page)["text"] == ("La co-navigation n\u2019est pas disponible\u00a0: "
                                  "le service de chat n\u2019a pas pu \u00eatre charg\u00e9.")


def test_nothing_optional_is_called(h):
    page = h.open("engage-minimal.html")  # no labels, no visibility check, no co-browsing
    wait_for(lambda: h.events("engage-ready"), what="engage-ready")
    assert calls(page) == []
    assert page.locator(".es-cobrowse, .es-cobrowse__note").count() == 0
    assert h.events("engage-visibility") == [] and h.events("engage-error") == []
    h.assert_clean()
