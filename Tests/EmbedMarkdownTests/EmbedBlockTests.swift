import Testing
@testable import EmbedMarkdown

@Suite struct EmbedBlockTests {
    @Test func topLevelEmbedBecomesAPieceBetweenHTML() {
        let markdown = "Intro\n\n```embed quick-invitation\ntitle: Hi\nsize: 3\n```\n\nOutro\n"
        let rendered = MarkdownRenderer.render(markdown, firstLine: 5, allowRawHTML: false)
        #expect(rendered.issues == [])
        #expect(rendered.pieces == [
            .html("<p>Intro</p>\n"),
            .embed(EmbedBlock(kind: "quick-invitation", body: "title: Hi\nsize: 3\n", line: 8, fenceLine: 7, column: 1)),
            .html("<p>Outro</p>\n"),
        ])
    }

    @Test func adjacentEmbedsAndIndentedTildeFence() {
        let markdown = "```embed a\nx: 1\n```\n   ~~~~ embed b extra words\n   y: 2\n   ~~~~\n"
        let rendered = MarkdownRenderer.render(markdown, firstLine: 1, allowRawHTML: false)
        #expect(rendered.pieces == [
            .embed(EmbedBlock(kind: "a", body: "x: 1\n", line: 2, fenceLine: 1, column: 1)),
            .embed(EmbedBlock(kind: "b", body: "y: 2\n", line: 5, fenceLine: 4, column: 4)),
        ])
    }

    @Test func embedInsideAListIsAnIssue() {
        let markdown = "- item\n\n  ```embed quick-invitation\n  a: 1\n  ```\n"
        let rendered = MarkdownRenderer.render(markdown, firstLine: 10, allowRawHTML: false)
        #expect(rendered.issues.map { "\($0.code)@\($0.line):\($0.column)" } == ["embed-not-top-level@12:3"])
        #expect(rendered.issues.first?.message
            == "embed block ('embed quick-invitation') is inside a list item; move it out so it starts a line at the top level of the page")
        #expect(rendered.pieces == [.html(
            "<ul>\n<li>\n<p>item</p>\n<pre><code class=\"language-embed\">a: 1\n</code></pre>\n</li>\n</ul>\n")])
    }

    @Test func embedInsideABlockQuoteIsAnIssue() {
        let rendered = MarkdownRenderer.render("> ```embed x\n> a: 1\n> ```\n", firstLine: 1, allowRawHTML: false)
        #expect(rendered.issues.map { "\($0.code)@\($0.line):\($0.column)" } == ["embed-not-top-level@1:3"])
    }

    @Test func embedWithoutKindIsAnIssue() {
        let rendered = MarkdownRenderer.render("Text\n\n```embed\na: 1\n```\n", firstLine: 3, allowRawHTML: false)
        #expect(rendered.issues.map { "\($0.code)@\($0.line):\($0.column)" } == ["embed-kind-missing@5:1"])
        #expect(rendered.pieces == [.html("<p>Text</p>\n")])
    }

    @Test func otherCodeBlocksRenderAsCode() {
        let markdown = "```swift\nlet x = 1 < 2\n```\n\n```embedded x\ny\n```\n\n    embed indented\n"
        let rendered = MarkdownRenderer.render(markdown, firstLine: 1, allowRawHTML: false)
        #expect(rendered.issues == [])
        #expect(rendered.pieces == [.html("""
            <pre><code class="language-swift">let x = 1 &lt; 2
            </code></pre>
            <pre><code class="language-embedded">y
            </code></pre>
            <pre><code>embed indented
            </code></pre>

            """)])
    }

    @Test func infoStringParsing() {
        #expect(EmbedInfoString.match("embed quick-invitation") == .embed(kind: "quick-invitation"))
        #expect(EmbedInfoString.match("embed\tmap  extra") == .embed(kind: "map"))
        #expect(EmbedInfoString.match("embed") == .embed(kind: nil))
        #expect(EmbedInfoString.match("Embed map") == .notEmbed)
        #expect(EmbedInfoString.match("") == .notEmbed)
    }
}
