import EmbedCheck
import EmbedCore
import Foundation
import Testing

/// The fixture folders that are not a rule's (each rule's own are run by its test file in
/// Tests/EmbedCheckTests/Rules/, through `RuleFixtures`), and the layout that keeps tests
/// mirroring sources: every fixture folder is a rule's or a known group, every rule has a test file.
@Suite struct RuleFixtureTests {
    static let groups = ["suppression-comment", "nu-valid"]
    static let groupFixtures: [URL] = groups.flatMap { CheckPaths.files(in: RuleFixtures.folder($0), suffix: ".html") }

    @Test("fixture findings equal the table", arguments: groupFixtures)
    func groupFixtureMatchesItsTable(_ file: URL) throws {
        try RuleFixtures.checkFixture(file)
    }

    @Test func everyFixtureFolderIsARuleOrAKnownGroup() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: CheckPaths.fixtures.path).filter { !$0.hasPrefix(".") }
        let known = Set(RuleRegistry.ids + Self.groups)
        for folder in folders { #expect(known.contains(folder), "unexpected fixture folder \(folder)") }
    }

    /// Sources/EmbedCheck/Rules/<Name>.swift has Tests/EmbedCheckTests/Rules/<Name>Tests.swift.
    @Test func everyRuleHasItsTestFile() {
        let tests = RepositoryPaths.root.appendingPathComponent("Tests/EmbedCheckTests/Rules")
        for rule in RuleRegistry.all {
            let name = String(describing: type(of: rule))
            #expect(FileManager.default.fileExists(atPath: tests.appendingPathComponent("\(name)Tests.swift").path),
                    "\(rule.id): no Tests/EmbedCheckTests/Rules/\(name)Tests.swift")
        }
    }
}
