import EmbedCheck
import EmbedCore
import Foundation
import Testing

/// The fixtures of a rule, Tests/Fixtures/check/<rule-id>/: each page gives exactly the
/// findings its table lists (`-isvalid` pages none, `-novalid` at least one error, `-haswarn`
/// warnings only, `-hasnote` notes only), and the rule itself fires on its `-novalid` and
/// `-haswarn` pages. Each rule's test file (Tests/EmbedCheckTests/Rules/) runs its own.
enum RuleFixtures {
    static func folder(_ id: String) -> URL { CheckPaths.fixtures.appendingPathComponent(id) }

    /// Every fixture of `rule`, and the rule's own findings on them.
    static func check(rule id: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let files = CheckPaths.files(in: folder(id), suffix: ".html")
        let novalid = files.filter { $0.lastPathComponent.hasSuffix("-novalid.html") }
        #expect(!novalid.isEmpty, "\(id) has no -novalid fixture", sourceLocation: sourceLocation)
        #expect(files.contains { $0.lastPathComponent.hasSuffix("-isvalid.html") }, "\(id) has no -isvalid fixture", sourceLocation: sourceLocation)
        for file in files {
            let findings = try checkFixture(file, sourceLocation: sourceLocation)
            if novalid.contains(file) {
                #expect(findings.contains { $0.rule == id && $0.severity == .error }, "\(id) does not fire on \(file.lastPathComponent)",
                        sourceLocation: sourceLocation)
            } else if file.lastPathComponent.hasSuffix("-haswarn.html") {
                #expect(findings.contains { $0.rule == id && $0.severity == .warning }, "\(id) gives no warning on \(file.lastPathComponent)",
                        sourceLocation: sourceLocation)
            }
        }
    }

    /// One fixture's findings, compared with its table and its name's promise.
    @discardableResult
    static func checkFixture(_ file: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [Finding] {
        let html = try String(contentsOf: file, encoding: .utf8)
        let table = try ExpectTable.read(html)
        let settings = try Checking.settings(for: file.deletingLastPathComponent())
        let findings = Checking.findings(html, settings: settings, headers: headers(besides: file), page: file.lastPathComponent)
        let got = findings.map {
            ExpectTable.Row(line: $0.position.line, column: $0.position.column, severity: $0.severity.rawValue, rule: $0.rule)
        }.sorted()
        #expect(got == table.rows, "\(file.lastPathComponent): got\n\(got.map(\.description).joined(separator: "\n"))", sourceLocation: sourceLocation)
        let name = file.deletingPathExtension().lastPathComponent
        if name.hasSuffix("-isvalid") {
            #expect(table.rows.isEmpty, "\(name): an -isvalid fixture lists findings", sourceLocation: sourceLocation)
        } else if name.hasSuffix("-novalid") {
            #expect(table.rows.contains { $0.severity == "error" }, "\(name): a -novalid fixture without an error", sourceLocation: sourceLocation)
        } else if name.hasSuffix("-haswarn") {
            #expect(!table.rows.isEmpty && table.rows.allSatisfy { $0.severity == "warning" }, "\(name): a -haswarn fixture must list warnings only",
                    sourceLocation: sourceLocation)
        } else if name.hasSuffix("-hasnote") {
            #expect(!table.rows.isEmpty && table.rows.allSatisfy { $0.severity == "note" }, "\(name): a -hasnote fixture must list notes only",
                    sourceLocation: sourceLocation)
        } else {
            Issue.record("\(file.lastPathComponent): name must end in -isvalid, -novalid, -haswarn or -hasnote", sourceLocation: sourceLocation)
        }
        return findings
    }

    /// The `_headers` file of a fixture's folder, if it has one (the fixture is served from it).
    static func headers(besides file: URL) -> String? {
        try? String(contentsOf: file.deletingLastPathComponent().appendingPathComponent("_headers"), encoding: .utf8)
    }
}
