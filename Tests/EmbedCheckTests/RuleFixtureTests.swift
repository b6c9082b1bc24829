import EmbedCheck
import EmbedCore
import Foundation
import Testing

/// Every fixture under Tests/Fixtures/check/<rule-id>/ gives exactly the findings its table
/// lists: `-isvalid` pages none, `-novalid` pages at least one error, `-haswarn` pages
/// warnings only. Each rule has fixtures of each kind it can produce.
@Suite struct RuleFixtureTests {
    static let fixtures: [URL] = CheckPaths.files(in: CheckPaths.fixtures, suffix: ".html")

    @Test("fixture findings equal the table", arguments: fixtures)
    func fixtureMatchesItsTable(_ file: URL) throws {
        let html = try String(contentsOf: file, encoding: .utf8)
        let table = try ExpectTable.read(html)
        let settings = try Checking.settings(for: file.deletingLastPathComponent())
        let got = Checking.findings(html, settings: settings, headers: Self.headers(besides: file), page: file.lastPathComponent).map {
            ExpectTable.Row(line: $0.position.line, column: $0.position.column, severity: $0.severity.rawValue, rule: $0.rule)
        }.sorted()
        #expect(got == table.rows, "\(file.lastPathComponent): got\n\(got.map(\.description).joined(separator: "\n"))")

        let name = file.deletingPathExtension().lastPathComponent
        if name.hasSuffix("-isvalid") {
            #expect(table.rows.isEmpty, "an -isvalid fixture lists findings")
        } else if name.hasSuffix("-novalid") {
            #expect(table.rows.contains { $0.severity == "error" }, "a -novalid fixture without an error")
        } else if name.hasSuffix("-haswarn") {
            #expect(!table.rows.isEmpty && table.rows.allSatisfy { $0.severity == "warning" }, "a -haswarn fixture must list warnings only")
        } else if name.hasSuffix("-hasnote") {
            #expect(!table.rows.isEmpty && table.rows.allSatisfy { $0.severity == "note" }, "a -hasnote fixture must list notes only")
        } else {
            Issue.record("\(file.lastPathComponent): name must end in -isvalid, -novalid, -haswarn or -hasnote")
        }
    }

    @Test("the rule of a fixture's folder fires on its -novalid pages")
    func eachRuleFiresOnItsNovalidFixtures() throws {
        for rule in RuleRegistry.all {
            let folder = CheckPaths.fixtures.appendingPathComponent(rule.id)
            let files = CheckPaths.files(in: folder, suffix: ".html")
            let novalid = files.filter { $0.lastPathComponent.hasSuffix("-novalid.html") }
            let isvalid = files.filter { $0.lastPathComponent.hasSuffix("-isvalid.html") }
            #expect(!novalid.isEmpty, "\(rule.id) has no -novalid fixture")
            #expect(!isvalid.isEmpty, "\(rule.id) has no -isvalid fixture")
            let settings = try Checking.settings(for: folder)
            for file in novalid {
                let html = try String(contentsOf: file, encoding: .utf8)
                let own = Checking.findings(html, settings: settings, headers: Self.headers(besides: file), page: file.lastPathComponent)
                    .filter { $0.rule == rule.id && $0.severity == .error }
                #expect(!own.isEmpty, "\(rule.id) does not fire on \(file.lastPathComponent)")
            }
            for file in files where file.lastPathComponent.hasSuffix("-haswarn.html") {
                let html = try String(contentsOf: file, encoding: .utf8)
                #expect(Checking.findings(html, settings: settings, headers: Self.headers(besides: file), page: file.lastPathComponent)
                            .contains { $0.rule == rule.id && $0.severity == .warning },
                        "\(rule.id) gives no warning on \(file.lastPathComponent)")
            }
        }
    }

    /// The `_headers` file of a fixture's folder, if it has one (the fixture is served from it).
    static func headers(besides file: URL) -> String? {
        try? String(contentsOf: file.deletingLastPathComponent().appendingPathComponent("_headers"), encoding: .utf8)
    }

    @Test func everyFixtureFolderIsARuleOrAKnownGroup() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: CheckPaths.fixtures.path).filter { !$0.hasPrefix(".") }
        let known = Set(RuleRegistry.ids + ["suppression-comment", "nu-valid"])
        for folder in folders { #expect(known.contains(folder), "unexpected fixture folder \(folder)") }
    }
}
