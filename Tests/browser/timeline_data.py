"""Session Events fixtures (docs/vendors.md §6) for the timeline tests, served by stub_server.py.

ALL_EVENTS holds every one of the 32 documented event types, in both documented shapes mixed
({id, eventType, timestamp: unix seconds, conversationId, data} and {id, eventName, timestamp:
ISO string, source, data}), event attributes sometimes in `data` and sometimes at the top level,
hostile strings, two unknown types, two events with unusable timestamps and two non-objects,
in a scrambled order. EXPECTED_ORDER is the order the bridge must show them in.
"""
import datetime

HOSTILE = "<img src=x onerror=alert(1)>"
T0 = 1718000000  # 2024-06-10T06:13:20Z


def _iso(seconds, offset_hours=0):
    tz = datetime.timezone(datetime.timedelta(hours=offset_hours))
    return datetime.datetime.fromtimestamp(seconds, tz).isoformat().replace("+00:00", "Z")


AGENT = {"email": "jane.doe@acme.example", "phone": "+33612345678", "firstname": "Jane", "lastname": "Doe"}
REQUESTOR = {"email": "bob@example.test", "phone": "+33700000000", "firstname": "Bob", "lastname": "Martin"}
HOSTILE_PERSON = {"email": "mallory@example.test", "phone": "+33611111111", "firstname": HOSTILE, "lastname": "<script>alert(3)</script>"}

OCR_TEXT = "IBAN FR76 3000 6000 0112 3456 7890 189\nLine two " + HOSTILE + "\n\tIndented line"
FEEDBACK = "Great help, thanks!\n" + HOSTILE
SURVEY = {
    "questions": [
        {"id": 1, "label": {"fr": "Qualit\u00e9 de l\u2019image", "en": "Image quality"}, "answer": "Very satisfied"},
        {"id": 2, "label": {"fr": "Seulement en fran\u00e7ais"}, "answer": "Not satisfied"},
        {"id": 3, "label": {"en": HOSTILE, "fr": HOSTILE}, "answer": "Satisfied"},
        {"id": 4, "answer": "Satisfied"},
    ],
    "feedback": FEEDBACK,
}

# (minute offset from T0, type, shape, attributes, where the attributes go)
_SPEC = [
    (0, "ticket.new", "A", {"agent": AGENT}, "data"),
    (1, "ticket.approved", "B", {"agent": AGENT}, "data"),
    (2, "ticket.assigned", "A", {"agent": AGENT}, "top"),
    (3, "ticket.priorityChanged", "A", {"agent": AGENT, "oldPriority": 2, "newPriority": 4}, "data"),
    (4, "ticket.invitationSent", "B", {"requestor": REQUESTOR}, "data"),
    (5, "ticket.invitationResent", "A", {"requestor": REQUESTOR}, "data"),
    (6, "ticket.invitationNotclicked", "A", {"requestor": REQUESTOR}, "data"),
    (7, "ticket.invitationClicked", "B", {"requestor": REQUESTOR}, "data"),
    (8, "ticket.invitationAccepted", "A", {"requestor": REQUESTOR}, "data"),
    (9, "consent.accepted", "B", {}, "data"),
    (10, "ticket.sessionStarted", "A", {}, "data"),
    (11, "mediaDevice.allowed", "A", {"requestor": REQUESTOR}, "data"),
    (12, "mediaDevice.cameraAllowed", "B", {"requestor": REQUESTOR}, "data"),
    (13, "mediaDevice.micDisallowed", "A", {"requestor": REQUESTOR}, "data"),
    (14, "mediaDevice.micAllowed", "A", {"requestor": REQUESTOR}, "top"),
    (15, "mediaDevice.cameraDisallowed", "B", {"requestor": REQUESTOR}, "data"),
    (16, "mediaDevice.disallowed", "A", {"requestor": REQUESTOR}, "data"),
    (17, "session.established", "A", {"requestor": HOSTILE_PERSON}, "data"),
    (18, "geo.ansAllowed", "B", {"geoloc": {"lat": 48.8566, "lng": 2.3522}}, "data"),
    (19, "geo.ansDisallowed", "A", {}, "data"),
    (20, "session.agentContacted", "A", {"agent": AGENT}, "data"),
    (21, "media.pictureTaken", "A", {"mediaId": 1234}, "data"),
    (22, "media.pictureSent", "B", {"mediaId": "5678"}, "top"),
    (23, "media.OCRDone", "A", {"text": OCR_TEXT}, "data"),
    (24, "ticket.transferred", "A", {"toTeam": "Level 2", "note": HOSTILE, "count": 3, "agent": AGENT,
                                     "meta": {"queue": "fr-FR", "urgent": True}}, "data"),
    (25, "survey.answered", "B", {"requestor": REQUESTOR, "surveyAnswer": SURVEY}, "data"),
    (26, "session.userLeft", "A", {"requestor": REQUESTOR}, "data"),
    (27, "session.agentLeft", "B", {"agent": AGENT}, "data"),
    (28, "ticket.invitationDeclined", "A", {"requestor": REQUESTOR}, "data"),
    (29, "ticket.invitationExpired", "B", {}, "data"),
    (30, "ticket.completed", "A", {"agent": AGENT}, "data"),
    (31, "ticket.cancelled", "B", {"agent": AGENT}, "data"),
    (32, "ticket.closed", "A", {"agent": AGENT}, "data"),
    (33, HOSTILE, "B", {HOSTILE: HOSTILE}, "data"),
]
SOURCES = ["agent", "guest", "system", "<script>alert(4)</script>"]


