import Foundation
import Testing

@Suite(.serialized) struct BuildCommandTests {
    @Test func outputDoesNotDependOnWorkingDirectoryOrJobs() throws {
        let root = CLIRunner.temporaryDirectory("determinism")
        defer { try? FileManager.default.removeItem(at: root) }
        try CLIRunner.makeProject(at: root.appendingPathComponent("project"), tenants: 6, pages: 3)
        let elsewhere = root.appendingPathComponent("elsewhere/deeper")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)

        let a = try CLIRunner.run(["build", "--jobs", "1", "--quiet"], in: root.appendingPathComponent("project"))
        let b = try CLIRunner.run(["build", "--root", "../../project", "--out", "../../site-b", "--jobs", "8", "--quiet"], in: elsewhere)
        #expect(a.status == 0, "\(a.stderr)")
        #expect(b.status == 0, "\(b.stderr)")
        let siteA = CLIRunner.snapshot(root.appendingPathComponent("project/site"))
        let siteB = CLIRunner.snapshot(root.appendingPathComponent("site-b"))
        #expect(siteA.count > 20)
        #expect(siteA == siteB)
    }

    @Test func killedBuildLeavesThePreviousSiteWhole() throws {
        let root = CLIRunner.temporaryDirectory("atomic")
        defer { try? FileManager.default.removeItem(at: root) }
        try CLIRunner.makeProject(at: root, tenants: 300, pages: 4, marker: "v1")
        let first = try CLIRunner.run(["build", "--quiet"], in: root)
        #expect(first.status == 0, "\(first.stderr)")
        let before = CLIRunner.snapshot(root.appendingPathComponent("site"))

        // New content, then kill -9 while the new site is being staged.
        try CLIRunner.makeProject(at: root, tenants: 300, pages: 4, marker: "v2")
        var killedMidway = false
        for _ in 0..<5 where !killedMidway {
            let (process, _, _) = try CLIRunner.start(["build", "--quiet", "--jobs", "1"], in: root)
            let staging = root.appendingPathComponent(".site.staging-\(process.processIdentifier)")
            let deadline = Date().addingTimeInterval(30)
            while process.isRunning && Date() < deadline {
                if let entries = try? FileManager.default.contentsOfDirectory(atPath: staging.path), entries.count >= 3 {
                    kill(process.processIdentifier, SIGKILL)
                    killedMidway = true
                    break
                }
                usleep(500)
            }
            process.waitUntilExit()
            if !killedMidway {
                // Finished before we caught it: restore v1 output and retry.
                try CLIRunner.makeProject(at: root, tenants: 300, pages: 4, marker: "v1")
                _ = try CLIRunner.run(["build", "--quiet"], in: root)
                try CLIRunner.makeProject(at: root, tenants: 300, pages: 4, marker: "v2")
            }
        }
        #expect(killedMidway, "the build always finished before it could be killed")
        #expect(CLIRunner.snapshot(root.appendingPathComponent("site")) == before, "the previous site changed")

        // The next build cleans the abandoned staging folder and publishes v2.
        let again = try CLIRunner.run(["build", "--quiet"], in: root)
        #expect(again.status == 0, "\(again.stderr)")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".site.staging") }
        #expect(leftovers.isEmpty)
        let page = try String(contentsOf: root.appendingPathComponent("site/t0/page0.html"), encoding: .utf8)
        #expect(page.contains("Page 0 v2"))
    }

    @Test func invalidConfigExits65WithLocatedErrorsAndKeepsTheSite() throws {
        let root = CLIRunner.temporaryDirectory("invalid")
        defer { try? FileManager.default.removeItem(at: root) }
        try CLIRunner.makeProject(at: root, tenants: 2, pages: 1)
        #expect(try CLIRunner.run(["build", "--quiet"], in: root).status == 0)
        let before = CLIRunner.snapshot(root.appendingPathComponent("site"))
        try Data("name: Broken\nbaseURL: http://t0.example/\nconvrsation: x\n".utf8)
            .write(to: root.appendingPathComponent("content/t0/tenant.yaml"))
        try Data("name: Also broken\nbaseURL: https://t1.example/\nlocale: de\n".utf8)
            .write(to: root.appendingPathComponent("content/t1/tenant.yaml"))
        let result = try CLIRunner.run(["build"], in: root)
        #expect(result.status == 65)
        #expect(result.stderr.contains("content/t0/tenant.yaml:2:10: error: 'baseURL': scheme 'http:' is not allowed; use https:// [url-not-https]"))
        #expect(result.stderr.contains("content/t0/tenant.yaml:3:1: error: unknown key 'convrsation' [config-unknown-key]"))
        #expect(result.stderr.contains("content/t1/tenant.yaml:3:9: error: 'locale' must be one of 'en', 'fr', found 'de' [config-enum]"))
        #expect(result.stderr.contains("3 errors"))
        #expect(CLIRunner.snapshot(root.appendingPathComponent("site")) == before)
    }

    @Test func loopbackAgentURLsNeedDev() throws {
        let root = CLIRunner.temporaryDirectory("dev")
        defer { try? FileManager.default.removeItem(at: root) }
        let dir = root.appendingPathComponent("content/lab")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data("name: Lab\nbaseURL: https://lab.example/\napizee:\n  apiKey: k\n  webAgent:\n    url: http://127.0.0.1:8802/index.html\n".utf8)
            .write(to: dir.appendingPathComponent("tenant.yaml"))
        try Data("---\ntitle: Agent\nlayout: agent\n---\n".utf8).write(to: dir.appendingPathComponent("index.md"))
        let refused = try CLIRunner.run(["build"], in: root)
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("content/lab/tenant.yaml:6:10: error: 'apizee.webAgent.url': http://127.0.0.1 is only allowed with --dev [url-not-https]"))
        let accepted = try CLIRunner.run(["build", "--dev", "--quiet"], in: root)
        #expect(accepted.status == 0, "\(accepted.stderr)")
        let page = try String(contentsOf: root.appendingPathComponent("site/lab/index.html"), encoding: .utf8)
        #expect(page.contains("src=\"http://127.0.0.1:8802/index.html?aK=k\""))
        #expect(page.contains("frame-src http://127.0.0.1:8802;"))
    }

    @Test func usageErrorsExit64() throws {
        let dir = CLIRunner.temporaryDirectory("usage")
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try CLIRunner.run(["build", "--jobs", "0"], in: dir).status == 64)
        #expect(try CLIRunner.run(["build", "--no-such-flag"], in: dir).status == 64)
    }

    /// The stubs must never point pages at another machine: only a loopback origin is accepted.
    @Test func stubVendorsTakesALoopbackOriginOnly() throws {
        let dir = CLIRunner.temporaryDirectory("stub-vendors")
        defer { try? FileManager.default.removeItem(at: dir) }
        for origin in ["http://stubs.example:8808", "http://10.0.0.1:8808", "http://127.0.0.1:8808/path/", "127.0.0.1:8808"] {
            let refused = try CLIRunner.run(["build", "--stub-vendors", origin], in: dir)
            #expect(refused.status == 64 && refused.stderr.contains("loopback origin"), "\(origin)")
        }
    }

    @Test func missingContentFolderIsInvalidInput() throws {
        let dir = CLIRunner.temporaryDirectory("empty")
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try CLIRunner.run(["build"], in: dir)
        #expect(result.status == 65)
        #expect(result.stderr.contains("[content-missing]"))
    }
}

