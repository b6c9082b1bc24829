"""Handshake, ready gating, reloads, send() and the legacy protocol."""
from conftest import AGENT, HOST, wait_for

LEGACY_CONFIG = {"installationId": "acme-agents",
                 "apiRtc": {"cloudUrl": "https://cloud.apirtc.com", "apiKey": "myDemoApiKey"},
                 "assistedUrl": "https://apirtc.github.io/visio-assisted"}
GUEST = {"name": "Jane", "phone": "+33612345678"}


def test_handshake_order_and_origins(h):
    h.open("agent.html")
    agent = h.frame("es-frame-1")
    received = h.wait_handshake(agent)
    # The configuration only repeats the URL's aK: not sent (the app would set its session up twice).
    assert [r["data"] for r in received] == [
        {"type": "conversation", "name": "Support-Acme"},  # top-level name, not data.name
        {"type": "guest_data", "data": GUEST},
    ]
    assert all(r["origin"] == HOST and r["fromParent"] for r in received)
    # The app's mount, in the real app's order (contacts, resize, ready).
    assert [(e["frameId"], e["message"]) for e in h.events()] == [
        ("es-frame-1", {"type": "contacts", "length": 0}), ("es-frame-1", {"type": "resize"}),
        ("es-frame-1", {"type": "ready"})]
    assert h.stats() == {"accepted": 3, "dropped": 0,
                         "droppedByReason": {"origin": 0, "source": 0, "shape": 0, "type": 0, "dataUrl": 0}}
    assert h.page.evaluate("() => window.embedsmith.isReady('es-frame-1')") is True
    h.assert_clean()


def test_ready_is_not_lost_when_the_frame_is_instant(h, reset_stubs):
    # tiny.html posts `ready` from the first inline script of its document; a script after the
    # iframe that the server releases only after that (see stub_server.py) holds the host's
    # DOMContentLoaded back, so ready arrives mid-parse. Loaded three times (later loads cached).
    for attempt in range(3):
        h.open("instant.html")
        agent = h.frame("es-frame-1")
        received = h.wait_handshake(agent)
        assert [r["data"]["type"] for r in received] == ["conversation", "guest_data"], attempt
        ready = h.events("ready")
        assert len(ready) == 1
        assert ready[0]["readyState"] == "loading", "ready was expected before DOMContentLoaded"
        # UI work that arrived before the DOM was complete still happens once it is.
        assert h.page.locator(".es-panel .es-controls").count() == 1
        assert h.page.locator(".es-state__value").text_content() == "ready"
    h.assert_clean()


def test_messages_are_queued_until_ready(h):
    h.open("delayed.html", wait_until="domcontentloaded")  # agent mounts 500 ms later
    page = h.page
    assert page.evaluate("() => window.embedsmith.isReady('es-frame-1')") is False
    assert page.evaluate("""() => [
        window.embedsmith.send('es-frame-1', {type: 'join'}),
        window.embedsmith.send('es-frame-1', {type: 'user_data', data: {userId: 'u1', name: 'Agent Smith'}}),
        window.embedsmith.send('es-frame-1', {type: 'conversation', name: 'Queued-Name'}),
    ]""") == [True, True, True]
    # The built-in controls use the same path and say the request is waiting.
    page.focus("#es-frame-1-es-guest-name")
    page.keyboard.press("Enter")
    assert page.locator(".es-feedback").text_content() == (
        "Waiting for the agent app: the request will be sent as soon as it is ready.")
    agent = h.frame("es-frame-1")
    received = h.wait_received(agent, lambda r: len(r) >= 4, "handshake + queue")
    assert [r["data"] for r in received] == [
        {"type": "conversation", "name": "Queued-Name"},  # the latest conversation wins
        {"type": "guest_data", "data": GUEST},
        {"type": "join"},
        {"type": "user_data", "data": {"userId": "u1", "name": "Agent Smith"}},
    ]
    h.assert_clean()


