import Foundation
import Testing

struct ServeCommandTests {
    @Test func aFolderWithoutContentIsRefused() throws {
        let root = CLIRunner.temporaryDirectory("serve-empty")
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CLIRunner.run(["serve", "--port", "0"], in: root)
        #expect(result.status == 64)
        #expect(result.stderr.contains("[serve-no-project]"))
    }

    /// Until the simulated vendor apps are wired in, the flag says so and fails.
    @Test func stubVendorsWithoutTheStubsFails() throws {
        let root = CLIRunner.temporaryDirectory("serve-stubs")
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CLIRunner.run(["serve", "--stub-vendors", "--port", "0"], in: root)
        #expect(result.status == 64)
        #expect(result.stderr.contains("not part of this build"))
    }
}
