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
        "tagged: !!str '123'\nlist: !!seq [a]\nmap: !!map {a: b}\nplain: ! 'x'\n",
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

    /// `!!str` and `!` make a plain value text (never a number, boolean or null); every tag
    /// but those, `!!map` and `!!seq` is refused, and so is a core tag on the wrong kind of node.
    @Test func tagsAreHonouredOrRefused() throws {
        let node = try YAMLLoader.load(text: "a: !!str 12\nb: ! true\nc: 12\n", file: "t.yaml").get()
        guard case .mapping(let m)? = node else { Issue.record("not a mapping"); return }
        #expect(m.pairs.map(\.1.string) == ["12", "true", "12"])
        #expect(m.pairs.map(\.1.scalarStyle) == [.taggedString, .taggedString, .plain])
        for (text, message) in [
            ("a: !!binary aGk=\n", "the YAML tag '!!binary' is not supported (only !!str, !!map and !!seq are)"),
            ("a: !!int 3\n", "the YAML tag '!!int' is not supported (only !!str, !!map and !!seq are)"),
            ("a: !!python/object/apply:os.system [id]\n", "the YAML tag '!!python/object/apply:os.system' is not supported (only !!str, !!map and !!seq are)"),
            ("a: !include x.yaml\n", "the YAML tag '!include' is not supported (only !!str, !!map and !!seq are)"),
            ("a: !<tag:example.com,2000:x> 1\n", "the YAML tag 'tag:example.com,2000:x' is not supported (only !!str, !!map and !!seq are)"),
            ("a: !!seq {b: c}\n", "the tag '!!seq' cannot stand on a mapping"),
            ("a: !!str [b]\n", "the tag '!!str' cannot stand on a list"),
            ("%TAG !! tag:example.com,2000:\n---\na: !!str x\n", "%TAG directives are not supported"),
        ] {
            guard case .failure(let problem) = YAMLLoader.load(text: text, file: "t.yaml") else {
                Issue.record("accepted: \(text)")
                continue
            }
            #expect(problem.code == "yaml-tag" && problem.message == message, "\(text): \(problem)")
            #expect(problem.location?.line == (text.hasPrefix("%") ? 1 : 1) && problem.location?.column == (text.hasPrefix("%") ? 1 : 4), "\(text): \(problem)")
        }
    }

    /// A '?' written against a value in a flow collection: the key `?foo` of a `{…}` mapping;
    /// refused where libyaml's reading differs in more than that character.
    @Test func aQuestionMarkAgainstAFlowValue() throws {
        let node = try YAMLLoader.load(text: "{ ?foo: bar, ? baz : 1, a?b: 2 }\n", file: "t.yaml").get()
        guard case .mapping(let m)? = node else { Issue.record("not a mapping"); return }
        #expect(m.pairs.map { $0.0.string ?? "" } == ["?foo", "baz", "a?b"])
        #expect(m.pairs[0].0.mark.column == 3)
        for text in ["[?foo]\n", "[?foo: bar]\n", "{ ?'foo': bar }\n", "{ a: ?b }\n"] {
            guard case .failure(let problem) = YAMLLoader.load(text: text, file: "t.yaml") else {
                Issue.record("accepted: \(text)")
                continue
            }
            #expect(problem.code == "yaml-syntax" && problem.description.hasPrefix("t.yaml:1:"), "\(text): \(problem)")
        }
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

extension YAMLNode {
    var scalarStyle: YAMLNode.Style? {
        if case .scalar(let s) = self { return s.style }
        return nil
    }
}
