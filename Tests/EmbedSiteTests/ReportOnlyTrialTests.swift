@testable import EmbedSite
import EmbedVendors
import Testing
import EmbedConfig
import Foundation

/// `security.reportOnly`: a report-only trial of a stricter policy in the tenant's `_headers`.
@Suite struct ReportOnlyTrialTests {
    static func page(framing origins: [String], scripts: [String] = []) -> ContentSecurityPolicy {
        ContentSecurityPolicy(bridgeIntegrity: nil, contribution: CSPContribution(frameSources: Set(origins), scriptSources: Set(scripts)))
    }

    static let pages = [page(framing: ["https://a.example", "https://b.example"]), page(framing: ["https://c.example"], scripts: ["https://cdn.example"])]

    @Test func theTrialIsEveryPageDirectiveLessTheLeftOutOrigins() {
        let trial = ReportOnlyTrial(without: ["https://b.example", "https://crm.example"], trustedTypes: true)
        let text = HeadersFile.render(basePath: "/help/", frameAncestors: ["'self'", "https://crm.example"], reportTo: "https://r.example/csp",
                                      reportOnly: trial, entries: Self.pages.map { .init(publicPath: "/help/x.html", csp: $0) })
        let line = text.split(separator: "\n").first { $0.hasPrefix("  Content-Security-Policy-Report-Only: ") }
        #expect(line == "  Content-Security-Policy-Report-Only: default-src 'none'; script-src https://cdn.example; style-src 'self'; img-src 'self'; frame-src https://a.example https://c.example; base-uri 'none'; form-action 'none'; object-src 'none'; require-trusted-types-for 'script'; frame-ancestors 'self'; report-to csp-endpoint")
        // The enforced policy keeps every origin.
        #expect(text.contains("frame-src https://a.example https://b.example https://c.example;"))
        #expect(text.contains("frame-ancestors 'self' https://crm.example; report-to csp-endpoint\n"))
    }

    @Test func leavingOutEveryFramedOriginLeavesNone() {
        let policy = HeadersFile.trialPolicy(Self.pages, frameAncestors: ["https://crm.example"],
                                             trial: ReportOnlyTrial(without: ["https://a.example", "https://b.example", "https://c.example", "https://crm.example"]),
                                             suffix: "")
        #expect(policy.contains("frame-src 'none';"))
        #expect(policy.hasSuffix("; frame-ancestors 'none'"))
        #expect(!policy.contains("trusted-types"))
    }

    @Test func anOriginLeftOutTakesItsWebSocketTwin() {
        let chat = ContentSecurityPolicy(bridgeIntegrity: nil, contribution: CSPContribution(connectSources: ["https://app.example", "wss://app.example", "wss://other.example"]))
        let policy = HeadersFile.trialPolicy([chat], frameAncestors: ["'self'"], trial: ReportOnlyTrial(without: ["https://app.example"]), suffix: "")
        #expect(policy.contains("; connect-src wss://other.example;"))
    }

    @Test func noTrialWithoutAnEndpoint() {
        let text = HeadersFile.render(basePath: "/", frameAncestors: ["'self'"], reportOnly: ReportOnlyTrial(trustedTypes: true),
                                      entries: Self.pages.map { .init(publicPath: "/x.html", csp: $0) })
        #expect(!text.contains("Report-Only"))
    }

    @Test func aTrialTooLongForALineKeepsWhatEveryPageShares() {
        let many = (0..<200).map { Self.page(framing: ["https://vendor\($0).example"]) }
        let policy = HeadersFile.trialPolicy(many, frameAncestors: ["'self'"], trial: ReportOnlyTrial(without: ["https://vendor1.example"]),
                                             suffix: "; report-to csp-endpoint")
        #expect("  Content-Security-Policy-Report-Only: ".count + policy.count <= HeadersFile.lineLimit)
        #expect(!policy.contains("frame-src"))
        #expect(policy.hasPrefix("default-src 'none'; script-src 'none'; style-src 'self'; img-src 'self';"))
        #expect(policy.hasSuffix("frame-ancestors 'self'; report-to csp-endpoint"))
    }

    static let base = "name: T\nbaseURL: https://t.example/\nsecurity:\n"

    @Test func tenantYAMLGivesTheTrial() {
        let yaml = Self.base + "  reportTo: https://r.t.example/csp\n  reportOnly:\n    without: [https://cdn.chatvisor.com]\n    trustedTypes: true\n"
        let (config, diagnostics) = ComponentRegistry.loadTenant(data: Data(yaml.utf8), file: "tenant.yaml", id: "t")
        #expect(diagnostics.isEmpty)
        #expect(config?.reportOnly == ReportOnlyTrial(without: ["https://cdn.chatvisor.com"], trustedTypes: true))
        let (plain, _) = ComponentRegistry.loadTenant(data: Data((Self.base + "  reportTo: https://r.t.example/csp\n").utf8), file: "tenant.yaml", id: "t")
        #expect(plain != nil && plain?.reportOnly == nil)
    }

    @Test func aTrialWithoutAnEndpointIsALocatedError() {
        let yaml = Self.base + "  frameAncestors: ['self']\n  reportOnly:\n    trustedTypes: true\n"
        let (config, diagnostics) = ComponentRegistry.loadTenant(data: Data(yaml.utf8), file: "tenant.yaml", id: "t")
        #expect(config == nil)
        let error = diagnostics.first { $0.code == "config-report-only-endpoint" }
        // At the trial's mapping (the YAML tree keeps where values start, not keys).
        #expect(error.map { [$0.location?.line, $0.location?.column] } == [6, 5])
    }

    @Test(arguments: ["http://cdn.example", "https://cdn.example/js", "'self'", "https://user@cdn.example", "cdn.example"])
    func onlyOriginsCanBeLeftOut(origin: String) {
        let yaml = Self.base + "  reportTo: https://r.t.example/csp\n  reportOnly:\n    without: [\"\(origin)\"]\n"
        let (config, diagnostics) = ComponentRegistry.loadTenant(data: Data(yaml.utf8), file: "tenant.yaml", id: "t")
        #expect(config == nil && diagnostics.contains { $0.severity == .error })
    }
}
