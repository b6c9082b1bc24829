#!/usr/bin/env python3
"""Serves one generated tenant folder the way Netlify / Cloudflare Pages would: its `_headers`
rules applied to every response, the folder published at the tenant's base path.

Rule semantics, as both hosts document them (and Netlify's @netlify/headers-parser implements):
- a line starting with `/` opens a rule; indented `Name: value` lines are its headers; `#` comments;
- the path pattern is matched segment by segment: `:name` matches one segment, a segment `*`
  matches the rest (Netlify makes the `/` before it optional: `/a/*` matches `/a` and `/a.html`),
  `*` inside a segment matches anything; matching is case-insensitive, a trailing `/` optional;
- every matching rule applies; a header set by several matching rules is joined with ", "
  (Cloudflare documents it; it is also the stricter reading for a CSP: two policies, both enforced).
The `_headers` file itself is not served.

Usage: headers_server.py --port 8805 --dir SITE/TENANT --prefix /help/
"""
import argparse
import functools
import http.server
import re


def rule_regexp(pattern):
    """Netlify's getForRegExp (packages/headers-parser/src/for_regexp.ts)."""
    parts = []
    for part in (p.rstrip() for p in pattern.split("/")):
        if not part:
            continue
        if part.startswith(":"):
            parts.append("([^/]+)")
        elif part == "*":
            parts.append("?(.*)")
        elif "*" in part:
            parts.append("(.*)".join(re.escape(s) for s in part.split("*")))
        else:
            parts.append(re.escape(part))
    return re.compile("^/" + "/".join(parts) + "/?$", re.IGNORECASE)


def parse_headers(text):
    """[(pattern, regexp, [(name, value)])] in file order."""
    rules = []
    for raw in text.split("\n"):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("/"):
            rules.append((line, rule_regexp(line), []))
        elif ":" in line and rules:
            name, value = line.split(":", 1)
            rules[-1][2].append((name.strip(), value.strip()))
    return rules


def headers_for(rules, path):
    """Header name (lowercase) -> (name, value) for a request path, every matching rule joined."""
    merged = {}
    for _, regexp, headers in rules:
        if regexp.match(path):
            for name, value in headers:
                key = name.lower()
                merged[key] = (name, merged[key][1] + ", " + value) if key in merged else (name, value)
    return merged


class Handler(http.server.SimpleHTTPRequestHandler):
    rules = []
    prefix = "/"

    def log_message(self, fmt, *args):  # quiet
        pass

    def translate_path(self, path):
        bare = path.split("?", 1)[0].split("#", 1)[0]
        if not bare.startswith(self.prefix) and bare + "/" != self.prefix:
            return "/nonexistent-outside-the-base-path"
        return super().translate_path("/" + bare[len(self.prefix):])

    def send_head(self):
        if self.path.split("?", 1)[0].rstrip("/").endswith("/_headers"):
            self.send_error(404)
            return None
        return super().send_head()

    def end_headers(self):
        for name, value in headers_for(self.rules, self.path.split("?", 1)[0]).values():
            self.send_header(name, value)
        self.send_header("Cache-Control", "no-store")
        super().end_headers()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--dir", required=True)
    parser.add_argument("--prefix", default="/")
    args = parser.parse_args()
    with open(f"{args.dir}/_headers", encoding="utf-8") as f:
        Handler.rules = parse_headers(f.read())
    Handler.prefix = args.prefix
    handler = functools.partial(Handler, directory=args.dir)
    http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler).serve_forever()


if __name__ == "__main__":
    main()
