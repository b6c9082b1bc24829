import EmbedConfig
import EmbedCore
@testable import EmbedVendors
import Foundation
import Testing

@Suite struct ConsoleTests {
    func build(_ tenantYAML: String, _ block: String = "{}") throws -> Result<ConsoleFrame, DiagnosticList> {
        try EmbedVendorsTests.build(ConsoleFrame.self, tenant: tenantYAML, options: block)
    }

    @Test func theFrameIsOnTheTenantsCNAMEAtThePathAsked() throws {
        #expect(try build("apizee:\n  console:\n    host: apizee.example.com\n").get().url.string == "https://apizee.example.com/")
        let frame = try build("apizee:\n  console:\n    host: apizee.example.com\n", "path: /tickets").get()
        #expect(frame.url.string == "https://apizee.example.com/tickets")
        let output = frame.output(context: ComponentContext(tenant: try tenant("name: A\nbaseURL: https://a.example/")))
        #expect(output.csp.frameSources == ["https://apizee.example.com"])
        #expect(output.features.isEmpty && output.isAgentTool)
    }

    @Test func apizeesOwnHostsAndAMissingHostAreRefused() throws {
        guard case .failure(let missing) = try build("") else { Issue.record("accepted"); return }
        #expect(missing.diagnostics.map(\.code) == ["console-host-missing"])
        guard case .failure(let cloud) = try build("apizee:\n  console:\n    host: cloud.apizee.com\n") else { Issue.record("accepted"); return }
        #expect(cloud.diagnostics.map(\.code) == ["console-host-forbidden"])
        #expect(cloud.diagnostics.first?.location?.line == 5, "at the tenant's host key")
    }
}
