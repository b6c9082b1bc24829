import EmbedCheck
import EmbedConfig
import EmbedCore
@testable import EmbedSite
import Foundation
import Testing
import Yams

/// Every payload of the shared XSS corpus (Tests/Fixtures/shared-data/xss-payloads) in every
/// user-controlled string field of tenant.yaml, of a page's front matter and of the `embed`
/// blocks. Each build must either be refused with a located diagnostic (exit 65, previous site
/// untouched) or produce pages that a real HTML5 parser (libgumbo) reads back with exactly the
/// baseline's elements and attributes, no script, event handler or dangerous URL scheme, and
/// the payload, as plain text, exactly where the field goes.
@Suite struct XSSCorpusTests {
    @Test(arguments: XSSFields.all)
    func everyPayloadIsRefusedOrRenderedInert(field: XSSField) throws {
        let dir = XSSProject.scratchDirectory("xss-\(field.slug)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let project = dir.appendingPathComponent("project"), site = dir.appendingPathComponent("site")

        // Baseline: the same project with a benign value.
        let writer = XSSProject.Writer(field: field, root: project)
        try writer.write(field.benign)
        let first = BuildPipeline.run(BuildOptions(root: project, output: site, tenants: [], jobs: 1, dev: false), displayRoot: "")
        try #require(first.succeeded, "baseline build failed: \(first.diagnostics)")
        let baselineFiles = XSSProject.tenantFiles(XSSProject.snapshot(site))
        let baseline = try #require(SiteShape(baselineFiles), "baseline output could not be read")
        let baselineProblems = XSSOracle.inspect(baselineFiles, baseline: baseline, field: field, value: field.benign)
        try #require(baselineProblems.isEmpty, "the oracle rejects the benign baseline: \(baselineProblems)")

        let started = ContinuousClock.now
        var previous = XSSProject.snapshot(site)
        var rejected = 0, rendered = 0
        var codes: [String: Int] = [:]
        var failures: [String] = []
        for payload in XSSCorpus.payloads {
            try writer.write(payload.payload)
            let summary = BuildPipeline.run(BuildOptions(root: project, output: site, tenants: [], jobs: 1, dev: false), displayRoot: "")
            let now = XSSProject.snapshot(site)
            var problems: [String] = []
            if summary.succeeded {
                rendered += 1
                if summary.exitStatus != .success { problems.append("succeeded with exit status \(summary.exitStatus)") }
                problems += XSSOracle.inspect(XSSProject.tenantFiles(now), baseline: baseline, field: field,
                                              value: XSSProject.asLoaded(payload.payload))
                previous = now
            } else {
                rejected += 1
                let errors = summary.diagnostics.filter { $0.severity == .error }
                for code in Set(errors.map(\.code)) { codes[code, default: 0] += 1 }
                problems += XSSOracle.checkRejection(summary, field: field)
                if now != previous { problems.append("a refused build changed the output folder") }
                let leftovers = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.contains("staging") }
                if !leftovers.isEmpty { problems.append("a refused build left \(leftovers) behind") }
            }
            if !problems.isEmpty {
                failures.append("field \(field.key), payload #\(payload.id) [\(payload.context)] \(String(reflecting: payload.payload)):\n    "
                                + problems.joined(separator: "\n    "))
            }
        }
        let topCodes = codes.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(4).map { "\($0.key) \($0.value)" }
        print("field \(field.key): \(rejected) rejected, \(rendered) rendered safely"
              + (topCodes.isEmpty ? "" : " (refusals: \(topCodes.joined(separator: ", ")))")
              + (failures.isEmpty ? "" : "; \(failures.count) FAILED")
              + " [\(ContinuousClock.now - started)]")
        #expect(rejected + rendered == XSSCorpus.payloads.count)
        for failure in failures.prefix(30) { Issue.record(Comment(rawValue: failure)) }
        if failures.count > 30 { Issue.record("field \(field.key): \(failures.count - 30) more failing payloads") }
    }

