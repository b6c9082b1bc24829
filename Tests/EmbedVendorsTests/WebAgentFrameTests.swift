import EmbedConfig
import EmbedCore
@testable import EmbedVendors
import Testing

@Suite struct WebAgentFrameTests {
    func build(_ webAgent: String) throws -> Result<WebAgentFrame, DiagnosticList> {
        let t = try tenant("name: D\nbaseURL: https://d.example/\napizee:\n  apiKey: k\n  webAgent:\n" + webAgent)
        return WebAgentFrame.build(options: try options("{}", schema: WebAgentFrame.optionsSchema), context: ComponentContext(tenant: t))
    }

    /// The published app speaks the current protocol only: with it, every 2023-07 message is
    /// refused by the app (Tests/browser/test_real_webagent.py shows it with the real builds).
    @Test func legacyProtocolIsRefusedAtItsLineWithAHint() throws {
        guard case .failure(let list) = try build("    protocol: 2023-07\n    conversation: X\n") else {
            Issue.record("a 2023-07 web-agent was built")
            return
        }
        let diagnostics = list.diagnostics
        let d = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(d.code == "web-agent-legacy-protocol")
        #expect(d.message.contains("https://apirtc.github.io/web-agent/"))
        #expect(d.location?.line == 6)
        #expect(d.hint?.contains("remove 'protocol'") == true)
    }

    @Test func currentProtocolStillBuildsWithTheTallFrame() throws {
        let frame = try build("    protocol: current\n").get()
        let t = try tenant("name: D\nbaseURL: https://d.example/\napizee:\n  apiKey: k\n")
        let html = frame.output(context: ComponentContext(tenant: t)).html.markup
        #expect(html.contains("class=\"es-frame es-frame--tall\""))
    }
}
