"""Apizee session timeline (docs/vendors.md §6): every event type with its label (en, fr), both
documented shapes, ordering, details, hostile strings kept as text, the no-ticket state, errors
with Retry, the 1,000-event cap. Events come from stub_server.py (timeline_data.py)."""
import datetime

import pytest

from conftest import Harness, wait_for
from timeline_data import AGENT, EXPECTED_ORDER, FEEDBACK, HOSTILE, KNOWN_TYPES, OCR_TEXT, seconds_at

LABELS = {  # type: (English, French): the spec of what an agent reads
    "consent.accepted": ("Consent accepted", "Consentement accept\u00e9"),
    "ticket.sessionStarted": ("Session started", "Session d\u00e9marr\u00e9e"),
    "geo.ansAllowed": ("Location shared", "Position partag\u00e9e"),
    "geo.ansDisallowed": ("Location sharing refused", "Partage de la position refus\u00e9"),
    "ticket.approved": ("Ticket approved", "Ticket approuv\u00e9"),
    "ticket.new": ("Ticket created", "Ticket cr\u00e9\u00e9"),
    "ticket.assigned": ("Ticket assigned", "Ticket attribu\u00e9"),
    "ticket.completed": ("Ticket completed", "Ticket termin\u00e9"),
    "ticket.cancelled": ("Ticket cancelled", "Ticket annul\u00e9"),
    "ticket.closed": ("Ticket closed", "Ticket cl\u00f4tur\u00e9"),
    "mediaDevice.allowed": ("Camera and microphone allowed", "Cam\u00e9ra et micro autoris\u00e9s"),
    "mediaDevice.disallowed": ("Camera and microphone refused", "Cam\u00e9ra et micro refus\u00e9s"),
    "mediaDevice.cameraAllowed": ("Camera allowed", "Cam\u00e9ra autoris\u00e9e"),
    "mediaDevice.cameraDisallowed": ("Camera refused", "Cam\u00e9ra refus\u00e9e"),
    "mediaDevice.micAllowed": ("Microphone allowed", "Micro autoris\u00e9"),
    "mediaDevice.micDisallowed": ("Microphone refused", "Micro refus\u00e9"),
    "session.established": ("Session established", "Session \u00e9tablie"),
    "ticket.priorityChanged": ("Priority changed", "Priorit\u00e9 modifi\u00e9e"),
    "ticket.invitationSent": ("Invitation sent", "Invitation envoy\u00e9e"),
    "ticket.invitationResent": ("Invitation sent again", "Invitation renvoy\u00e9e"),
    "ticket.invitationAccepted": ("Invitation accepted", "Invitation accept\u00e9e"),
    "ticket.invitationDeclined": ("Invitation declined", "Invitation d\u00e9clin\u00e9e"),
    "ticket.invitationExpired": ("Invitation expired", "Invitation expir\u00e9e"),
    "ticket.invitationClicked": ("Invitation link opened", "Lien d\u2019invitation ouvert"),
    "ticket.invitationNotclicked": ("Invitation link not opened", "Lien d\u2019invitation non ouvert"),
    "session.agentContacted": ("Agent contacted", "Agent contact\u00e9"),
    "media.pictureTaken": ("Picture taken", "Photo prise"),
    "media.pictureSent": ("Picture sent", "Photo envoy\u00e9e"),
    "survey.answered": ("Survey answered", "Questionnaire rempli"),
    "session.agentLeft": ("Agent left the session", "L\u2019agent a quitt\u00e9 la session"),
    "session.userLeft": ("User left the session", "L\u2019utilisateur a quitt\u00e9 la session"),
    "media.OCRDone": ("Text recognised (OCR)", "Texte reconnu (OCR)"),
}
assert sorted(LABELS) == sorted(KNOWN_TYPES)
for _i in (0, 1):
    assert len({v[_i] for v in LABELS.values()}) == 32  # every label tells its type apart

