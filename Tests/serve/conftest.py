"""`embedsmith serve` in Chromium (pytest + Playwright, Debian's Chromium; never `playwright install`).

One project per module, made by `embedsmith init` (so the scaffold is what is served), one
`embedsmith serve --port 0` on it, stopped by its PID. Waits are polls with generous limits:
they only guard against hangs on a loaded machine.
"""
import os
import pathlib
import re
import shutil
import signal
import subprocess
import tempfile
import threading
import time

import pytest
from playwright.sync_api import sync_playwright

REPO = pathlib.Path(__file__).resolve().parent.parent.parent
EMBEDSMITH = pathlib.Path(os.environ.get("EMBEDSMITH_BIN", REPO / ".build" / "debug" / "embedsmith"))
CHROMIUM = os.environ.get("EMBEDSMITH_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]

# Every frame records CSP violations; the dev view's own and the framed page's.
INIT_SCRIPT = """
(() => {
  window.__csp = [];
  document.addEventListener("securitypolicyviolation", (e) => {
    window.__csp.push({directive: e.effectiveDirective, blocked: e.blockedURI, page: location.href});
  });
})();
"""


class Served:
    def __init__(self, root, process, url):
        self.root, self.process, self.url = root, process, url
        self.lines = []

    def wait_for_line(self, pattern, after=0, timeout=120):
        deadline = time.time() + timeout
        while time.time() < deadline:
            for line in self.lines[after:]:
                if re.search(pattern, line):
                    return line
            time.sleep(0.05)
        raise AssertionError(f"serve never printed {pattern!r}; it printed: {self.lines[-20:]}")


def start_serve(root, *extra):
    process = subprocess.Popen([str(EMBEDSMITH), "serve", "--root", str(root), "--port", "0", *extra],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines = []

    def pump():
        for line in process.stdout:
            lines.append(line.rstrip("\n"))

    threading.Thread(target=pump, daemon=True).start()
    deadline = time.time() + 300
    while time.time() < deadline:
        for line in lines:
            match = re.search(r"at (http://\S+/) ", line)
            if match:
                served = Served(root, process, match.group(1))
                served.lines = lines
                return served
        if process.poll() is not None:
            raise AssertionError(f"serve exited {process.returncode}: {lines}")
        time.sleep(0.05)
    process.kill()
    raise AssertionError(f"serve printed no URL: {lines}")


def stop(process):
    if process.poll() is None:
        os.kill(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.kill(process.pid, signal.SIGKILL)
            process.wait()


@pytest.fixture(scope="module")
def project():
    folder = pathlib.Path(tempfile.mkdtemp(prefix="embedsmith-serve-"))
    root = folder / "my-site"
    made = subprocess.run([str(EMBEDSMITH), "init", str(root)], capture_output=True, text=True, timeout=120)
    assert made.returncode == 0, made.stderr
    yield root
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def serve(project):
    served = start_serve(project)
    yield served
    stop(served.process)


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1000, "height": 700})
    context.add_init_script(INIT_SCRIPT)
    p = context.new_page()
    p.console_messages = []
    p.on("console", lambda m: p.console_messages.append(m.text))
    yield p
    context.close()


def poll(fn, timeout=120, interval=0.1, message="condition"):
    """fn() until truthy (its value) or fail after `timeout` s (hang guard, not a speed limit)."""
    deadline = time.time() + timeout
    last = None
    while time.time() < deadline:
        try:
            last = fn()
            if last:
                return last
        except Exception as error:  # a frame navigating away answers with an error: try again
            last = error
        time.sleep(interval)
    raise AssertionError(f"{message} not met in {timeout} s (last: {last!r})")
