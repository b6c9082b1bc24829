import EmbedConfig
import EmbedCore
import Foundation
import Testing

@Suite struct TenantLoaderTests {
    /// The site's own keys; vendor sections are the registry's (EmbedVendorsTests/TenantSectionsTests).
    static let schema = TenantSchema.tenant(vendorSections: [])

    func diagnostics(_ yaml: String) -> [String] {
        TenantLoader.load(data: Data(yaml.utf8), file: "content/acme/tenant.yaml", id: "acme", schema: Self.schema).1.map { $0.description.components(separatedBy: "\n")[0] }
    }

    @Test func validTenantLoadsWithDefaults() throws {
        let (config, problems) = TenantLoader.load(data: Data("name: Acme\nbaseURL: https://a.example/\n".utf8), file: "t.yaml", id: "acme", schema: Self.schema)
        #expect(problems.isEmpty)
        let tenant = try #require(config)
        #expect(tenant.locale == "en")
        #expect(tenant.primaryColor == "#0b5fff")
        #expect(tenant.frameAncestors == ["'none'"])
    }

    @Test(arguments: [
        ("a: &x [1]\nb: *x", "yaml-anchor", "1:4"),
        ("name: Acme\n\tbaseURL: x", "yaml-syntax", "2:1"),
        ("name: A\nname: B", "yaml-duplicate-key", "2:1"),   // at the repeat
        ("theme: { logo: a, logo: b }", "yaml-duplicate-key", "1:19"),   // flow mapping: at the repeat too
        (String(repeating: "[", count: 40) + String(repeating: "]", count: 40), "yaml-too-deep", "1:33"),
        (String(repeating: "- ", count: 40) + "x", "yaml-too-deep", "1:65"),
        ("- a\n- b", "config-type", "1:1"),
        ("name: Acme\nbaseURL: https://a.example/help", "config-base-url", "2:10"),
    ])
    func yamlProblemsAreLocated(yaml: String, code: String, position: String) {
        let (_, problems) = TenantLoader.load(data: Data(yaml.utf8), file: "t.yaml", id: "acme", schema: Self.schema)
        let match = problems.first { $0.code == code }
        #expect(match != nil, "\(problems)")
        if let location = match?.location { #expect("\(location.line):\(location.column)" == position) }
    }

    @Test func invalidUTF8IsLocated() {
        var data = Data("name: Acme\nbaseURL: https://a.example/\ntheme: { logo: \"".utf8)
        data.append(contentsOf: [0xC3, 0x28])
        let (_, problems) = TenantLoader.load(data: data, file: "t.yaml", id: "acme", schema: Self.schema)
        #expect(problems.map(\.description).first?.hasPrefix("t.yaml:3:17: error: file is not valid UTF-8 (byte 0xC3)") == true)
    }

    @Test func aLeadingByteOrderMarkIsAccepted() {
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data("name: Acme\nbaseURL: https://a.example/\n".utf8))
        #expect(TenantLoader.load(data: data, file: "t.yaml", id: "acme", schema: Self.schema).0 != nil)
    }

    @Test func tenantFolderNamesBecomeURLsSoTheyAreChecked() {
        let (_, problems) = TenantLoader.load(data: Data("name: A\nbaseURL: https://a.example/".utf8), file: "t.yaml", id: "Acme Corp", schema: Self.schema)
        #expect(problems.map(\.code) == ["tenant-id"])
    }
}

@Suite struct ValueRulesTests {
    @Test func phones() {
        #expect(ValueRules.isPhone("+33612345678"))
        #expect(!ValueRules.isPhone("0612345678"))
        #expect(!ValueRules.isPhone("+33 6 12 34 56 78"))
        #expect(!ValueRules.isPhone("+0123456789"))
        #expect(!ValueRules.isPhone("+1234567890123456"))
    }

    @Test func emails() {
        #expect(ValueRules.isEmail("jane.doe+tag@example.co.uk"))
        #expect(!ValueRules.isEmail("jane@localhost"))
        #expect(!ValueRules.isEmail("<jane>@example.com"))
        #expect(!ValueRules.isEmail("jane doe@example.com"))
        #expect(!ValueRules.isEmail("a@b@example.com"))
    }

    @Test func suggestions() {
        #expect(Suggestion.closest(to: "convrsation", in: ["conversation", "agentName"]) == "conversation")
        #expect(Suggestion.closest(to: "de", in: ["en", "fr"]) == nil)
    }
}
