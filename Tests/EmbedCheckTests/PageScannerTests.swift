@testable import EmbedCheck
import Foundation
import Testing

/// What the gumbo walk keeps of a page, and where it says things are.
@Suite struct PageScannerTests {
    static func scan(_ html: String) -> Page {
        var text = html
        return text.withUTF8 { PageScanner.scan($0) }
    }

    @Test func keepsElementsWithAttributesInDocumentOrder() throws {
        let page = Self.scan("<p>x</p><div id=a><span>y</span><iframe src=x></iframe></div><script>1</script>")
        #expect(page.elements.map(\.name) == ["html", "head", "div", "iframe", "script"])
        let orders = page.elements.map(\.order)
        #expect(orders == orders.sorted())
        // <p> and <span> count in the order even though they are not kept.
        let div = try #require(page.elements(named: "div").first)
        let iframe = try #require(page.elements(named: "iframe").first)
        #expect(iframe.order == div.order + 2)
    }

    @Test func attributePositionsPointAtNamesAndValues() throws {
        let page = Self.scan("<body>\n  <iframe title=\"é\" sandbox=\"allow-scripts allow-foo\"></iframe>")
        let sandbox = try #require(page.elements(named: "iframe").first?.attribute("sandbox"))
        #expect(sandbox.position == Position(line: 2, column: 21))
        let token = try #require(sandbox.value.split(separator: " ").last)
        #expect(sandbox.position(of: token) == Position(line: 2, column: 44))
    }

    @Test func positionsMapThroughCharacterReferences() throws {
        let page = Self.scan(#"<a href="https://x.example/?a=1&amp;b=2&#x26;c=3">x</a>"#)
        let href = try #require(page.elements(named: "a").first?.attribute("href"))
        #expect(href.value == "https://x.example/?a=1&b=2&c=3")
        #expect(href.position(ofParameter: "b") == Position(line: 1, column: 37))
        #expect(href.position(ofParameter: "c") == Position(line: 1, column: 46))
        #expect(href.position(ofParameter: "missing") == href.position)
    }

    @Test func unquotedAndMultilineValuesFallBackToTheAttribute() throws {
        let page = Self.scan("<a href=x?a=1 title=\"one\ntwo\">x</a>")
        let a = try #require(page.elements(named: "a").first)
        #expect(a.attribute("href")?.position(ofParameter: "a") == Position(line: 1, column: 11))
        let title = try #require(a.attribute("title"))
        #expect(title.position(ofText: "two") == title.position)
    }

    @Test func scriptTextIsTheExactSource() throws {
        let body = "\r\n  if (a < b && c) { x = \"</p>&amp;\"; }\r\n"
        let page = Self.scan("<head><script>\(body)</script></head>")
        let script = try #require(page.elements(named: "script").first)
        // CRLF becomes LF before tokenizing, in browsers as in gumbo; nothing else changes.
        #expect(script.text == body.replacingOccurrences(of: "\r\n", with: "\n"))
        #expect(script.inHead)
    }

    @Test func svgElementsAndForeignAttributes() throws {
        let page = Self.scan(#"<svg><a xlink:href="javascript:x"><text>t</text></a><script href="a.js"></script></svg>"#)
        let a = try #require(page.elements(named: "a").first)
        #expect(a.namespace == .svg)
        #expect(a.attribute("xlink:href")?.url?.scheme == "javascript")
        #expect(page.elements(named: "script").first?.namespace == .svg)
    }

    @Test func suppressionCommentsApplyToTheNextElementOnly() throws {
        let page = Self.scan("<body><!-- embedsmith-disable-next-element iframe-src, sandbox-escape --><p>text</p><iframe src=x></iframe><!-- embedsmith-disable-next-element -->")
        #expect(page.suppressions.count == 2)
        #expect(page.suppressions[0].rules == ["iframe-src", "sandbox-escape"])
        // The next element is <p>, which has no attributes: the iframe is not silenced.
        let iframe = try #require(page.elements(named: "iframe").first)
        #expect(iframe.silenced.isEmpty)
        #expect(page.suppressions[0].elementOrder == iframe.order - 1)
        #expect(page.suppressions[1].elementOrder == nil)
        #expect(page.suppressions[1].rules.isEmpty)
    }

    @Test func canonicalLinkGivesThePageItsOrigin() throws {
        let page = Self.scan(#"<head><link rel="Canonical" href="https://support.acme.example/a.html"><base href="/docs/"></head><a href="b.html">b</a>"#)
        #expect(page.knowsItsURL)
        #expect(page.origin == "https://support.acme.example")
        let href = try #require(page.elements(named: "a").first?.attribute("href")?.url)
        #expect(href.url?.href == "https://support.acme.example/docs/b.html")
        #expect(href.isSameOrigin(as: page))
    }

    @Test func hostileInputNeverTraps() {
        for input in ["", "\u{0}", "<", "<a href", "<iframe sandbox", "<!-- embedsmith-disable-next-element", "<meta http-equiv=content-security-policy content=';;;'>",
                      String(repeating: "<div a=1>", count: 5000), String(repeating: "<a href='&#", count: 500),
                      "<svg><math><iframe src=javascript:1>", "<table><iframe src=//x></table>"] {
            _ = PageChecker().check(html: input)
        }
    }

    @Test func deepTreesAreFreedWithoutRecursion() {
        let depth = 30_000
        let html = String(repeating: "<div title=x>", count: depth) + String(repeating: "</div>", count: depth)
        let page = Self.scan(html)
        #expect(page.elements(named: "div").count == depth)
    }
}
