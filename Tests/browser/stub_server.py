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
- /__signal         releases one waiter of /__until-signal.js (the tiny agent calls it right
                    after posting `ready`)
- /__until-signal.js  an empty script served only once a signal is available (max 5 s): placed
                    after an iframe, it holds DOMContentLoaded back until the frame's `ready` has
                    been posted, deterministically
- /__last-request   JSON {accept, cookie?, count} of the last /api/apizee/me* request
- /__reset          resets the flaky endpoint, the request record and the signals
- /favicon.ico      empty 200 when the directory has none (no 404 noise in the console)

Usage: stub_server.py --port 8801 --dir DIR
"""
import argparse
import functools
import http.server
import json
import threading

# The stub credential. Tests assert it never reaches the DOM or the console.
TOKEN = "tok-SECRET-5f1e9c3a7b"
GOOD_INFO = {
    "enterpriseId": 12,
    "userId": 4242,
    "apiKey": "endpointApiKey",
    "nickname": "agent.jane",
    "token": TOKEN,
    "is_agent": True,
    "firstname": "Jane",
    "lastname": "Doe",
    "mail": "jane.doe@example.test",
    "photoUrl": "https://example.test/jane.png",
}

_state = {"flaky_calls": 0, "last": None, "count": 0, "signals": threading.Semaphore(0)}
_lock = threading.Lock()


class Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, fmt, *args):  # quiet
        pass

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
        path = self.path.split("?", 1)[0]
        if path.startswith("/api/apizee/me"):
            return self._agent_info(path)
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
                _state.update(flaky_calls=0, last=None, count=0, signals=threading.Semaphore(0))
            return self._send(200, "{}")
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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, default=8801)
    ap.add_argument("--bind", default="127.0.0.1")
    ap.add_argument("--dir", required=True)
    args = ap.parse_args()
    handler = functools.partial(Handler, directory=args.dir)
    http.server.ThreadingHTTPServer.allow_reuse_address = True
    with http.server.ThreadingHTTPServer((args.bind, args.port), handler) as srv:
        srv.serve_forever()


if __name__ == "__main__":
    main()
