"""`security.reportOnly` (issue 11): the tenant's `_headers` carries a report-only trial that
Chromium checks apart from the enforced policies. A load the trial leaves out is reported (with
the disposition "report") and still happens; the enforced policies report nothing.

A webchat page loads the Engage script from https://cdn.chatvisor.com: the trial leaves that
origin out, and adds Trusted Types (the bridge writes no string into a DOM sink, so that part
of the trial reports nothing). Playwright answers the vendor's URL itself (no network), after the browser's CSP
checks have run. The folder is served with its `_headers` applied (headers_server.py).
"""
import pytest

from conftest import Harness, build_and_serve_tenant, wait_for

PORT = 8811
ORIGIN = f"http://127.0.0.1:{PORT}"
VENDOR = "https://cdn.chatvisor.com"

TENANT = """name: Trial
baseURL: https://trial.example/
engage:
  scriptId: 5c593c728b02502bc3f8ffe1
security:
  reportTo: https://reports.trial.example/csp
  reportOnly:
    without: [https://cdn.chatvisor.com]
    trustedTypes: true
"""
PAGE = """---
title: Chat
layout: webchat
---
Chat with us.
"""


@pytest.fixture(scope="module")
def trial_site(tmp_path_factory, servers):
    files = {"content/trial/tenant.yaml": TENANT, "content/trial/index.md": PAGE}
    yield from build_and_serve_tenant(tmp_path_factory.mktemp("report-only"), files, "trial", PORT, "/")


@pytest.fixture
def t(browser, trial_site):
    context = browser.new_context(viewport={"width": 1000, "height": 700})
    harness = Harness(context)
    harness.vendor_requests = []

    def answer(route):
        harness.vendor_requests.append(route.request.url)
        route.fulfill(status=200, content_type="text/javascript", body="window.__vendorScriptRan = true;\n")

    context.route(f"{VENDOR}/**", answer)
    try:
        yield harness
    finally:
        context.close()


def test_the_trial_reports_the_left_out_origin_and_blocks_nothing(t):
    page = t.page
    response = page.goto(f"{ORIGIN}/index.html", wait_until="load")
    trial = response.headers.get("content-security-policy-report-only", "")
    assert trial.endswith("report-to csp-endpoint") and "require-trusted-types-for 'script'" in trial, trial
    assert VENDOR not in trial and VENDOR in response.headers["content-security-policy"]
    # The script the trial leaves out still loads and runs: report-only blocks nothing.
    wait_for(lambda: page.evaluate("() => window.__vendorScriptRan === true"), what="the vendor script")
    assert t.vendor_requests and t.vendor_requests[0].startswith(f"{VENDOR}/cdn/js/5c593c728b02502bc3f8ffe1.js")
    wait_for(lambda: t.csp_violations(), what="a report-only violation")
    violations = t.csp_violations()
    assert [(v["disposition"], v["directive"]) for v in violations] == [("report", "script-src-elem")], violations
    assert violations[0]["blocked"].startswith(f"{VENDOR}/")