    /// The oracle is only worth something if it fails on unsafe output: feed it a good build
    /// that was tampered with the way a missing or wrong escaping would.
    @Test func theOracleCatchesUnsafeOutput() throws {
        let field = try #require(XSSFields.all.first { $0.key == "page.title" })
        let dir = XSSProject.scratchDirectory("xss-oracle")
        defer { try? FileManager.default.removeItem(at: dir) }
        let project = dir.appendingPathComponent("project"), site = dir.appendingPathComponent("site")
        try XSSProject.Writer(field: field, root: project).write(field.benign)
        let summary = BuildPipeline.run(BuildOptions(root: project, output: site, tenants: [], jobs: 1, dev: false), displayRoot: "")
        try #require(summary.succeeded, "\(summary.diagnostics)")
        let files = XSSProject.tenantFiles(XSSProject.snapshot(site))
        let baseline = try #require(SiteShape(files))
        #expect(XSSOracle.inspect(files, baseline: baseline, field: field, value: field.benign).isEmpty)

        func tampered(_ path: String, _ old: String, _ new: String) throws -> [String: Data] {
            let html = String(decoding: try #require(files[path]), as: UTF8.self)
            try #require(html.contains(old), "\(path) has no \(old)")
            var copy = files
            copy[path] = Data(html.replacingOccurrences(of: old, with: new).utf8)
            return copy
        }
        let benignTitle = "<h1>\(field.benign)</h1>"
        let cases: [(String, [String: Data], String)] = [
            // The title written without escaping.
            ("unescaped element", try tampered("index.html", benignTitle, "<h1><img src=x onerror=alert(1)></h1>"), "<img src=x onerror=alert(1)>"),
            ("unescaped attribute", try tampered("index.html", "content=\"Benign description\"", "content=\"\" onmouseover=\"alert(1)\""), field.benign),
            ("script", try tampered("index.html", benignTitle, "<h1>\(field.benign)<script>alert(1)</script></h1>"), field.benign),
            ("javascript: URL", try tampered("index.html", "href=\"https://cloud.apizee.com/room/benign-1\"", "href=\"  JaVa\tScript:alert(1)\""), field.benign),
            ("data: URL", try tampered("index.html", "href=\"https://cloud.apizee.com/room/benign-1\"", "href=\"data:text/html,x\""), field.benign),
            ("attribute swapped for another", try tampered("index.html", "<main id=\"main\"", "<main title=\"main\""), field.benign),
            ("text not read back", files, field.benign + "!"),
            ("text decoded once too often", try tampered("index.html", benignTitle, "<h1>&amp;lt;b&amp;gt;</h1>"), "&lt;b&gt;"),
        ]
        for (name, site, value) in cases {
            let problems = XSSOracle.inspect(site, baseline: baseline, field: field, value: value)
            #expect(!problems.isEmpty, "the oracle missed: \(name)")
        }
        // The JSON settings block: breaking out of the script, or only out of the JSON string.
        let agentField = try #require(XSSFields.all.first { $0.key == "embed.web-agent.guest.name" })
        let agentDir = XSSProject.scratchDirectory("xss-oracle-agent")
        defer { try? FileManager.default.removeItem(at: agentDir) }
        try XSSProject.Writer(field: agentField, root: agentDir.appendingPathComponent("project")).write(agentField.benign)
        let agentSummary = BuildPipeline.run(BuildOptions(root: agentDir.appendingPathComponent("project"),
                                                          output: agentDir.appendingPathComponent("site"), tenants: [], jobs: 1, dev: false))
        try #require(agentSummary.succeeded, "\(agentSummary.diagnostics)")
        let agentFiles = XSSProject.tenantFiles(XSSProject.snapshot(agentDir.appendingPathComponent("site")))
        let agentBaseline = try #require(SiteShape(agentFiles))
        #expect(XSSOracle.inspect(agentFiles, baseline: agentBaseline, field: agentField, value: agentField.benign).isEmpty)
        let guest = "\"name\":\"\(agentField.benign)\""
        let html = String(decoding: try #require(agentFiles["agent.html"]), as: UTF8.self)
        try #require(html.contains(guest), "agent.html has no \(guest)")
        for (name, replacement) in [("script breakout", "\"name\":\"</script><script>alert(1)</script>\""),
                                    ("JSON string breakout", "\"name\":\"x\"},\"evil\":{\"a\":\"\""),
                                    ("value changed in the JSON only", "\"name\":\"Guest Nam\"")] {
            var copy = agentFiles
            copy["agent.html"] = Data(html.replacingOccurrences(of: guest, with: replacement).utf8)
            #expect(!XSSOracle.inspect(copy, baseline: agentBaseline, field: agentField, value: agentField.benign).isEmpty,
                    "the oracle missed: \(name)")
        }

        // A refusal without a location is not good enough.
        let unlocated = BuildPipeline.Summary(diagnostics: [.error("x", "no location")], tenantCount: 0, pageCount: 0,
                                              succeeded: false, exitStatus: .invalidInput)
        #expect(!XSSOracle.checkRejection(unlocated, field: field).isEmpty)
    }

    @Test func yamlQuotingRoundTripsEveryPayload() throws {
        // The quoting must never be the reason a payload is refused or changed.
        for payload in XSSCorpus.payloads {
            let quoted = XSSProject.yamlQuoted(payload.payload)
            #expect(quoted.unicodeScalars.allSatisfy { $0.value >= 0x20 && !(0x7F...0x9F).contains($0.value) }, "#\(payload.id)")
            let node = try Yams.compose(yaml: "key: \(quoted)\n")
            let loaded = node?["key"]?.string ?? "<none>"
            #expect(XSSOracle.same(loaded, XSSProject.asLoaded(payload.payload)), "#\(payload.id) does not survive YAML quoting: \(String(reflecting: loaded))")
        }
        // The one known change, and only for the payload that starts with a BOM.
        #expect(XSSCorpus.payloads.filter { XSSProject.asLoaded($0.payload) != $0.payload }.map(\.id) == [253])
        #expect(XSSProject.yamlQuoted("a\"b\\c\u{0}\r\n\t\u{2028}\u{85}é") == #""a\"b\\c\x00\x0D\x0A\x09\u2028\x85é""#)
    }
}

// MARK: - The corpus

struct XSSPayload: Decodable, Sendable {
    let id: Int
    let context: String
    let source: String
    let payload: String
}

enum XSSCorpus {
    static let file = TestProject.fixtures.appendingPathComponent("shared-data/xss-payloads/xss-payloads.json")

    static let payloads: [XSSPayload] = {
        struct Corpus: Decodable {
            let count: Int
            let payloads: [XSSPayload]
        }
        guard let data = FileManager.default.contents(atPath: file.path),
              let corpus = try? JSONDecoder().decode(Corpus.self, from: data) else {
            fatalError("cannot read \(file.path)")
        }
        precondition(corpus.payloads.count == corpus.count && corpus.count >= 261, "xss-payloads.json: count mismatch")
        return corpus.payloads
    }()
}

// MARK: - The fields

/// One user-controlled string: where it is written and where it must come back.
struct XSSField: Sendable, CustomTestStringConvertible {
    /// Placeholder name in `XSSProject`, and the name printed in results.
    let key: String
    let benign: String
    /// Values of other placeholders that follow this field's value (a room URL on the console host).
    var derived: @Sendable (String) -> [String: String] = { _ in [:] }
    /// Pages to build besides index.md and the one holding the field (where a tenant default shows).
    var pages: [String] = []
    /// Problems if `value` is not where it belongs in the rendered site.
    let readBack: @Sendable (RenderedSite, String) -> [String]

    var testDescription: String { key }
    var slug: String { key.map { $0.isLetter || $0.isNumber ? $0 : "-" }.reduce("") { $0 + String($1) } }
}

enum XSSFields {
    static let newTab = " (opens in a new tab)"

