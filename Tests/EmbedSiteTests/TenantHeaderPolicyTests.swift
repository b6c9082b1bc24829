@testable import EmbedSite
import EmbedVendors
import Testing
import EmbedConfig
import Foundation

/// The tenant-wide header values stay within Cloudflare's 2,000 characters a line however many
/// origins a tenant's pages frame.
@Suite struct TenantHeaderPolicyTests {
    static func page(framing origins: [String]) -> ContentSecurityPolicy {
        let contribution = CSPContribution(frameSources: Set(origins), delegatedFeatures: ["camera": Set(origins), "microphone": Set(origins)])
        return ContentSecurityPolicy(bridgeIntegrity: nil, contribution: contribution)
    }

    @Test func manyFramedOriginsSplitPermissionsOverLinesAndKeepEveryGrant() {
        // 40 origins: each feature's member fits a line (about 1,000 characters), all of them do not.
        let origins = (0..<40).map { "https://vendor\($0).example" }
        let pages = origins.map { Self.page(framing: [$0]) }
        let lines = HeadersFile.tenantPermissions(pages)
        #expect(lines.count > 1)
        for line in lines { #expect("  Permissions-Policy: ".count + line.count <= HeadersFile.lineLimit) }
        let joined = lines.joined(separator: ", ")
        #expect(joined.contains("usb=()"))
        for origin in origins { #expect(joined.contains("\"\(origin)\"")) }
    }

    @Test func aCeilingTooLongForALineKeepsOnlyWhatEveryPageShares() {
        let pages = (0..<200).map { Self.page(framing: ["https://vendor\($0).example"]) }
        let policy = HeadersFile.tenantPolicy(pages, frameAncestors: ["'self'"])
        #expect("  Content-Security-Policy: ".count + policy.count <= HeadersFile.lineLimit)
        // connect-src is in no page's policy (each falls back to default-src 'none'): left out.
        #expect(policy == "script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'")
        let few = HeadersFile.tenantPolicy(Array(pages.prefix(2)), frameAncestors: ["'self'"])
        #expect(few == "script-src 'none'; connect-src 'none'; frame-src https://vendor0.example https://vendor1.example; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'")
    }
}

/// `security.reportTo`: the header policy reports its violations to the tenant's endpoint.
@Suite struct TenantReportingTests {
    @Test func reportToAddsTheEndpointAndTheDirective() {
        let text = HeadersFile.render(basePath: "/", frameAncestors: ["'self'"], reportTo: #"https://r.example/csp?a=\b"#, entries: [])
        #expect(text.contains("\n  Reporting-Endpoints: csp-endpoint=\"https://r.example/csp?a=\\\\b\"\n"))
        #expect(text.contains("; frame-ancestors 'self'; report-to csp-endpoint\n"))
        let plain = HeadersFile.render(basePath: "/", frameAncestors: ["'self'"], entries: [])
        #expect(!plain.contains("report-to") && !plain.contains("Reporting-Endpoints"))
    }

    @Test func reportToIsReadFromTenantYAML() throws {
        let yaml = "name: T\nbaseURL: https://t.example/\nsecurity:\n  reportTo: https://reports.t.example/csp\n"
        let (config, diagnostics) = ComponentRegistry.loadTenant(data: Data(yaml.utf8), file: "tenant.yaml", id: "t")
        #expect(diagnostics.isEmpty)
        #expect(config?.reportTo == "https://reports.t.example/csp")
        let (_, refused) = ComponentRegistry.loadTenant(data: Data((yaml + "").replacingOccurrences(of: "https://reports", with: "http://reports").utf8), file: "tenant.yaml", id: "t")
        #expect(refused.contains { $0.severity == .error })
    }
}