def test_every_ready_replays_the_state(h):
    h.open("agent.html")
    agent = h.frame("es-frame-1")
    h.wait_handshake(agent)
    assert h.page.evaluate("() => window.embedsmith.send('es-frame-1', {type: 'conversation', name: 'Case-77'})")
    h.wait_received(agent, lambda r: len(r) == 3, "conversation update")
    agent.evaluate("() => location.reload()")  # the app re-mounts and posts a second ready
    wait_for(lambda: len(h.events("ready")) == 2, what="second ready")
    received = h.wait_handshake(agent)
    assert [r["data"] for r in received] == [
        {"type": "conversation", "name": "Case-77"},
        {"type": "guest_data", "data": GUEST},
    ]
    assert h.stats()["accepted"] == 6
    h.assert_clean()


def test_configuration_is_sent_only_when_it_adds_to_the_url(h):
    # The real app sets its ApiRTC session up again on every configuration message, so one that
    # only repeats the URL (aK here) is not sent; one that adds a value is, on every ready.
    page = h.open("agent.html")
    agent = h.frame("es-frame-1")
    h.wait_handshake(agent)
    assert "configuration" not in h.received_types(agent)
    added = {"apiRtc": {"apiKey": "myDemoApiKey"}, "logLevel": "debug"}
    assert page.evaluate("(c) => window.embedsmith.send('es-frame-1', {type: 'configuration', data: c})", added)
    h.wait_received(agent, lambda r: len(r) == 3, "configuration")
    assert h.received(agent)[2]["data"] == {"type": "configuration", "data": added}
    h.assert_clean()


def test_send_validates_and_strips(h):
    h.open("agent.html")
    agent = h.frame("es-frame-1")
    h.wait_handshake(agent)
    results = h.page.evaluate("""() => {
      const s = (id, m) => window.embedsmith.send(id, m);
      return {
        unknownFrame: s('nope', {type: 'join'}),
        noFrameId: s(undefined, {type: 'join'}),
        legacyName: s('es-frame-1', {type: 'join_conversation'}),
        appConfig: s('es-frame-1', {type: 'app_config', data: {}}),
        outboundType: s('es-frame-1', {type: 'ready'}),
        protoKey: s('es-frame-1', {type: 'toString'}),
        protoKey2: s('es-frame-1', {type: '__proto__'}),
        notObject: s('es-frame-1', 'join'),
        array: s('es-frame-1', [{type: 'join'}]),
        nullMsg: s('es-frame-1', null),
        nameNumber: s('es-frame-1', {type: 'conversation', name: 5}),
        nameMissing: s('es-frame-1', {type: 'conversation'}),
        configString: s('es-frame-1', {type: 'configuration', data: 'x'}),
        configArray: s('es-frame-1', {type: 'configuration', data: []}),
        configFunction: s('es-frame-1', {type: 'configuration', data: {f: () => 1}}),
        guestNumber: s('es-frame-1', {type: 'guest_data', data: {name: 5}}),
        userDataArray: s('es-frame-1', {type: 'user_data', data: []}),
        connect: s('es-frame-1', {type: 'connect', extra: 'dropped'}),
        disconnect: s('es-frame-1', {type: 'disconnect'}),
        join: s('es-frame-1', {type: 'join', evil: {x: 1}}),
        guest: s('es-frame-1', {type: 'guest_data', data: {name: 'Bob', phone: undefined}}),
        config: s('es-frame-1', {type: 'configuration', data: {logLevel: 'debug'}}),
      };
    }""")
    ok = {"connect", "disconnect", "join", "guest", "config"}
    assert {k for k, v in results.items() if v} == ok, results
    received = h.wait_received(agent, lambda r: len(r) >= 7, "sent messages")
    assert [r["data"] for r in received[2:]] == [
        {"type": "connect"},
        {"type": "disconnect"},
        {"type": "join"},
        {"type": "guest_data", "data": {"name": "Bob"}},
        {"type": "configuration", "data": {"logLevel": "debug"}},
    ]
    h.assert_clean()


