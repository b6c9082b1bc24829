"""The bridge as feature modules (templates/assets/bridge/): a page's script is the core plus the
modules of the features it uses, joined as the generator joins them. A feature module works with
only the core beside it; a settings key whose module the page did not load starts nothing and
says so in the console."""
from conftest import route_vendor_stubs, wait_for


def test_the_chatapp_module_works_with_only_the_core(h, reset_stubs):
    route_vendor_stubs(h.context)
    page = h.open("modules-chatapp.html")
    wait_for(lambda: h.events("chatapp-ready"), what="chatapp-ready")
    assert page.get_attribute("#es-frame-1", "src").startswith("https://dialogs.pro/?")
    assert len(reset_stubs("/__requests")) == 1
    # No frames UI, loader, timeline or Engage code in the page: the public API is still whole.
    assert page.evaluate("() => [typeof window.embedsmith.send, window.embedsmith.send('es-frame-1', {type: 'join'})]") \
        == ["function", False]
    assert page.evaluate("() => typeof window.CVLoaded") == "undefined"


def test_a_settings_key_without_its_module_starts_nothing_and_is_reported(h, reset_stubs):
    route_vendor_stubs(h.context)
    page = h.open("modules-core-only.html")
    wait_for(lambda: page.evaluate("() => typeof window.embedsmith === 'object'"), what="the bridge core")
    page.wait_for_timeout(300)
    warnings = [m["text"] for m in h.console if m["type"] == "warning" and "embedsmith" in m["text"]]
    assert warnings == ["embedsmith: settings key chatapp is ignored: this page's bridge has no module for it."]
    assert page.get_attribute("#es-frame-1", "src") is None
    assert reset_stubs("/__requests") == []
    assert h.console_errors() == [] and h.csp_violations() == [] and h.page_errors == []
