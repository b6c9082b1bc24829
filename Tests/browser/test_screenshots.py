"""Screenshots (1000x700) of the fixture pages with the built-in UI in use, for a human to look at.
Written to EMBEDSMITH_SHOTS (default /tmp/embedsmith-shots/)."""
from conftest import SHOTS, wait_for


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
    h.emit(agent, {"type": "resize"})
    wait_for(lambda: "es-frame--expanded" in page.get_attribute("#es-frame-1", "class"), what="expanded")
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
