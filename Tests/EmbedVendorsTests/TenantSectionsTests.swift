import EmbedConfig
import EmbedCore
import EmbedVendors
import Foundation
import Testing

/// tenant.yaml with the vendor sections the registry's components declare.
@Suite struct TenantSectionsTests {
    func diagnostics(_ yaml: String) -> [String] {
        ComponentRegistry.loadTenant(data: Data(yaml.utf8), file: "content/acme/tenant.yaml", id: "acme").1.map { $0.description.components(separatedBy: "\n")[0] }
    }

    @Test func everyProblemIsReportedNotOnlyTheFirst() {
        #expect(diagnostics("""
        name: Acme
        baseURL: https://a.example/
        apizee:
          webAgent:
            convrsation: x
            audio: yes
            logLevel: verbose
          quickInvitation:
            serviceKey: short
        theme:
          primaryColor: blue
        """) == [
            "content/acme/tenant.yaml:5:5: error: unknown key 'convrsation' (did you mean 'conversation'?) [config-unknown-key]",
            "content/acme/tenant.yaml:6:12: error: 'apizee.webAgent.audio' must be true or false, found 'yes' [config-type]",
            "content/acme/tenant.yaml:7:15: error: 'apizee.webAgent.logLevel' must be one of 'debug', 'info', 'warn', 'error', found 'verbose' [config-enum]",
            "content/acme/tenant.yaml:9:17: error: 'apizee.quickInvitation.serviceKey' must be 32 letters or digits, found 'short' [config-value]",
            "content/acme/tenant.yaml:11:17: error: 'theme.primaryColor' must be a color like '#0b5fff', found 'blue' [config-color]",
        ])
    }

    @Test func secretsAreRefusedWithARunTimeHint() {
        let (_, problems) = ComponentRegistry.loadTenant(data: Data("""
        name: Acme
        baseURL: https://a.example/
        chatapp:
          access_token: abcdef
          tokenEndpoint: /api/chatapp/token
        """.utf8), file: "t.yaml", id: "acme")
        #expect(problems.map(\.code) == ["config-secret"])
        #expect(problems.first?.location == SourceLocation(file: "t.yaml", line: 4, column: 3))
        #expect(problems.first?.hint?.contains("at run time") == true)
        #expect(diagnostics("name: \"Bearer abc.def\"\nbaseURL: https://a.example/") == [
            "content/acme/tenant.yaml:1:7: error: 'name' looks like a bearer token; secrets cannot be written into a static site [config-secret]",
        ])
    }

    @Test func sessionRecordingIsRefused() {
        #expect(diagnostics("name: Acme\nbaseURL: https://a.example/\napizee:\n  webAgent:\n    lRAppID: abc/app\n") == [
            "content/acme/tenant.yaml:5:5: error: 'apizee.webAgent.lRAppID' is not supported: it starts third-party session recording (LogRocket) of the agent app; embedsmith never emits it [config-refused]",
        ])
    }


    @Test func everyTenantSectionIsInTheSchemaAtItsPath() throws {
        for component in ComponentRegistry.all {
            guard let section = component.tenantSection else { continue }
            var schema = ComponentRegistry.tenantSchema
            for key in section.path {
                guard case .object(let nested)? = schema.field(key)?.type else { Issue.record("\(component.kind): no \(section.path)"); break }
                schema = nested
            }
            for field in section.schema.fields { #expect(schema.field(field.name) != nil, "\(component.kind): \(field.name)") }
        }
    }

    @Test func vendorsComeBetweenTheSitesKeysInRegistryOrder() {
        #expect(ComponentRegistry.tenantSchema.fields.map(\.name) == ["name", "locale", "baseURL", "theme", "apizee", "chatapp", "engage", "security"])
    }
}
