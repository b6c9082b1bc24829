import EmbedCheck
import EmbedCore
import Foundation
import Testing

/// `check:` in embedsmith.yaml: validated like every embedsmith config, located errors.
@Suite struct CheckConfigTests {
    static func load(_ yaml: String) -> Result<CheckSettings, DiagnosticList> {
        CheckConfigLoader.load(data: Data(yaml.utf8), file: "embedsmith.yaml")
    }

    @Test func readsHostsTypesAndLevels() throws {
        let settings = try Self.load("""
        check:
          frameHosts: [apizee.acme.example, agent.acme.example]
          messengerTypes: [telegramBot]
          rules:
            sandbox-escape: off
            url-valid: warning
        """).get()
        #expect(settings.frameHosts == ["apizee.acme.example", "agent.acme.example"])
        #expect(settings.messengerTypes == ["telegramBot"])
        #expect(settings.levels == ["sandbox-escape": .off, "url-valid": .warning])
    }

    @Test func emptyFileMeansDefaults() throws {
        let settings = try Self.load("").get()
        #expect(settings.frameHosts.isEmpty && settings.levels.isEmpty)
    }

    @Test func everyProblemIsLocated() {
        guard case .failure(let problems) = Self.load("""
        check:
          frameHost: [x.example]
          rules:
            sandbox-escap: off
            url-valid: fatal
          messengerTypes: ["tele gram"]
        """) else { Issue.record("bad config accepted"); return }
        let text = problems.description
        #expect(text.contains("embedsmith.yaml:2:3: error: unknown key 'frameHost' (did you mean 'frameHosts'?)"), "\(text)")
        #expect(text.contains("embedsmith.yaml:4:5: error: unknown key 'sandbox-escap' (did you mean 'sandbox-escape'?)"), "\(text)")
        #expect(text.contains("embedsmith.yaml:5:16:"), "\(text)")
        #expect(text.contains("embedsmith.yaml:6:20:"), "\(text)")
        #expect(problems.diagnostics.count == 4)
    }

    @Test func levelsChangeSeveritiesOrSilenceRules() {
        let html = Checking.page(body: #"<iframe title="c" src="/widget.html" sandbox="allow-scripts allow-same-origin"></iframe>"#)
        #expect(Checking.findings(html, rule: "sandbox-escape").map(\.severity) == [.error])
        #expect(Checking.findings(html, rule: "sandbox-escape", settings: CheckSettings(levels: ["sandbox-escape": .warning])).map(\.severity) == [.warning])
        #expect(Checking.findings(html, rule: "sandbox-escape", settings: CheckSettings(levels: ["sandbox-escape": .off])).isEmpty)
    }

    @Test func frameHostsExtendTheVendorList() {
        let html = Checking.page(body: #"<iframe title="c" src="https://apizee.acme.example/"></iframe>"#,
                                 csp: "default-src 'none'; frame-src https://apizee.acme.example")
        #expect(Checking.findings(html, rule: "iframe-src").count == 1)
        #expect(Checking.findings(html, rule: "iframe-src", settings: CheckSettings(frameHosts: ["apizee.acme.example"])).isEmpty)
    }
}
