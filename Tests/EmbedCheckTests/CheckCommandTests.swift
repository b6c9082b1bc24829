import EmbedCheck
import Foundation
import Testing

/// `embedsmith check` and `embedsmith explain` as a user runs them: exit codes, streams, formats.
@Suite(.serialized, .enabled(if: CheckPaths.executable != nil, "the embedsmith executable is not built"))
struct CheckCommandTests {
    typealias Output = CLIRunner.Output

    static func run(_ arguments: [String], in directory: URL) throws -> Output {
        try CLIRunner.run(arguments, in: directory)
    }

    static func project() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("embedsmith-check-cli-\(UUID().uuidString)")
        let site = root.appendingPathComponent("site/acme")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        let clean = Checking.page(body: #"<iframe title="Console" src="https://apizee.acme.example/"></iframe>"#,
                                  csp: "default-src 'none'; frame-src https://apizee.acme.example")
        try Data(clean.utf8).write(to: site.appendingPathComponent("console.html"))
        try Data(Checking.page(body: "<p>hello</p>").utf8).write(to: site.appendingPathComponent("index.html"))
        try Data("check:\n  frameHosts: [apizee.acme.example]\n".utf8).write(to: root.appendingPathComponent("embedsmith.yaml"))
        return root
    }

    @Test func cleanSiteExitsZeroWithTheProjectConfig() throws {
        let root = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try Self.run(["check"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "checked 2 files: no problems\n")
        #expect(result.stdout.isEmpty)
        // Without the config, the console CNAME is an unknown host.
        try Data().write(to: root.appendingPathComponent("empty.yaml"))
        let strict = try Self.run(["check", "--config", "empty.yaml"], in: root)
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("site/acme/console.html:10:25: error: iframe host 'apizee.acme.example' is not an allowed vendor host [iframe-src]"), "\(strict.stderr)")
        #expect(try Self.run(["check", "--config", "missing.yaml"], in: root).status == 65)
    }

    @Test func errorsExitOneWarningsOnlyOverTheMaximum() throws {
        let root = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }
        let page = root.appendingPathComponent("page.html")
        try Data(Checking.page(body: #"<iframe title="c" src="https://dialogs.pro/" sandbox="allow-scripts allow-popups-to-escape-sandbox"></iframe>"#).utf8).write(to: page)
        #expect(try Self.run(["check", "page.html"], in: root).status == 0)
        let limited = try Self.run(["check", "page.html", "--max-warnings", "0"], in: root)
        #expect(limited.status == 1)
        #expect(limited.stderr.contains("page.html:10:46: warning:"), "\(limited.stderr)")
        #expect(limited.stderr.contains("(more than --max-warnings 0)"))
        try Data(Checking.page(body: #"<a href="javascript:go()">go</a>"#).utf8).write(to: page)
        let failing = try Self.run(["check", "page.html", "--format", "json"], in: root)
        #expect(failing.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(failing.stdout.utf8)) as? [String: Any])
        #expect((json["findings"] as? [[String: Any]])?.first?["rule"] as? String == "url-scheme")
        #expect(!failing.stderr.contains("error:"))
    }

    @Test func unreadableInputExits65AndUsageErrors64() throws {
        let root = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data([0x3C, 0x70, 0x3E, 0xE9]).write(to: root.appendingPathComponent("latin1.html"))
        let latin1 = try Self.run(["check", "latin1.html"], in: root)
        #expect(latin1.status == 65)
        #expect(latin1.stderr.contains("latin1.html:1:4: error: file is not valid UTF-8"))
        #expect(try Self.run(["check", "nowhere/"], in: root).status == 65)
        #expect(try Self.run(["check", "--format", "xml"], in: root).status == 64)
        #expect(try Self.run(["check", "--max-warnings", "-1"], in: root).status == 64)
        try Data("check:\n  rules: { url-valid: loud }\n".utf8).write(to: root.appendingPathComponent("embedsmith.yaml"))
        let badConfig = try Self.run(["check"], in: root)
        #expect(badConfig.status == 65)
        #expect(badConfig.stderr.contains("embedsmith.yaml:2:23: error: 'check.rules.url-valid' must be one of"), "\(badConfig.stderr)")
    }

    @Test func githubAndSarifGoToStdout() throws {
        let root = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data(Checking.page(body: #"<button type="button" onclick="go()">go</button>"#).utf8).write(to: root.appendingPathComponent("site/acme/bad.html"))
        let github = try Self.run(["check", "--format", "github"], in: root)
        #expect(github.status == 1)
        #expect(github.stdout.hasPrefix("::error file=site/acme/bad.html,line=10,col=23,title=inline-event-handler::"), "\(github.stdout)")
        let sarif = try Self.run(["check", "--format", "sarif"], in: root)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        #expect(object["version"] as? String == "2.1.0")
    }

    @Test func explainPrintsTheRulePage() throws {
        let root = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }
        let page = try Self.run(["explain", "sandbox-escape"], in: root)
        #expect(page.status == 0)
        #expect(page.stdout.hasPrefix("# sandbox-escape\n"))
        let list = try Self.run(["explain"], in: root)
        #expect(list.stdout.split(separator: "\n").count == RuleRegistry.all.count)
        let unknown = try Self.run(["explain", "sandbox-escap"], in: root)
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("did you mean 'sandbox-escape'?"))
        // The `_headers` file's codes are not rules, but explain knows them.
        let code = try Self.run(["explain", "headers-limit"], in: root)
        #expect(code.status == 0)
        #expect(code.stdout.hasPrefix("# headers-limit\n"))
        #expect(try Self.run(["explain", "headers-syntx"], in: root).stderr.contains("did you mean 'headers-syntax'?"))
    }
}
