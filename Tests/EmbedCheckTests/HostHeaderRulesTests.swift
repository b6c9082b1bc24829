import EmbedCheck
import EmbedCore
import Foundation
import Testing

/// The `_headers` model: parsing, and each host's documented matching.
@Suite struct HostHeaderRulesTests {
    typealias Host = HostHeaderRules.Host

    static func headers(_ text: String, _ path: String, on host: Host = .cloudflare, hostname: String? = nil) -> [String: String] {
        HostHeaderRules(file: HeadersFile(text: text), host: host).effectiveHeaders(ofURLPath: path, hostname: hostname).mapValues(\.value)
    }

    /// Cloudflare's own example (pages/configuration/headers, "Attach a header"): every matching
    /// rule applies, a header set twice is joined with a comma, absolute URLs need their host.
    @Test func cloudflareDocumentationExample() {
        let file = """
        # This is a comment
        /secure/page
          X-Frame-Options: DENY
          X-Content-Type-Options: nosniff
          Referrer-Policy: no-referrer

        /static/*
          Access-Control-Allow-Origin: *
          X-Robots-Tag: nosnippet

        https://myproject.pages.dev/*
          X-Robots-Tag: noindex
        """
        #expect(HeadersFile(text: file).problems.isEmpty)
        #expect(Self.headers(file, "/secure/page", hostname: "custom.domain") ==
                ["x-frame-options": "DENY", "x-content-type-options": "nosniff", "referrer-policy": "no-referrer"])
        #expect(Self.headers(file, "/static/image.jpg", hostname: "custom.domain") ==
                ["access-control-allow-origin": "*", "x-robots-tag": "nosnippet"])
        #expect(Self.headers(file, "/home", hostname: "myproject.pages.dev") == ["x-robots-tag": "noindex"])
        #expect(Self.headers(file, "/static/styles.css", hostname: "myproject.pages.dev") ==
                ["access-control-allow-origin": "*", "x-robots-tag": "nosnippet, noindex"])
        #expect(Self.headers(file, "/home", on: .netlify, hostname: "myproject.pages.dev") == [:], "Netlify rules are paths")
    }

    @Test func splatsAndPlaceholders() {
        let file = "/docs/*\n  A: 1\n/:page\n  B: 2\n/t/:tenant/x.html\n  C: 3\n/*.html\n  D: 4\n"
        #expect(Self.headers(file, "/docs/") == ["a": "1"])
        #expect(Self.headers(file, "/docs/a/b") == ["a": "1"])
        #expect(Self.headers(file, "/docs") == ["b": "2"])
        #expect(Self.headers(file, "/agent") == ["b": "2"])
        #expect(Self.headers(file, "/") == [:], "a placeholder matches at least one character")
        #expect(Self.headers(file, "/t/acme/x.html") == ["c": "3", "d": "4"])
        #expect(Self.headers(file, "/t/a/b/x.html") == ["d": "4"], "a placeholder stops at /")
        #expect(Self.headers(file, "/agent.html") == ["b": "2", "d": "4"])
    }

    @Test func detachIsCloudflareOnly() {
        let file = "/*\n  Content-Security-Policy: default-src 'self'\n/*.jpg\n  ! Content-Security-Policy\n"
        #expect(Self.headers(file, "/a.jpg", on: .cloudflare) == [:])
        #expect(Self.headers(file, "/a.jpg", on: .netlify) == ["content-security-policy": "default-src 'self'"])
        #expect(Self.headers(file, "/a.png", on: .cloudflare) == ["content-security-policy": "default-src 'self'"])
    }

    @Test func duplicatesJoinAndNamesAreCaseInsensitive() {
        let file = "/*\n  Content-Security-Policy: frame-ancestors 'none'\n/p\n  content-security-policy: script-src 'none'\n"
        let effective = HostHeaderRules(file: HeadersFile(text: file), host: .netlify).effectiveHeaders(ofURLPath: "/p")
        #expect(effective["content-security-policy"]?.value == "frame-ancestors 'none', script-src 'none'")
        #expect(effective["content-security-policy"]?.lines == [2, 4])
    }

    @Test func cloudflareReadsOnlyTheFirstHundredRules() {
        var file = ""
        for i in 1...101 { file += "/p\(i)\n  X-N: \(i)\n" }
        let parsed = HeadersFile(text: file)
        #expect(parsed.problems.map(\.code) == ["headers-limit"])
        #expect(parsed.problems.first?.line == 201)
        #expect(Self.headers(file, "/p101", on: .cloudflare) == [:])
        #expect(Self.headers(file, "/p101", on: .netlify) == ["x-n": "101"])
        #expect(Self.headers(file, "/p100", on: .cloudflare) == ["x-n": "100"])
    }

    @Test func syntaxProblemsAreLocated() {
        let long = String(repeating: "a", count: 2001)
        let parsed = HeadersFile(text: "  X-Early: 1\nagent.html\n  X: 1\n/p\n  no colon here\n  Bad Name: 1\n  Long: \(long)\n/empty\n")
        let got = parsed.problems.map { "\($0.line):\($0.column) \($0.severity.rawValue) \($0.code)" }
        #expect(got == ["1:3 error headers-syntax", "2:1 error headers-syntax", "5:3 error headers-syntax", "6:3 error headers-syntax",
                        "7:2001 error headers-limit", "8:1 warning headers-syntax"])
        // Messages quote the input; each report format escapes it where it renders (DisplayText).
        let hostile = HeadersFile(text: "\u{1B}[31m/x\n")
        let shown = hostile.problems.first.map { Diagnostic($0.severity, code: DiagnosticCode($0.code), message: $0.message).description } ?? ""
        #expect(shown.contains("\\u{1B}[31m/x") && !shown.contains("\u{1B}"), "control characters are shown escaped: \(shown)")
    }

    @Test func servedURLPaths() {
        #expect(HostHeaderRules.servedURLPaths(ofFile: "agent.html", on: .cloudflare) == ["/agent"])
        #expect(HostHeaderRules.servedURLPaths(ofFile: "agent.html", on: .netlify) == ["/agent", "/agent.html"])
        #expect(HostHeaderRules.servedURLPaths(ofFile: "index.html", on: .cloudflare) == ["/"])
        #expect(HostHeaderRules.servedURLPaths(ofFile: "index.html", on: .netlify) == ["/", "/index.html"])
        #expect(HostHeaderRules.servedURLPaths(ofFile: "docs/index.html", on: .cloudflare) == ["/docs/"])
        #expect(HostHeaderRules.servedURLPaths(ofFile: "assets/logo.svg", on: .cloudflare) == ["/assets/logo.svg"])
        #expect(HostHeaderRules.servedURLPaths(ofFile: "agent.html", basePath: "/video/", on: .netlify) == ["/video/agent", "/video/agent.html"])
        #expect(HostHeaderRules.basePath(pageURLPath: "/video/agent.html", relativePath: "agent.html") == "/video/")
        #expect(HostHeaderRules.basePath(pageURLPath: "/video/", relativePath: "index.html") == "/video/")
        #expect(HostHeaderRules.basePath(pageURLPath: "/video/agent", relativePath: "agent.html") == "/video/")
        #expect(HostHeaderRules.basePath(pageURLPath: "/", relativePath: "index.html") == "/")
        #expect(HostHeaderRules.basePath(pageURLPath: "/xagent.html", relativePath: "agent.html") == "/")
    }

    /// A policy's directives by name (EmbedCheck's parser).
    static func directives(_ policy: String) -> [String: [String]] {
        Dictionary(CSPPolicy(policy).directives.map { ($0.name, $0.sources) }, uniquingKeysWith: { first, _ in first })
    }

    /// The sample site: every page, at every URL its host serves it at, gets frame-ancestors
    /// and a policy its <meta> one fits under from the header, on both hosts (failed before the generator wrote
    /// extension-less rules: Cloudflare serves /agent.html at /agent, which no rule matched).
    @Test func sampleSitePagesGetTheirPolicyOnBothHosts() throws {
        let site = CheckPaths.packageRoot.appendingPathComponent("site")
        let tenants = try FileManager.default.contentsOfDirectory(atPath: site.path).filter { !$0.hasPrefix(".") }
        #expect(tenants.count >= 3)
        for tenant in tenants {
            let folder = site.appendingPathComponent(tenant)
            let file = HeadersFile(text: try String(contentsOf: folder.appendingPathComponent("_headers"), encoding: .utf8))
            #expect(file.problems.isEmpty, "\(tenant)/_headers: \(file.problems)")
            let pages = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".html") }
            for page in pages {
                let html = try String(contentsOf: folder.appendingPathComponent(page), encoding: .utf8)
                let marker = "http-equiv=\"Content-Security-Policy\" content=\""
                let start = try #require(html.range(of: marker)).upperBound
                let end = try #require(html[start...].firstIndex(of: "\""))
                let metaPolicy = String(html[start..<end]).replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
                let canonical = try #require(html.range(of: "<link rel=\"canonical\" href=\""))
                let href = html[canonical.upperBound...].prefix { $0 != "\"" }
                let base = HostHeaderRules.basePath(pageURLPath: try WebURL.parse(String(href)).pathname, relativePath: page)
                for host in Host.allCases {
                    let rules = HostHeaderRules(file: file, host: host)
                    for path in HostHeaderRules.servedURLPaths(ofFile: page, basePath: base, on: host) {
                        let headers = rules.effectiveHeaders(ofURLPath: path)
                        let csp = headers["content-security-policy"]?.value ?? ""
                        // The tenant-wide header policy: frame-ancestors, and a ceiling that takes
                        // nothing the page's own <meta> policy allows (PublishedHeadersTests in
                        // EmbedSiteTests proves the rest, and a 1,000-page tenant).
                        #expect(csp.contains("frame-ancestors "), "\(tenant)/\(page) at \(path) on \(host): \(csp)")
                        let meta = Self.directives(metaPolicy)
                        for (name, sources) in Self.directives(csp) where name != "frame-ancestors" {
                            let own = Set(meta[name] ?? meta["default-src"] ?? []).subtracting(["'none'"])
                            #expect(own.isSubset(of: Set(sources)), "\(tenant)/\(page) at \(path) on \(host): \(name)")
                        }
                        #expect(headers["x-content-type-options"]?.value == "nosniff")
                        #expect(headers["permissions-policy"] != nil)
                    }
                }
            }
        }
    }
}
