import EmbedCore

/// serve's own pages, under `/__embedsmith/`: the root listing, the dev view that frames a
/// tenant page, its script and stylesheet. They carry no inline script or style: the policy
/// below admits only files of serve's own origin, so the overlay (built by the script with DOM
/// calls and `textContent`) works under it, and tenant pages are served byte-identical.
public enum DevPages {
    public static let prefix = "/__embedsmith/"
    public static let scriptPath = "/__embedsmith/reload.js"
    public static let stylePath = "/__embedsmith/dev.css"
    public static let eventsPath = "/__embedsmith/events"
    public static let viewPrefix = "/__embedsmith/view/"

    /// The policy of serve's own pages.
    public static let policy = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
        + "frame-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

    /// The features a framed tenant page may use (each still limited by the page's own
    /// `Permissions-Policy`): the ones the vendor embeds ask for.
    static let frameAllow = "camera; microphone; display-capture; autoplay; clipboard-write; fullscreen; encrypted-media"

    static func head(title: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTMLEscaping.escape(title))</title>
        <link rel="stylesheet" href="\(stylePath)"><script src="\(scriptPath)" defer></script></head>
        """
    }

    static let overlay = """
    <section id="es-overlay" class="es-overlay" hidden aria-live="assertive"><h2>Build failed: the last good site is still served</h2><ol id="es-diagnostics"></ol><p>Fix the file: this page reloads by itself.</p></section>
    """

    public static func root(listing: SiteListing, projectName: String) -> String {
        var html = head(title: "embedsmith serve: \(projectName)")
        html += "<body class=\"es-root\"><header class=\"es-bar\"><strong>embedsmith serve</strong> <span>\(HTMLEscaping.escape(projectName))</span> <span id=\"es-status\" class=\"es-status\"></span></header>\n<main>"
        if listing.tenants.isEmpty { html += "<p>No tenant built yet: add <code>content/&lt;tenant&gt;/tenant.yaml</code>.</p>" }
        for tenant in listing.tenants {
            let id = HTMLEscaping.escape(tenant.id)
            html += "<section class=\"es-tenant\"><h2>\(id)</h2><ul>"
            for page in tenant.pages {
                let path = "/\(tenant.id)\(page)"
                let shown = HTMLEscaping.escape(path)
                html += "<li><a href=\"\(HTMLEscaping.escape(viewPrefix.dropLast() + path))\">\(shown)</a> <a class=\"es-raw\" href=\"\(shown)\">page alone</a></li>"
            }
            html += "</ul></section>\n"
        }
        html += "</main>\(overlay)</body></html>\n"
        return html
    }

    /// The dev view of the page at `pagePath` (`/acme/agent`): a bar, the page in a frame,
    /// the overlay.
    public static func view(pagePath: String) -> String {
        let shown = HTMLEscaping.escape(pagePath)
        return head(title: "\(pagePath): embedsmith serve")
            + "<body class=\"es-view\"><header class=\"es-bar\"><a href=\"/\">all tenants</a> <strong>\(shown)</strong> "
            + "<a href=\"\(shown)\">page alone</a> <span id=\"es-status\" class=\"es-status\"></span></header>\n"
            + "<iframe id=\"es-frame\" class=\"es-frame\" src=\"\(shown)\" title=\"\(shown)\" allow=\"\(frameAllow)\"></iframe>\n"
            + overlay + "</body></html>\n"
    }

    /// Listens to the event stream: reloads the framed page (or the root page) when the
    /// generation changes, shows the diagnostics of a failed build, hides them once fixed.
    public static let script = #"""
    "use strict";
    (function () {
      var generation = null;
      var overlay = document.getElementById("es-overlay");
      var list = document.getElementById("es-diagnostics");
      var status = document.getElementById("es-status");
      var frame = document.getElementById("es-frame");

      function line(item) {
        var li = document.createElement("li");
        li.className = "es-diagnostic es-" + item.severity;
        var where = document.createElement("code");
        where.className = "es-where";
        where.textContent = item.file ? item.file + ":" + item.line + ":" + item.column : "(no file)";
        var text = document.createElement("span");
        text.className = "es-message";
        text.textContent = item.severity + ": " + item.message + " ";
        var code = document.createElement("code");
        code.className = "es-code";
        code.textContent = "[" + item.code + "]";
        li.append(where, " ", text, code);
        if (item.hint) {
          var hint = document.createElement("div");
          hint.className = "es-hint";
          hint.textContent = "hint: " + item.hint;
          li.append(hint);
        }
        return li;
      }

      function show(state) {
        list.replaceChildren.apply(list, state.diagnostics.map(line));
        overlay.hidden = !state.failed;
        document.documentElement.dataset.esFailed = state.failed ? "true" : "false";
        if (status) { status.textContent = state.failed ? "build failed" : "live"; }
      }

      function reload() {
        if (frame && frame.contentWindow) { frame.contentWindow.location.reload(); }
        else { window.location.reload(); }
      }

      var events = new EventSource("/__embedsmith/events");
      events.addEventListener("state", function (event) {
        var state = JSON.parse(event.data);
        show(state);
        var changed = generation !== null && state.generation !== generation;
        generation = state.generation;
        document.documentElement.dataset.esGeneration = generation;
        if (changed && !state.failed) { reload(); }
      });
      events.onerror = function () { if (status) { status.textContent = "reconnecting"; } };
    })();
    """#

    public static let style = """
    html, body { margin: 0; height: 100%; font: 14px/1.4 system-ui, sans-serif; }
    .es-bar { display: flex; gap: 1em; align-items: center; padding: 6px 12px; background: #1f2937; color: #f9fafb; }
    .es-bar a { color: #93c5fd; }
    .es-status { margin-left: auto; font-size: 12px; opacity: 0.8; }
    .es-view { display: flex; flex-direction: column; }
    .es-frame { flex: 1; width: 100%; border: 0; }
    .es-root main { padding: 12px 24px; }
    .es-tenant h2 { margin: 16px 0 4px; font-size: 16px; }
    .es-raw { font-size: 12px; color: #6b7280; }
    .es-overlay { position: fixed; inset: 40px 24px auto 24px; max-height: 80vh; overflow: auto; padding: 16px 20px;
      background: #fff1f2; color: #111827; border: 2px solid #be123c; border-radius: 6px; box-shadow: 0 8px 24px rgba(0,0,0,.3); }
    .es-overlay[hidden] { display: none; }
    .es-overlay h2 { margin: 0 0 8px; font-size: 16px; color: #be123c; }
    .es-diagnostic { margin: 6px 0; white-space: pre-wrap; word-break: break-word; }
    .es-where, .es-code { font-family: ui-monospace, monospace; }
    .es-hint { color: #374151; margin-left: 1em; }

    """
}
