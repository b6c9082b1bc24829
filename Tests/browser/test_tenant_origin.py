"""A hostile tenant's files on the tenant's own origin run no script (issue 10).

A project is built with the debug binary (`.build/debug/embedsmith`, `swift build` first), then
files the build would refuse are planted in its output, as a host serving files the build never
vetted would have them: each layer (the pages' CSP, the `_headers` policy of `/assets/*`) is
proved on its own. The tenant folder is served at its base path with its `_headers` applied as
Netlify / Cloudflare Pages apply them (headers_server.py).
"""

import pytest

from conftest import Harness, build_and_serve_tenant, wait_for

PORT = 8805
ORIGIN = f"http://127.0.0.1:{PORT}"
BASE = "/help/"

TENANT = """name: Tenant
baseURL: https://t.example/help/
theme:
  logo: assets/logo.svg
apizee:
  sessionEvents:
    endpoint: /api/apizee/tickets/{ticketId}/events
"""
# A page that loads the bridge (the timeline layout) and, through raw HTML, a tenant script.
PAGE = """---
title: Home
layout: timeline
rawHTML: true
---
<script src="assets/evil.js"></script>
"""
LOGO = ('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40" viewBox="0 0 40 40">'
        '<style>rect { fill: #0b5fff; }</style><rect width="40" height="40"/></svg>\n')
# Each sets a global and asks for /__ran/<name>: either shows that it ran.
PLANTED = {
    "evil.js": 'window.__evil = "js"; new Image().src = "/__ran/js";\n',
    "evil.html": '<!doctype html><title>x</title><script>window.__evil = "html"; new Image().src = "/__ran/html";</script>\n',
    "evil.svg": ('<svg xmlns="http://www.w3.org/2000/svg"><script>window.__evil = "svg"; '
                 'new Image().src = "/__ran/svg";</script></svg>\n'),
}


@pytest.fixture(scope="module")
def tenant_site(tmp_path_factory, servers):
    def plant(folder):
        for name, text in PLANTED.items():
            (folder / "assets" / name).write_text(text)

    files = {"content/t/tenant.yaml": TENANT, "content/t/index.md": PAGE, "content/t/assets/logo.svg": LOGO}
    yield from build_and_serve_tenant(tmp_path_factory.mktemp("tenant-origin"), files, "t", PORT, BASE, plant)


@pytest.fixture
def t(browser, tenant_site):
    context = browser.new_context(viewport={"width": 1000, "height": 700})
    harness = Harness(context)
    harness.requests = []
    context.on("request", lambda request: harness.requests.append(request.url))
    try:
        yield harness
    finally:
        context.close()


def ran(t):
    return [url for url in t.requests if "/__ran/" in url]


def test_the_bridge_runs_and_a_tenant_script_on_the_same_origin_does_not(t):
    page = t.page
    response = page.goto(f"{ORIGIN}{BASE}index.html", wait_until="load")
    # The page's own policy only: the assets' sandbox rule does not reach a page path.
    assert "script-src 'sha384-" in response.headers["content-security-policy"]
    assert "sandbox" not in response.headers["content-security-policy"]
    wait_for(lambda: page.evaluate("() => typeof window.embedsmith === 'object'"), what="the bridge")
    page.wait_for_timeout(200)
    assert page.evaluate("() => window.__evil === undefined")
    assert ran(t) == []
    blocked = [v for v in t.csp_violations() if v["blocked"].endswith("/assets/evil.js")]
    # Blocked by the <meta> policy and by the _headers one alike.
    assert blocked and {v["directive"] for v in blocked} == {"script-src-elem"}
    # The logo still shows: the assets' header policy does not reach an <img> that embeds one.
    wait_for(lambda: page.evaluate("() => (document.querySelector('img[src$=\"logo.svg\"]') || {}).naturalWidth > 0"),
             what="the logo")


@pytest.mark.parametrize("name", ["evil.html", "evil.svg"])
def test_an_asset_opened_directly_runs_no_script(t, name):
    page = t.page
    response = page.goto(f"{ORIGIN}{BASE}assets/{name}", wait_until="load")
    assert response.status == 200
    page.wait_for_timeout(200)
    assert ran(t) == []
    assert "sandbox" in response.headers.get("content-security-policy", "")
    assert response.headers.get("x-content-type-options") == "nosniff"


def test_the_logo_opened_directly_still_renders(t):
    page = t.page
    response = page.goto(f"{ORIGIN}{BASE}assets/logo.svg", wait_until="load")
    assert response.status == 200
    # The sandboxed SVG document keeps its own <style>: the rect is painted with its fill.
    png = page.screenshot(clip={"x": 0, "y": 0, "width": 40, "height": 40})
    assert png and t.console_errors() == []
    assert page.evaluate("() => getComputedStyle(document.querySelector('rect')).fill") == "rgb(11, 95, 255)"