    static let all: [XSSField] = [
        // tenant.yaml
        XSSField(key: "tenant.name", benign: "Benign Tenant") { site, v in
            var problems: [String] = []
            for path in site.pagePaths {
                problems += site.expectText(path, "footer.es-footer p", v)
                problems += site.expectText(path, "a.es-brand span", v)
                let title = site.first(path, "title")?.textContent ?? ""
                if !XSSOracle.scalars(title, endWith: " · " + XSSOracle.asParsed(v)) { problems.append("\(path): <title> \(String(reflecting: title)) does not end with the name") }
            }
            return problems
        },
        XSSField(key: "tenant.locale", benign: "en") { site, v in
            site.pagePaths.flatMap { site.expectAttribute($0, "html", "lang", v) }
        },
        XSSField(key: "tenant.baseURL", benign: "https://support.example/") { site, v in
            guard let base = try? WebURL.parse(v) else { return ["accepted a baseURL that does not parse: \(v)"] }
            return site.pagePaths.flatMap { path in
                site.expectAttribute(path, "link[rel=canonical]", "href", base.href + XSSProject.publicPath(path))
            }
        },
        XSSField(key: "tenant.theme.primaryColor", benign: "#123456") { site, v in
            let css = site.files.filter { $0.key.hasPrefix("assets/embedsmith/theme.") }.map { String(decoding: $0.value, as: UTF8.self) }
            return css == [":root { --es-primary: \(v.lowercased()); }\n"] ? [] : ["theme stylesheet is \(css)"]
        },
        XSSField(key: "tenant.theme.logo", benign: "assets/logo.svg") { site, v in
            site.pagePaths.flatMap { site.expectAttribute($0, "img.es-logo", "src", v) }
        },
        XSSField(key: "tenant.apizee.quickInvitation.label", benign: "Tenant default label") { site, v in
            site.expectText("index.html", "a.es-quick-invitation", v + newTab, index: 1)
        },
        XSSField(key: "tenant.apizee.quickInvitation.serviceKey", benign: "0123456789abcdef0123456789abcdef") { site, v in
            site.expectQuery("index.html", "a.es-quick-invitation", "service_key", v, index: 1)
        },
        XSSField(key: "tenant.apizee.console.host", benign: "console.example.com",
                 derived: { ["embed.room-link(console).url": "https://\($0)/room/console-1"] }) { site, v in
            let href = site.select("index.html", "a.es-room-link").dropFirst().first?.attribute("href")
            let host = href.flatMap { try? WebURL.parse($0) }?.hostname
            return host == v ? [] : ["room link on the console host has href \(String(reflecting: href))"]
        },
        XSSField(key: "tenant.security.frameAncestors[0]", benign: "https://crm.example") { site, v in
            let headers = String(decoding: site.files["_headers"] ?? Data(), as: UTF8.self)
            return headers.contains("; frame-ancestors \(v)\n") ? [] : ["_headers has no 'frame-ancestors \(v)'"]
        },
        // Front matter
        XSSField(key: "page.title", benign: "Home page") { site, v in
            var problems = site.expectText("index.html", "h1", v)
            let title = site.first("index.html", "title")?.textContent ?? ""
            if !XSSOracle.scalars(title, startWith: XSSOracle.asParsed(v) + " · ") { problems.append("<title> \(String(reflecting: title)) does not start with the title") }
            for path in site.pagePaths where !site.select(path, "nav a").contains(where: { XSSOracle.same($0.textContent, XSSOracle.asParsed(v)) }) {
                problems.append("\(path): no navigation link reads the title")
            }
            return problems
        },
        XSSField(key: "page.description", benign: "Benign description") { site, v in
            site.expectAttribute("index.html", "meta[name=description]", "content", v)
        },
        XSSField(key: "page.layout", benign: "page") { site, _ in
            site.select("index.html", "main.es-main").count == 1 ? [] : ["index.html lost its <main>"]
        },
        XSSField(key: "invitation.label", benign: "Invite label") { site, v in
            site.expectText("invite.html", "a.es-quick-invitation", v + newTab)
        },
        XSSField(key: "invitation.reference", benign: "INV-1") { site, v in
            site.expectQuery("invite.html", "a.es-quick-invitation", "reference", v)
        },
        XSSField(key: "invitation.phones[0]", benign: "+33612345678") { site, v in
            site.expectQuery("invite.html", "a.es-quick-invitation", "phone_numbers", v)
        },
        XSSField(key: "invitation.emails[0]", benign: "jane@example.com") { site, v in
            site.expectQuery("invite.html", "a.es-quick-invitation", "email_addresses", v)
        },
        XSSField(key: "invitation(legacy).phone", benign: "+33698765432") { site, v in
            site.expectQuery("legacy.html", "a.es-quick-invitation", "phone", v)
        },
        XSSField(key: "invitation(legacy).name", benign: "Jane Doe") { site, v in
            site.expectQuery("legacy.html", "a.es-quick-invitation", "name", v)
        },
        // embed blocks
        XSSField(key: "embed.quick-invitation.label", benign: "Embed label") { site, v in
            site.expectText("index.html", "a.es-quick-invitation", v + newTab)
        },
        XSSField(key: "embed.quick-invitation.reference", benign: "EMB-1") { site, v in
            site.expectQuery("index.html", "a.es-quick-invitation", "reference", v)
        },
        XSSField(key: "embed.quick-invitation.phones[0]", benign: "+14155550123") { site, v in
            site.expectQuery("index.html", "a.es-quick-invitation", "phone_numbers", v)
        },
        XSSField(key: "embed.quick-invitation.emails[0]", benign: "bob@example.org") { site, v in
            site.expectQuery("index.html", "a.es-quick-invitation", "email_addresses", v)
        },
        XSSField(key: "embed.quick-invitation.serviceKey", benign: "FEDCBA9876543210FEDCBA9876543210") { site, v in
            site.expectQuery("index.html", "a.es-quick-invitation", "service_key", v)
        },
        XSSField(key: "embed.quick-invitation(legacy).phone", benign: "+33611111111") { site, v in
            site.expectQuery("legacy.html", "a.es-quick-invitation", "phone", v, index: 1)
        },
        XSSField(key: "embed.quick-invitation(legacy).name", benign: "John Roe") { site, v in
            site.expectQuery("legacy.html", "a.es-quick-invitation", "name", v, index: 1)
        },
        XSSField(key: "embed.room-link.url", benign: "https://cloud.apizee.com/room/benign-1") { site, v in
            guard let url = try? WebURL.parse(v) else { return ["accepted a room URL that does not parse: \(v)"] }
            return site.expectAttribute("index.html", "a.es-room-link", "href", url.href)
        },
        XSSField(key: "embed.room-link.label", benign: "Join benign room") { site, v in
            site.expectText("index.html", "a.es-room-link", v + newTab)
        },
        // Agent components: iframe URLs, iframe titles and the page's JSON settings block.
        XSSField(key: "embed.web-agent.conversation", benign: "benign-conversation") { site, v in
            site.expectQuery("agent.html", "iframe", "cN", v)
        },
        XSSField(key: "embed.web-agent.agentName", benign: "Agent Smith") { site, v in
            site.expectQuery("agent.html", "iframe", "aN", v)
        },
        XSSField(key: "embed.web-agent.guest.name", benign: "Guest Name") { site, v in
            site.expectQuery("agent.html", "iframe", "gN", v) + site.expectSetting("agent.html", frame: 0, ["guest", "name"], v)
        },
        XSSField(key: "embed.web-agent.title", benign: "Benign agent frame") { site, v in
            site.expectAttribute("agent.html", "iframe", "title", v)
        },
        XSSField(key: "tenant.apizee.webAgent.guest.name", benign: "Tenant Guest", pages: ["content/t/agent.md"]) { site, v in
            site.expectQuery("agent.html", "iframe", "gN", v, index: 1) + site.expectSetting("agent.html", frame: 1, ["guest", "name"], v)
        },
        XSSField(key: "embed.apizee-embed.conversation", benign: "embed-conversation") { site, v in
            site.expectQuery("agent.html", "iframe", "cN", v, index: 2)
        },
        XSSField(key: "embed.apizee-embed.externalReferences[0].name", benign: "ticketId") { site, v in
            site.expectExternalReference("agent.html", iframe: 2, "name", v)
        },
        XSSField(key: "embed.apizee-embed.externalReferences[0].reference", benign: "T-42") { site, v in
            site.expectExternalReference("agent.html", iframe: 2, "reference", v)
        },
        XSSField(key: "embed.apizee-embed.title", benign: "Benign embed frame") { site, v in
            site.expectAttribute("agent.html", "iframe", "title", v, index: 2)
        },
        XSSField(key: "embed.console.path", benign: "/console/home") { site, v in
            guard let url = try? WebURL.parse("https://console.example.com" + v) else { return ["accepted a console path that does not parse: \(v)"] }
            return site.expectAttribute("agent.html", "iframe", "src", url.href, index: 3)
        },
        XSSField(key: "embed.console.title", benign: "Benign console") { site, v in
            site.expectAttribute("agent.html", "iframe", "title", v, index: 3)
        },
        XSSField(key: "embed.loader-agent.title", benign: "Benign loader") { site, v in
            site.expectAttribute("agent.html", "section.es-loader", "aria-label", v)
        },
        XSSField(key: "tenant.apizee.loaderAgent.agentInfoEndpoint", benign: "/api/agent-info", pages: ["content/t/agent.md"]) { site, v in
            site.expectSetting("agent.html", path: ["loaderAgent", "agentInfoEndpoint"], v)
        },
        XSSField(key: "tenant.apizee.loaderAgent.server", benign: "https://cloud.apizee.com/", pages: ["content/t/agent.md"]) { site, v in
            site.expectSetting("agent.html", path: ["loaderAgent", "server"], href(v))
        },
        XSSField(key: "tenant.apizee.loaderAgent.script", benign: "https://cdn.apirtc.com/agent/loaderAgent.js", pages: ["content/t/agent.md"]) { site, v in
            site.expectSetting("agent.html", path: ["loaderAgent", "script"], href(v))
        },
        // Tenant defaults of the agent frames: the second web-agent frame and the Embed frame use them.
        XSSField(key: "tenant.apizee.apiKey", benign: "benignApiKey", pages: ["content/t/agent.md"]) { site, v in
            site.expectQuery("agent.html", "iframe", "aK", v, index: 1) + site.expectSetting("agent.html", path: ["loaderAgent", "apiKey"], v)
        },
        XSSField(key: "tenant.apizee.webAgent.url", benign: "https://apirtc.github.io/web-agent/", pages: ["content/t/agent.md"]) { site, v in
            let src = site.select("agent.html", "iframe").dropFirst().first?.attribute("src")
            guard let want = try? WebURL.parse(v), let got = src.flatMap({ try? WebURL.parse($0) }),
                  got.origin == want.origin, got.pathname == want.pathname else {
                return ["agent.html: web-agent frame src \(String(reflecting: src)) is not on \(v)"]
            }
            return []
        },
        XSSField(key: "tenant.apizee.webAgent.agentName", benign: "Tenant Agent", pages: ["content/t/agent.md"]) { site, v in
            site.expectQuery("agent.html", "iframe", "aN", v, index: 1)
        },
        XSSField(key: "tenant.apizee.webAgent.cloudUrl", benign: "https://cloud.apirtc.com/", pages: ["content/t/agent.md"]) { site, v in
            site.expectQuery("agent.html", "iframe", "cU", href(v), index: 1)
        },
        XSSField(key: "tenant.apizee.webAgent.guestUrl", benign: "https://apirtc.github.io/web-guest/", pages: ["content/t/agent.md"]) { site, v in
            site.expectQuery("agent.html", "iframe", "gU", href(v), index: 1)
        },
        XSSField(key: "tenant.apizee.webAgent.invitationServiceUrl", benign: "https://is.apizee.com/invitations", pages: ["content/t/agent.md"]) { site, v in
            site.expectQuery("agent.html", "iframe", "iU", href(v), index: 1)
        },
        XSSField(key: "tenant.apizee.webAgent.installationId", benign: "benign-install", pages: ["content/t/agent.md"]) { site, v in
            site.expectQuery("agent.html", "iframe", "iI", v, index: 1)
        },
        XSSField(key: "tenant.apizee.webAgent.userId", benign: "benign-user", pages: ["content/t/agent.md"]) { site, v in
            site.expectQuery("agent.html", "iframe", "uId", v, index: 1)
        },
        XSSField(key: "tenant.apizee.embed.identificationKey", benign: "benignIdentificationKey", pages: ["content/t/agent.md"]) { site, v in
            site.expectQuery("agent.html", "iframe", "iK", v, index: 2)
        },
        XSSField(key: "tenant.apizee.embed.installationId", benign: "benign-embed", pages: ["content/t/agent.md"]) { site, v in
            site.expectQuery("agent.html", "iframe", "iI", v, index: 2)
        },
        // ChatApp (a link and a frame that waits for its token), Engage and the session timeline.
        XSSField(key: "tenant.chatapp.messenger", benign: "grWhatsApp", pages: ["content/t/chat.md"]) { site, v in
            site.expectQuery("chat.html", "a.es-chatapp-link", "api[messenger_type]", v)
        },
        XSSField(key: "tenant.chatapp.crmDomain", benign: "crm.example.com", pages: ["content/t/chat.md"]) { site, v in
            site.expectQuery("chat.html", "a.es-chatapp-link", "api[crm_domain]", v)
        },
        XSSField(key: "tenant.chatapp.employeeExtCode", benign: "employee-7", pages: ["content/t/chat.md"]) { site, v in
            site.expectQuery("chat.html", "a.es-chatapp-link", "api[employee_ext_code]", v)
        },
        XSSField(key: "tenant.chatapp.tokenEndpoint", benign: "/api/chatapp/token", pages: ["content/t/chat.md"]) { site, v in
            site.expectSetting("chat.html", chatapp: 0, "tokenEndpoint", v)
        },
        XSSField(key: "embed.chatapp.label", benign: "Open the conversations") { site, v in
            site.expectText("chat.html", "a.es-chatapp-link", v + newTab)
        },
        XSSField(key: "embed.chatapp.phones[0]", benign: "+79999999999") { site, v in
            site.expectQuery("chat.html", "a.es-chatapp-link", "crm[phones][0]", String(v.filter(\.isASCII).filter(\.isNumber)))
        },
        XSSField(key: "embed.chatapp.dialogIds[0]", benign: "79999999999@c.us") { site, v in
            site.expectQuery("chat.html", "a.es-chatapp-link", "crm[dialogIds][0]", v)
        },
        XSSField(key: "embed.chatapp.title", benign: "Benign conversations") { site, v in
            site.expectAttribute("chat.html", "iframe", "title", v)
        },
        XSSField(key: "tenant.engage.scriptId", benign: "5c593c728b02502bc3f8ffe1", pages: ["content/t/chat.md"]) { site, v in
            site.expectAttribute("chat.html", "script[defer=]", "src", "https://cdn.chatvisor.com/cdn/js/\(v).js")
        },
        XSSField(key: "tenant.engage.labels[0]", benign: "support-desk", pages: ["content/t/chat.md"]) { site, v in
            site.expectSetting("chat.html", path: ["engage", "labels", "0"], v)
        },
        XSSField(key: "tenant.apizee.sessionEvents.endpoint", benign: "/api/tickets/{ticketId}/events", pages: ["content/t/chat.md"]) { site, v in
            site.expectSetting("chat.html", path: ["timeline", "endpoint"], v)
        },
        XSSField(key: "embed.session-timeline.title", benign: "Benign timeline") { site, v in
            site.expectAttribute("chat.html", "section.es-timeline", "aria-label", v)
        },
    ]

