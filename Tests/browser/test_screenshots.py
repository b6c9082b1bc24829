"""Screenshots (1000x700) of the fixture pages with the built-in UI in use, for a human to look at
(and one narrow timeline, 420 px wide).
Written to EMBEDSMITH_SHOTS (default /tmp/embedsmith-shots/)."""
from conftest import SHOTS, route_vendor_stubs, wait_for


def populate(h, page, agent, names=("Bob", "Alice", "Jane")):
    h.wait_handshake(agent)
    for i, name in enumerate(names):
        url = agent.evaluate("([l, t]) => window.__makeSnapshot(l, t)", [f"{name} #{i + 1}", "image/png" if i % 2 == 0 else "image/jpeg"])
        h.emit(agent, {"type": "snapshot", "contact": {"id": f"c{i}", "userData": {"name": name}}, "dataUrl": url})
    page.evaluate("() => window.embedsmith.send('es-frame-1', {type: 'join'})")
    h.emit(agent, {"type": "link_copied", "name": "Jane", "link": "https://guest.example/?i=1"})
    h.emit(agent, {"type": "error", "reason": "Camera not available"})
    wait_for(lambda: page.locator(".es-gallery img").count() == len(names) and page.locator(".es-toast").count() == 2,
             what="gallery and toasts")
    wait_for(lambda: page.evaluate("() => [...document.images].every((i) => i.complete)"), what="images decoded")


def test_screenshots(h):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = h.open("agent.html")
    agent = h.frame("es-frame-1")
    populate(h, page, agent)
    page.mouse.move(0, 0)
    page.screenshot(path=str(SHOTS / "agent-top.png"), animations="disabled")
    page.locator(".es-panel").scroll_into_view_if_needed()
    page.evaluate("() => window.scrollTo(0, document.querySelector('.es-panel').offsetTop - 24)")
    page.screenshot(path=str(SHOTS / "agent-panel.png"), animations="disabled")
    page.focus("#es-frame-1-es-guest-phone")
    page.keyboard.press("Tab")  # focus ring on "Send guest data"
    page.screenshot(path=str(SHOTS / "agent-panel-focus.png"), animations="disabled")
    page.screenshot(path=str(SHOTS / "agent-full.png"), full_page=True, animations="disabled")
    # The frame has its working height from the first paint (no "expanded" state any more).
    assert "es-frame--tall" in page.get_attribute("#es-frame-1", "class")
    page.evaluate("() => window.scrollTo(0, 0)")
    page.screenshot(path=str(SHOTS / "agent-expanded.png"), animations="disabled")

    page = h.open("fr.html")
    agent = h.frame("es-frame-1")
    populate(h, page, agent, names=("Jeanne",))
    page.evaluate("() => window.scrollTo(0, document.querySelector('.es-panel').offsetTop - 24)")
    page.screenshot(path=str(SHOTS / "fr-panel.png"), animations="disabled")

    page = h.open("loader.html")
    wait_for(lambda: h.events("loader-event"), what="loader event")
    page.screenshot(path=str(SHOTS / "loader-ok.png"), animations="disabled")
    page = h.open("loader-401.html")
    wait_for(lambda: h.events("loader-error"), what="loader error")
    page.screenshot(path=str(SHOTS / "loader-error.png"), animations="disabled")

    page = h.open("themed.html")  # the site theme (embedsmith.css) + bridge.css
    populate(h, page, h.frame("es-frame-1"), names=("Bob",))
    page.screenshot(path=str(SHOTS / "themed-top.png"), animations="disabled")
    page.evaluate("() => window.scrollTo(0, document.querySelector('.es-panel').offsetTop - 24)")
    page.screenshot(path=str(SHOTS / "themed-panel.png"), animations="disabled")
    expected = {"agent-top.png", "agent-panel.png", "agent-panel-focus.png", "agent-full.png", "agent-expanded.png",
                "fr-panel.png", "loader-ok.png", "loader-error.png", "themed-top.png", "themed-panel.png"}
    assert expected <= {p.name for p in SHOTS.glob("*.png")}
    assert h.csp_violations() == [] and h.page_errors == []  # (the 401 page logs a network error)


def test_integration_screenshots(h, reset_stubs):
    """ChatApp Dialog, Engage co-browsing and the session timeline, good and failing."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    route_vendor_stubs(h.context)
    shots = []

    def shot(name, page, **kw):
        page.mouse.move(0, 0)
        page.screenshot(path=str(SHOTS / name), animations="disabled", **kw)
        shots.append(name)

    page = h.open("chatapp.html")
    wait_for(lambda: h.events("chatapp-ready"), what="chatapp-ready")
    shot("chatapp.png", page)
    page = h.open("chatapp-held.html", wait_until="domcontentloaded")
    wait_for(lambda: reset_stubs("/__requests"), what="token request")
    shot("chatapp-loading.png", page)
    reset_stubs("/__signal")
    page = h.open("chatapp-401.html")
    wait_for(lambda: h.events("chatapp-error"), what="chatapp-error")
    page.focus("[role=alert] button")
    shot("chatapp-error.png", page)

    page = h.open("engage.html")
    wait_for(lambda: h.events("engage-visibility"), what="engage started")
    page.keyboard.press("Tab")  # focus ring on "Start co-browsing"
    shot("engage.png", page)
    page = h.open("engage-nocv.html")
    wait_for(lambda: h.events("engage-error"), what="engage-error")
    shot("engage-unavailable.png", page)
    page = h.open("engage-fr-nocv.html")
    wait_for(lambda: h.events("engage-error"), what="engage-error")
    shot("engage-fr-unavailable.png", page)

    page = h.open("timeline.html?ticketId=42")
    wait_for(lambda: h.events("timeline-loaded"), what="timeline")
    shot("timeline-top.png", page)
    page.evaluate("() => document.querySelector('[data-event-type=\"media.OCRDone\"]').scrollIntoView()")
    shot("timeline-details.png", page)
    shot("timeline-full.png", page, full_page=True)
    page = h.open("timeline-fr.html?ticketId=42")
    wait_for(lambda: h.events("timeline-loaded"), what="timeline")
    page.evaluate("() => document.querySelector('[data-event-type=\"survey.answered\"]').scrollIntoView()")
    shot("timeline-fr.png", page)
    page = h.open("timeline.html")
    wait_for(lambda: h.events("timeline-error"), what="no ticket")
    shot("timeline-no-ticket.png", page)
    page = h.open("timeline.html?ticketId=500")
    wait_for(lambda: h.events("timeline-error"), what="timeline error")
    shot("timeline-error.png", page)
    page.set_viewport_size({"width": 420, "height": 800})
    page = h.open("timeline.html?ticketId=42")
    wait_for(lambda: h.events("timeline-loaded"), what="timeline")
    shot("timeline-narrow.png", page)
    assert set(shots) <= {p.name for p in SHOTS.glob("*.png")}
    assert h.csp_violations() == [] and h.page_errors == []
