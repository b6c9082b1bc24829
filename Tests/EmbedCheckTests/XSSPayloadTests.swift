@testable import EmbedCheck
import EmbedCore
import Foundation
import Testing

/// The shared XSS corpus, placed where it does harm: every payload in a link and a frame.
@Suite struct XSSPayloadTests {
    struct Payload: Decodable {
        var id: Int
        var context: String
        var payload: String
    }

    static let payloads: [Payload] = {
        struct File: Decodable { var payloads: [Payload] }
        let url = CheckPaths.sharedData.appendingPathComponent("xss-payloads/xss-payloads.json")
        return (try? JSONDecoder().decode(File.self, from: Data(contentsOf: url)).payloads) ?? []
    }()

    static func attribute(_ text: String) -> String { text.replacingOccurrences(of: "\"", with: "&quot;") }

    /// The oracle is the WPT-tested URL parser on what gumbo decoded: if it reads a
    /// javascript:, vbscript: or data: URL, url-scheme must report it.
    @Test func dangerousSchemesInLinksAreAlwaysReported() throws {
        #expect(Self.payloads.count == 261)
        var dangerous = 0
        for payload in Self.payloads {
            let html = Checking.page(body: "<a href=\"\(Self.attribute(payload.payload))\">x</a>")
            let decoded = HTMLDocument.parse(html).elements(named: "a").first?.attribute("href") ?? ""
            let scheme = (try? WebURL.parse(decoded))?.scheme
            let flagged = Checking.findings(html, rule: "url-scheme").contains { $0.severity == .error }
            if let scheme, ["javascript", "vbscript", "data"].contains(scheme) {
                dangerous += 1
                #expect(flagged, "#\(payload.id) \(payload.payload.debugDescription) reads as \(scheme): and passed")
            }
        }
        #expect(dangerous >= 30)
    }

    @Test func everyPayloadInEveryPlaceIsChecked() {
        for payload in Self.payloads {
            let value = Self.attribute(payload.payload)
            for body in ["<a href=\"\(value)\" target=\"_blank\">x</a>", "<iframe title=\"t\" src=\"\(value)\" sandbox=\"\(value)\" allow=\"\(value)\"></iframe>",
                         "<p>\(payload.payload)</p>", "<script>\(payload.payload)</script>"] {
                _ = Checking.findings(Checking.page(body: body, csp: value))
            }
        }
    }

    @Test func handlersInjectedAsMarkupAreReported() {
        for payload in Self.payloads where payload.context == "html-text" {
            let html = Checking.page(body: "<div>\(payload.payload)</div>")
            let elements = HTMLDocument.parse(html).descendants().filter { $0.kind == .element }
            let hasHandler = elements.contains { $0.attributeNames.contains { InlineEventHandlerRule.isEventHandler($0) } }
            if hasHandler {
                #expect(Checking.findings(html, rule: "inline-event-handler").count > 0, "#\(payload.id) \(payload.payload.debugDescription)")
            }
        }
    }
}