    /// A URL as the tool writes it: parsed and serialized (a payload that does not parse is refused).
    static func href(_ value: String) -> String { (try? WebURL.parse(value))?.href ?? value }
}

// MARK: - The project

enum XSSProject {
    static let tenant = "t"

    /// Each `⟦key⟧` becomes a YAML double-quoted scalar: the field under test gets the payload,
    /// every other field its benign value.
    static let templates: [(path: String, text: String)] = [
        ("content/t/tenant.yaml", """
        name: ⟦tenant.name⟧
        locale: ⟦tenant.locale⟧
        baseURL: ⟦tenant.baseURL⟧
        theme:
          primaryColor: ⟦tenant.theme.primaryColor⟧
          logo: ⟦tenant.theme.logo⟧
        apizee:
          quickInvitation:
            variant: current
            serviceKey: ⟦tenant.apizee.quickInvitation.serviceKey⟧
            label: ⟦tenant.apizee.quickInvitation.label⟧
          console:
            host: ⟦tenant.apizee.console.host⟧
          apiKey: ⟦tenant.apizee.apiKey⟧
          webAgent:
            url: ⟦tenant.apizee.webAgent.url⟧
            agentName: ⟦tenant.apizee.webAgent.agentName⟧
            guest:
              name: ⟦tenant.apizee.webAgent.guest.name⟧
            cloudUrl: ⟦tenant.apizee.webAgent.cloudUrl⟧
            guestUrl: ⟦tenant.apizee.webAgent.guestUrl⟧
            invitationServiceUrl: ⟦tenant.apizee.webAgent.invitationServiceUrl⟧
            installationId: ⟦tenant.apizee.webAgent.installationId⟧
            userId: ⟦tenant.apizee.webAgent.userId⟧
          embed:
            identificationKey: ⟦tenant.apizee.embed.identificationKey⟧
            installationId: ⟦tenant.apizee.embed.installationId⟧
          loaderAgent:
            server: ⟦tenant.apizee.loaderAgent.server⟧
            script: ⟦tenant.apizee.loaderAgent.script⟧
            agentInfoEndpoint: ⟦tenant.apizee.loaderAgent.agentInfoEndpoint⟧
          sessionEvents:
            endpoint: ⟦tenant.apizee.sessionEvents.endpoint⟧
        chatapp:
          licenseId: 30310
          messenger: ⟦tenant.chatapp.messenger⟧
          crmDomain: ⟦tenant.chatapp.crmDomain⟧
          employeeExtCode: ⟦tenant.chatapp.employeeExtCode⟧
          tokenEndpoint: ⟦tenant.chatapp.tokenEndpoint⟧
        engage:
          scriptId: ⟦tenant.engage.scriptId⟧
          labels:
            - ⟦tenant.engage.labels[0]⟧
        security:
          frameAncestors:
            - ⟦tenant.security.frameAncestors[0]⟧

        """),
        ("content/t/index.md", """
        ---
        title: ⟦page.title⟧
        description: ⟦page.description⟧
        layout: ⟦page.layout⟧
        weight: 1
        ---
        Benign text.

        ````embed quick-invitation
        label: ⟦embed.quick-invitation.label⟧
        reference: ⟦embed.quick-invitation.reference⟧
        phones:
          - ⟦embed.quick-invitation.phones[0]⟧
        emails:
          - ⟦embed.quick-invitation.emails[0]⟧
        serviceKey: ⟦embed.quick-invitation.serviceKey⟧
        ````

        ````embed quick-invitation
        reference: TENANT-DEFAULTS
        ````

        ````embed room-link
        url: ⟦embed.room-link.url⟧
        label: ⟦embed.room-link.label⟧
        ````

        ````embed room-link
        url: ⟦embed.room-link(console).url⟧
        ````

        """),
        ("content/t/invite.md", """
        ---
        title: Invite page
        layout: invite
        weight: 2
        invitation:
          label: ⟦invitation.label⟧
          reference: ⟦invitation.reference⟧
          phones:
            - ⟦invitation.phones[0]⟧
          emails:
            - ⟦invitation.emails[0]⟧
        ---
        Benign text.

        """),
        ("content/t/legacy.md", """
        ---
        title: Legacy page
        layout: invite
        weight: 3
        invitation:
          variant: legacy
          phone: ⟦invitation(legacy).phone⟧
          name: ⟦invitation(legacy).name⟧
          reference: LEGACY-1
        ---
        Benign text.

        ````embed quick-invitation
        variant: legacy
        phone: ⟦embed.quick-invitation(legacy).phone⟧
        name: ⟦embed.quick-invitation(legacy).name⟧
        reference: LEGACY-2
        ````

        """),
    ] + [agentPage, chatPage]