AUTH = "You are not signed in, or your session has expired. Sign in again, then retry."
AGENT_TEXT = "Jane Doe \u00b7 jane.doe@acme.example \u00b7 +33612345678"
REQUESTOR_TEXT = "Bob Martin \u00b7 bob@example.test \u00b7 +33700000000"


def items(page):
    """Every rendered event: its type attribute, time, label and details (dt/dd text pairs)."""
    return page.evaluate("""() => [...document.querySelectorAll('.es-timeline__list > li')].map((li) => {
        const time = li.querySelector('.es-timeline__time');
        return {
            type: li.getAttribute('data-event-type'),
            warn: li.classList.contains('es-timeline__item--warn'),
            timeTag: time.tagName.toLowerCase(), datetime: time.getAttribute('datetime'), timeText: time.textContent,
            label: li.querySelector('.es-timeline__label').textContent,
            details: [...li.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling.textContent]),
        };
    })""")


def by_type(rendered, type_):
    found = [i for i in rendered if i["type"] == type_]
    assert found, type_
    return found[0]


def requests(reset_stubs):
    return reset_stubs("/__requests")


def open_timeline(h, name, query):
    page = h.open(name + query)
    wait_for(lambda: h.events("timeline-loaded") or h.events("timeline-error"), what="timeline loaded")
    return page


def test_every_event_type_is_rendered_in_order_with_its_label(h, reset_stubs):
    page = open_timeline(h, "timeline.html", "?ticketId=42")
    assert [e["detail"] for e in h.events("timeline-loaded")] == [{"count": 36}]
    assert requests(reset_stubs) == [{"path": "/api/apizee/tickets/42/events", "accept": "application/json",
                                      "secFetchMode": "cors", "credentials": False}]
    rendered = items(page)
    # Oldest first, both shapes and both time formats mixed; unreadable times last; non-objects skipped.
    assert [i["type"] or i["label"] for i in rendered] == [
        t if t in LABELS else ("ticket.transferred" if t == "ticket.transferred" else HOSTILE) for t in EXPECTED_ORDER]
    for position, item in enumerate(rendered[:34]):
        assert item["timeTag"] == "time"
        parsed = datetime.datetime.fromisoformat(item["datetime"].replace("Z", "+00:00"))
        assert int(parsed.timestamp()) == seconds_at(position), item
        assert item["timeText"].strip()
    for item in rendered[34:]:
        assert (item["timeTag"], item["datetime"], item["timeText"]) == ("span", None, "Time unknown")
    # Every one of the 32 types, with its English label.
    for type_, (english, _) in LABELS.items():
        assert by_type(rendered, type_)["label"] == english
    assert {i["type"] for i in rendered if i["type"]} == set(LABELS)
    assert by_type(rendered, "mediaDevice.micDisallowed")["warn"] and not by_type(rendered, "mediaDevice.micAllowed")["warn"]
    status = page.locator(".es-timeline__status")
    assert status.text_content() == "36 events." and status.get_attribute("role") == "status"
    assert page.locator("#es-timeline-1").get_attribute("aria-busy") is None
    assert page.locator("#es-timeline-1 > ol.es-timeline__list").count() == 1
    assert page.locator("#es-timeline-1 [role=alert]").count() == 0
    h.assert_clean()


