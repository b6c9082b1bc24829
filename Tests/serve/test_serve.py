"""`embedsmith serve` of an `embedsmith init` project in Chromium: the dev view, live reload,
the error overlay and its removal, production headers, no CSP violation, refusals."""
import http.client
import os
import re
import urllib.parse
import urllib.request

from conftest import poll

VIEW = "__embedsmith/view/example/"


def frame_of(page):
    return poll(lambda: next((f for f in page.frames if urllib.parse.urlsplit(f.url).path == "/example/"), None), message="tenant frame")


def csp_violations(page):
    found = []
    for frame in page.frames:
        try:
            found += frame.evaluate("window.__csp || []")
        except Exception:
            pass
    return found + [m for m in page.console_messages if "Content Security Policy" in m]


def raw_get(url, path, host=None):
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    connection.putrequest("GET", path, skip_host=True)
    connection.putheader("Host", host or parts.netloc)
    connection.endheaders()
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, dict(response.getheaders()), body


def test_root_lists_the_tenant_and_its_pages(serve, page):
    page.goto(serve.url)
    links = page.eval_on_selector_all("a", "as => as.map(a => a.getAttribute('href'))")
    assert "/__embedsmith/view/example/" in links
    assert "/__embedsmith/view/example/invite" in links
    assert csp_violations(page) == []


def test_dev_view_frames_the_page_byte_identical_without_csp_violation(serve, page, project):
    page.goto(serve.url + VIEW)
    frame = frame_of(page)
    poll(lambda: "Video assistance" in frame.inner_text("body"), message="page text")
    status, headers, body = raw_get(serve.url, "/example/")
    built = (project / ".embedsmith" / "serve" / "site" / "example" / "index.html").read_bytes()
    assert status == 200 and body == built
    page.wait_for_timeout(500)
    assert csp_violations(page) == []
    # No inline script or style anywhere in serve's own page.
    assert page.evaluate("[...document.scripts].every(s => s.src) && !document.querySelector('style,[style]')")


def test_headers_are_the_tenants_headers_file(serve, project):
    headers_file = (project / ".embedsmith" / "serve" / "site" / "example" / "_headers").read_text()
    csp = re.search(r"^  Content-Security-Policy: (.*)$", headers_file, re.M).group(1)
    permissions = re.search(r"^  Permissions-Policy: (.*)$", headers_file, re.M).group(1)
    for path in ["/example/", "/example/invite", "/example/invite.html"]:
        status, headers, _ = raw_get(serve.url, path)
        assert status == 200
        assert headers["Permissions-Policy"] == permissions
        assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
        served_csp = headers["Content-Security-Policy"]
        # Only change: serve's own origin may frame the page (the dev view): 'none' becomes 'self'.
        expected = csp.replace("frame-ancestors 'none'", "frame-ancestors 'self'")
        if "frame-ancestors 'self'" not in expected:
            expected = expected.replace("frame-ancestors ", "frame-ancestors 'self' ")
        assert served_csp == expected


def test_live_reload_after_an_edit(serve, page, project):
    page.goto(serve.url + VIEW)
    frame = frame_of(page)
    poll(lambda: "Video assistance" in frame.inner_text("body"), message="page text")
    index = project / "content" / "example" / "index.md"
    original = index.read_text()
    try:
        index.write_text(original + "\nLive reload marker 4711.\n")
        poll(lambda: "marker 4711" in frame_of(page).inner_text("body"), message="reloaded page shows the edit")
    finally:
        index.write_text(original)
    poll(lambda: "marker 4711" not in frame_of(page).inner_text("body"), message="reverted")
    assert csp_violations(page) == []


