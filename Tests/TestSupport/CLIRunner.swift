import Foundation

/// Runs the built `embedsmith` executable as a user would.
public enum CLIRunner {
    public static var packageRoot: URL { RepositoryPaths.root }

    /// `embedsmith` next to the test bundle in the build folder (whatever --scratch-path was
    /// used), nil when it is not built.
    public static var builtExecutable: URL? {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("embedsmith")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }

    /// The built executable, or where a plain `swift build` puts it.
    public static var executable: URL {
        builtExecutable ?? packageRoot.appendingPathComponent(".build/debug/embedsmith")
    }

    public struct Output: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String

        public init(status: Int32, stdout: String, stderr: String) {
            self.status = status
            self.stdout = stdout
            self.stderr = stderr
        }
    }

    /// Starts `embedsmith arguments` in `directory`; the caller reads the pipes and waits.
    public static func start(_ arguments: [String], in directory: URL) throws -> (Process, Pipe, Pipe) {
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

    /// Runs `embedsmith arguments` in `directory` to its end.
    public static func run(_ arguments: [String], in directory: URL) throws -> Output {
        let (process, out, err) = try start(arguments, in: directory)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    public static func temporaryDirectory(_ label: String) -> URL { TestProject.temporaryDirectory("cli-" + label) }
    public static func snapshot(_ dir: URL) -> [String: Data] { TestProject.snapshot(dir) }
    public static func makeProject(at root: URL, tenants: Int, pages: Int, marker: String = "v1") throws {
        try TestProject.makeProject(at: root, tenants: tenants, pages: pages, marker: marker)
    }
}
