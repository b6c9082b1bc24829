import EmbedCheck
@testable import EmbedServe
import Foundation
import Testing

/// The router over a small built-like folder: headers from the tenant's `_headers`, files and
/// their pretty URLs, refusals (links, traversal, Host, methods, bodies), no listing.
@Suite(.serialized) struct SiteRouterTests {
    let root: URL
    let router: SiteRouter

    static let headersFile = """
    /*
      X-Content-Type-Options: nosniff
      Content-Security-Policy: script-src 'self'; object-src 'none'; frame-ancestors https://crm.acme.example
      Permissions-Policy: camera=(self)

    /assets/*
      Content-Security-Policy: sandbox; default-src 'none'
    """

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("serve-router-\(UUID().uuidString)")
        let acme = root.appendingPathComponent("acme")
        try FileManager.default.createDirectory(at: acme.appendingPathComponent("assets"), withIntermediateDirectories: true)
        try Data(Self.headersFile.utf8).write(to: acme.appendingPathComponent("_headers"))
        try Data("<p>home</p>".utf8).write(to: acme.appendingPathComponent("index.html"))
        try Data("<p>agent</p>".utf8).write(to: acme.appendingPathComponent("agent.html"))
        try Data("body{}".utf8).write(to: acme.appendingPathComponent("assets/site.css"))
        let secret = root.deletingLastPathComponent().appendingPathComponent("serve-secret-\(UUID().uuidString)")
        try Data("secret".utf8).write(to: secret)
        try FileManager.default.createSymbolicLink(at: acme.appendingPathComponent("leak.html"), withDestinationURL: secret)
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("etc"), withDestinationURL: URL(fileURLWithPath: "/etc"))
        router = SiteRouter(servedFolder: root.path, hostCheck: HostHeaderCheck(port: 4000), projectName: "test")
    }

    func get(_ path: String, host: String? = "127.0.0.1:4000", method: String = "GET", headers: [String: String] = [:]) -> ServeResponse {
        var all = headers
        if let host { all["host"] = host }
        switch router.answer(ServeRequest(method: method, path: path, headers: all)) {
        case .response(let response): return response
        case .events: return ServeResponse(status: -1)
        }
    }

    @Test func pagesCarryTheirTenantsHeadersWithServeAllowedToFrameThem() {
        for path in ["/acme/agent", "/acme/agent.html"] {
            let response = get(path)
            #expect(response.status == 200)
            #expect(String(decoding: response.body, as: UTF8.self) == "<p>agent</p>", "served byte-identical")
            #expect(response.header("Permissions-Policy") == "camera=(self)")
            #expect(response.header("Content-Security-Policy") == "script-src 'self'; object-src 'none'; frame-ancestors 'self' https://crm.acme.example")
            #expect(response.header("Content-Type") == "text/html; charset=utf-8")
        }
        #expect(String(decoding: get("/acme/").body, as: UTF8.self) == "<p>home</p>")
        #expect(get("/acme").status == 301)
        #expect(get("/acme").header("Location") == "/acme/")
    }

    /// The browser's own favicon request gets "no icon", not a 404 (a console error in the dev view).
    @Test func faviconIsNoContentWhenTheSiteHasNone() {
        let response = get("/favicon.ico")
        #expect(response.status == 204 && response.body.isEmpty)
        #expect(get("/acme/favicon.ico").status == 404)
    }

    @Test func assetsGetTheAssetRule() {
        let response = get("/acme/assets/site.css")
        #expect(response.status == 200)
        #expect(response.header("Content-Security-Policy")?.hasPrefix("script-src 'self'; object-src 'none'; frame-ancestors 'self' https://crm.acme.example, sandbox; default-src 'none'") == true)
        #expect(response.header("Content-Type") == "text/css; charset=utf-8")
    }

    @Test func linksAndTraversalAreRefused() {
        #expect(get("/acme/leak.html").status == 403)
        #expect(get("/acme/leak").status == 403)
        #expect(get("/etc/passwd").status == 403)
        #expect(get("/acme/%2e%2e/%2e%2e/etc/passwd").status == 400)
        #expect(get("/acme/..%2f..%2fetc%2fpasswd").status == 400)
        #expect(get("/acme/_headers").status == 400)
    }

    @Test func noFolderListing() {
        #expect(get("/acme/assets/").status == 404)
        #expect(!String(decoding: get("/acme/assets/").body, as: UTF8.self).contains("site.css"))
    }

    @Test func foreignHostsAreRefusedEverywhere() {
        for path in ["/", "/acme/agent", "/__embedsmith/events", "/__embedsmith/reload.js"] {
            #expect(get(path, host: "rebind.evil.example:4000").status == 421, "\(path)")
            #expect(get(path, host: nil).status == 421, "\(path)")
        }
        switch router.answer(ServeRequest(method: "GET", path: "/__embedsmith/events", headers: ["host": "localhost:4000"])) {
        case .events: break
        case .response(let response): Issue.record("events refused: \(response.status)")
        }
    }

    @Test func methodsAndBodiesAreBounded() {
        #expect(get("/acme/agent", method: "POST").status == 405)
        #expect(get("/acme/agent", headers: ["content-length": "10"]).status == 413)
        #expect(get("/acme/agent", headers: ["transfer-encoding": "chunked"]).status == 413)
        var many: [String: String] = [:]
        for index in 0..<100 { many["x-\(index)"] = "1" }
        #expect(get("/acme/agent", headers: many).status == 431)
        #expect(get("/acme/agent", headers: ["x-big": String(repeating: "a", count: 20_000)]).status == 431)
    }

    @Test func rootListsTenantsAndPagesWithItsOwnStrictPolicy() {
        let response = get("/")
        let html = String(decoding: response.body, as: UTF8.self)
        #expect(html.contains("href=\"/__embedsmith/view/acme/agent\""))
        #expect(html.contains("href=\"/__embedsmith/view/acme/\""))
        #expect(!html.contains("site.css"), "assets are not pages")
        #expect(!html.contains("<script>") && !html.contains("style="), "no inline script or style")
        #expect(response.header("Content-Security-Policy") == DevPages.policy)
        #expect(!DevPages.policy.contains("unsafe"))
    }

    @Test func theDevViewEscapesThePathItFrames() {
        let html = String(decoding: get("/__embedsmith/view/acme/%22%3E%3Cscript%3Ex").body, as: UTF8.self)
        #expect(!html.contains("<script>x"))
        #expect(html.contains("src=\"/acme/%22%3E%3Cscript%3Ex\""))
    }
}

