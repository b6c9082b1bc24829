import EmbedConfig
import EmbedCore
@testable import EmbedVendors
import Foundation
import Testing

@Suite struct QuickInvitationTests {
    let acme: TenantConfig
    init() throws {
        acme = try tenant("""
        name: Acme
        baseURL: https://support.acme.example/
        apizee:
          quickInvitation:
            serviceKey: 0123456789abcdef0123456789abcdef
            readOnly: { service: true }
        """)
    }

    func url(_ yaml: String, tenant: TenantConfig? = nil) throws -> String {
        let link = try QuickInvitation.build(options: options(yaml), context: ComponentContext(tenant: tenant ?? acme)).get()
        return try link.url().string
    }

    @Test func currentVariantEncodesEveryValue() throws {
        let href = try url("""
        reference: "CASE 42/ü&x=y"
        phones: ["+33612345678", "+14155550123"]
        emails: [jane.doe+vip@example.com]
        readOnly: { recipients: true }
        """)
        #expect(href == "https://cloud.apizee.com/quick-invitation?reference=CASE%2042%2F%C3%BC%26x%3Dy"
            + "&service_key=0123456789abcdef0123456789abcdef&phone_numbers=%2B33612345678,%2B14155550123"
            + "&email_addresses=jane.doe%2Bvip%40example.com&read_only.service=true&read_only.recipients=true")
    }

    @Test func blockOverridesTenantDefaultsKeyByKey() throws {
        let href = try url("readOnly: { service: false }\nserviceKey: FEDCBA9876543210FEDCBA9876543210")
        #expect(href == "https://cloud.apizee.com/quick-invitation?service_key=FEDCBA9876543210FEDCBA9876543210&read_only.service=false")
    }

    @Test func legacyVariantUsesTheOldPathAndKeys() throws {
        let href = try url("variant: legacy\nphone: \"+33698765432\"\nreference: R-1\nname: Élise Dupré")
        #expect(href == "https://cloud.apizee.com/tickets/quick-invitation?phone=%2B33698765432&reference=R-1&name=%C3%89lise%20Dupr%C3%A9")
    }

    @Test func legacyVariantTakesADescription() throws {
        let href = try url("variant: legacy\nreference: R-1\ndescription: Broken boiler & leak")
        #expect(href == "https://cloud.apizee.com/tickets/quick-invitation?reference=R-1&description=Broken%20boiler%20%26%20leak")
        let current = QuickInvitation.build(options: try options("description: x"), context: ComponentContext(tenant: acme))
        #expect(throws: DiagnosticList.self) { try current.get() }
    }

    @Test func keysOfTheOtherVariantAreErrors() throws {
        let current = QuickInvitation.build(options: try options("phone: \"+33612345678\""), context: ComponentContext(tenant: acme))
        #expect(throws: DiagnosticList.self) { try current.get() }
        let legacy = QuickInvitation.build(options: try options("variant: legacy\nphones: [\"+33612345678\"]"), context: ComponentContext(tenant: acme))
        guard case .failure(let list) = legacy else { Issue.record("legacy with phones accepted"); return }
        #expect(list.diagnostics.map(\.description) == [
            "page.md:2:9: error: 'phones' is not used by the legacy quick-invitation variant; the legacy form only takes 'phone', 'reference', 'name' and 'description' [quick-invitation-variant-key]",
        ])
    }

    @Test func referenceLongerThan50IsRefusedAtLoad() throws {
        let node = try YAMLLoader.load(text: "reference: \(String(repeating: "x", count: 51))", file: "p.md", firstLine: 10).get()
        var validator = SchemaValidator(file: "p.md", lineOffset: 9)
        _ = validator.validateDocument(node, schema: QuickInvitation.optionsSchema, what: "block")
        #expect(validator.diagnostics.map(\.description) == ["p.md:10:12: error: 'reference' is 51 characters long; the limit is 50 [config-too-long]"])
        #expect(try url("reference: \(String(repeating: "y", count: 50))").hasSuffix(String(repeating: "y", count: 50) + "&service_key=0123456789abcdef0123456789abcdef&read_only.service=true"))
    }

    @Test func linkHTMLOpensANewTabWithoutOpener() throws {
        let link = try QuickInvitation.build(options: options("label: \"<Call> & co\""), context: ComponentContext(tenant: acme)).get()
        let html = link.output(context: ComponentContext(tenant: acme)).html.markup
        #expect(html.hasPrefix("<a class=\"es-button es-quick-invitation\" href=\"https://cloud.apizee.com/quick-invitation?service_key=0123456789abcdef0123456789abcdef&amp;read_only.service=true\" target=\"_blank\" rel=\"noopener noreferrer\">&lt;Call&gt; &amp; co<span"))
    }
}
