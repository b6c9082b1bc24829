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

    /// Every payload in every place: the checker answers (no crash, no hang), every finding is a
    /// known rule located inside the page, and a frame whose src is a payload is always refused
    /// (no payload is an https URL on a vendor host).
    @Test func everyPayloadInEveryPlaceIsChecked() {
        let rules = Set(RuleRegistry.all.map(\.id))
        var problems: [String] = []
        for payload in Self.payloads {
            let value = Self.attribute(payload.payload)
            let frame = "<iframe title=\"t\" src=\"\(value)\" sandbox=\"\(value)\" allow=\"\(value)\"></iframe>"
            for body in ["<a href=\"\(value)\" target=\"_blank\">x</a>", frame, "<p>\(payload.payload)</p>", "<script>\(payload.payload)</script>"] {
                let html = Checking.page(body: body, csp: value)
                // HTML counts CR, LF and CRLF as one line break each, as the parser does.
                let lines = html.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
                    .split(separator: "\n", omittingEmptySubsequences: false).count
                let findings = Checking.findings(html)
                for finding in findings where !rules.contains(finding.rule) || finding.position.line < 1 || finding.position.line > lines || finding.position.column < 1 {
                    problems.append("#\(payload.id): \(finding.rule) at \(finding.position.line):\(finding.position.column)")
                }
                if body == frame, !findings.contains(where: { $0.severity == .error && ["iframe-src", "url-valid", "url-scheme"].contains($0.rule) }) {
                    problems.append("#\(payload.id): a frame on \(payload.payload.debugDescription) was not refused")
                }
            }
        }
        #expect(problems.isEmpty, "\(problems.prefix(10))")
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
