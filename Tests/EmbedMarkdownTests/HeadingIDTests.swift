import Testing
@testable import EmbedMarkdown

@Suite struct HeadingIDTests {
    private func render(_ markdown: String, firstLine: Int = 1) -> RenderedMarkdown {
        MarkdownRenderer.render(markdown, firstLine: firstLine, allowRawHTML: false)
    }

    @Test func headingGetsIDAttribute() {
        let rendered = render("## Getting started\n")
        #expect(rendered.pieces == [.html("<h2 id=\"getting-started\">Getting started</h2>\n")])
        #expect(rendered.headings == [Heading(level: 2, text: "Getting started", id: "getting-started", line: 1)])
    }

    @Test func headingLinesAreFileLines() {
        let rendered = render("Intro\n\n# One\n\nTwo\n===\n", firstLine: 5)
        #expect(rendered.headings == [
            Heading(level: 1, text: "One", id: "one", line: 7),
            Heading(level: 1, text: "Two", id: "two", line: 9),
        ])
    }

    @Test func duplicateHeadingsGetSuffixes() {
        let rendered = render("# Intro\n\n# Intro\n\n# Intro 1\n\n## Intro\n")
        #expect(rendered.headings.map(\.id) == ["intro", "intro-1", "intro-1-1", "intro-2"])
        #expect(rendered.pieces == [.html("""
            <h1 id="intro">Intro</h1>
            <h1 id="intro-1">Intro</h1>
            <h1 id="intro-1-1">Intro 1</h1>
            <h2 id="intro-2">Intro</h2>

            """)])
    }

    @Test func punctuationAndMarkupAreDropped() {
        let rendered = render("## What's new? (v2.0) — *fast* & `safe_mode`!\n")
        #expect(rendered.headings == [Heading(
            level: 2, text: "What's new? (v2.0) — fast & safe_mode!", id: "whats-new-v20-fast-safe_mode", line: 1)])
        #expect(rendered.pieces == [.html(
            "<h2 id=\"whats-new-v20-fast-safe_mode\">What's new? (v2.0) — <em>fast</em> &amp; <code>safe_mode</code>!</h2>\n")])
    }

    @Test func hyphensAndSpacesCollapseAndTrim() {
        #expect(HeadingSlugger.slug("  --Hello -- World--  ") == "hello-world")
        #expect(HeadingSlugger.slug("a\tb\u{00A0}c") == "a-b-c")
    }

    @Test func unicodeLettersAreKept() {
        let rendered = render("## Café déjà vu\n\n## Straße 3\n\n## 日本語 ٣\n")
        #expect(rendered.headings.map(\.id) == ["café-déjà-vu", "straße-3", "日本語-٣"])
        #expect(rendered.pieces == [.html("""
            <h2 id="café-déjà-vu">Café déjà vu</h2>
            <h2 id="straße-3">Straße 3</h2>
            <h2 id="日本語-٣">日本語 ٣</h2>

            """)])
    }

    @Test func decomposedAccentsAreComposedNotDropped() {
        #expect(HeadingSlugger.slug("Cafe\u{301}") == "café")
    }

    @Test func emptyOrSymbolOnlyHeadingsBecomeSection() {
        let rendered = render("#\n\n## !!!\n\n### Section\n")
        #expect(rendered.headings == [
            Heading(level: 1, text: "", id: "section", line: 1),
            Heading(level: 2, text: "!!!", id: "section-1", line: 3),
            Heading(level: 3, text: "Section", id: "section-2", line: 5),
        ])
        #expect(rendered.pieces == [.html("""
            <h1 id="section"></h1>
            <h2 id="section-1">!!!</h2>
            <h3 id="section-2">Section</h3>

            """)])
    }

    @Test func nestedHeadingsGetIDsToo() {
        let rendered = render("> ## Quoted\n\n- # In a list\n")
        #expect(rendered.pieces == [.html("""
            <blockquote>
            <h2 id="quoted">Quoted</h2>
            </blockquote>
            <ul>
            <li>
            <h1 id="in-a-list">In a list</h1>
            </li>
            </ul>

            """)])
        #expect(rendered.headings.map(\.line) == [1, 3])
    }

    @Test func headingTextCannotBreakOutOfTheIDAttribute() {
        let rendered = render("## a\" onclick=\"x\n")
        #expect(rendered.pieces == [.html("<h2 id=\"a-onclickx\">a&quot; onclick=&quot;x</h2>\n")])
    }

    /// ASCII headings take a byte-level path: each ASCII character, alone and between
    /// letters, gives the slug the Unicode path gives.
    @Test func asciiPathAgreesWithTheUnicodePath() {
        for byte in UInt8(0)..<0x80 {
            let c = String(UnicodeScalar(byte))
            for text in [c, "A\(c)b", " \(c) x-\(c)-Y ", "\(c)\(c)"] {
                #expect(HeadingSlugger.slug(text) == HeadingSlugger.unicodeSlug(text), "byte \(byte)")
            }
        }
    }
}
