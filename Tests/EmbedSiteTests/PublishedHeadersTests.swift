@testable import EmbedCheck
import EmbedConfig
import EmbedSite
import EmbedVendors
import Foundation
import Testing

/// The `_headers` a tenant publishes, as Cloudflare Pages and Netlify apply them
/// (`HostHeaderRules`: their documented matching, joining, detaching, extension-less URLs and
/// Cloudflare's 100-rule cut): every URL each host serves a page at gets exactly the tenant's
/// headers, the header CSP takes nothing from the page's own `<meta>` policy (so the two
/// together enforce the page's policy) and adds frame-ancestors, the Permissions-Policy grants
/// every feature the page's frames are delegated and nothing to an origin no page may frame, and
/// the file stays within both hosts' limits. For the sample site and a 1,000-page tenant.
@Suite struct PublishedHeadersTests {
    @Test(arguments: ["acme", "dupont", "globex", "initech"])
    func sampleTenantsGetTheirHeadersOnEveryURL(tenant: String) throws {
        let folder = TestProject.packageRoot.appendingPathComponent("site/\(tenant)")
        // The origins the tenant's report-only trial leaves out (and their wss:// twins).
        let yaml = try Data(contentsOf: TestProject.packageRoot.appendingPathComponent("content/\(tenant)/tenant.yaml"))
        let trial = ComponentRegistry.loadTenant(data: yaml, file: "tenant.yaml", id: tenant).0?.reportOnly
        let checked = try PublishedTenant(folder: folder).verify(leftOut: trial?.leftOutSources ?? [])
        #expect(checked.pages >= 3)
    }