def test_legacy_protocol_names(h):
    h.open("legacy.html")
    agent = h.frame("es-frame-1")
    received = h.wait_handshake(agent)
    # The whole configuration (app_config replaces the app's), and no `conversation` message:
    # the 2023-07 app has none (the name comes from the URL's cN).
    assert [r["data"] for r in received] == [
        {"type": "app_config", "data": LEGACY_CONFIG},
        {"type": "invitee_data", "data": GUEST},
    ]
    assert [e["type"] for e in h.events()] == ["resize", "ready"]
    results = h.page.evaluate("""() => ['join', 'leave', 'connect', 'disconnect'].map(
        (t) => window.embedsmith.send('es-frame-1', {type: t})).concat([
        window.embedsmith.send('es-frame-1', {type: 'configuration', data: {logLevel: 'info'}}),
        window.embedsmith.send('es-frame-1', {type: 'guest_data', data: {name: 'Bob'}}),
        window.embedsmith.send('es-frame-1', {type: 'user_data', data: {name: 'Agent'}}),
        window.embedsmith.send('es-frame-1', {type: 'conversation', name: 'Legacy-2'}),
        window.embedsmith.send('es-frame-1', {type: 'join_conversation'}),
        window.embedsmith.send('es-frame-1', {type: 'invitee_data', data: {}}),
    ])""")
    assert results == [True] * 7 + [False, False, False]
    received = h.wait_received(agent, lambda r: len(r) >= 9, "translated messages")
    assert [r["data"]["type"] for r in received[2:]] == [
        "join_conversation", "leave_conversation", "connect", "disconnect",
        "app_config", "invitee_data", "user_data"]
    # send() says why a conversation was refused (the console, never the name).
    warnings = [m["text"] for m in h.console if m["type"] == "warning"]
    assert warnings == ["embedsmith: frame es-frame-1: the 2023-07 web-agent has no conversation message; "
                        "not sent (the name comes from the frame URL, cN)."]
    h.console.clear()
    h.emit(agent, {"type": "conversation_start", "conversationName": "Support-Acme"})
    wait_for(lambda: h.events("conversation_start"), what="conversation_start")
    start = h.events("conversation_start")[0]
    assert start["message"] == {"type": "conversation_start", "conversationName": "Support-Acme"}
    h.emit(agent, {"type": "conversation_end", "conversationName": "Support-Acme", "durationMilliseconds": 1234})
    h.emit(agent, {"type": "conversation_end", "conversationName": "Support-Acme", "durationMilliseconds": "long"})
    wait_for(lambda: h.stats()["dropped"] == 1, what="bad conversation_end dropped")
    assert h.stats()["droppedByReason"]["shape"] == 1
    assert len(h.events("conversation_end")) == 1
    h.assert_clean()


def test_legacy_partial_configuration_and_conversation_are_not_sent(h):
    # app_config replaces the 2023-07 app's whole config: a part of it would break the session.
    h.open("legacy-partial.html")
    agent = h.frame("es-frame-1")
    received = h.wait_handshake(agent, n=1)
    wait_for(lambda: h.events("ready"), what="ready")
    assert [r["data"] for r in received] == [{"type": "invitee_data", "data": GUEST}]
    warnings = [m["text"] for m in h.console if m["type"] == "warning"]
    assert warnings == [
        "embedsmith: frame es-frame-1: a 2023-07 configuration must hold installationId, apiRtc.cloudUrl, "
        "apiRtc.apiKey and assistedUrl; not sent.",
        "embedsmith: frame es-frame-1: the 2023-07 web-agent has no conversation message; put the name in "
        "the frame URL (cN)."]


