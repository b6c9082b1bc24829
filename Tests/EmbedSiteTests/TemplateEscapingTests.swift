import EmbedSite
import Foundation
import Testing

/// `{{value}}` in a project template is escaped by embedsmith's byte-level escaping, not by
/// swift-mustache's Character-level one, which let `"` + a combining mark end an attribute.
@Suite struct TemplateEscapingTests {
    /// A template that puts text values into single- and double-quoted attributes.
    static let attributeFooter = """
        <footer class="es-footer" title="{{tenant.name}}" data-page='{{page.title}}'>
        <p>{{tenant.name}}</p>
        </footer>

        """

    func build(title: String, name: String) throws -> String {
        let root = TestProject.temporaryDirectory("template-escaping")
        defer { try? FileManager.default.removeItem(at: root) }
        try TestProject.write([
            "content/t/tenant.yaml": "name: \(Self.yamlQuoted(name))\nbaseURL: https://t.example/\n",
            "content/t/index.md": "---\ntitle: \(Self.yamlQuoted(title))\n---\nText.\n",
            "templates/partials/footer.mustache": Self.attributeFooter,
        ], into: root)
        let summary = BuildPipeline.run(BuildOptions(root: root, output: root.appendingPathComponent("site"), jobs: 1, clean: true))
        #expect(summary.succeeded)
        let page = try String(contentsOf: root.appendingPathComponent("site/t/index.html"), encoding: .utf8)
        let start = try #require(page.range(of: "<footer"))
        let end = try #require(page.range(of: "</footer>"))
        return String(page[start.lowerBound..<end.upperBound])
    }

    static func yamlQuoted(_ value: String) -> String {
        "\"" + value.unicodeScalars.map { scalar -> String in
            switch scalar {
            case "\"": return "\\\""
            case "\\": return "\\\\"
            case _ where scalar.value >= 0x80: return String(format: "\\u%04X", scalar.value)
            default: return String(scalar)
            }
        }.joined() + "\""
    }

    @Test func quoteFollowedByACombiningMarkCannotEndAnAttribute() throws {
        let footer = try build(title: "x'\u{301} onfocus='alert(1)", name: "x\"\u{301} onmouseover=\"alert(1)")
        #expect(footer == """
            <footer class="es-footer" title="x&quot;\u{301} onmouseover=&quot;alert(1)" data-page='x&#39;\u{301} onfocus=&#39;alert(1)'>
            <p>x&quot;\u{301} onmouseover=&quot;alert(1)</p>
            </footer>
            """)
    }

    @Test func everySpecialCharacterIsEscapedInTextAndAttributes() throws {
        let footer = try build(title: "<'&'>", name: "<b>\"Tom\" & 'Jerry'</b>")
        #expect(footer == """
            <footer class="es-footer" title="&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;" data-page='&lt;&#39;&amp;&#39;&gt;'>
            <p>&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;</p>
            </footer>
            """)
    }

    @Test func aSyntaxErrorIsReportedAtTheTemplatesOwnLine() throws {
        let root = TestProject.temporaryDirectory("template-escaping-lines")
        defer { try? FileManager.default.removeItem(at: root) }
        try TestProject.write([
            "content/t/tenant.yaml": "name: T\nbaseURL: https://t.example/\n",
            "content/t/index.md": "---\ntitle: T\n---\nText.\n",
            "templates/partials/footer.mustache": "<footer>\n<p>{{tenant name}}</p>\n</footer>\n",
        ], into: root)
        let summary = BuildPipeline.run(BuildOptions(root: root, output: root.appendingPathComponent("site"), jobs: 1, clean: true))
        #expect(!summary.succeeded)
        let located = summary.diagnostics.filter { $0.code == "template-syntax" }.map { "\($0.location?.line ?? 0)" }
        #expect(located == ["2"])
    }
}
