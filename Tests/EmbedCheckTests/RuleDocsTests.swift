import EmbedCheck
import EmbedCore
import Foundation
import Testing

/// docs/rules/<id>.md: one page per rule, compiled into the tool at build time (RuleDocs, by the
/// EmbedFiles plugin), and every example in it run through the checker.
@Suite struct RuleDocsTests {
    static var pages: [(id: String, url: URL)] {
        CheckPaths.files(in: CheckPaths.ruleDocs, suffix: ".md")
            .filter { $0.lastPathComponent != "README.md" }
            .map { ($0.deletingPathExtension().lastPathComponent, $0) }
    }

    /// The EmbedFiles plugin compiles docs/rules/ into RuleDocs at build time: the table holds
    /// every file of the folder, byte for byte (a file added, removed or edited shows here).
    @Test func compiledDocsMatchDocsFolder() throws {
        var onDisk: [String: Data] = [:]
        for url in CheckPaths.files(in: CheckPaths.ruleDocs, suffix: "") where !url.lastPathComponent.hasPrefix(".") {
            onDisk[String(url.path.dropFirst(CheckPaths.ruleDocs.path.count + 1))] = try Data(contentsOf: url)
        }
        #expect(Set(RuleDocs.files.keys) == Set(onDisk.keys))
        for (path, data) in onDisk { #expect(RuleDocs.files[path].map { Data($0.utf8) } == data, "docs/rules/\(path) differs from its compiled copy") }
    }

    @Test func everyRuleHasAPageAndEveryPageARule() {
        let documented = Set(Self.pages.map(\.id))
        for rule in RuleRegistry.all {
            #expect(documented.contains(rule.id), "docs/rules/\(rule.id).md is missing")
            #expect(RuleDocs.page(for: rule.id)?.hasPrefix("# \(rule.id)\n") == true, "the page of \(rule.id) must start with '# \(rule.id)'")
        }
        for id in documented { #expect(RuleRegistry.rule(id) != nil, "docs/rules/\(id).md documents no rule") }
    }

    struct Example: CustomTestStringConvertible {
        var rule: String
        var kind: String
        var html: String
        var line: Int
        /// The `_headers` file of a ```` ```headers ```` block right before the example, if any.
        var headers: String? = nil
        var testDescription: String { "\(rule).md:\(line) \(kind)" }
    }

    /// Fenced blocks whose info string is `html isvalid`, `html novalid` or `html haswarn`; a
    /// `headers` block just before one is the `_headers` file the page is served under.
    static var examples: [Example] {
        var result: [Example] = []
        for page in pages {
            guard let text = try? String(contentsOf: page.url, encoding: .utf8) else { continue }
            var current: (kind: String, line: Int, lines: [String])? = nil
            var headers: String? = nil
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if let block = current {
                    if line == "```" {
                        if block.kind == "headers" {
                            headers = block.lines.joined(separator: "\n")
                        } else {
                            result.append(Example(rule: page.id, kind: block.kind, html: block.lines.joined(separator: "\n"), line: block.line, headers: headers))
                            headers = nil
                        }
                        current = nil
                    } else {
                        current?.lines.append(String(line))
                    }
                } else if line.hasPrefix("```html ") {
                    current = (String(line.dropFirst(8)), number + 1, [])
                } else if line == "```headers" {
                    current = ("headers", number + 1, [])
                }
            }
        }
        return result
    }

    @Test func everyPageHasExamples() {
        let examples = Self.examples
        for page in Self.pages {
            #expect(examples.contains { $0.rule == page.id && $0.kind == "novalid" }, "\(page.id).md has no 'html novalid' example")
            #expect(examples.contains { $0.rule == page.id && $0.kind == "isvalid" }, "\(page.id).md has no 'html isvalid' example")
        }
    }

    @Test("documentation examples behave as labelled", arguments: examples)
    func exampleBehavesAsLabelled(_ example: Example) {
        let own = Checking.findings(example.html, rule: example.rule, headers: example.headers)
        switch example.kind {
        case "novalid":
            #expect(own.contains { $0.severity == .error }, "\(example.rule) reports no error: \(own)")
        case "haswarn":
            #expect(own.contains { $0.severity == .warning } && !own.contains { $0.severity == .error }, "\(example.rule): \(own)")
        case "hasnote":
            #expect(!own.isEmpty && own.allSatisfy { $0.severity == .note }, "\(example.rule): \(own)")
        case "isvalid":
            #expect(own.isEmpty, "\(example.rule) reports: \(own.map(\.message))")
        default:
            Issue.record("unknown example kind '\(example.kind)' (use isvalid, novalid, haswarn or hasnote)")
        }
    }

    @Test func docsReadmeListsEveryRule() throws {
        let readme = try String(contentsOf: CheckPaths.ruleDocs.appendingPathComponent("README.md"), encoding: .utf8)
        for rule in RuleRegistry.all { #expect(readme.contains("[\(rule.id)](\(rule.id).md)"), "docs/rules/README.md does not list \(rule.id)") }
    }
}
