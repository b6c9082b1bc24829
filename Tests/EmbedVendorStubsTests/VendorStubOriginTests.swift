import EmbedConfig
import EmbedCore
import EmbedVendors
import EmbedVendorStubs
import Foundation
import Testing

/// `serve --stub-vendors`: components point their vendor URLs at the stub origin, and every URL
/// they make there is one the stub router answers.
@Suite struct VendorStubOriginTests {
    static let tenantYAML = """
        name: Initech
        baseURL: https://support.initech.example/help/
        apizee:
          apiKey: initechDemoKey
          webAgent:
            conversation: Initech-Desk
          embed:
            identificationKey: ik-77
            conversation: Desk
          loaderAgent:
            agentInfoEndpoint: /api/me
          console:
            host: video.initech.example
          sessionEvents:
            endpoint: /api/tickets/{ticketId}/events
        chatapp:
          licenseId: 40410
          tokenEndpoint: /api/chatapp/token
        engage:
          scriptId: 6a1b2c3d4e5f60718293a4b5
        """

    func render(_ kind: String, _ yaml: String = "{}", stubs: VendorStubOrigin?) throws -> ComponentOutput {
        let (config, diagnostics) = ComponentRegistry.loadTenant(data: Data(Self.tenantYAML.utf8), file: "tenant.yaml", id: "initech")
        let tenant = try #require(config, "\(diagnostics)")
        let node = try YAMLLoader.load(text: yaml, file: "page.md").get()
        var validator = SchemaValidator(file: "page.md")
        let options = validator.validateDocument(node, schema: try #require(ComponentRegistry.component(kind: kind)?.optionsSchema), what: "block")
        #expect(validator.diagnostics.isEmpty, "\(validator.diagnostics)")
        return try ComponentRegistry.render(kind: kind, options: options, context: ComponentContext(tenant: tenant, stubVendors: stubs)).get()
    }

    /// Every URL in a component's output: attributes, settings JSON, head scripts.
    func text(_ o: ComponentOutput) -> String {
        var parts = [o.html.markup] + o.headScripts.map(\.string)
        parts.append(BridgeSettings(locale: "en", parts: o.bridge).scriptJSON)
        return parts.joined(separator: "\n")
    }

    @Test(arguments: ["http://127.0.0.1:8802", "http://localhost:9000", "http://127.0.0.1:8802/", "https://127.0.0.1:4443"])
    func acceptsALoopbackOrigin(origin: String) throws {
        let stubs = try #require(VendorStubOrigin(origin))
        #expect(!stubs.origin.hasSuffix("/"))
    }

    @Test(arguments: ["http://example.com:8802", "https://stubs.example", "http://10.0.0.1:80", "http://127.0.0.1:8802/stubs/",
                      "http://127.0.0.1:8802/?x=1", "http://user:pw@127.0.0.1:8802", "http://127.0.0.1:8802#x", "javascript:alert(1)",
                      "127.0.0.1:8802", "", "file:///tmp/"])
    func refusesAnythingElse(origin: String) {
        #expect(VendorStubOrigin(origin) == nil)
    }

    @Test func withoutStubsTheVendorURLsAreUnchanged() throws {
        let web = text(try render("web-agent", stubs: nil))
        #expect(web.contains("https://apirtc.github.io/web-agent/?aK=initechDemoKey"))
        #expect(!web.contains("127.0.0.1"))
    }

    @Test func eachVendorURLPointsAtTheStubOriginAndKeepsItsQuery() throws {
        let stubs = try #require(VendorStubOrigin("http://127.0.0.1:8802"))
        let web = try render("web-agent", stubs: stubs)
        #expect(text(web).contains("http://127.0.0.1:8802/web-agent/?aK=initechDemoKey&amp;cN=Initech-Desk"))
        #expect(web.csp.frameSources == ["http://127.0.0.1:8802"])
        #expect(!text(web).contains("apirtc.github.io"))

        let embed = text(try render("apizee-embed", stubs: stubs))
        #expect(embed.contains("http://127.0.0.1:8802/agent/?iK=ik-77") && !embed.contains("app.apizee.com"))

        let console = text(try render("console", stubs: stubs))
        #expect(console.contains("http://127.0.0.1:8802/console/") && !console.contains("video.initech.example"))

        let loader = try render("loader-agent", stubs: stubs)
        #expect(text(loader).contains("\"script\":\"http://127.0.0.1:8802/loader/loaderAgent.js\""))
        #expect(text(loader).contains("\"server\":\"http://127.0.0.1:8802/\""))
        #expect(text(loader).contains("\"agentInfoEndpoint\":\"/__embedsmith/vendor-stubs/api/apizee/me\""))
        #expect(loader.csp.scriptSources == ["http://127.0.0.1:8802"])

        let chat = text(try render("chatapp", stubs: stubs))
        #expect(chat.contains("http://127.0.0.1:8802/chatapp/?api%5Blicense_id%5D=40410"))
        #expect(chat.contains("\"tokenEndpoint\":\"/__embedsmith/vendor-stubs/api/chatapp/token\"") && !chat.contains("dialogs.pro"))

        let engage = try render("engage-script", stubs: stubs)
        #expect(engage.headScripts.map(\.string) == ["http://127.0.0.1:8802/cdn/js/6a1b2c3d4e5f60718293a4b5.js"])
        #expect(engage.csp.scriptSources == ["http://127.0.0.1:8802"])

        let timeline = text(try render("session-timeline", stubs: stubs))
        #expect(timeline.contains("/__embedsmith/vendor-stubs/api/apizee/tickets/{ticketId}/events"))
    }

    /// The paths the override writes and the paths the router answers are one contract.
    @Test func theRouterAnswersEveryURLTheOverrideMakes() throws {
        let stubs = try #require(VendorStubOrigin("http://127.0.0.1:8802"))
        #expect(VendorStubOrigin.sameOriginPrefix == VendorStubCatalog.sameOriginPrefix)
        let router = VendorStubRouter(files: VendorStubFolder.lookup(vendorStubsFolder))
        var urls: [String] = []
        for kind in ["web-agent", "apizee-embed", "console", "loader-agent", "chatapp", "engage-script", "session-timeline"] {
            let o = try render(kind, stubs: stubs)
            let found = text(o).replacingOccurrences(of: "&amp;", with: "&")
            for piece in found.components(separatedBy: "\"") where piece.hasPrefix("http://127.0.0.1:8802/") || piece.hasPrefix("/__embedsmith/") {
                urls.append(piece.replacingOccurrences(of: "{ticketId}", with: "42"))
            }
        }
        #expect(urls.count >= 9, "\(urls)")
        for url in urls {
            var path = url.hasPrefix("http") ? String(url.dropFirst("http://127.0.0.1:8802".count)) : url
            var query: String? = nil
            if let q = path.firstIndex(of: "?") { query = String(path[path.index(after: q)...]); path = String(path[..<q]) }
            #expect(router.respond(to: StubRequest(method: "GET", path: path, query: query)).status == 200, "\(url)")
        }
    }
}
