#!/usr/bin/env python3
"""Host-origin server for the browser tests (http://127.0.0.1:8801).

Serves a directory exactly like `python3 -m http.server --directory DIR` and adds:
- /api/apizee/me*  stub agent-info endpoints for the loaderAgent bootstrap (same origin as the
                   page, as the bridge requires):
    me           200, good JSON (numeric userId, apiKey)      me-strid     200, userId "4242", no apiKey
    me-500       500 (JSON body that carries the token)       me-401       401
    me-redirect  302 to a sign-in page                        me-notjson   200 text/html
    me-malformed 200 JSON with a non-numeric userId           me-hangup    connection closed, no reply
    me-flaky     500 on the first call after /__reset, then good JSON
- /api/chatapp/token*  stub ChatApp access-token endpoints (same origin, as the bridge requires):
    token            200 {"accessToken": CHATAPP_TOKEN}      token-401 / -403   401 / 403
    token-redirect   302 to a sign-in page                    token-500          500 (body has the token)
    token-malformed  200 {"token": …} (wrong key)             token-whitespace   200, token with a space
    token-empty      200 {"accessToken": ""}                  token-long         200, 4097 characters
    token-number     200 {"accessToken": 12345}               token-notjson      200 text/html
    token-hangup     connection closed, no reply              token-flaky        500 once after /__reset, then good
    token-held       good JSON, but only once a signal is available (max 5 s)
- /api/apizee/tickets/<id>/events  stub Session Events proxy (timeline_data.py):
    42 every event type, both shapes, hostile strings    7 []       8 {"events": [3 events]}
    1500 1,200 events                                    401/403    302 redirect    500
    3 text/html    4 {"error": …}    5 hangup    6 500 once after /__reset, then the 42 list
    anything else 404
- /__held/<path>    the file <path> of the served directory, once a signal is available (max 5 s):
                    a script that runs exactly when the test says so
- /__requests       JSON list of the chatapp/timeline requests since /__reset ({path, accept,
                    secFetchMode, credentials: whether a cookie came along})
- /__signal         releases one waiter of /__until-signal.js, /__held/ or token-held (the tiny
                    agent calls it right after posting `ready`)
- /__until-signal.js  an empty script served only once a signal is available (max 5 s): placed
                    after an iframe, it holds DOMContentLoaded back until the frame's `ready` has
                    been posted, deterministically
- /__last-request   JSON {accept, cookie?, count} of the last /api/apizee/me* request
- /__reset          resets the flaky endpoint, the request record and the signals
- /favicon.ico      empty 200 when the directory has none (no 404 noise in the console)
- /assets/embedsmith-bridge.js  when the directory has none: the whole bridge, every module of
                    templates/assets/bridge/ joined (bridge_modules.py)
- /bridge-modules/<name>+<name>….js  only the named modules (core, strings-en, chatapp, start…),
                    joined as the generator joins a page's set
- /stub/loaderAgent.js, /cdn/js/es-stub-engage.js  the shipped stand-ins (vendor-stubs/, the one
                    copy `embedsmith serve --stub-vendors` serves too), at the paths the fixture
                    pages use; also under /__held/
- /__embedsmith/vendor-stubs/api/...  the /api/... endpoints above, as `serve --stub-vendors`
                    forwards them to its stub router (a build with --stub-vendors points pages there)
- --stub-origin     serve vendor-stubs/ as the stub origin of such a build: also /agent/<file>
                    (= web-agent/) and /cdn/js/<id>.js (= the Engage stub), as VendorStubRouter does
- --also DIR        files missing from --dir are looked up there (the agent origin: the test-only
                    tiny.html in fixtures/agent/, the stub web-agent from vendor-stubs/web-agent/)

The good answers of the agent-info and ChatApp token endpoints are vendor-stubs/api/*.json.

Usage: stub_server.py --port 8801 --dir DIR [--also DIR]... [--stub-origin]
"""
import argparse
import functools
import http.server
import json
import os
import pathlib
import re
import threading

from bridge_modules import bridge_source
from timeline_data import ALL_EVENTS, many_events

VENDOR_STUBS = pathlib.Path(__file__).resolve().parent.parent.parent / "vendor-stubs"
# The shipped stand-ins, at the paths the fixture pages load them from.
ALIASES = {
    "/stub/loaderAgent.js": VENDOR_STUBS / "loader" / "loaderAgent.js",
    "/cdn/js/es-stub-engage.js": VENDOR_STUBS / "engage" / "es-stub-engage.js",
}

# Where `serve --stub-vendors` forwards the same-origin endpoints (VendorStubOrigin.sameOriginPrefix).
SAME_ORIGIN_PREFIX = "/__embedsmith/vendor-stubs"

