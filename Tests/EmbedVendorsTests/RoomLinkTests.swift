import EmbedConfig
import EmbedCore
@testable import EmbedVendors
import Foundation
import Testing

@Suite struct RoomLinkTests {
    func build(_ url: String, consoleHost: String? = nil) throws -> Result<RoomLink, DiagnosticList> {
        var yaml = "name: Acme\nbaseURL: https://a.example/\n"
        if let consoleHost { yaml += "apizee:\n  console:\n    host: \(consoleHost)\n" }
        let t = try tenant(yaml)
        let node = try YAMLLoader.load(text: "url: \"\(url)\"", file: "p.md").get()
        var validator = SchemaValidator(file: "p.md")
        let object = validator.validateDocument(node, schema: RoomLink.optionsSchema, what: "block")
        if validator.diagnostics.hasErrors { return .failure(DiagnosticList(validator.diagnostics)) }
        return RoomLink.build(options: object, context: ComponentContext(tenant: t))
    }

    @Test(arguments: ["https://cloud.apizee.com/room/1", "https://app.apizee.com/x?y=1"])
    func apizeeHostsAreAccepted(url: String) throws {
        #expect(try build(url).get().url.string == url)
    }

    @Test func theTenantConsoleHostIsAccepted() throws {
        #expect(try build("https://apizee.acme.example/room/2", consoleHost: "apizee.acme.example").get().url.host == "apizee.acme.example")
    }

    @Test(arguments: [
        ("https://evil.example/room", "url-host-not-allowed"),
        ("https://evil.example\\\\@cloud.apizee.com/", "url-host-not-allowed"),
        ("http://cloud.apizee.com/room", "url-not-https"),
        ("https://user:pw@cloud.apizee.com/", "config-secret"),
        ("javascript:alert(1)//cloud.apizee.com", "url-not-https"),
        ("https://cloud.apizee.com.evil.example/", "url-host-not-allowed"),
    ])
    func otherURLsAreRefused(url: String, code: String) throws {
        guard case .failure(let list) = try build(url) else { Issue.record("\(url) accepted"); return }
        #expect(list.diagnostics.map(\.code) == [code])
    }
}
