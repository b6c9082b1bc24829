import EmbedConfig
import EmbedCore
@testable import EmbedVendors
import Foundation
import Testing

@Suite struct ApizeeEmbedTests {
    func build(_ tenantYAML: String, _ block: String) throws -> Result<ApizeeEmbedFrame, DiagnosticList> {
        try EmbedVendorsTests.build(ApizeeEmbedFrame.self, tenant: tenantYAML, options: block)
    }

    @Test func blockKeysOverrideTheTenantsAndReferencesFallBackWhole() throws {
        let frame = try build("apizee:\n  embed:\n    identificationKey: K\n    conversation: T\n    installationId: I\n    externalReferences: [{ name: a, reference: b }]\n",
                              "conversation: B\nguestPhone: \"+33612345678\"").get()
        #expect(frame.url.string == "https://app.apizee.com/agent/?iK=K&cN=B&gP=%2B33612345678&iI=I&eR=%5B%7B%22name%22%3A%22a%22%2C%22reference%22%3A%22b%22%7D%5D")
        #expect(frame.hasPersonalData)
        let output = frame.output(context: ComponentContext(tenant: try tenant("name: A\nbaseURL: https://a.example/")))
        #expect(output.features == [.frames])
        #expect(output.bridge.frames.map(\.app) == ["apizee-embed"])
        #expect(output.bridge.frames.first?.configuration == nil)
        #expect(output.csp.imageSources == ["data:"], "the gallery (on by default) shows data: snapshots")
    }

    @Test func theKeyAndAConversationAreRequired() throws {
        guard case .failure(let noKey) = try build("", "conversation: c") else { Issue.record("accepted"); return }
        #expect(noKey.diagnostics.map(\.code) == ["apizee-embed-key-missing"])
        guard case .failure(let noConversation) = try build("apizee:\n  embed:\n    identificationKey: K\n", "conversation: \"\"") else { Issue.record("accepted"); return }
        #expect(noConversation.diagnostics.map(\.code) == ["apizee-embed-conversation-missing"])
    }

    @Test func onlyTheEmbedHostIsAccepted() throws {
        guard case .failure(let list) = try build("apizee:\n  embed:\n    identificationKey: K\n    url: https://apirtc.github.io/web-agent/\n", "conversation: c")
        else { Issue.record("accepted"); return }
        #expect(list.diagnostics.map(\.code) == ["url-host-not-allowed"])
    }
}