# The stub credential (vendor-stubs/api/agent-info.json). Tests assert it never reaches the DOM
# or the console.
GOOD_INFO = json.loads((VENDOR_STUBS / "api" / "agent-info.json").read_text())
TOKEN = GOOD_INFO["token"]

# The stub ChatApp access token: "+", "/" and "=" must be percent-encoded in the frame's src.
# Tests assert it never reaches the DOM (except that src), the console or an event.
CHATAPP_TOKEN = json.loads((VENDOR_STUBS / "api" / "chatapp-token.json").read_text())["accessToken"]

_state = {"flaky_calls": 0, "last": None, "count": 0, "signals": threading.Semaphore(0), "log": []}
_lock = threading.Lock()


class Handler(http.server.SimpleHTTPRequestHandler):
    also = []  # fallback directories, in order

    def log_message(self, fmt, *args):  # quiet
        pass

    stub_origin = False

    def translate_path(self, path):
        bare = path.split("?", 1)[0].split("#", 1)[0]
        if bare in ALIASES:
            return str(ALIASES[bare])
        if self.stub_origin:
            if re.fullmatch(r"/cdn/js/[A-Za-z0-9_-]{1,64}\.js", bare):
                return str(VENDOR_STUBS / "engage" / "es-stub-engage.js")
            if bare.startswith("/agent/"):
                path = "/web-agent/" + bare[len("/agent/"):]
        found = super().translate_path(path)
        if not os.path.exists(found):
            for extra in self.also:
                relative = os.path.relpath(found, self.directory)
                candidate = os.path.join(extra, relative)
                if not relative.startswith("..") and os.path.exists(candidate):
                    return candidate
        return found

    def end_headers(self):
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def _send(self, status, body, ctype="application/json", headers=()):
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        for k, v in headers:
            self.send_header(k, v)
        http.server.BaseHTTPRequestHandler.end_headers(self)
        self.wfile.write(data)

    def do_GET(self):
        if self.path.startswith(SAME_ORIGIN_PREFIX + "/api/"):
            self.path = self.path[len(SAME_ORIGIN_PREFIX):]
            # Any ticket: the shipped events, as VendorStubRouter answers them.
            if re.fullmatch(r"/api/apizee/tickets/[A-Za-z0-9_-]{1,64}/events", self.path.split("?", 1)[0]):
                return self._send(200, (VENDOR_STUBS / "api" / "ticket-events.json").read_bytes())
        path = self.path.split("?", 1)[0]
        if path.startswith("/api/apizee/me"):
            return self._agent_info(path)
        if path.startswith("/api/chatapp/token"):
            self._log(path)
            return self._chatapp_token(path[len("/api/chatapp/token"):])
        m = re.fullmatch(r"/api/apizee/tickets/([^/]+)/events", path)
        if m:
            self._log(path)
            return self._ticket_events(m.group(1))
        if path.startswith("/__held/"):
            _state["signals"].acquire(timeout=5)
            self.path = self.path[len("/__held"):]
            return super().do_GET()
        if path == "/__requests":
            with _lock:
                return self._send(200, json.dumps(_state["log"]))
        if path == "/__signal":
            _state["signals"].release()
            return self._send(200, "{}")
        if path == "/__until-signal.js":
            got = _state["signals"].acquire(timeout=5)
            return self._send(200, "/* released by signal: %s */\n" % got, "text/javascript")
        if path == "/__last-request":
            with _lock:
                return self._send(200, json.dumps({"last": _state["last"], "count": _state["count"]}))
        if path == "/__reset":
            with _lock:
                _state.update(flaky_calls=0, last=None, count=0, signals=threading.Semaphore(0), log=[])
            return self._send(200, "{}")
        m = re.fullmatch(r"/bridge-modules/([a-z0-9+-]+)\.js", path)
        if m:
            return self._send(200, bridge_source(set(m.group(1).split("+"))), "text/javascript")
        if path == "/assets/embedsmith-bridge.js" and not os.path.exists(self.translate_path(path)):
            return self._send(200, bridge_source(), "text/javascript")
        return super().do_GET()

    def send_error(self, code, message=None, explain=None):
        if code == 404 and self.path.split("?", 1)[0] == "/favicon.ico":
            return self._send(200, b"", "image/x-icon")
        return super().send_error(code, message, explain)

    def _agent_info(self, path):
        with _lock:
            _state["count"] += 1
            _state["last"] = {"path": path, "accept": self.headers.get("Accept"),
                              "secFetchMode": self.headers.get("Sec-Fetch-Mode")}
        case = path[len("/api/apizee/me"):]
        if case == "":
            return self._send(200, json.dumps(GOOD_INFO))
        if case == "-strid":
            return self._send(200, json.dumps({"userId": "4242", "nickname": "agent.str", "token": TOKEN}))
        if case == "-500":
            return self._send(500, json.dumps({"error": "backend down", "token": TOKEN}))
        if case == "-401":
            return self._send(401, json.dumps({"error": "unauthorized"}))
        if case == "-redirect":
            return self._send(302, "", "text/plain", headers=[("Location", "/sign-in.html")])
        if case == "-notjson":
            return self._send(200, "<!DOCTYPE html><title>Sign in</title><p>token " + TOKEN, "text/html")
        if case == "-malformed":
            return self._send(200, json.dumps({"userId": "abc", "nickname": "x", "token": TOKEN}))
        if case == "-hangup":
            self.close_connection = True
            return None  # no response at all: fetch() rejects (network error)
        if case == "-flaky":
            with _lock:
                _state["flaky_calls"] += 1
                first = _state["flaky_calls"] == 1
            if first:
                return self._send(500, json.dumps({"error": "try again"}))
            return self._send(200, json.dumps(GOOD_INFO))
        return self._send(404, json.dumps({"error": "unknown stub"}))


    def _log(self, path):
        with _lock:
            _state["log"].append({"path": path, "accept": self.headers.get("Accept"),
                                  "secFetchMode": self.headers.get("Sec-Fetch-Mode"),
                                  "credentials": self.headers.get("Cookie") is not None})

    def _flaky_first(self):
        with _lock:
            _state["flaky_calls"] += 1
            return _state["flaky_calls"] == 1

    def _chatapp_token(self, case):
        good = json.dumps({"accessToken": CHATAPP_TOKEN})
        if case == "":
            return self._send(200, good)
        if case == "-held":
            _state["signals"].acquire(timeout=5)
            return self._send(200, good)
        if case in ("-401", "-403"):
            return self._send(int(case[1:]), json.dumps({"error": "sign in first"}))
        if case == "-redirect":
            return self._send(302, "", "text/plain", headers=[("Location", "/sign-in.html")])
        if case == "-500":
            return self._send(500, json.dumps({"error": "backend down", "accessToken": CHATAPP_TOKEN}))
        if case == "-malformed":
            return self._send(200, json.dumps({"token": CHATAPP_TOKEN}))
        if case == "-whitespace":
            return self._send(200, json.dumps({"accessToken": "ca.SECRET 7d41"}))
        if case == "-empty":
            return self._send(200, json.dumps({"accessToken": ""}))
        if case == "-long":
            return self._send(200, json.dumps({"accessToken": "x" * 4097}))
        if case == "-number":
            return self._send(200, json.dumps({"accessToken": 12345}))
        if case == "-notjson":
            return self._send(200, "<!DOCTYPE html><title>Sign in</title><p>" + CHATAPP_TOKEN, "text/html")
        if case == "-hangup":
            self.close_connection = True
            return None
        if case == "-flaky":
            if self._flaky_first():
                return self._send(500, json.dumps({"error": "try again"}))
            return self._send(200, good)
        return self._send(404, json.dumps({"error": "unknown stub"}))

    def _ticket_events(self, ticket):
        if ticket == "42":
            return self._send(200, json.dumps(ALL_EVENTS))
        if ticket == "7":
            return self._send(200, "[]")
        if ticket == "8":
            return self._send(200, json.dumps({"events": [e for e in ALL_EVENTS if isinstance(e, dict)][:3]}))
        if ticket == "1500":
            return self._send(200, json.dumps(many_events(1200)))
        if ticket in ("401", "403", "500"):
            return self._send(int(ticket), json.dumps({"error": "no"}))
        if ticket == "302":
            return self._send(302, "", "text/plain", headers=[("Location", "/sign-in.html")])
        if ticket == "3":
            return self._send(200, "<!DOCTYPE html><title>Sign in</title>", "text/html")
        if ticket == "4":
            return self._send(200, json.dumps({"error": "not a list"}))
        if ticket == "5":
            self.close_connection = True
            return None
        if ticket == "6":
            if self._flaky_first():
                return self._send(500, json.dumps({"error": "try again"}))
            return self._send(200, json.dumps(ALL_EVENTS))
        return self._send(404, json.dumps({"error": "unknown ticket"}))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, default=8801)
    ap.add_argument("--bind", default="127.0.0.1")
    ap.add_argument("--dir", required=True)
    ap.add_argument("--also", action="append", default=[])
    ap.add_argument("--stub-origin", action="store_true")
    args = ap.parse_args()
    Handler.stub_origin = args.stub_origin
    Handler.also = [os.path.abspath(d) for d in args.also]
    handler = functools.partial(Handler, directory=args.dir)
    http.server.ThreadingHTTPServer.allow_reuse_address = True
    with http.server.ThreadingHTTPServer((args.bind, args.port), handler) as srv:
        srv.serve_forever()


if __name__ == "__main__":
    main()
