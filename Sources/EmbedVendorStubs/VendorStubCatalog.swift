/// Which URL path of the stub origin is which file of `vendor-stubs/`. An exact table plus two
/// patterns (the Engage script id, the ticket id): nothing else is ever looked up, so no request
/// path can name a file outside the table (no `..`, no encoding tricks, no listing).
public enum VendorStubCatalog {
    /// The path prefix `serve` forwards from its own origin to the stub router: the same-origin
    /// endpoints (agent-info, ChatApp token, session events) a page fetches from where it is
    /// served. The override (`VendorStubOrigin` in EmbedVendors) writes endpoints under it.
    public static let sameOriginPrefix = "/__embedsmith/vendor-stubs"

    /// Folders served as apps: `/<mount>/` is `<folder>/index.html`, `/<mount>/<name>` a file of it.
    /// `/agent/` (the Apizee Embed app's path) is the web-agent stub: both speak the same protocol.
    static let apps: [(mount: String, folder: String, files: [String])] = [
        ("web-agent", "web-agent", ["index.html", "agent.js", "agent.css"]),
        ("agent", "web-agent", ["index.html", "agent.js", "agent.css"]),
        ("console", "console", ["index.html"]),
        ("chatapp", "chatapp", ["index.html", "stub-chatapp.css", "stub-chatapp.js"]),
        ("loader", "loader", ["loaderAgent.js"]),
    ]

    static let singles: [String: String] = [
        "/": "index.html",
        "/index.css": "index.css",
        "/api/apizee/me": "api/agent-info.json",
        "/api/chatapp/token": "api/chatapp-token.json",
    ]

    static let engageScript = "engage/es-stub-engage.js"
    static let ticketEvents = "api/ticket-events.json"

    /// Every file the router may ask the lookup for (what an embedded copy must hold).
    public static var files: [String] {
        var all = Set(singles.values)
        for app in apps { for file in app.files { all.insert(app.folder + "/" + file) } }
        all.insert(engageScript)
        all.insert(ticketEvents)
        return all.sorted()
    }

    /// The file of `vendor-stubs/` a path names, or nil.
    static func file(for path: String) -> String? {
        if let single = singles[path] { return single }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        // "/cdn/js/<id>.js": the Engage tenant script at the vendor's path shape, for any id.
        if parts.count == 4, parts[1] == "cdn", parts[2] == "js", parts[3].hasSuffix(".js"),
           isIdentifier(String(parts[3].dropLast(3))) {
            return engageScript
        }
        // "/api/apizee/tickets/<id>/events": the same stub events for any ticket id.
        if parts.count == 6, parts[1] == "api", parts[2] == "apizee", parts[3] == "tickets", isIdentifier(parts[4]), parts[5] == "events" {
            return ticketEvents
        }
        guard parts.count == 3, parts[0].isEmpty, let app = apps.first(where: { $0.mount == parts[1] }) else { return nil }
        let name = parts[2].isEmpty ? "index.html" : parts[2]
        return app.files.contains(name) ? app.folder + "/" + name : nil
    }

    /// 1 to 64 ASCII letters, digits, `-` or `_`.
    static func isIdentifier(_ s: String) -> Bool {
        (1...64).contains(s.utf8.count) && s.utf8.allSatisfy {
            ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2D || $0 == 0x5F
        }
    }

    static func contentType(of file: String) -> String {
        switch file.split(separator: ".").last {
        case "html": return "text/html; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "json": return "application/json"
        default: return "application/octet-stream"
        }
    }
}
