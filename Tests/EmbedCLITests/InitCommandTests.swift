import Foundation
import Testing

@Suite(.serialized) struct InitCommandTests {
    @Test func scaffoldBuildsAtOnceWithoutError() throws {
        let root = CLIRunner.temporaryDirectory("init")
        defer { try? FileManager.default.removeItem(at: root) }
        let made = try CLIRunner.run(["init", "my-site"], in: root)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.contains("embedsmith serve --root my-site"))
        let built = try CLIRunner.run(["build", "--root", "my-site"], in: root)
        #expect(built.status == 0, "\(built.stderr)")
        #expect(!built.stderr.contains("warning"), "\(built.stderr)")
        let site = root.appendingPathComponent("my-site/site/example")
        for page in ["index.html", "invite.html", "agent.html", "_headers"] {
            #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent(page).path), "\(page)")
        }
        let index = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("0123456789abcdef0123456789abcdef"), "the quick invitation is on the page")
        let agent = try String(contentsOf: site.appendingPathComponent("agent.html"), encoding: .utf8)
        #expect(agent.contains("es-frame-1") && agent.contains("yourApiKey"), "the agent page frames the web-agent with the placeholder key")
        let checked = try CLIRunner.run(["check", "my-site/site"], in: root)
        #expect(checked.status == 0, "\(checked.stdout)\(checked.stderr)")
    }

    /// Only the quick invitation and the agent page's two settings are on: every other
    /// section of tenant.yaml stays commented out.
    @Test func tenantYamlHasOnlyTheInvitationAndTheWebAgentOn() throws {
        let root = CLIRunner.temporaryDirectory("init-sections")
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try CLIRunner.run(["init", "p"], in: root).status == 0)
        let yaml = try String(contentsOf: root.appendingPathComponent("p/content/example/tenant.yaml"), encoding: .utf8)
        let keys = yaml.split(separator: "\n").filter { !$0.hasPrefix("#") && $0.contains(":") && !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }
            .map { $0.prefix { $0 != ":" } }
        #expect(keys == ["name", "locale", "baseURL", "apizee", "  quickInvitation", "    serviceKey", "  apiKey", "  webAgent",
                         "    conversation", "    agentName"])
        #expect(yaml.contains("fill in your account's values"))
    }

    /// Every page of examples/ builds once its section is uncommented, as it says: each
    /// "explains itself" truthfully.
    @Test func examplePagesNeedOnlyTheSectionsTheyName() throws {
        let root = CLIRunner.temporaryDirectory("init-examples")
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try CLIRunner.run(["init", "p"], in: root).status == 0)
        let project = root.appendingPathComponent("p")
        let examples = try FileManager.default.contentsOfDirectory(atPath: project.appendingPathComponent("examples").path)
        #expect(examples.count == 6)
        #expect(!examples.contains("agent.md"), "the agent page is in the tenant already")
        for page in examples {
            try FileManager.default.moveItem(at: project.appendingPathComponent("examples/\(page)"),
                                            to: project.appendingPathComponent("content/example/\(page)"))
        }
        let refused = try CLIRunner.run(["build", "--root", "p"], in: root)
        #expect(refused.status == 65, "with the sections commented out the pages say what is missing")

        // Uncomment every commented setting (`# key: value`, keeping its indentation).
        let yaml = project.appendingPathComponent("content/example/tenant.yaml")
        let text = try String(contentsOf: yaml, encoding: .utf8)
        let setting = try Regex(#"^(\s*)# ( *)(\w+:.*)$"#)
        let uncommented = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard let match = try? setting.wholeMatch(in: String(line)) else { return String(line) }
            return "\(match.output[1].substring!)\(match.output[2].substring!)\(match.output[3].substring!)"
        }.joined(separator: "\n")
        try Data(uncommented.utf8).write(to: yaml)
        let built = try CLIRunner.run(["build", "--root", "p"], in: root)
        #expect(built.status == 0, "\(built.stderr)")
    }

    @Test func nonEmptyFolderIsRefusedAndNothingWritten() throws {
        let root = CLIRunner.temporaryDirectory("init-refuse")
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("busy")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("mine\n".utf8).write(to: folder.appendingPathComponent("README.md"))
        let refused = try CLIRunner.run(["init", "busy"], in: root)
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("[init-not-empty]"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["README.md"])
        #expect(try String(contentsOf: folder.appendingPathComponent("README.md"), encoding: .utf8) == "mine\n")

        let forced = try CLIRunner.run(["init", "busy", "--force"], in: root)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("content/example/tenant.yaml").path))
    }

    /// --force never writes through a link found in the folder.
    @Test func forceDoesNotFollowLinks() throws {
        let root = CLIRunner.temporaryDirectory("init-link")
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("p"), outside = root.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("content"), withDestinationURL: outside)
        let result = try CLIRunner.run(["init", "p", "--force"], in: root)
        #expect(result.status == 74)
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
    }
}
