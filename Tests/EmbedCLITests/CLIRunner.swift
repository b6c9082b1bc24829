import Foundation

/// Runs the built `embedsmith` executable as a user would.
enum CLIRunner {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Next to the test bundle in the build folder (whatever --scratch-path was used).
    static var executable: URL {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<3 {
            let candidate = dir.appendingPathComponent("embedsmith")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/embedsmith")
    }

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func start(_ arguments: [String], in directory: URL) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return (process, out, err)
    }

    static func run(_ arguments: [String], in directory: URL) throws -> Output {
        let (process, out, err) = try start(arguments, in: directory)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func temporaryDirectory(_ label: String) -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("embedsmith-cli-\(label)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func snapshot(_ dir: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: [.isRegularFileKey]) else { return files }
        let base = dir.standardizedFileURL.resolvingSymlinksInPath().path
        for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            files[String(url.standardizedFileURL.resolvingSymlinksInPath().path.dropFirst(base.count + 1))] = FileManager.default.contents(atPath: url.path)
        }
        return files
    }

    /// A project with `tenants` × `pages` valid pages, large enough to interrupt mid-build.
    static func makeProject(at root: URL, tenants: Int, pages: Int, marker: String = "v1") throws {
        for t in 0..<tenants {
            let dir = root.appendingPathComponent("content/t\(t)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try Data("name: Tenant \(t)\nbaseURL: https://t\(t).example/\napizee:\n  quickInvitation:\n    serviceKey: 0123456789abcdef0123456789abcdef\n".utf8)
                .write(to: dir.appendingPathComponent("tenant.yaml"))
            for p in 0..<pages {
                let page = "---\ntitle: Page \(p) \(marker)\n---\n## Section\n\nText \(marker) with a [link](https://example.com/).\n\n```embed quick-invitation\nreference: T\(t)-P\(p)\nphones: [\"+33612345678\"]\n```\n"
                try Data(page.utf8).write(to: dir.appendingPathComponent("page\(p).md"))
            }
        }
    }
}