    static let chatPage: (path: String, text: String) = ("content/t/chat.md", """
        ---
        title: Chat page
        weight: 5
        ---
        Benign text.

        ````embed chatapp
        display: link
        label: ⟦embed.chatapp.label⟧
        phones:
          - ⟦embed.chatapp.phones[0]⟧
        dialogIds:
          - ⟦embed.chatapp.dialogIds[0]⟧
        ````

        ````embed chatapp
        title: ⟦embed.chatapp.title⟧
        ````

        ````embed engage-script
        cobrowse: true
        ````

        ````embed session-timeline
        title: ⟦embed.session-timeline.title⟧
        ````

        """)

    static let agentPage: (path: String, text: String) = ("content/t/agent.md", """
        ---
        title: Agent page
        weight: 4
        ---
        Benign text.

        ````embed web-agent
        conversation: ⟦embed.web-agent.conversation⟧
        agentName: ⟦embed.web-agent.agentName⟧
        guest:
          name: ⟦embed.web-agent.guest.name⟧
        title: ⟦embed.web-agent.title⟧
        ````

        ````embed web-agent
        conversation: second-conversation
        ````

        ````embed apizee-embed
        conversation: ⟦embed.apizee-embed.conversation⟧
        externalReferences:
          - name: ⟦embed.apizee-embed.externalReferences[0].name⟧
            reference: ⟦embed.apizee-embed.externalReferences[0].reference⟧
        title: ⟦embed.apizee-embed.title⟧
        ````

        ````embed console
        path: ⟦embed.console.path⟧
        title: ⟦embed.console.title⟧
        ````

        ````embed loader-agent
        title: ⟦embed.loader-agent.title⟧
        ````

        """)

