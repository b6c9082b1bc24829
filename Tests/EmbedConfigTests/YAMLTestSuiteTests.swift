@testable import EmbedConfig
import EmbedCore
import Foundation
import Testing

/// Every case of the YAML Test Suite (Tests/Fixtures/shared-data/yaml-test-suite) through what a
/// tenant.yaml gets before its schema: `YAMLLoader.load(data:file:)` (UTF-8 and character checks,
/// then the composer). Invalid YAML must be refused with a located one-line diagnostic; valid
/// YAML must be read as the suite's JSON says, or refused on purpose (anchors, aliases, complex
/// keys, several documents, tags, duplicate keys) by a diagnostic that says so. What libyaml
/// itself gets wrong is listed below, case by case, and in docs/yaml.md: the test fails when a
/// listed case starts passing and when an unlisted one fails.
@Suite struct YAMLTestSuiteTests {
    /// Invalid YAML that libyaml accepts (no refusal is possible without a parser of our own),
    /// with what makes it invalid.
    static let libyamlAcceptsInvalid: [String: String] = [
        "9C9N": "a flow sequence indented less than its key",
        "9JBA": "a comment written against the end of a flow sequence",
        "CVW2": "a comment written against a comma",
        "DK95-01": "a tab used as indentation",
        "G5U8": "'-' as a plain value in a flow sequence",
        "MUS6-00": "a %YAML directive with a comment written against it",
        "QB6E": "a multi-line quoted value indented less than its key",
        "S98Z": "a block scalar whose first lines are more indented than its content",
        "SU5Z": "a comment written against a double-quoted value",
        "X4QW": "a comment written against a block scalar indicator",
        "Y79Y-003": "a tab before a block list item",
        "YJV2": "'-' as a plain value in a flow sequence",
    ]

    /// Valid YAML that libyaml refuses, or reads with other values than the suite's (the last
    /// two), with what it stumbles on.
    static let libyamlMisreadsValid: [String: String] = [
        "2JQS": "empty (null) keys",
        "2LFX": "reserved and YAML 1.3 directives",
        "4ABK": "flow mappings: ':' on the next line, adjacent values, multi-line keys, plain values starting with a syntax character",
        "4MUZ-00": "flow mappings: ':' on the next line, adjacent values, multi-line keys, plain values starting with a syntax character",
        "4MUZ-01": "flow mappings: ':' on the next line, adjacent values, multi-line keys, plain values starting with a syntax character",
        "4MUZ-02": "flow mappings: ':' on the next line, adjacent values, multi-line keys, plain values starting with a syntax character",
        "58MP": "empty (null) keys",
        "5MUD": "flow mappings: ':' on the next line, adjacent values, multi-line keys, plain values starting with a syntax character",
        "5T43": "flow mappings: ':' on the next line, adjacent values, multi-line keys, plain values starting with a syntax character",
        "6BCT": "tabs as separation or before content",
        "6CA3": "tabs as separation or before content",
        "6LVF": "reserved and YAML 1.3 directives",
        "7Z25": "document markers and bare documents",
        "8XYN": "anchor names with non-ASCII or punctuation characters",
        "96NN-00": "tabs as separation or before content",
        "96NN-01": "tabs as separation or before content",
        "9SA2": "flow mappings: ':' on the next line, adjacent values, multi-line keys, plain values starting with a syntax character",
        "A2M4": "tabs as separation or before content",
        "BEC7": "reserved and YAML 1.3 directives",
        "CFD4": "empty (null) keys",
        "DBG4": "flow mappings: ':' on the next line, adjacent values, multi-line keys, plain values starting with a syntax character",
        "DK3J": "document markers and bare documents",
        "DK95-00": "tabs as separation or before content",
        "DK95-03": "tabs as separation or before content",
        "DK95-04": "tabs as separation or before content",
        "FP8R": "document markers and bare documents",
        "FRK4": "empty (null) keys",
        "HM87-00": "flow mappings: ':' on the next line, adjacent values, multi-line keys, plain values starting with a syntax character",
        "HWV9": "document markers and bare documents",
        "JEF9-02": "trailing spaces at the end of a stream without a final line break",
        "K3WX": "flow mappings: ':' on the next line, adjacent values, multi-line keys, plain values starting with a syntax character",
        "L24T-01": "trailing spaces at the end of a stream without a final line break",
        "M7A3": "document markers and bare documents",
        "MUS6-05": "reserved and YAML 1.3 directives",
        "MUS6-06": "reserved and YAML 1.3 directives",
        "NHX8": "empty (null) keys",
        "NJ66": "flow mappings: ':' on the next line, adjacent values, multi-line keys, plain values starting with a syntax character",
        "NKF9": "empty (null) keys",
        "Q5MG": "tabs as separation or before content",
        "QT73": "document markers and bare documents",
        "R4YG": "tabs as separation or before content",
        "S3PD": "empty (null) keys",
        "SM9W-01": "empty (null) keys",
        "UKK6-00": "empty (null) keys",
        "UT92": "flow mappings: ':' on the next line, adjacent values, multi-line keys, plain values starting with a syntax character",
        "VJP3-01": "flow mappings: ':' on the next line, adjacent values, multi-line keys, plain values starting with a syntax character",
        "W4TN": "reserved and YAML 1.3 directives",
        "W5VH": "anchor names with non-ASCII or punctuation characters",
        "Y79Y-001": "tabs as separation or before content",
        "Y79Y-010": "tabs as separation or before content",
    ]

    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        struct Features: Decodable, Sendable {
            let anchor: Bool
            let alias: Bool
            let tag: Bool
            let docs: Int
            let complex_key: Bool
            let dup_key: Bool
            let max_depth: Int
        }

