@testable import EmbedConfig
import Foundation
import Testing
import Yams

/// `YAMLComposer` builds the tree Yams' composer built (same text, style and position of every
/// node) and refuses what the old scan-then-compose refused, at the same place.
@Suite struct YAMLComposerTests {
    static let documents: [String] = [
        "name: Acme\nlocale: fr\n",
        "a:\n  b:\n    c: 1\n  d: [x, \"y\", 'z']\ne: { f: g, h: [1, 2] }\n",
        "list:\n- one\n- two: 2\n  three: 3\n-   - nested\n    - more\n",
        "quoted: \"tab\\there \\u00e9 \\\" end\"\nsingle: 'it''s'\nplain: a b  c\n",
        "literal: |\n  line one\n  line two\nfolded: >-\n  folded\n  text\n",
        "# comment\nkey: value # trailing\n\nempty:\nnull: ~\ntilde: null\n",
        "---\ntitle: Home\n...\n",
        "tagged: !!str 123\nother: !custom x\n",
        "multi: first\n  continued\n  lines\n",
        "\"quoted key\": 1\n'single key': 2\n? explicit\n: value\n",
        "unicode: Café — 日本語 🎉\nkeyé: v\n",
        "- a\n- [b, {c: d}]\n- {}\n- []\n",
        "just a scalar",
        "",
        "# only a comment\n",
        "nul: \"a\\0b\"\n",
    ]

    @Test(arguments: documents)
    func composesWhatYamsComposed(text: String) throws {
        let ours = try YAMLComposer.compose(text, file: "t.yaml", firstLine: 1, columnOffset: 0).get()
        let theirs = try Yams.compose(yaml: text, .basic, .default, .utf8)
        #expect(Self.describe(ours) == Self.describe(theirs))
    }

    /// A duplicate is reported for the mapping that ends first, at the repeat, all keys named.
    @Test func duplicateKeysAreReportedWhereTheirMappingEnds() {
        let text = "a: 1\nb:\n  c: 1\n  d: 2\n  c: 3\n  d: 4\na: 2\n"
        guard case .failure(let problem) = YAMLLoader.load(text: text, file: "t.yaml", firstLine: 3) else {
            Issue.record("accepted")
            return
        }
        #expect(problem.description.hasPrefix("t.yaml:7:3: error: duplicate key 'c', 'd' [yaml-duplicate-key]"))
    }

    @Test func aSecondDocumentIsRefused() {
        guard case .failure(let problem) = YAMLLoader.load(text: "a: 1\n---\nb: 2\n", file: "t.yaml") else {
            Issue.record("accepted")
            return
        }
        #expect(problem.code == "yaml-syntax" && problem.location?.line == 2)
        #expect(problem.message == "YAML syntax error: but found another document (expected a single document in the stream that starts at 1:1)")
    }

    /// A refusal the scanner sees (the anchor on line 3) wins over a parse error before it.
    @Test func scannerRefusalsWinOverParseErrors() {
        guard case .failure(let problem) = YAMLLoader.load(text: "a: [1, 2\nb: 2\nc: &x 3\n", file: "t.yaml") else {
            Issue.record("accepted")
            return
        }
        #expect(problem.code == "yaml-anchor" && problem.location?.line == 3)
    }

    static func describe(_ node: YAMLNode?) -> String {
        guard let node else { return "nil" }
        switch node {
        case .scalar(let s): return "S(\(s.string.debugDescription) \(s.style) \(s.mark.line):\(s.mark.column))"
        case .mapping(let m): return "M(\(m.mark.line):\(m.mark.column) " + m.pairs.map { describe($0.0) + "=" + describe($0.1) }.joined(separator: ", ") + ")"
        case .sequence(let l): return "L(\(l.mark.line):\(l.mark.column) " + l.nodes.map { describe($0) }.joined(separator: ", ") + ")"
        }
    }

    static func describe(_ node: Node?) -> String {
        guard let node else { return "nil" }
        switch node {
        case .scalar(let s):
            let style: YAMLNode.Style = switch s.style {
            case .singleQuoted: .singleQuoted
            case .doubleQuoted: .doubleQuoted
            case .literal: .literal
            case .folded: .folded
            default: .plain
            }
            return "S(\(s.string.debugDescription) \(style) \(s.mark!.line):\(s.mark!.column))"
        case .mapping(let m): return "M(\(m.mark!.line):\(m.mark!.column) " + m.map { describe($0.key) + "=" + describe($0.value) }.joined(separator: ", ") + ")"
        case .sequence(let l): return "L(\(l.mark!.line):\(l.mark!.column) " + l.map { describe($0) }.joined(separator: ", ") + ")"
        case .alias: return "alias"
        }
    }
}
