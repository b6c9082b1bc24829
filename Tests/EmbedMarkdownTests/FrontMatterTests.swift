import Testing
@testable import EmbedMarkdown

@Suite struct FrontMatterTests {
    @Test func splitsFrontMatterFromBody() throws {
        let split = try FrontMatter.split("---\ntitle: Hi\nlayout: page\n---\n# Body\n")
        #expect(split == FrontMatterSplit(
            yaml: "title: Hi\nlayout: page\n", yamlFirstLine: 2, body: "# Body\n", bodyFirstLine: 5))
    }

    @Test func fileWithoutFrontMatterIsAllBody() throws {
        let text = "# Title\n\n---\nnot: yaml\n---\n"
        let split = try FrontMatter.split(text)
        #expect(split == FrontMatterSplit(yaml: nil, yamlFirstLine: 1, body: text, bodyFirstLine: 1))
    }

    @Test func openingFenceMustBeExactlyThreeDashes() throws {
        #expect(try FrontMatter.split("----\na: 1\n---\n").yaml == nil)
        #expect(try FrontMatter.split(" ---\na: 1\n---\n").yaml == nil)
        #expect(try FrontMatter.split("--- x\na: 1\n---\n").yaml == nil)
    }

    @Test func trailingSpacesOnFencesAreAllowed() throws {
        let split = try FrontMatter.split("---  \na: 1\n--- \t\nbody\n")
        #expect(split == FrontMatterSplit(yaml: "a: 1\n", yamlFirstLine: 2, body: "body\n", bodyFirstLine: 4))
    }

    @Test func leadingByteOrderMarkIsSkipped() throws {
        let split = try FrontMatter.split("\u{FEFF}---\na: 1\n---\nbody\n")
        #expect(split == FrontMatterSplit(yaml: "a: 1\n", yamlFirstLine: 2, body: "body\n", bodyFirstLine: 4))

        let withoutFrontMatter = try FrontMatter.split("\u{FEFF}# Title\n")
        #expect(withoutFrontMatter == FrontMatterSplit(yaml: nil, yamlFirstLine: 1, body: "# Title\n", bodyFirstLine: 1))
    }

    @Test func crlfLineEndingsKeepLineNumbers() throws {
        let split = try FrontMatter.split("---\r\na: 1\r\nb: 2\r\n---\r\n\r\n# T\r\n")
        #expect(split == FrontMatterSplit(
            yaml: "a: 1\r\nb: 2\r\n", yamlFirstLine: 2, body: "\r\n# T\r\n", bodyFirstLine: 5))

        // The body's line numbers stay file line numbers once rendered.
        let rendered = MarkdownRenderer.render(split.body, firstLine: split.bodyFirstLine, allowRawHTML: false)
        #expect(rendered.headings == [Heading(level: 1, text: "T", id: "t", line: 6)])
    }

    @Test func unclosedFrontMatterIsAnIssueOnLineOne() {
        do {
            let split = try FrontMatter.split("---\ntitle: Hi\n\n# Body\n")
            Issue.record("expected frontmatter-unclosed, got \(split)")
        } catch {
            #expect(error.code == "frontmatter-unclosed")
            #expect(error.line == 1)
            #expect(error.column == 1)
        }
    }

    @Test func loneOpeningFenceIsUnclosed() {
        #expect(throws: MarkdownIssue.self) { try FrontMatter.split("---") }
        #expect(throws: MarkdownIssue.self) { try FrontMatter.split("---\n") }
    }

    @Test func dotsCloseFrontMatter() throws {
        let split = try FrontMatter.split("---\na: 1\n...\nbody")
        #expect(split == FrontMatterSplit(yaml: "a: 1\n", yamlFirstLine: 2, body: "body", bodyFirstLine: 4))
    }

    @Test func dotsDoNotOpenFrontMatter() throws {
        #expect(try FrontMatter.split("...\na: 1\n...\n").yaml == nil)
    }

    @Test func emptyFrontMatterAndEmptyBody() throws {
        #expect(try FrontMatter.split("---\n---\nbody\n")
            == FrontMatterSplit(yaml: "", yamlFirstLine: 2, body: "body\n", bodyFirstLine: 3))
        #expect(try FrontMatter.split("---\na: 1\n---")
            == FrontMatterSplit(yaml: "a: 1\n", yamlFirstLine: 2, body: "", bodyFirstLine: 4))
    }
}