def test_details(h):
    page = open_timeline(h, "timeline.html", "?ticketId=42")
    rendered = items(page)
    assert by_type(rendered, "ticket.new")["details"] == [["Agent", AGENT_TEXT]]
    assert by_type(rendered, "ticket.assigned")["details"] == [["Agent", AGENT_TEXT]]  # attributes at the top level
    assert by_type(rendered, "ticket.approved")["details"] == [["Agent", AGENT_TEXT], ["Source", "guest"]]
    assert by_type(rendered, "ticket.priorityChanged")["details"] == [["Agent", AGENT_TEXT], ["Priority", "2 \u2192 4"]]
    assert by_type(rendered, "ticket.invitationSent")["details"] == [["Requestor", REQUESTOR_TEXT], ["Source", "agent"]]
    assert by_type(rendered, "ticket.invitationClicked")["details"] == [
        ["Requestor", REQUESTOR_TEXT], ["Source", "<script>alert(4)</script>"]]  # an unknown source, as text
    assert by_type(rendered, "mediaDevice.micAllowed")["details"] == [["Requestor", REQUESTOR_TEXT]]
    assert by_type(rendered, "consent.accepted")["details"] == [["Source", "guest"]]
    assert by_type(rendered, "ticket.sessionStarted")["details"] == []
    assert by_type(rendered, "media.pictureTaken")["details"] == [["Media", "Picture #1234"]]
    assert by_type(rendered, "media.pictureSent")["details"] == [["Source", "system"], ["Media", "Picture #5678"]]
    assert by_type(rendered, "media.OCRDone")["details"] == [["Recognised text", OCR_TEXT]]
    assert by_type(rendered, "survey.answered")["details"] == [
        ["Requestor", REQUESTOR_TEXT], ["Source", "guest"],
        ["Image quality", "Very satisfied"], ["Seulement en fran\u00e7ais", "Not satisfied"],  # fallback language
        [HOSTILE, "Satisfied"], ["Question 4", "Satisfied"], ["Feedback", FEEDBACK]]
    # Only the first geolocation has numbers in range: it alone gets a map link.
    assert by_type(rendered, "geo.ansAllowed")["details"] == [["Source", "system"], ["Location", "48.8566, 2.3522 Open in OpenStreetMap"]]
    assert rendered[-1]["details"] == [["Source", "guest"], ["Location", "123.4, 2.35"]]
    links = page.evaluate("""() => [...document.querySelectorAll('.es-timeline a')].map((a) => ({
        href: a.getAttribute('href'), target: a.target, rel: a.rel, label: a.getAttribute('aria-label')}))""")
    assert links == [{"href": "https://www.openstreetmap.org/?mlat=48.8566&mlon=2.3522", "target": "_blank",
                      "rel": "noopener noreferrer", "label": "Open the location 48.8566, 2.3522 in OpenStreetMap (new tab)"}]
    # Unknown types: the name and the primitive values, one level deep (people shown as people).
    transferred = [i for i in rendered if i["label"] == "ticket.transferred"][0]
    assert transferred["type"] is None
    assert transferred["details"] == [["Agent", AGENT_TEXT], ["toTeam", "Level 2"], ["note", HOSTILE], ["count", "3"],
                                      ["meta.queue", "fr-FR"], ["meta.urgent", "true"]]
    hostile = [i for i in rendered if i["label"] == HOSTILE][0]
    assert hostile["details"] == [["Source", "guest"], [HOSTILE, HOSTILE]]
    # Line breaks of the OCR text and the feedback are kept on screen.
    ocr = page.evaluate("""() => { const dd = document.querySelector('[data-event-type="media.OCRDone"] dd');
        return {ws: getComputedStyle(dd).whiteSpace, lines: dd.innerText.split('\\n').length}; }""")
    assert ocr == {"ws": "pre-wrap", "lines": 3}
    assert AGENT["email"] in page.locator("#es-timeline-1").inner_text()
    h.assert_clean()


def assert_inert(page):
    found = page.evaluate("""() => ({
        imgs: document.querySelectorAll('img').length,
        scripts: [...document.scripts].map((s) => s.getAttribute('src') || s.type),
        handlers: [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length,
        text: document.getElementById('es-timeline-1').textContent,
    })""")
    assert found["imgs"] == 0 and found["handlers"] == 0
    assert found["scripts"] == ["application/json", "assets/embedsmith-bridge.js"]
    # OCR, feedback, question, name, an unknown type's value, and an unknown type, its key and value
    assert found["text"].count(HOSTILE) == 8


def test_hostile_strings_are_text(h):
    page = open_timeline(h, "timeline.html", "?ticketId=42")
    assert_inert(page)
    h.assert_clean()


