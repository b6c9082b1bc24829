import EmbedConfig
import EmbedCore
@testable import EmbedVendors
import Foundation
import Testing

@Suite struct LoaderAgentTests {
    func build(_ tenantYAML: String) throws -> Result<LoaderAgentBootstrap, DiagnosticList> {
        try EmbedVendorsTests.build(LoaderAgentBootstrap.self, tenant: tenantYAML)
    }

    @Test func settingsAreTypedAndDefaultsComeFromTheirKeys() throws {
        let loader = try build("apizee:\n  loaderAgent:\n    agentInfoEndpoint: /api/me\n    params: { directory: true, culture: fr }\n").get()
        let output = loader.output(context: ComponentContext(tenant: try tenant("name: A\nbaseURL: https://a.example/")))
        let settings = try #require(output.bridge.loaderAgent)
        #expect(settings.server == LoaderAgentBootstrap.TenantSettings.server.defaultValue)
        #expect(settings.script == LoaderAgentBootstrap.TenantSettings.script.defaultValue)
        #expect(settings.useFrame && settings.apiKey == nil)
        #expect(settings.params == LoaderAgentSettings.Params(directory: true, directoryStartOpen: nil, useDefaultTheme: nil, template: nil, culture: "fr"))
        #expect(output.features == [.loaderAgent])
        #expect(output.csp.connectSources == ["'self'", "https://cloud.apizee.com", "wss://cloud.apizee.com"])
    }

    @Test func theEndpointIsRequiredAndTheServerEndsWithASlash() throws {
        guard case .failure(let missing) = try build("apizee:\n  apiKey: k\n") else { Issue.record("accepted"); return }
        #expect(missing.diagnostics.map(\.code) == ["loader-agent-endpoint-missing"])
        guard case .failure(let slash) = try build("apizee:\n  loaderAgent:\n    agentInfoEndpoint: /api/me\n    server: https://cloud.apizee.com/agent\n")
        else { Issue.record("accepted"); return }
        #expect(slash.diagnostics.map(\.code) == ["loader-agent-server-slash"])
    }
}
