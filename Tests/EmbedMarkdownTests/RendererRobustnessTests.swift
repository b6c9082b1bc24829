import Testing
@testable import EmbedMarkdown

@Suite struct RendererRobustnessTests {
    @Test func emptyBodyHasNoPieces() {
        #expect(MarkdownRenderer.render("", firstLine: 1, allowRawHTML: false)
            == RenderedMarkdown(pieces: [], headings: [], issues: []))
    }

    @Test func nulBytesAreReplacedNotTruncating() {
        let rendered = MarkdownRenderer.render("a\u{0}b c\n", firstLine: 1, allowRawHTML: false)
        #expect(rendered.pieces == [.html("<p>a\u{FFFD}b c</p>\n")])
    }

    @Test func deeplyNestedBlockQuotes() {
        let rendered = MarkdownRenderer.render(String(repeating: ">", count: 100_000) + " # deep\n", firstLine: 1, allowRawHTML: false)
        #expect(rendered.headings.map(\.id) == ["deep"])
        #expect(rendered.issues == [])
    }

    @Test func manyEmphasisDelimitersAndBrackets() {
        let stars = MarkdownRenderer.render(String(repeating: "*", count: 50_000), firstLine: 1, allowRawHTML: false)
        #expect(stars.pieces.count == 1)
        let brackets = MarkdownRenderer.render(String(repeating: "[", count: 200_000), firstLine: 1, allowRawHTML: false)
        #expect(brackets.pieces == [.html("<p>" + String(repeating: "[", count: 200_000) + "</p>\n")])
        let angles = MarkdownRenderer.render(String(repeating: "<a ", count: 50_000), firstLine: 1, allowRawHTML: false)
        #expect(angles.pieces.count == 1)
    }

    @Test func deeplyNestedLists() {
        let markdown = String(repeating: "- ", count: 10_000) + "bottom\n"
        let rendered = MarkdownRenderer.render(markdown, firstLine: 1, allowRawHTML: false)
        #expect(Self.html(of: rendered).components(separatedBy: "bottom").count == 2)
        let indented = (0..<2_000).map { String(repeating: "  ", count: $0) + "- item\n" }.joined()
        #expect(Self.html(of: MarkdownRenderer.render(indented, firstLine: 1, allowRawHTML: false)).components(separatedBy: "<li>item").count == 2_001)
    }

    static func html(of rendered: RenderedMarkdown) -> String {
        rendered.pieces.map { piece -> String in
            if case .html(let html) = piece { return html }
            return ""
        }.joined()
    }
}