@Suite struct LinkCommandTests {
    func run(_ args: [String]) throws -> CLIRunner.Output {
        try CLIRunner.run(["link"] + args, in: FileManager.default.temporaryDirectory)
    }

    @Test func printsTheGeneratorsURLs() throws {
        #expect(try run(["quick-invitation", "--reference", "CASE-42", "--phone-numbers", "+33612345678,+33698765432"]).stdout
            == "https://cloud.apizee.com/quick-invitation?reference=CASE-42&phone_numbers=%2B33612345678,%2B33698765432\n")
        #expect(try run(["web-agent", "--api-key", "k", "--conversation", "C 1", "--join", "false"]).stdout
            == "https://apirtc.github.io/web-agent/?aK=k&cN=C%201&j=false\n")
        #expect(try run(["apizee-embed", "--identification-key", "K", "--conversation", "c", "--external-reference", "ticketId=12345"]).stdout
            == "https://app.apizee.com/agent/?iK=K&cN=c&eR=%5B%7B%22name%22%3A%22ticketId%22%2C%22reference%22%3A%2212345%22%7D%5D\n")
        #expect(try run(["chatapp", "--license-id", "30310", "--messenger", "telegram", "--dialog-id", "79999999999@c.us"]).stdout
            == "https://dialogs.pro/?api%5Blicense_id%5D=30310&api%5Bmessenger_type%5D=telegram&crm%5BdialogIds%5D%5B0%5D=79999999999%40c.us\n")
        #expect(try run(["engage-script", "--script-id", "5c593c728b02502bc3f8ffe1"]).stdout == "https://cdn.chatvisor.com/cdn/js/5c593c728b02502bc3f8ffe1.js\n")
    }

    @Test func htmlPrintsTheWholeElement() throws {
        let out = try run(["quick-invitation", "--variant", "legacy", "--phone", "+33612345678", "--name", "<Jane>", "--html"]).stdout
        #expect(out.hasPrefix("<a class=\"es-button es-quick-invitation\" href=\"https://cloud.apizee.com/tickets/quick-invitation?phone=%2B33612345678&amp;name=%3CJane%3E\" target=\"_blank\" rel=\"noopener noreferrer\">"))
    }

    @Test func htmlPrintsFramesAndScriptsWithTheirSecurityAttributes() throws {
        let agent = try run(["web-agent", "--api-key", "k", "--title", "Agent <1>", "--html"])
        #expect(agent.status == 0)
        #expect(agent.stdout == "<iframe id=\"es-frame-1\" class=\"es-frame es-frame--tall\" title=\"Agent &lt;1&gt;\" src=\"https://apirtc.github.io/web-agent/?aK=k\" "
            + "allow=\"autoplay; microphone; camera; display-capture; encrypted-media; clipboard-write\" referrerpolicy=\"no-referrer\"></iframe>\n")
        let chat = try run(["chatapp", "--license-id", "30310", "--messenger", "telegram", "--sandbox", "hardened", "--html"]).stdout
        #expect(chat.hasPrefix("<iframe id=\"es-frame-1\" class=\"es-frame es-chatapp-frame\" title=\"ChatApp conversations\" src=\"https://dialogs.pro/?api%5Blicense_id%5D=30310&amp;api%5Bmessenger_type%5D=telegram\" sandbox=\""))
        #expect(chat.contains(" allow-top-navigation-by-user-activation\"") && !chat.contains("allow-top-navigation "))
        #expect(chat.contains("allow=\"camera https://dialogs.pro; microphone https://dialogs.pro;"))
        let link = try run(["chatapp", "--license-id", "30310", "--messenger", "telegram", "--display", "link", "--label", "Chats", "--html"]).stdout
        #expect(link.hasPrefix("<a ") && link.contains(" target=\"_blank\" rel=\"noopener noreferrer\">Chats"))
        #expect(try run(["engage-script", "--script-id", "5c593c728b02502bc3f8ffe1", "--html"]).stdout
            == "<script src=\"https://cdn.chatvisor.com/cdn/js/5c593c728b02502bc3f8ffe1.js\" defer></script>\n")
    }

    @Test func helpShowsAnExamplePerKind() throws {
        let help = try run(["--help"])
        #expect(help.status == 0)
        let text = help.stdout.replacingOccurrences(of: "\n", with: " ")
        for kind in ["quick-invitation", "web-agent", "apizee-embed", "chatapp", "engage-script"] {
            #expect(text.contains("embedsmith link \(kind) --"), "no example for \(kind)")
        }
    }

    @Test func invalidValuesExit65WithTheOptionAndTheReason() throws {
        let long = try run(["quick-invitation", "--reference", String(repeating: "x", count: 51)])
        #expect(long.status == 65)
        #expect(long.stderr.hasPrefix("embedsmith: error: --reference: 'reference' is 51 characters long; the limit is 50 [config-too-long]"))
        let http = try run(["web-agent", "--api-key", "k", "--url", "http://evil.example/"])
        #expect(http.status == 65)
        #expect(http.stderr.contains("--url: 'apizee.webAgent.url': scheme 'http:' is not allowed; use https://"))
        let phone = try run(["quick-invitation", "--phone-numbers", "0612"])
        #expect(phone.status == 65)
        #expect(phone.stderr.contains("--phone-numbers:"))
        #expect(try run(["web-agent", "--conversation", "x"]).stderr.contains("hint: pass --api-key"))
        #expect(try run(["nonsense"]).status == 64)
    }
}

