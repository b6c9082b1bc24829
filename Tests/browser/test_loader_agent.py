"""Apizee loaderAgent bootstrap: agent info from a same-origin endpoint, script injection,
loadAgent() call, callback events on the bus, error states, and the token never leaking."""
import pytest

from conftest import wait_for
from stub_server import GOOD_INFO, TOKEN

PARAMS = {"directory": False, "directoryStartOpen": False, "template": "agent-modern",
          "useDefaultTheme": False, "culture": "en"}


def assert_token_hidden(h):
    for page in h.context.pages:
        for frame in page.frames:
            assert TOKEN not in frame.evaluate("() => document.documentElement.outerHTML")
    assert TOKEN not in h.console_text()
    assert all(TOKEN not in str(e) for e in h.page_errors)
    events = h.page.evaluate("() => JSON.stringify(window.__events)")
    assert TOKEN not in events


def test_loader_calls_load_agent_and_forwards_events(h, reset_stubs):
    page = h.open("loader.html")
    wait_for(lambda: len(h.events("loader-event")) == 3, what="three loader events")
    call = page.evaluate("() => window.__loadAgentCall")
    assert call == {
        "serverDomainRoot": "https://cloud.apizee.com/",
        "apiCCkey": "endpointApiKey",  # the endpoint's apiKey wins over the settings one
        "userInfos": {"id": 4242, "token": TOKEN, "nickname": "agent.jane", "firstname": "Jane",
                      "lastname": "Doe", "mail": "jane.doe@example.test",
                      "photoUrl": "https://example.test/jane.png"},
        "callbackIsFunction": True,
        "useFrame": True,
        "agentParams": PARAMS,
    }
    assert page.evaluate("() => window.__loadAgentCalls") == 1
    assert [e["detail"] for e in h.events("loader-event")] == [
        {"type": "init"},
        {"type": "updatePresence", "params": {"eventType": "update", "time": "12:00",
                                              "connectedUsersList": [{"id": 7, "nickname": "bob"}], "state": "online"}},
        {"type": "someUndocumentedEvent", "params": {"destId": 3, "nickname": "visitor"}},
    ]
    assert page.locator("#es-loader [role=alert]").count() == 0
    assert page.locator("#es-loader .es-loader__status").text_content() == "Agent loaded."
    last = reset_stubs("/__last-request")
    assert last["count"] == 1
    assert last["last"]["accept"] == "application/json"
    assert last["last"]["secFetchMode"] == "cors"  # fetch(), same origin
    # the loader script was injected by the bridge (no inline script: CSP is clean)
    assert page.evaluate("() => [...document.scripts].map((s) => s.getAttribute('src')).filter(Boolean)") == [
        "assets/embedsmith-bridge.js", "stub/loaderAgent.js"]
    assert_token_hidden(h)
    h.assert_clean()


def test_loader_numeric_string_user_id_and_settings_api_key(h, reset_stubs):
    page = h.open("loader-strid.html")
    wait_for(lambda: page.evaluate("() => window.__loadAgentCall"), what="loadAgent call")
    call = page.evaluate("() => window.__loadAgentCall")
    assert call["apiCCkey"] == "settingsApiKey"
    assert call["userInfos"] == {"id": 4242, "token": TOKEN, "nickname": "agent.str"}
    assert_token_hidden(h)
    h.assert_clean()


ERRORS = [
    # page, expected code, expected message, loadAgent called?
    ("loader-500.html", "http", "The agent information could not be loaded (HTTP 500).", False),
    ("loader-401.html", "auth", "You are not signed in, or your session has expired. Sign in again, then retry.", False),
    ("loader-redirect.html", "auth", "You are not signed in, or your session has expired. Sign in again, then retry.", False),
    ("loader-notjson.html", "invalid", "The agent information received from the server is not valid.", False),
    ("loader-malformed.html", "invalid", "The agent information received from the server is not valid.", False),
    ("loader-nokey.html", "invalid", "The agent information received from the server is not valid.", False),
    ("loader-network.html", "network", "The agent information could not be loaded: network error.", False),
    ("loader-noscript.html", "script", "The Apizee agent script could not be loaded.", False),
    ("loader-missing.html", "missing", "The Apizee agent script did not provide loadAgent().", False),
    ("loader-throws.html", "start", "The Apizee agent could not be started.", True),
]


@pytest.mark.parametrize("name,code,text,called", ERRORS, ids=[e[0] for e in ERRORS])
def test_loader_error_states(h, reset_stubs, name, code, text, called):
    page = h.open(name)
    wait_for(lambda: h.events("loader-error"), what="loader error")
    assert [e["detail"] for e in h.events("loader-error")] == [{"code": code}]
    alert = page.locator("#es-loader [role=alert]")
    assert alert.count() == 1
    assert alert.locator(".es-alert__text").text_content() == text
    assert alert.locator("button").text_content() == "Retry"
    assert page.locator("#es-loader .es-loader__status").text_content() == ""
    assert h.events("loader-event") == []
    if not called:
        assert page.evaluate("() => window.__loadAgentCall === undefined")
    assert_token_hidden(h)
    assert h.csp_violations() == []
    assert h.page_errors == []
    # Only the browser's own network messages, and the bridge's one-line warning.
    texts = [m["text"] for m in h.console if m["type"] in ("error", "warning")]
    assert any(t == f"embedsmith: agent loader failed ({code})." for t in texts)
    assert all(t.startswith(("Failed to load resource", "embedsmith: agent loader failed")) for t in texts), texts


def test_loader_retry_by_keyboard(h, reset_stubs):
    page = h.open("loader-flaky.html")  # first call 500, then good
    wait_for(lambda: h.events("loader-error"), what="first failure")
    page.focus("#es-loader [role=alert] button")
    page.keyboard.press("Enter")
    wait_for(lambda: len(h.events("loader-event")) == 3, what="events after retry")
    assert page.locator("#es-loader [role=alert]").count() == 0
    assert page.evaluate("() => window.__loadAgentCalls") == 1
    assert page.evaluate("() => document.activeElement.className") == "es-loader__status"
    assert reset_stubs("/__last-request")["count"] == 2
    assert_token_hidden(h)