def _event(i, minute, type_, shape, attrs, where):
    seconds = T0 + 60 * minute
    if shape == "A":
        ev = {"id": 1000 + i, "eventType": type_, "timestamp": seconds, "conversationId": 77, "data": {}}
        if i % 5 == 0:
            ev["timestamp"] = str(seconds)  # a numeric string: still unix seconds
    else:
        # ISO strings, one in UTC, one with an offset (same instant), fractional seconds too.
        stamp = _iso(seconds, 2 if i % 2 else 0)
        if i % 3 == 0:
            stamp = stamp.replace("Z", ".250Z") if stamp.endswith("Z") else stamp
        ev = {"id": f"evt-{i:03d}", "eventName": type_, "timestamp": stamp, "source": SOURCES[i % len(SOURCES)], "data": {}}
    if where == "data":
        ev["data"].update(attrs)
    else:
        ev.update(attrs)
    return ev


_DATED = [_event(i, *spec) for i, spec in enumerate(_SPEC)]
# Two events whose time cannot be read (shown last, in server order) and two non-objects (skipped).
_UNDATED = [
    {"id": 2001, "eventType": "session.established", "timestamp": "2024-13-45T99:00:00Z", "conversationId": 77,
     "data": {"requestor": REQUESTOR}},
    {"id": "evt-undated", "eventName": "geo.ansAllowed", "timestamp": "yesterday", "source": "guest",
     "data": {"geoloc": {"lat": 123.4, "lng": "2.35"}}},
]

# Scrambled: a fixed permutation, so that sorting is needed.
_ORDER = [17, 3, 30, 0, 25, 9, 33, 12, 5, 21, 28, 1, 14, 7, 23, 19, 31, 2, 10, 26, 4, 16, 32, 11, 22, 6, 29, 13,
          20, 8, 24, 15, 27, 18]
assert sorted(_ORDER) == list(range(len(_SPEC)))
ALL_EVENTS = [_DATED[i] for i in _ORDER[:10]] + [_UNDATED[0], "not an event", None] + \
    [_DATED[i] for i in _ORDER[10:]] + [_UNDATED[1], 42]

EXPECTED_ORDER = [spec[1] for spec in _SPEC] + ["session.established", "geo.ansAllowed"]
KNOWN_TYPES = [
    "consent.accepted", "ticket.sessionStarted", "geo.ansAllowed", "geo.ansDisallowed", "ticket.approved",
    "ticket.new", "ticket.assigned", "ticket.completed", "ticket.cancelled", "ticket.closed",
    "mediaDevice.allowed", "mediaDevice.disallowed", "mediaDevice.cameraAllowed", "mediaDevice.cameraDisallowed",
    "mediaDevice.micAllowed", "mediaDevice.micDisallowed", "session.established", "ticket.priorityChanged",
    "ticket.invitationSent", "ticket.invitationResent", "ticket.invitationAccepted", "ticket.invitationDeclined",
    "ticket.invitationExpired", "ticket.invitationClicked", "ticket.invitationNotclicked", "session.agentContacted",
    "media.pictureTaken", "media.pictureSent", "survey.answered", "session.agentLeft", "session.userLeft",
    "media.OCRDone",
]
assert len(KNOWN_TYPES) == 32 and set(KNOWN_TYPES) <= set(EXPECTED_ORDER)


def many_events(n=1200):
    """n events in reverse time order: the bridge sorts them and shows the first 1,000."""
    return [{"id": i, "eventType": "ticket.new", "timestamp": T0 + (n - i), "conversationId": 1, "data": {}}
            for i in range(n)]


def seconds_at(position):
    """Unix seconds of the dated event shown at `position`."""
    return T0 + 60 * _SPEC[position][0]