def test_error_and_warning_without_a_string_reason_are_kept(h):
    # The real app posts {type: 'error', reason: undefined} when a camera error has no message.
    page = h.open("agent.html")
    agent = h.frame("es-frame-1")
    h.wait_handshake(agent)
    agent.evaluate("""() => [{type: 'error', reason: undefined}, {type: 'warning'},
        {type: 'error', reason: {toString: 1}}, {type: 'warning', reason: 42}, {type: 'error', reason: 'real'}]
        .forEach((m) => parent.postMessage(m, '*'))""")
    s = h.wait_stats(lambda s: s["accepted"] == 8)
    assert s["dropped"] == 0
    assert [e["message"] for e in h.events()[3:]] == [
        {"type": "error"}, {"type": "warning"}, {"type": "error"}, {"type": "warning"},
        {"type": "error", "reason": "real"}]
    toasts = page.evaluate("() => [...document.querySelectorAll('.es-toast__text')].map((t) => t.textContent)")
    assert toasts == ["The agent app reported an error.", "The agent app reported a warning.",
                      "The agent app reported an error.", "The agent app reported a warning."][1:] + [
                      "Agent app error: real"]
    h.assert_clean()


def test_legacy_only_types_are_unknown_on_a_current_frame(h):
    h.open("agent.html")
    agent = h.frame("es-frame-1")
    h.wait_handshake(agent)
    h.emit(agent, {"type": "conversation_start", "conversationName": "x"})
    h.emit(agent, {"type": "conversation_end", "conversationName": "x", "durationMilliseconds": 5})
    s = h.wait_stats(lambda s: s["dropped"] == 2)
    assert s["droppedByReason"]["type"] == 2
    assert h.events("conversation_start") == [] and h.events("conversation_end") == []


def test_every_accepted_message_becomes_a_custom_event(h):
    h.open("agent.html")
    agent = h.frame("es-frame-1")
    h.wait_handshake(agent)
    png = agent.evaluate("() => window.__makeSnapshot('event', 'image/png')")
    sent = [
        {"type": "snapshot", "contact": {"id": "c1", "userData": {"name": "Bob"}, "junk": 1}, "dataUrl": png, "x": 1},
        {"type": "link_copied", "link": "https://guest.example/?i=abc"},
        {"type": "link_copied", "name": "Bob", "link": "https://guest.example/?i=def"},
        {"type": "sms_sent", "name": "Bob", "phone": "+331", "link": "https://guest.example/?i=1"},
        {"type": "sms_fail", "name": "Bob", "phone": "+331", "link": "https://guest.example/?i=2"},
        {"type": "subscribed_streams", "length": 2},
        {"type": "contacts", "length": 0},
        {"type": "joined"},
        {"type": "left"},
        {"type": "error", "reason": "ApiRTC session failed"},
        {"type": "warning", "reason": "track stopped"},
        {"type": "resize", "width": 99},
    ]
    for m in sent:
        h.emit(agent, m)
    wait_for(lambda: h.stats()["accepted"] == 3 + len(sent), what="all accepted")
    events = h.events()[3:]  # after the mount's contacts, resize, ready
    assert [e["type"] for e in events] == [m["type"] for m in sent]
    assert all(e["frameId"] == "es-frame-1" for e in events)
    # Re-emitted messages hold the documented fields only.
    assert events[0]["message"] == {"type": "snapshot", "contact": {"id": "c1", "userData": {"name": "Bob"}}, "dataUrl": png}
    assert events[1]["message"] == {"type": "link_copied", "link": "https://guest.example/?i=abc"}
    assert events[5]["message"] == {"type": "subscribed_streams", "length": 2}
    assert events[11]["message"] == {"type": "resize"}
    # Message contents (links, data URLs) never reach the console.
    assert "guest.example" not in h.console_text() and "base64" not in h.console_text()
    assert h.stats()["dropped"] == 0
    assert AGENT.endswith("8802")