def test_hostile_strings_are_text_even_without_csp(browser):
    """The same page with its CSP ignored: nothing the server sent can run or load."""
    context = browser.new_context(viewport={"width": 1000, "height": 700}, bypass_csp=True)
    try:
        h = Harness(context)
        dialogs = []
        h.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page = open_timeline(h, "timeline.html", "?ticketId=42")
        page.wait_for_timeout(200)
        assert_inert(page)
        assert dialogs == []
        assert h.page_errors == [] and h.console_errors() == []
    finally:
        context.close()


def test_french_labels(h):
    page = open_timeline(h, "timeline-fr.html", "?ticketId=42")
    rendered = items(page)
    for type_, (_, french) in LABELS.items():
        assert by_type(rendered, type_)["label"] == french
    assert page.locator(".es-timeline__status").text_content() == "36\u00a0\u00e9v\u00e9nements."
    assert by_type(rendered, "survey.answered")["details"] == [
        ["Demandeur", REQUESTOR_TEXT], ["Origine", "invit\u00e9"],
        ["Qualit\u00e9 de l\u2019image", "Tr\u00e8s satisfait"], ["Seulement en fran\u00e7ais", "Pas satisfait"],
        [HOSTILE, "Satisfait"], ["Question 4", "Satisfait"], ["Commentaire", FEEDBACK]]
    assert by_type(rendered, "media.pictureTaken")["details"] == [["M\u00e9dia", "Photo n\u00b0\u00a01234"]]
    assert by_type(rendered, "ticket.priorityChanged")["details"][1] == ["Priorit\u00e9", "2 \u2192 4"]
    assert by_type(rendered, "ticket.new")["timeText"].startswith("10 juin 2024")
    assert rendered[-1]["timeText"] == "Heure inconnue"
    assert by_type(rendered, "geo.ansAllowed")["details"][1] == ["Position", "48.8566, 2.3522 Voir sur OpenStreetMap"]
    h.assert_clean()


NO_TICKET = "No ticket selected: open this page from a ticket to see its session timeline."
BAD_TICKET = "No ticket selected: the ticket number in the page address is not valid."
QUERIES = [
    ("", "no-ticket", NO_TICKET),
    ("?ticket=42", "no-ticket", NO_TICKET),
    ("?ticketId=", "bad-ticket", BAD_TICKET),
    ("?ticketId=abc", "bad-ticket", BAD_TICKET),
    ("?ticketId=-1", "bad-ticket", BAD_TICKET),
    ("?ticketId=4%202", "bad-ticket", BAD_TICKET),
    ("?ticketId=%2e%2e%2f42", "bad-ticket", BAD_TICKET),
    ("?ticketId=1234567890123456789", "bad-ticket", BAD_TICKET),  # 19 digits
    ("?ticketId=42&ticketId=43", "bad-ticket", BAD_TICKET),
]


@pytest.mark.parametrize("query,code,text", QUERIES, ids=[q[0] or "none" for q in QUERIES])
def test_no_ticket_selected(h, reset_stubs, query, code, text):
    page = open_timeline(h, "timeline.html", query)
    assert [e["detail"] for e in h.events("timeline-error")] == [{"code": code}]
    assert page.locator(".es-timeline__status").text_content() == text
    assert page.locator(".es-timeline__list, [role=alert]").count() == 0
    page.wait_for_timeout(100)
    assert requests(reset_stubs) == []
    h.assert_clean()  # a page opened without a ticket is not an error


def test_eighteen_digit_ticket_is_accepted(h, reset_stubs):
    open_timeline(h, "timeline.html", "?ticketId=123456789012345678")
    assert [r["path"] for r in requests(reset_stubs)] == ["/api/apizee/tickets/123456789012345678/events"]
    assert [e["detail"] for e in h.events("timeline-error")] == [{"code": "http"}]  # the stub knows no such ticket


ERRORS = [
    ("401", "auth", AUTH),
    ("403", "auth", AUTH),
    ("302", "auth", AUTH),
    ("500", "http", "The session timeline could not be loaded (HTTP 500)."),
    ("999", "http", "The session timeline could not be loaded (HTTP 404)."),
    ("3", "invalid", "The session timeline received from the server is not valid."),
    ("4", "invalid", "The session timeline received from the server is not valid."),
    ("5", "network", "The session timeline could not be loaded: network error."),
]


