import EmbedConfig
import EmbedCore
@testable import EmbedVendors
import Foundation
import Testing

@Suite struct PHPQueryTests {
    typealias V = PHPQuery.Value

    @Test func buildEncodesLikeHTTPBuildQuery() {
        let query = PHPQuery.build([
            ("api", .array([("license_id", .text("30310")), ("messenger_type", .text("grWhatsApp"))])),
            ("crm", .array([("dialogIds", .array([("0", .text("79999999999@c.us")), ("1", .text("a b+c~"))]))])),
        ])
        #expect(query == "api%5Blicense_id%5D=30310&api%5Bmessenger_type%5D=grWhatsApp"
            + "&crm%5BdialogIds%5D%5B0%5D=79999999999%40c.us&crm%5BdialogIds%5D%5B1%5D=a+b%2Bc%7E")
    }

    @Test func parseReadsRawAndEncodedBracketsAlike() {
        let raw = PHPQuery.parse("crm[dialogIds][0]=79999999999@c.us&api[license_id]=30310&api[messenger_type]=grWhatsApp")
        let encoded = PHPQuery.parse("crm%5BdialogIds%5D%5B0%5D=79999999999%40c.us&api%5Blicense_id%5D=30310&api%5Bmessenger_type%5D=grWhatsApp")
        #expect(PHPQuery.Value.array(raw) == PHPQuery.Value.array(encoded))
        #expect(raw.map(\.0) == ["crm", "api"])
        #expect(raw[0].1 == V.array([("dialogIds", .array([("0", .text("79999999999@c.us"))]))]))
    }

    @Test func emptyBracketsAppendAndLaterKeysWin() {
        let parsed = PHPQuery.parse("a[]=x&a[]=y&b=1&b=2&c[k]=v")
        #expect(parsed[0].1 == V.array([("0", .text("x")), ("1", .text("y"))]))
        #expect(parsed[1].1 == V.text("2"))
        #expect(parsed[2].1 == V.array([("k", .text("v"))]))
    }

    /// What the generator writes, PHP reads back identically, for hostile values too.
    @Test(arguments: ["79999999999", "a&b=c", "[0]", "%41", "é ü", "+33 6", "x]y[z", "\"'<>"])
    func roundTrip(value: String) {
        let structure: [(String, V)] = [("api", .array([("crm_domain", .text(value))])), ("crm", .array([("phones", .array([("0", .text(value)), ("1", .text("2"))]))]))]
        let parsed = PHPQuery.parse(PHPQuery.build(structure))
        #expect(parsed.count == structure.count)
        for (a, b) in zip(parsed, structure) {
            #expect(a.0 == b.0)
            #expect(a.1 == b.1)
        }
    }
}

@Suite struct ChatAppEmbedTests {
    func build(_ tenantExtra: String, _ block: String) throws -> Result<ChatAppEmbed, DiagnosticList> {
        let t = try tenant("name: G\nbaseURL: https://g.example/\nchatapp:\n" + tenantExtra)
        let node = try YAMLLoader.load(text: block, file: "p.md").get()
        var validator = SchemaValidator(file: "p.md")
        let object = validator.validateDocument(node, schema: ChatAppEmbed.optionsSchema, what: "block")
        #expect(validator.diagnostics.isEmpty, "\(validator.diagnostics)")
        return ChatAppEmbed.build(options: object, context: ComponentContext(tenant: t))
    }

    @Test func iframeCarriesTheVendorProfileAndOriginScopedFeatures() throws {
        let dialog = try build("  licenseId: 30310\n  messenger: grWhatsApp\n", "phones: [\"+79999999999\", \"79990000000\"]").get()
        #expect(dialog.url.string == "https://dialogs.pro/?api%5Blicense_id%5D=30310&api%5Bmessenger_type%5D=grWhatsApp&crm%5Bphones%5D%5B0%5D=79999999999&crm%5Bphones%5D%5B1%5D=79990000000")
        let html = dialog.output(context: ComponentContext(tenant: try tenant("name: G\nbaseURL: https://g.example/"))).html.markup
        #expect(html.contains("sandbox=\"allow-forms allow-modals allow-orientation-lock allow-pointer-lock allow-popups allow-popups-to-escape-sandbox allow-presentation allow-same-origin allow-scripts allow-top-navigation\""))
        #expect(html.contains("allow=\"camera https://dialogs.pro; microphone https://dialogs.pro; clipboard-read https://dialogs.pro; clipboard-write https://dialogs.pro\""))
        let parsed = PHPQuery.parse(String(dialog.url.string.split(separator: "?")[1]))
        #expect(parsed[1].1 == PHPQuery.Value.array([("phones", .array([("0", .text("79999999999")), ("1", .text("79990000000"))]))]))
    }

    @Test func hardenedProfileDropsTopNavigationButKeepsTheUserActivationVariant() throws {
        let dialog = try build("  sandbox: hardened\n", "display: iframe").get()
        #expect(dialog.sandbox.contains("allow-top-navigation-by-user-activation"))
        #expect(!dialog.sandbox.contains("allow-top-navigation"))
    }

    @Test func tokenEndpointLeavesTheFrameEmptyForTheBridge() throws {
        let dialog = try build("  licenseId: 1\n  tokenEndpoint: /api/chatapp/token\n", "display: iframe").get()
        let output = dialog.output(context: ComponentContext(tenant: try tenant("name: G\nbaseURL: https://g.example/")))
        #expect(!output.html.markup.contains(" src="))
        #expect(output.bridge.chatapp == [ChatAppTokenSettings(frameId: "es-frame-1", origin: "https://dialogs.pro", src: "https://dialogs.pro/?api%5Blicense_id%5D=1",
                                                       tokenEndpoint: "/api/chatapp/token")])
        #expect(output.features == [.chatapp])
        #expect(output.csp.connectSources == ["'self'"])
    }

    @Test func unknownMessengersAndEmployeeIdentityWithoutTokenAreRefused() throws {
        guard case .failure(let a) = try build("  messenger: grayWhatsApp\n", "display: link") else { Issue.record("accepted"); return }
        #expect(a.diagnostics.map(\.code) == ["chatapp-messenger-unknown"])
        #expect(a.diagnostics[0].message.contains("did you mean 'grWhatsApp'"))
        guard case .failure(let b) = try build("  crmDomain: acme.bitrix24.example\n  employeeExtCode: \"42\"\n", "display: link") else { Issue.record("accepted"); return }
        #expect(b.diagnostics.map(\.code) == ["chatapp-employee-without-token"])
    }
}
