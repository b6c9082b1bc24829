import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

struct ServeCommandTests {
    @Test func aFolderWithoutContentIsRefused() throws {
        let root = CLIRunner.temporaryDirectory("serve-empty")
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CLIRunner.run(["serve", "--port", "0"], in: root)
        #expect(result.status == 64)
        #expect(result.stderr.contains("[serve-no-project]"))
    }

    /// `serve --stub-vendors` on an `init` project runs (it exited 64 before the stubs were
    /// wired in): it starts the stub listener, serves, and builds the agent page against the
    /// stub web-agent instead of the vendor's.
    @Test func stubVendorsServesTheScaffoldOnTheStubs() throws {
        let root = CLIRunner.temporaryDirectory("serve-stubs")
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try CLIRunner.run(["init", "p"], in: root).status == 0)
        let (process, out, err) = try CLIRunner.start(["serve", "--root", "p", "--stub-vendors", "--port", "0"], in: root)
        let printed = PipeText(out), errors = PipeText(err)
        defer {
            // SIGKILL: a child of the test process inherits its blocked signals, SIGTERM included.
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
        // A hang guard only (a first build on a loaded machine), not a speed limit.
        let served = printed.wait(for: "(Ctrl-C stops)", orExitOf: process, seconds: 300)
        #expect(served, "stdout: \(printed.text)\nstderr: \(errors.text)")
        #expect(process.isRunning, "exited \(process.isRunning ? 0 : process.terminationStatus): \(errors.text)")
        guard served else { return }
        let stub = try #require(printed.text.firstMatch(of: #/stub vendor apps at (http://127\.0\.0\.1:\d+)/#)).output.1
        let agent = try String(contentsOf: root.appendingPathComponent("p/.embedsmith/serve/site/example/agent.html"), encoding: .utf8)
        #expect(agent.contains("\(stub)/web-agent/?aK=yourApiKey"), "the agent frame points at the stub web-agent")
        #expect(!agent.contains("apirtc.github.io"), "and not at the vendor's")
    }
}

/// What a child process wrote to a pipe so far, collected as it arrives.
final class PipeText: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    init(_ pipe: Pipe) {
        pipe.fileHandleForReading.readabilityHandler = { [self] handle in
            let chunk = handle.availableData
            if chunk.isEmpty { handle.readabilityHandler = nil }  // end of file
            lock.withLock { data.append(chunk) }
        }
    }

    var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }

    /// Waits until the text contains `marker` (true), the process exits or `seconds` pass (false).
    func wait(for marker: String, orExitOf process: Process, seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if text.contains(marker) { return true }
            if !process.isRunning { return text.contains(marker) }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }
}