def test_broken_tenant_yaml_shows_the_overlay_then_fixing_removes_it(serve, page, project):
    page.goto(serve.url + VIEW)
    frame_of(page)
    overlay = page.locator("#es-overlay")
    assert overlay.is_hidden()
    tenant = project / "content" / "example" / "tenant.yaml"
    original = tenant.read_text()
    generation = poll(lambda: page.evaluate("document.documentElement.dataset.esGeneration"), message="connected")
    before = len(serve.lines)
    try:
        # An unknown key whose name is markup: it must show as text, never as an element.
        tenant.write_text(original + '\n"<img src=x id=injected>": 1\n')
        poll(lambda: overlay.is_visible(), message="overlay shown")
        text = overlay.inner_text()
        assert re.search(r"content/example/tenant\.yaml:\d+:\d+", text), text
        assert re.search(r"\[[a-z-]+\]", text), text
        assert "hint:" in text
        assert "<img src=x id=injected>" in text
        assert page.locator("#injected").count() == 0
        # The last good site is still served.
        status, _, body = raw_get(serve.url, "/example/")
        assert status == 200 and b"Video assistance" in body
        serve.wait_for_line("build failed", after=before)
    finally:
        tenant.write_text(original)
    poll(lambda: overlay.is_hidden(), message="overlay removed")
    poll(lambda: page.evaluate("document.documentElement.dataset.esGeneration") != generation, message="reloaded")
    assert csp_violations(page) == []


def test_traversal_links_and_rebinding_are_refused(serve, project):
    for path in ["/example/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/example/..%2f..%2fetc%2fpasswd",
                 "/../../etc/passwd", "/example/_headers", "/.site.build-cache"]:
        status, _, body = raw_get(serve.url, path)
        assert status in (400, 404), (path, status)
        assert b"root:" not in body
    leak = project / ".embedsmith" / "serve" / "site" / "example" / "leak.html"
    os.symlink("/etc/passwd", leak)
    try:
        status, _, body = raw_get(serve.url, "/example/leak")
        assert status == 403 and b"root:" not in body
    finally:
        leak.unlink()
    # DNS rebinding: a page of evil.example resolving to 127.0.0.1 sends its own Host.
    parts = urllib.parse.urlsplit(serve.url)
    for host in ["evil.example", f"evil.example:{parts.port}", f"127.0.0.1.evil.example:{parts.port}"]:
        for path in ["/", "/example/", "/__embedsmith/events"]:
            status, _, _ = raw_get(serve.url, path, host=host)
            assert status == 421, (host, path, status)
    # No listing of a folder.
    status, _, body = raw_get(serve.url, "/example/assets/")
    assert status == 404


def test_request_bodies_are_refused(serve):
    parts = urllib.parse.urlsplit(serve.url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    connection.request("POST", "/example/", body=b"x" * 100_000)
    response = connection.getresponse()
    assert response.status in (405, 413)
    connection.close()


def test_oversized_request_lines_and_headers_are_refused_at_once(serve):
    """SwiftNIO's parser limits (16 KiB of header fields): refused before being held, and the
    server goes on answering. (FlyingFox 0.27.1, tried first, read such lines without a bound
    and spent minutes of CPU on a 64 KiB one.)"""
    parts = urllib.parse.urlsplit(serve.url)
    for request in [b"GET /" + b"a" * (1 << 20) + b" HTTP/1.1\r\nHost: " + parts.netloc.encode() + b"\r\n\r\n",
                    b"GET / HTTP/1.1\r\nHost: " + parts.netloc.encode() + b"\r\nX-Big: " + b"a" * (1 << 20) + b"\r\n\r\n"]:
        import socket
        s = socket.create_connection((parts.hostname, parts.port), timeout=30)
        try:
            s.sendall(request)
        except OSError:
            pass  # the server may close while we still send: that is a refusal too
        try:
            head = s.recv(64)
        except TimeoutError:
            raise AssertionError("no answer in 30 s: the server is still reading (or parsing) the oversized request")
        except OSError:
            head = b""  # reset by the server: refused
        s.close()
        assert head == b"" or re.match(rb"HTTP/1\.1 4(00|14|31) ", head), head
    status, _, _ = raw_get(serve.url, "/example/")
    assert status == 200