    static let assets: [String: String] = [
        "content/t/assets/logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"></svg>\n",
    ]

    static let benignValues: [String: String] = {
        var values: [String: String] = [:]
        for field in XSSFields.all {
            values[field.key] = field.benign
            values.merge(field.derived(field.benign)) { a, _ in a }
        }
        return values
    }()

    /// Where each placeholder sits: (file, 1-based line).
    static let placeholderLines: [String: (file: String, line: Int)] = {
        var lines: [String: (String, Int)] = [:]
        for (path, text) in templates {
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                guard let open = line.range(of: "⟦"), let close = line.range(of: "⟧") else { continue }
                lines[String(line[open.upperBound..<close.lowerBound])] = (path, index + 1)
            }
        }
        return lines
    }()

    /// Places where a refusal of `field` may point.
    static func locations(of field: XSSField) -> [(file: String, line: Int)] {
        ([field.key] + field.derived(field.benign).keys.sorted()).compactMap { placeholderLines[$0] }
    }

    /// Writes the project for one field: tenant.yaml, index.md and the page holding the field
    /// (fewer pages, faster builds). Only files whose text changed are rewritten.
    final class Writer {
        let root: URL
        let keys: [String]
        let templates: [(path: String, text: String)]
        let derived: @Sendable (String) -> [String: String]
        private var written: [String: String] = [:]

        init(field: XSSField, root: URL) {
            self.root = root
            self.keys = [field.key] + field.derived(field.benign).keys.sorted()
            self.derived = field.derived
            let keys = self.keys
            self.templates = XSSProject.templates.filter { template in
                template.path.hasSuffix("/tenant.yaml") || template.path.hasSuffix("/index.md") || field.pages.contains(template.path)
                    || keys.contains { template.text.contains("⟦\($0)⟧") }
            }
        }

        func write(_ value: String) throws {
            var values = XSSProject.benignValues
            values[keys[0]] = value
            for (key, v) in derived(value) { values[key] = v }
            var files = written.isEmpty ? XSSProject.assets : [:]
            for (path, text) in templates {
                var out = text
                while let open = out.range(of: "⟦"), let close = out.range(of: "⟧", range: open.upperBound..<out.endIndex) {
                    let key = String(out[open.upperBound..<close.lowerBound])
                    guard let v = values[key] else { fatalError("no value for placeholder \(key)") }
                    out.replaceSubrange(open.lowerBound..<close.upperBound, with: yamlQuoted(v))
                }
                if written[path] != out { files[path] = out }
            }
            try TestProject.write(files, into: root)
            written.merge(files) { _, b in b }
        }
    }

    /// The string the tool receives for a payload: Yams decodes scalars with Foundation's
    /// `String(bytes:encoding: .utf8)`, which drops a leading U+FEFF (payload #253). Nothing
    /// else changes; `yamlQuotingRoundTripsEveryPayload` keeps this exception that narrow.
    static func asLoaded(_ payload: String) -> String {
        payload.unicodeScalars.first == "\u{FEFF}" ? String(String.UnicodeScalarView(payload.unicodeScalars.dropFirst())) : payload
    }

    /// A YAML double-quoted scalar on one line that reads back as exactly `value`: `\` and `"`
    /// escaped, C0/C1 controls, DEL, the Unicode line separators (which YAML would fold) and
    /// BOM/non-characters as `\xNN` / `\uNNNN`.
    static func yamlQuoted(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            let v = scalar.value
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            default:
                if v < 0x20 || (v >= 0x7F && v <= 0x9F) {
                    out += "\\x" + hex(v, 2)
                } else if v == 0x2028 || v == 0x2029 || v == 0xFEFF || v == 0xFFFE || v == 0xFFFF {
                    out += "\\u" + hex(v, 4)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private static func hex(_ value: UInt32, _ width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// A fresh folder for one field's builds: in memory (/dev/shm) when there is one, since a
    /// field runs ~260 builds and a disk file system spends much of that time creating and
    /// syncing inodes; the system temporary folder otherwise.
    static func scratchDirectory(_ label: String) -> URL {
        let shm = "/dev/shm"
        if FileManager.default.isWritableFile(atPath: shm) {
            let url = URL(fileURLWithPath: shm).appendingPathComponent("embedsmith-\(label)-\(UUID().uuidString)")
            if (try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)) != nil { return url }
        }
        return TestProject.temporaryDirectory(label)
    }

    /// Every file below `dir` as relative path → bytes (like `TestProject.snapshot`, without
    /// resolving symlinks: this runs after each of ~10,000 builds).
    static func snapshot(_ dir: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let fm = FileManager.default
        guard let paths = fm.enumerator(atPath: dir.path) else { return files }
        for case let path as String in paths {
            let full = dir.path + "/" + path
            var isDirectory: ObjCBool = false
            if fm.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = fm.contents(atPath: full)
            }
        }
        return files
    }

    /// The files of the tenant folder (`t/...` → `...`).
    static func tenantFiles(_ snapshot: [String: Data]) -> [String: Data] {
        snapshot.reduce(into: [:]) { out, entry in
            if entry.key.hasPrefix(tenant + "/") { out[String(entry.key.dropFirst(tenant.count + 1))] = entry.value }
        }
    }

    static func publicPath(_ outputPath: String) -> String {
        outputPath == "index.html" ? "" : outputPath
    }
}

// MARK: - The oracle

/// The structure of a safe build: per page, the multiset of (element, attribute names).
struct SiteShape {
    var elements: [String: [String: Int]]
    var headerLines: Int

    init?(_ files: [String: Data]) {
        elements = [:]
        for (path, data) in files where path.hasSuffix(".html") {
            elements[path] = Self.shape(HTMLDocument.parse(String(decoding: data, as: UTF8.self)))
        }
        guard !elements.isEmpty, let headers = files["_headers"] else { return nil }
        headerLines = Self.lines(headers)
    }