@pytest.mark.parametrize("ticket,code,text", ERRORS, ids=[e[0] for e in ERRORS])
def test_error_states(h, reset_stubs, ticket, code, text):
    page = open_timeline(h, "timeline.html", f"?ticketId={ticket}")
    assert [e["detail"] for e in h.events("timeline-error")] == [{"code": code}]
    alert = page.locator("#es-timeline-1 [role=alert]")
    assert alert.locator(".es-alert__text").text_content() == text
    assert alert.locator("button").text_content() == "Retry"
    assert page.locator(".es-timeline__list").count() == 0
    assert page.locator(".es-timeline__status").text_content() == ""
    assert page.locator("#es-timeline-1").get_attribute("aria-busy") is None
    assert len(requests(reset_stubs)) == 1
    assert h.csp_violations() == [] and h.page_errors == []
    texts = [m["text"] for m in h.console if m["type"] in ("error", "warning")]
    assert f"embedsmith: session timeline failed ({code})." in texts
    assert all(t.startswith(("Failed to load resource", "embedsmith: session timeline failed")) for t in texts), texts


def test_retry_by_keyboard(h, reset_stubs):
    page = open_timeline(h, "timeline.html", "?ticketId=6")  # 500 once, then the events
    assert h.events("timeline-error")
    page.focus("#es-timeline-1 [role=alert] button")
    page.keyboard.press("Enter")
    wait_for(lambda: h.events("timeline-loaded"), what="loaded after retry")
    assert [e["detail"] for e in h.events("timeline-loaded")] == [{"count": 36}]
    assert page.locator("[role=alert]").count() == 0
    assert page.evaluate("() => document.activeElement.className") == "es-timeline__status"
    assert page.locator(".es-timeline__status").text_content() == "36 events."
    assert page.locator(".es-timeline__list > li").count() == 36
    assert len(requests(reset_stubs)) == 2


def test_empty_and_wrapped_lists(h):
    page = open_timeline(h, "timeline.html", "?ticketId=7")
    assert [e["detail"] for e in h.events("timeline-loaded")] == [{"count": 0}]
    assert page.locator(".es-timeline__status").text_content() == "No events recorded for this ticket yet."
    assert page.locator(".es-timeline__list > li").count() == 0
    page = open_timeline(h, "timeline.html", "?ticketId=8")  # {"events": [...]}
    wait_for(lambda: h.events("timeline-loaded"), what="loaded")
    assert page.locator(".es-timeline__list > li").count() == 3
    assert page.locator(".es-timeline__status").text_content() == "3 events."
    h.assert_clean()


def test_at_most_1000_events(h):
    page = open_timeline(h, "timeline.html", "?ticketId=1500")  # 1,200 events, newest first
    assert [e["detail"] for e in h.events("timeline-loaded")] == [{"count": 1000}]
    assert page.locator(".es-timeline__list > li").count() == 1000
    assert page.locator(".es-timeline__status").text_content() == "Showing the first 1,000 of 1,200 events."
    first, last = page.evaluate("""() => { const t = [...document.querySelectorAll('.es-timeline time')];
        return [t[0].getAttribute('datetime'), t[t.length - 1].getAttribute('datetime')]; }""")
    assert (first, last) == ("2024-06-10T06:13:21.000Z", "2024-06-10T06:30:00.000Z")  # oldest first
    h.assert_clean()


def test_endpoint_that_is_not_same_origin_is_refused(h, reset_stubs):
    page = open_timeline(h, "timeline-badconfig.html", "?ticketId=42")
    assert [e["detail"] for e in h.events("timeline-error")] == [{"code": "config"}]
    assert page.locator("[role=alert] .es-alert__text").text_content() == "The session timeline is not configured correctly."
    assert page.locator("[role=alert] button").count() == 0
    assert requests(reset_stubs) == []
    assert h.csp_violations() == []