    @Test func aThousandPageTenantGetsItsHeadersOnEveryURLWithinTheLimits() throws {
        let root = TestProject.temporaryDirectory("thousand")
        defer { try? FileManager.default.removeItem(at: root) }
        let acme = TestProject.packageRoot.appendingPathComponent("content/acme")
        var files = ["content/big/tenant.yaml": try String(contentsOf: acme.appendingPathComponent("tenant.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "https://support.acme.example/", with: "https://big.example/help/")
            .replacingOccurrences(of: "security:\n", with: "security:\n  reportTo: https://reports.big.example/csp\n"
                                  + "  reportOnly:\n    without: [https://app.apizee.com]\n    trustedTypes: true\n"),
                     "content/big/assets/logo.svg": try String(contentsOf: acme.appendingPathComponent("assets/logo.svg"), encoding: .utf8)]
        let framed = ["agent", "embed", "loader", "console", "invite", "timeline"]
        let sources = try Dictionary(uniqueKeysWithValues: framed.map { ($0, try String(contentsOf: acme.appendingPathComponent("\($0).md"), encoding: .utf8)) })
        for n in 0..<1000 {
            // Pages of every kind, spread over the root, folders and folder index pages.
            let folder = n % 3 == 0 ? "" : "section\(n % 7)/"
            let name = n % 50 == 1 ? "\(folder)sub\(n)/index.md" : "\(folder)page\(n).md"
            files["content/big/\(name)"] = n % 4 == 0 ? sources[framed[(n / 4) % framed.count]]! : "---\ntitle: Page \(n)\n---\nText of page \(n).\n"
        }
        files["content/big/index.md"] = "---\ntitle: Home\n---\nHome.\n"
        try TestProject.write(files, into: root)
        let output = root.appendingPathComponent("site")
        let summary = BuildPipeline.run(BuildOptions(root: root, output: output, jobs: 2, clean: true))
        #expect(summary.succeeded, "\(summary.diagnostics)")
        let big = try PublishedTenant(folder: output.appendingPathComponent("big"))
        #expect(big.text.contains("\n  Reporting-Endpoints: csp-endpoint=\"https://reports.big.example/csp\"\n"))
        #expect(big.text.contains("\n  Content-Security-Policy-Report-Only: "))
        let checked = try big.verify(leftOut: ["https://app.apizee.com"])
        #expect(checked.pages == 1001)
        #expect(checked.urls == 1001 + 2 * 1001)   // Cloudflare: one URL a page; Netlify: two
    }
}

/// A built tenant folder: its `_headers` and pages, read back.
struct PublishedTenant {
    let folder: URL
    let headers: EmbedCheck.HeadersFile
    let text: String

    init(folder: URL) throws {
        self.folder = folder
        text = try String(contentsOf: folder.appendingPathComponent("_headers"), encoding: .utf8)
        headers = EmbedCheck.HeadersFile(text: text)
    }

    struct Counts { var pages = 0, urls = 0 }

    func verify(leftOut: Set<String> = []) throws -> Counts {
        #expect(headers.problems.isEmpty, "\(headers.problems)")
        // Cloudflare Pages: 100 rules, 2,000 characters a line. Netlify documents no limit.
        #expect(headers.rules.count <= EmbedCheck.HeadersFile.cloudflareRuleLimit)
        for line in text.split(separator: "\n") { #expect(line.count <= EmbedCheck.HeadersFile.cloudflareLineLimit) }

        let pages = htmlFiles()
        var counts = Counts()
        var framable: Set<String> = []   // the origins some page may frame (its frame-src)
        var base = "/"
        var perPage: [(path: String, meta: [String: [String]], frames: [(origin: String, features: [String])])] = []
        for path in pages {
            let html = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
            let meta = try #require(Self.attribute(in: html, tag: #"<meta http-equiv="Content-Security-Policy""#, name: "content"))
            if let canonical = Self.attribute(in: html, tag: #"<link rel="canonical""#, name: "href"), let url = URL(string: canonical) {
                base = HostHeaderRules.basePath(pageURLPath: url.path.isEmpty ? "/" : url.path + (canonical.hasSuffix("/") && url.path != "/" ? "/" : ""), relativePath: path)
            }
            let frames = Self.frames(in: html)
            framable.formUnion(Self.directives(meta)["frame-src"] ?? [])
            perPage.append((path, Self.directives(meta), frames))
        }
        let rules = HostHeaderRules.Host.allCases.map { HostHeaderRules(file: headers, host: $0) }
        for page in perPage {
            counts.pages += 1
            for host in rules {
                for url in HostHeaderRules.servedURLPaths(ofFile: page.path, basePath: base, on: host.host) {
                    counts.urls += 1
                    let got = host.effectiveHeaders(ofURLPath: url)
                    let label = "\(page.path) on \(host.host.displayName) at \(url)"
                    var reporting: Set<String> = text.contains("\n  Reporting-Endpoints: ") ? ["reporting-endpoints"] : []
                    if text.contains("\n  Content-Security-Policy-Report-Only: ") { reporting.insert("content-security-policy-report-only") }
                    #expect(Set(got.keys) == Set(["x-content-type-options", "referrer-policy", "content-security-policy", "permissions-policy"]).union(reporting), "\(label)")
                    #expect(got["x-content-type-options"]?.value == "nosniff", "\(label)")
                    #expect(got["referrer-policy"]?.value == "strict-origin-when-cross-origin", "\(label)")
                    // One policy, no other rule's joined in, that takes nothing from the page's own.
                    let csp = try #require(got["content-security-policy"], "\(label)")
                    #expect(csp.values.count == 1 && !csp.value.contains(","), "\(label): \(csp.value)")
                    let header = Self.directives(csp.value)
                    #expect(header["frame-ancestors"].map { !$0.isEmpty && !$0.contains("*") } == true, "\(label)")
                    #expect((header["report-to"] != nil) == !reporting.isEmpty, "\(label)")
                    for (name, sources) in header where name != "frame-ancestors" && name != "report-to" {
                        let own = page.meta[name] ?? (name.hasSuffix("-src") ? page.meta["default-src"] ?? [] : [])
                        let needed = Set(own).subtracting(["'none'"])
                        #expect(needed.isSubset(of: Set(sources)), "\(label): the header's \(name) \(sources) blocks \(needed)")
                    }
                    #expect(header["default-src"] == nil || header == page.meta.merging(["frame-ancestors": header["frame-ancestors"]!]) { $1 }, "\(label)")
                    if let trial = got["content-security-policy-report-only"] {
                        // One trial that reports what the page needs from the left-out origin, and nothing else it needs.
                        #expect(trial.values.count == 1 && trial.value.hasSuffix("; report-to csp-endpoint"), "\(label): \(trial.value)")
                        let tried = Self.directives(trial.value)
                        #expect(tried["require-trusted-types-for"] == ["'script'"], "\(label)")
                        for (name, own) in page.meta {
                            let needed = Set(own).subtracting(["'none'"]).subtracting(leftOut)
                            #expect(needed.isSubset(of: Set(tried[name] ?? [])), "\(label): the trial's \(name) reports \(needed)")
                            #expect(Set(tried[name] ?? []).isDisjoint(with: leftOut), "\(label)")
                        }
                    }
                    // Every delegated feature granted to the frame's origin; nothing granted to an origin no frame has.
                    let policy = PermissionsPolicyHeader(try #require(got["permissions-policy"]).value)
                    for frame in page.frames {
                        for feature in frame.features { #expect(policy.permits(feature, toOrigin: frame.origin), "\(label): \(feature) for \(frame.origin)") }
                    }
                    for (feature, list) in policy.allowlists {
                        #expect(Set(list).subtracting(["self"]).isSubset(of: framable), "\(label): \(feature)=\(list)")
                        #expect(!list.contains("*"), "\(label): \(feature)")
                    }
                    for feature in ["payment", "usb", "midi"] {   // no vendor frame is delegated these
                        #expect(policy.allowlists[feature] == [], "\(label): \(feature) is not off")
                    }
                }
            }
        }
        // The tenant's own files: sandboxed, on both hosts.
        for host in rules {
            let got = host.effectiveHeaders(ofURLPath: base + "assets/logo.svg")
            #expect(got["content-security-policy"]?.values.contains("sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'") == true)
            #expect(got["x-content-type-options"]?.value == "nosniff")
        }
        return counts
    }

    /// Page files (`agent.html`, `docs/index.html`), not the tenant's assets.
    func htmlFiles() -> [String] {
        TestProject.snapshot(folder).keys.filter { $0.hasSuffix(".html") && !$0.hasPrefix("assets/") }.sorted()
    }

    static func attribute(in html: String, tag: String, name: String) -> String? {
        guard let start = html.range(of: tag) else { return nil }
        let rest = html[start.upperBound...]
        guard let end = rest.firstIndex(of: ">"), let value = rest[..<end].range(of: " \(name)=\"") else { return nil }
        let after = rest[value.upperBound..<end]
        return after.firstIndex(of: "\"").map { unescape(String(after[..<$0])) }
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Each cross-origin iframe's origin and the features its `allow` delegates.
    static func frames(in html: String) -> [(origin: String, features: [String])] {
        var result: [(String, [String])] = []
        var rest = html[...]
        while let open = rest.range(of: "<iframe") {
            let tag = rest[open.upperBound...]
            guard let end = tag.firstIndex(of: ">") else { break }
            let text = "<iframe" + tag[..<end] + ">"
            if let src = attribute(in: text, tag: "<iframe", name: "src"), let url = URL(string: src), let scheme = url.scheme, let host = url.host {
                let origin = "\(scheme)://\(host)" + (url.port.map { ":\($0)" } ?? "")
                let allow = attribute(in: text, tag: "<iframe", name: "allow") ?? ""
                result.append((origin, allow.split(separator: ";").compactMap { $0.split(separator: " ").first.map(String.init) }))
            }
            rest = tag[end...]
        }
        return result
    }

    /// A policy's directives by name (EmbedCheck's parser).
    static func directives(_ policy: String) -> [String: [String]] {
        Dictionary(CSPPolicy(policy).directives.map { ($0.name, $0.sources) }, uniquingKeysWith: { first, _ in first })
    }
}