    static func shape(_ doc: HTMLDocument) -> [String: Int] {
        var counts: [String: Int] = [:]
        for node in doc.descendants() where node.kind == .element {
            counts["<\(node.name)\(node.attributes.map { " " + $0.name }.joined())>", default: 0] += 1
        }
        return counts
    }

    static func lines(_ data: Data) -> Int { data.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 } }
}

/// A built tenant folder, its pages parsed.
struct RenderedSite {
    let files: [String: Data]
    let pages: [String: HTMLDocument]
    var pagePaths: [String] { pages.keys.sorted() }

    init(_ files: [String: Data]) {
        self.files = files
        var pages: [String: HTMLDocument] = [:]
        for (path, data) in files where path.hasSuffix(".html") {
            pages[path] = HTMLDocument.parse(String(decoding: data, as: UTF8.self))
        }
        self.pages = pages
    }

    /// A tiny selector: `tag`, `tag.class`, `tag[attr=value]`, and one descendant step (`a b`).
    func select(_ path: String, _ selector: String) -> [HTMLNode] {
        guard let doc = pages[path] else { return [] }
        var scopes: [HTMLNode] = [doc.root]
        for step in selector.split(separator: " ") {
            var name = String(step), cls: String? = nil, attr: (String, String)? = nil
            if let dot = name.firstIndex(of: ".") {
                cls = String(name[name.index(after: dot)...])
                name = String(name[..<dot])
            } else if let bracket = name.firstIndex(of: "["), name.hasSuffix("]"), let eq = name.firstIndex(of: "=") {
                attr = (String(name[name.index(after: bracket)..<eq]), String(name[name.index(after: eq)..<name.index(before: name.endIndex)]))
                name = String(name[..<bracket])
            }
            var next: [HTMLNode] = []
            var seen = Set<ObjectIdentifier>()
            for scope in scopes {
                for node in scope.elements(named: name) where !seen.contains(ObjectIdentifier(node)) {
                    if let cls, !(node.attribute("class") ?? "").split(separator: " ").contains(Substring(cls)) { continue }
                    if let attr, node.attribute(attr.0) != attr.1 { continue }
                    seen.insert(ObjectIdentifier(node))
                    next.append(node)
                }
            }
            scopes = next
        }
        return scopes
    }

    func first(_ path: String, _ selector: String) -> HTMLNode? { select(path, selector).first }

    func expectText(_ path: String, _ selector: String, _ value: String, index: Int = 0) -> [String] {
        let nodes = select(path, selector)
        guard index < nodes.count else { return ["\(path): no \(selector) #\(index + 1)"] }
        let text = nodes[index].textContent, want = XSSOracle.asParsed(value)
        return XSSOracle.same(text, want) ? [] : ["\(path): \(selector) reads \(String(reflecting: text)), expected \(String(reflecting: want))"]
    }

    func expectAttribute(_ path: String, _ selector: String, _ attribute: String, _ value: String, index: Int = 0) -> [String] {
        let nodes = select(path, selector)
        guard index < nodes.count else { return ["\(path): no \(selector) #\(index + 1)"] }
        let got = nodes[index].attribute(attribute), want = XSSOracle.asParsed(value)
        return got.map { XSSOracle.same($0, want) } == true ? [] : ["\(path): \(selector) \(attribute)=\(String(reflecting: got)), expected \(String(reflecting: want))"]
    }

    /// The decoded value of `key` in the query of the element's href (or src), as the receiving app reads it.
    func expectQuery(_ path: String, _ selector: String, _ key: String, _ value: String, index: Int = 0) -> [String] {
        let nodes = select(path, selector)
        guard index < nodes.count else { return ["\(path): no \(selector) #\(index + 1)"] }
        guard let href = nodes[index].attribute("href") ?? nodes[index].attribute("src"), let url = try? WebURL.parse(href) else {
            return ["\(path): \(selector) has no parsable href or src"]
        }
        let pairs = (url.query ?? "").split(separator: "&", omittingEmptySubsequences: false).map { pair -> (String, String) in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (QueryEncoding.decodeComponent(String(parts[0])), QueryEncoding.decodeComponent(parts.count > 1 ? String(parts[1]) : ""))
        }
        let values = pairs.filter { $0.0 == key }.map(\.1)
        return values.count == 1 && XSSOracle.same(values[0], value) ? [] : ["\(path): query '\(key)' of \(href) decodes to \(values), expected [\(String(reflecting: value))]"]
    }
}

extension RenderedSite {
    /// The page's `<script type="application/json" id="embedsmith-config">`, decoded.
    func settings(_ path: String) -> [String: Any]? {
        guard let script = first(path, "script[id=embedsmith-config]") else { return nil }
        return (try? JSONSerialization.jsonObject(with: Data(script.textContent.utf8))) as? [String: Any]
    }

    func expectSetting(_ path: String, path keys: [String], _ value: String) -> [String] {
        var current: Any? = settings(path)
        for key in keys {
            if let index = Int(key), let array = current as? [Any] { current = index < array.count ? array[index] : nil }
            else { current = (current as? [String: Any])?[key] }
        }
        guard let got = current as? String, XSSOracle.same(got, value) else {
            return ["\(path): settings \(keys.joined(separator: ".")) is \(String(reflecting: current)), expected \(String(reflecting: value))"]
        }
        return []
    }

    /// A value in the settings of the bridge frame shown by the `frame`-th iframe.
    func expectSetting(_ path: String, frame: Int, _ keys: [String], _ value: String) -> [String] {
        let frames = select(path, "iframe")
        guard frame < frames.count, let id = frames[frame].attribute("id") else { return ["\(path): no iframe #\(frame + 1) with an id"] }
        let all = (settings(path)?["frames"] as? [[String: Any]]) ?? []
        guard let settings = all.first(where: { $0["id"] as? String == id }) else { return ["\(path): no settings for frame \(id)"] }
        var current: Any? = settings
        for key in keys { current = (current as? [String: Any])?[key] }
        guard let got = current as? String, XSSOracle.same(got, value) else {
            return ["\(path): settings of \(id) \(keys.joined(separator: ".")) is \(String(reflecting: current)), expected \(String(reflecting: value))"]
        }
        return []
    }

    /// A value in the settings of the `index`-th ChatApp frame that waits for its token.
    func expectSetting(_ path: String, chatapp index: Int, _ key: String, _ value: String) -> [String] {
        expectSetting(path, path: ["chatapp", String(index), key], value)
    }

