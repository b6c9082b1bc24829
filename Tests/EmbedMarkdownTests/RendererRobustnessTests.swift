import Testing
@testable import EmbedMarkdown

@Suite struct RendererRobustnessTests {
    @Test func wordCountCoversProseOnly() {
        let markdown = "# Two words\n\nHello **big** world\nagain\n\n- one two\n- snake_case `code span`\n\n```swift\nnot counted\n```\n\n```embed x\nnot: counted\n```\n"
        let rendered = MarkdownRenderer.render(markdown, firstLine: 1, allowRawHTML: false)
        #expect(rendered.wordCount == 11)
    }

    @Test func emptyBodyHasNoPieces() {
        #expect(MarkdownRenderer.render("", firstLine: 1, allowRawHTML: false)
            == RenderedMarkdown(pieces: [], headings: [], issues: [], wordCount: 0))
    }

    @Test func nulBytesAreReplacedNotTruncating() {
        let rendered = MarkdownRenderer.render("a\u{0}b c\n", firstLine: 1, allowRawHTML: false)
        #expect(rendered.pieces == [.html("<p>a\u{FFFD}b c</p>\n")])
        #expect(rendered.wordCount == 2)
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
        #expect(brackets.wordCount == 1)
        let angles = MarkdownRenderer.render(String(repeating: "<a ", count: 50_000), firstLine: 1, allowRawHTML: false)
        #expect(angles.pieces.count == 1)
    }

    @Test func deeplyNestedLists() {
        let markdown = String(repeating: "- ", count: 10_000) + "bottom\n"
        let rendered = MarkdownRenderer.render(markdown, firstLine: 1, allowRawHTML: false)
        #expect(rendered.wordCount == 1)
        let indented = (0..<2_000).map { String(repeating: "  ", count: $0) + "- item\n" }.joined()
        #expect(MarkdownRenderer.render(indented, firstLine: 1, allowRawHTML: false).wordCount == 2_000)
    }
}
