import Testing
@testable import EmbedMarkdown

@Suite struct RawHTMLTests {
    static let page = "Intro\n\n<div class=\"x\">\nhi\n</div>\n\nSome <b>bold</b> text\n"

    @Test func rawHTMLIsReportedWithFilePositions() {
        let rendered = MarkdownRenderer.render(Self.page, firstLine: 5, allowRawHTML: false)
        #expect(rendered.issues == [
            MarkdownIssue(
                line: 7, column: 1, code: "markdown-raw-html",
                message: #"raw HTML is not allowed in Markdown ('<div class="x">\nhi\n</div>'); set 'rawHTML: true' in the front matter to allow it"#),
            MarkdownIssue(
                line: 11, column: 6, code: "markdown-raw-html",
                message: "raw HTML is not allowed in Markdown ('<b>'); set 'rawHTML: true' in the front matter to allow it"),
            MarkdownIssue(
                line: 11, column: 13, code: "markdown-raw-html",
                message: "raw HTML is not allowed in Markdown ('</b>'); set 'rawHTML: true' in the front matter to allow it"),
        ])
        #expect(rendered.pieces == [.html(
            "<p>Intro</p>\n<!-- raw HTML omitted -->\n<p>Some <!-- raw HTML omitted -->bold<!-- raw HTML omitted --> text</p>\n")])
    }

    @Test func inlineHTMLOnLaterLinesAndInsideContainers() {
        let rendered = MarkdownRenderer.render("> first line\n> second <span>x\n\n- item <em>y\n", firstLine: 1, allowRawHTML: false)
        #expect(rendered.issues.map { [$0.line, $0.column] } == [[2, 10], [4, 8]])
    }

    @Test func longHTMLIsShortenedInTheMessage() {
        let html = "<img src=\"" + String(repeating: "a", count: 60) + "\">"
        let rendered = MarkdownRenderer.render(html + "\n", firstLine: 1, allowRawHTML: false)
        #expect(rendered.issues.map(\.message) == [
            "raw HTML is not allowed in Markdown ('<img src=\"" + String(repeating: "a", count: 30)
                + "…'); set 'rawHTML: true' in the front matter to allow it",
        ])
    }

    @Test func rawHTMLPassesThroughWhenAllowed() {
        let rendered = MarkdownRenderer.render(Self.page, firstLine: 5, allowRawHTML: true)
        #expect(rendered.issues == [])
        #expect(rendered.pieces == [.html(
            "<p>Intro</p>\n<div class=\"x\">\nhi\n</div>\n<p>Some <b>bold</b> text</p>\n")])
    }

    @Test func javascriptLinksAreBlankedInSafeMode() {
        let markdown = "[click](javascript:alert(1)) ![ok](data:image/png;base64,AAAA)\n"
        let safe = MarkdownRenderer.render(markdown, firstLine: 1, allowRawHTML: false)
        #expect(safe.pieces == [.html(
            "<p><a href=\"\">click</a> <img src=\"data:image/png;base64,AAAA\" alt=\"ok\" /></p>\n")])
        #expect(safe.issues == [])

        let unsafe = MarkdownRenderer.render(markdown, firstLine: 1, allowRawHTML: true)
        #expect(unsafe.pieces == [.html(
            "<p><a href=\"javascript:alert(1)\">click</a> <img src=\"data:image/png;base64,AAAA\" alt=\"ok\" /></p>\n")])
    }

    @Test func noSourcePositionAttributesInOutput() {
        let rendered = MarkdownRenderer.render("# A\n\npara *b*\n\n- c\n", firstLine: 1, allowRawHTML: false)
        #expect(rendered.pieces == [.html(
            "<h1 id=\"a\">A</h1>\n<p>para <em>b</em></p>\n<ul>\n<li>c</li>\n</ul>\n")])
    }
}

@Suite struct RawHTMLMetaTests {
    @Test func metaIsRefusedInAllowedRawHTMLWithItsPosition() {
        let page = "Intro\n\n<div>\nmoved <meta http-equiv=refresh content=\"0;url=/x\">\n</div>\n\nand <Meta/> inline\n"
        let rendered = MarkdownRenderer.render(page, firstLine: 3, allowRawHTML: true)
        #expect(rendered.issues.map { [$0.line, $0.column] } == [[6, 7], [9, 5]])
        #expect(rendered.issues.allSatisfy { $0.code == "markdown-raw-meta" })
    }

    @Test func otherElementsAndTextNamedMetaAreNotRefused() {
        let page = "<metadata>x</metadata> <meter value=\"1\"></meter>\n\nThe word meta, and `<meta>` in code, and &lt;meta&gt;.\n"
        #expect(MarkdownRenderer.render(page, firstLine: 1, allowRawHTML: true).issues == [])
    }
}