    /// A field of the first external reference in the `eR` JSON of an iframe URL.
    func expectExternalReference(_ path: String, iframe: Int, _ key: String, _ value: String) -> [String] {
        let frames = select(path, "iframe")
        guard iframe < frames.count, let src = frames[iframe].attribute("src"), let url = try? WebURL.parse(src) else {
            return ["\(path): no iframe #\(iframe + 1) with a parsable src"]
        }
        let raw = (url.query ?? "").split(separator: "&").first { $0.hasPrefix("eR=") }.map { QueryEncoding.decodeComponent(String($0.dropFirst(3))) }
        let references = raw.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) } as? [[String: Any]]
        guard let got = references?.first?[key] as? String, XSSOracle.same(got, value) else {
            return ["\(path): eR of iframe #\(iframe + 1) is \(String(reflecting: raw)), expected \(key) \(String(reflecting: value))"]
        }
        return []
    }
}

enum XSSOracle {
    /// Equal scalar by scalar (Swift's `==` would also accept a canonically equivalent string).
    static func same(_ a: String, _ b: String) -> Bool { a.unicodeScalars.elementsEqual(b.unicodeScalars) }
    static func scalars(_ a: String, startWith b: String) -> Bool { Array(a.unicodeScalars).starts(with: Array(b.unicodeScalars)) }
    static func scalars(_ a: String, endWith b: String) -> Bool {
        Array(a.unicodeScalars.reversed()).starts(with: Array(b.unicodeScalars.reversed()))
    }

    static let urlAttributes: Set<String> = [
        "href", "src", "action", "formaction", "xlink:href", "poster", "background", "cite", "data", "codebase", "ping",
        "manifest", "lowsrc", "dynsrc", "longdesc", "icon", "profile", "usemap", "archive", "classid", "srcset", "imagesrcset",
    ]
    static let dangerousSchemes: Set<String> = ["javascript", "data", "vbscript"]

    /// What the HTML parser makes of text: CR and CRLF become LF, NUL becomes U+FFFD. Nothing else.
    static func asParsed(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var previousCR = false
        for scalar in text.unicodeScalars {
            defer { previousCR = scalar == "\r" }
            switch scalar {
            case "\r": out.append("\n")
            case "\n": if !previousCR { out.append("\n") }
            case "\u{0}": out.append("\u{FFFD}")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// Problems of a successful build: structure, scripts, handlers, URL schemes, read-back.
    static func inspect(_ files: [String: Data], baseline: SiteShape, field: XSSField, value: String) -> [String] {
        var problems: [String] = []
        let site = RenderedSite(files)
        if Set(site.pages.keys) != Set(baseline.elements.keys) {
            problems.append("pages \(site.pagePaths) instead of \(baseline.elements.keys.sorted())")
        }
        let baseURL = field.key == "tenant.baseURL" ? value : XSSProject.benignValues["tenant.baseURL"]!
        for path in site.pagePaths {
            guard let doc = site.pages[path] else { continue }
            let shape = SiteShape.shape(doc)
            let want = baseline.elements[path] ?? [:]
            if shape != want {
                let added = shape.filter { want[$0.key, default: 0] < $0.value }.map { "+\($0.value - want[$0.key, default: 0]) \($0.key)" }
                let lost = want.filter { shape[$0.key, default: 0] < $0.value }.map { "-\($0.value - shape[$0.key, default: 0]) \($0.key)" }
                problems.append("\(path): elements differ from the baseline: \((added + lost).sorted().joined(separator: ", "))")
            }
            let base = try? WebURL.parse(baseURL + XSSProject.publicPath(path))
            for node in doc.descendants() where node.kind == .element {
                for (name, attributeValue) in node.attributes {
                    if name.hasPrefix("on") { problems.append("\(path): event handler \(name) on \(node)") }
                    if urlAttributes.contains(name) {
                        let candidates = name.hasSuffix("srcset")
                            ? attributeValue.split(separator: ",").map { String($0.trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "") }
                            : [attributeValue]
                        for candidate in candidates {
                            if let scheme = dangerousScheme(candidate, base: base) {
                                problems.append("\(path): \(scheme): URL in \(name) of \(node)")
                            }
                        }
                    }
                }
                if node.name == "meta", node.attribute("http-equiv")?.lowercased() == "refresh" {
                    problems.append("\(path): <meta http-equiv=refresh> \(node)")
                }
                if node.name == "script", node.attribute("type") == "application/json",
                   (try? JSONSerialization.jsonObject(with: Data(node.textContent.utf8))) == nil {
                    problems.append("\(path): the JSON block is not valid JSON any more: \(String(reflecting: node.textContent))")
                }
            }
        }
        if let headers = files["_headers"], SiteShape.lines(headers) != baseline.headerLines {
            problems.append("_headers has \(SiteShape.lines(headers)) lines instead of \(baseline.headerLines)")
        }
        if problems.isEmpty { problems += field.readBack(site, value) }
        return problems
    }

    /// The scheme, if it is one that runs code or inlines a document, as a browser resolves it.
    static func dangerousScheme(_ value: String, base: WebURL?) -> String? {
        if let url = try? WebURL.parse(value, base: base), dangerousSchemes.contains(url.scheme) { return url.scheme }
        // Whatever the parser thinks, check the way a lenient browser would: leading controls and
        // spaces trimmed, tabs and newlines removed anywhere.
        let squeezed = String(String.UnicodeScalarView(value.unicodeScalars
                .drop { $0.value <= 0x20 }
                .filter { $0 != "\t" && $0 != "\n" && $0 != "\r" })).lowercased()
        return dangerousSchemes.first { squeezed.hasPrefix($0 + ":") }
    }

    /// A refusal: exit 65 and errors that say where, at least one at the payload's line.
    static func checkRejection(_ summary: BuildPipeline.Summary, field: XSSField) -> [String] {
        var problems: [String] = []
        if summary.exitStatus != .invalidInput { problems.append("refused with exit status \(summary.exitStatus.rawValue), not 65") }
        let errors = summary.diagnostics.filter { $0.severity == .error }
        if errors.isEmpty { problems.append("refused without an error diagnostic") }
        for error in errors {
            guard let location = error.location, !location.file.isEmpty, location.line >= 1, location.column >= 1 else {
                problems.append("error without a file:line:col: \(error)")
                continue
            }
        }
        let places = XSSProject.locations(of: field)
        let located = errors.contains { error in
            places.contains { $0.file == error.location?.file && $0.line == error.location?.line }
        }
        if !located {
            problems.append("no error points at \(places.map { "\($0.file):\($0.line)" }.joined(separator: " or ")): \(errors)")
        }
        return problems
    }
}