        let id: String
        let name: String
        let error: Bool
        let features: Features?
        var testDescription: String { "\(id) \(name)" }
    }

    static let folder = RepositoryPaths.fixtures.appendingPathComponent("shared-data/yaml-test-suite")

    static let cases: [Case] = {
        struct Manifest: Decodable { let cases: [Case] }
        guard let data = try? Data(contentsOf: folder.appendingPathComponent("manifest.json")),
              let manifest = try? JSONDecoder().decode(Manifest.self, from: data) else { return [] }
        return manifest.cases
    }()

    /// What a case came to.
    enum Outcome {
        case accepted(YAMLNode?)
        case refused(Diagnostic)
    }

    /// Loads every case on a thread of its own: a hang fails the test after a generous guard
    /// instead of stalling the run.
    static let outcomes: [String: Outcome]? = {
        final class Box: @unchecked Sendable { var outcomes: [String: Outcome] = [:] }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            for c in cases {
                let data = (try? Data(contentsOf: folder.appendingPathComponent("cases/\(c.id).yaml"))) ?? Data()
                switch YAMLLoader.load(data: data, file: "content/acme/tenant.yaml") {
                case .success(let node): box.outcomes[c.id] = .accepted(node)
                case .failure(let diagnostic): box.outcomes[c.id] = .refused(diagnostic)
                }
            }
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
        return done.wait(timeout: .now() + 120) == .success ? box.outcomes : nil
    }()

    @Test func theSuiteIsThereAndLoadsWithoutHanging() throws {
        #expect(Self.cases.count == 402 && Self.cases.filter(\.error).count == 94)
        let outcomes = try #require(Self.outcomes, "the YAML Test Suite did not load within 120 s")
        #expect(outcomes.count == Self.cases.count)
    }

    /// The case's verdict: nil when it behaves, else why not.
    static func problem(_ c: Case) -> String? {
        guard let outcome = outcomes?[c.id] else { return "no outcome" }
        if c.error {
            guard case .refused(let diagnostic) = outcome else { return "invalid YAML accepted" }
            return locatedOneLine(diagnostic)
        }
        switch outcome {
        case .refused(let diagnostic):
            if let problem = locatedOneLine(diagnostic) { return problem }
            guard let features = c.features, let reason = onPurpose(diagnostic, features) else {
                return "valid YAML refused: \(diagnostic.description)"
            }
            return reason.isEmpty ? "no reason" : nil
        case .accepted(let node):
            if let features = c.features, features.anchor || features.alias || features.complex_key || features.docs > 1 {
                return "accepted a case with anchors, aliases, complex keys or several documents"
            }
            let url = folder.appendingPathComponent("cases/\(c.id).json")
            guard let data = try? Data(contentsOf: url) else { return nil }  // no JSON form (null or complex keys): nothing to compare
            let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            let expected: Value? = text.isEmpty ? nil : try? JSONDecoder().decode(Value.self, from: data)
            let got = node.map(Value.init(yaml:))
            return got == expected ? nil : "read as \(String(describing: got)), the suite says \(String(describing: expected))"
        }
    }

    /// A diagnostic the user can act on: located in the file, one line.
    static func locatedOneLine(_ diagnostic: Diagnostic) -> String? {
        guard let location = diagnostic.location, location.line >= 1, location.column >= 1 else { return "unlocated: \(diagnostic)" }
        let lines = diagnostic.description.split(separator: "\n")
        guard lines.count == 1 || (lines.count == 2 && lines[1].hasPrefix("  hint: ")) else { return "not one line: \(diagnostic.description)" }
        return nil
    }

    /// Which refusal this is when it is one embedsmith makes on purpose, and the case has what it refuses.
    static func onPurpose(_ diagnostic: Diagnostic, _ features: Case.Features) -> String? {
        switch diagnostic.code {
        case "yaml-anchor" where features.anchor || features.alias: return "anchors and aliases"
        case "yaml-complex-key" where features.complex_key: return "complex keys"
        case "yaml-tag" where features.tag: return "tags"
        case "yaml-duplicate-key" where features.dup_key: return "duplicate keys"
        case "yaml-syntax" where features.docs > 1 && diagnostic.message.contains("another document"): return "several documents"
        case "yaml-syntax" where diagnostic.message.contains("a '?' written against a value"): return "a '?' libyaml misreads"
        case "yaml-too-deep" where features.max_depth > YAMLTokenScan.maxDepth: return "deep nesting"
        default: return nil
        }
    }

    @Test("YAML Test Suite case", arguments: cases)
    func suiteCase(_ c: Case) {
        let problem = Self.problem(c)
        let listed = Self.libyamlAcceptsInvalid[c.id] != nil || Self.libyamlMisreadsValid[c.id] != nil
        if listed {
            #expect(problem != nil, "\(c.id) is listed as a libyaml gap but now passes: remove it from the list and from docs/yaml.md")
        } else {
            #expect(problem == nil, "\(c.id) (\(c.name)): \(problem ?? "")")
        }
    }

    /// The lists above are the documentation's (docs/yaml.md), case by case.
    @Test func theDocumentationListsTheSameCases() throws {
        let docs = try String(contentsOf: Self.folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/yaml.md"), encoding: .utf8)
        let listed = Set(Self.libyamlAcceptsInvalid.keys).union(Self.libyamlMisreadsValid.keys)
        let ids = Set(Self.cases.map(\.id))
        #expect(listed.isSubset(of: ids))
        // The two lists close the page; case ids named earlier (652Z) are examples.
        let lists = try #require(docs.range(of: "### Invalid YAML that libyaml accepts").map { docs[$0.lowerBound...] })
        let documented = Set(lists.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "-" }).map(String.init)).intersection(ids)
        #expect(documented == listed, "in docs/yaml.md only: \(documented.subtracting(listed).sorted()); in the test only: \(listed.subtracting(documented).sorted())")
    }

    /// `{ ?foo: bar }`: the key is `?foo` (case 652Z), at the '?', whichever file the YAML is in.
    @Test func aQuestionMarkAgainstAFlowKeyIsPartOfTheKey() throws {
        for (yaml, firstLine, column) in [("x: { ?foo: bar,\n  baz: 42 }\n", 1, 6), ("title: T\nx: {?foo: bar}\n", 2, 5)] {
            let node = try YAMLLoader.load(text: yaml, file: "t.yaml", firstLine: firstLine).get()
            guard case .mapping(let root)? = node, case .mapping(let inner)? = root.pairs.last?.1 else {
                Issue.record("not a mapping: \(yaml)")
                continue
            }
            #expect(inner.pairs.first?.0.string == "?foo")
            #expect(inner.pairs.first?.0.mark.column == column)
        }
    }

    /// A JSON value, compared the way the suite means: numbers by value, objects by keys.
    indirect enum Value: Equatable, Decodable, CustomStringConvertible {
        case null, bool(Bool), number(Double), string(String), list([Value]), object([String: Value])

        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() { self = .null }
            else if let b = try? c.decode(Bool.self) { self = .bool(b) }
            else if let n = try? c.decode(Double.self) { self = .number(n) }
            else if let s = try? c.decode(String.self) { self = .string(s) }
            else if let l = try? c.decode([Value].self) { self = .list(l) }
            else { self = .object(try c.decode([String: Value].self)) }
        }

        /// YAML 1.2 core schema: plain scalars resolve to null, booleans and numbers; every
        /// other scalar is a string.
        init(yaml node: YAMLNode) {
            switch node {
            case .scalar(let s):
                self = s.style == .plain ? Value.resolve(s.string) : .string(s.string)
            case .sequence(let list):
                self = .list(list.nodes.map(Value.init(yaml:)))
            case .mapping(let mapping):
                var object: [String: Value] = [:]
                for (key, value) in mapping.pairs { object[key.string ?? ""] = Value(yaml: value) }
                self = .object(object)
            }
        }

        static func resolve(_ text: String) -> Value {
            switch text {
            case "", "~", "null", "Null", "NULL": return .null
            case "true", "True", "TRUE": return .bool(true)
            case "false", "False", "FALSE": return .bool(false)
            case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .number(.infinity)
            case "-.inf", "-.Inf", "-.INF": return .number(-.infinity)
            default: break
            }
            if text.range(of: #"^[-+]?[0-9]+$"#, options: .regularExpression) != nil, let v = Double(text) { return .number(v) }
            if text.hasPrefix("0o"), let v = Int(text.dropFirst(2), radix: 8) { return .number(Double(v)) }
            if text.hasPrefix("0x"), let v = Int(text.dropFirst(2), radix: 16) { return .number(Double(v)) }
            if text.range(of: #"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$"#, options: .regularExpression) != nil,
               let v = Double(text) { return .number(v) }
            return .string(text)
        }

        var description: String {
            switch self {
            case .null: return "null"
            case .bool(let b): return "\(b)"
            case .number(let n): return "\(n)"
            case .string(let s): return s.debugDescription
            case .list(let l): return "[" + l.map(\.description).joined(separator: ", ") + "]"
            case .object(let o): return "{" + o.sorted { $0.key < $1.key }.map { "\($0.key.debugDescription): \($0.value)" }.joined(separator: ", ") + "}"
            }
        }
    }
}
