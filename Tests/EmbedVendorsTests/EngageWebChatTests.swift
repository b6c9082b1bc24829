import EmbedConfig
import EmbedCore
@testable import EmbedVendors
import Foundation
import Testing

@Suite struct EngageWebChatTests {
    @Test func engageLoadsTheTenantScriptDeferredWithCobrowseButtons() throws {
        let t = try tenant("name: G\nlocale: fr\nbaseURL: https://g.example/\nengage:\n  scriptId: 5c593c728b02502bc3f8ffe1\n  cobrowse: true\n  labels: [vip]\n")
        let output = try EngageWebChat.build(options: ConfigObject(location: SourceLocation(file: "p", line: 1, column: 1)),
                                             context: ComponentContext(tenant: t)).get().output(context: ComponentContext(tenant: t))
        #expect(output.headScripts.map(\.string) == ["https://cdn.chatvisor.com/cdn/js/5c593c728b02502bc3f8ffe1.js"])
        #expect(output.html.markup.contains("data-embedsmith-cobrowse=\"start\" disabled>Démarrer la co-navigation</button>"))
        #expect(output.bridge.engage == EngageSettings(labels: ["vip"], checkVisibility: false, cobrowse: true))
        #expect(output.features == [.engage])
        #expect(output.csp.scriptSources == ["https://cdn.chatvisor.com"])
    }
}