@Suite struct LinkSubcommandTests {
    func run(_ args: [String]) throws -> CLIRunner.Output {
        try CLIRunner.run(["link"] + args, in: FileManager.default.temporaryDirectory)
    }

    @Test func eachKindsHelpListsOnlyItsOwnOptions() throws {
        let invitation = try run(["quick-invitation", "--help"])
        #expect(invitation.status == 0)
        #expect(invitation.stdout.contains("--phone-numbers <value>") && invitation.stdout.contains("--read-only-service <true|false>"))
        #expect(!invitation.stdout.contains("--api-key") && !invitation.stdout.contains("--script-id"))
        let agent = try run(["web-agent", "--help"]).stdout
        #expect(agent.contains("--api-key <value>") && agent.contains("[tenant.yaml apizee.apiKey]") && agent.contains("--guest-phone <value>"))
        #expect(!agent.contains("--phone-numbers") && !agent.contains("--identification-key"))
    }

    @Test func anOptionOfAnotherKindIsAUsageError() throws {
        let wrong = try run(["engage-script", "--script-id", "5c593c728b02502bc3f8ffe1", "--phone-numbers", "+33612345678"])
        #expect(wrong.status == 64)
        #expect(wrong.stderr.contains("unknown option '--phone-numbers' for 'link engage-script'"))
        // A component without a link kind has no subcommand (the old builder's switch ran any
        // kind it did not name as engage-script).
        #expect(try run(["room-link", "--script-id", "5c593c728b02502bc3f8ffe1"]).status == 64)
    }

    @Test func optionsNestedInTheSchemaAndListsOfPairsAreDerived() throws {
        #expect(try run(["quick-invitation", "--read-only-service", "true", "--phone-numbers", "+33612345678", "--phone-numbers", "+33698765432"]).stdout
            == "https://cloud.apizee.com/quick-invitation?phone_numbers=%2B33612345678,%2B33698765432&read_only.service=true\n")
        #expect(try run(["web-agent", "--api-key", "k", "--guest-name", "J", "--guest-phone", "+33612345678"]).stdout
            == "https://apirtc.github.io/web-agent/?aK=k&gN=J&gP=%2B33612345678\n")
        let bad = try run(["web-agent", "--api-key", "k", "--guest-phone", "0612"])
        #expect(bad.status == 65 && bad.stderr.contains("--guest-phone: 'guest.phone' must be a phone number"))
    }
}