struct ServedHeadersTests {
    @Test func frameAncestorsAdmitsServeOnly() {
        #expect(ServedHeaders.allowingServeFrame("script-src 'self'; frame-ancestors 'none'") == "script-src 'self'; frame-ancestors 'self'")
        #expect(ServedHeaders.allowingServeFrame("frame-ancestors 'self' https://a.example") == "frame-ancestors 'self' https://a.example")
        #expect(ServedHeaders.allowingServeFrame("frame-ancestors https://a.example; object-src 'none'") == "frame-ancestors 'self' https://a.example; object-src 'none'")
        #expect(ServedHeaders.allowingServeFrame("script-src 'self'") == "script-src 'self'", "no frame-ancestors: every ancestor is already allowed")
    }
}

struct BuildStateTests {
    @Test func diagnosticsAreSentDisplayEscapedAsOneEvent() {
        let diagnostic = EmbedCoreDiagnostic.make()
        let event = String(decoding: BuildState(generation: "g-1", failed: true, diagnostics: [diagnostic]).eventBytes, as: UTF8.self)
        #expect(event.hasPrefix("event: state\ndata: {"))
        #expect(event.hasSuffix("}\n\n"))
        #expect(event.components(separatedBy: "\n").count == 4, "one data line whatever the message holds")
        #expect(event.contains("tenant.yaml"))
        #expect(event.contains("\"line\":3"))
    }
}
