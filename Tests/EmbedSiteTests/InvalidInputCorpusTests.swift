import EmbedCore
@testable import EmbedSite
import Foundation
import Testing

// The invalid-input corpus: one txtar file per case in Tests/Fixtures/invalid/, each a small
// project that must fail to build with exit 65, located diagnostics, and the previous site
// left byte for byte as it was. Big or binary hostile inputs are generated in code instead
// (HostileGeneratedInputTests.swift), through the same harness.
//
// Fixture format (Go's txtar, as Hugo uses it for its integration tests):
//
//     # comment lines: what the case proves
//     -- expect --
//     content/acme/tenant.yaml:7:5: error: unknown key 'convrsation' (did you mean 'conversation'?) [config-unknown-key]
//     -- content/acme/tenant.yaml --
//     name: Acme
//     ...
//
// Sections, each introduced by a line `-- NAME --`; its content is every following line up to
// the next such line, each ending with "\n":
//
//   - `expect`: first lines of diagnostic descriptions (the part before "\n  hint: ") that must
//     ALL appear; more diagnostics may appear. `$OUT` and `$ROOT` stand for the absolute paths
//     of the output folder and of the project.
//   - `expect-exactly`: the same, but the build must report exactly these lines (errors and
//     warnings), each once.
//   - `expect-codes`: diagnostic codes (one a line) that must appear, whatever their location
//     and message. For cases whose exact output is wrong today (reported as bugs): the
//     fixture asserts the code and the invariants, not the wrong line.
//   - `options`: `key: value` lines:
//       tenants: a, b        build only these tenants (BuildOptions.tenants)
//       output: MODE         previous-site (default): the output folder holds a previous site
//                            (.embedsmith/manifest.json `{}` + keep.html);
//                            foreign: it holds someone else's files and no manifest;
//                            none: it does not exist (and must not exist afterwards);
//                            project-root: the output folder is the project folder itself;
//                            blocked: where the output folder's parent should be, there is
//                            a regular file (so the output cannot even be created)
//                            file: the output path is an existing regular file
//       exit: 74             expected exit status (default 65)
//       dev: true            BuildOptions.dev
//       jobs: N              BuildOptions.jobs (default 2)
//       isolate: true        run `embedsmith build` in a child process instead of calling
//                            BuildPipeline.run, for inputs that crash or hang the build: the
//                            suite survives, and the time limit kills the child
//   - `known-issue`: one line naming a bug of the build that this case shows (see the report
//     that added it). The case's checks run inside `withKnownIssue`, so the suite passes while
//     the bug is there and fails as soon as it is fixed (then delete the section).
//   - any other NAME is a project file, relative to the project root. Header variants, for
//     bytes a text fixture cannot hold:
//       `-- path (escaped) --`  the content is unescaped: \t \r \n \0 \\ \xHH (one byte)
//                               \u{HHHH} (a scalar, UTF-8 encoded); real newlines stay newlines
//       `-- path (base64) --`   the content is base64 (whitespace ignored)
//       `-- path (symlink) --`  a symbolic link; the content (trimmed) is its target
//       `-- path (dir) --`      an empty folder (content ignored)
//   Lines starting with `#` in expect sections and options are comments.

/// A txtar archive: a comment, then named sections of bytes.
struct Txtar {
    struct Section {
        var name: String
        var data: Data
    }

    var comment: String
    var sections: [Section]

    struct ParseError: Error, CustomStringConvertible {
        var description: String
    }

    static func parse(_ data: Data) throws -> Txtar {
        var lines = [UInt8](data).split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        if lines.last == [] { lines.removeLast() }
        var comment: [String] = []
        var sections: [Section] = []
        for line in lines {
            if let name = markerName(line) {
                sections.append(Section(name: name, data: Data()))
            } else if sections.isEmpty {
                comment.append(String(decoding: line, as: UTF8.self))
            } else {
                sections[sections.count - 1].data.append(contentsOf: line + [0x0A])
            }
        }
        return Txtar(comment: comment.joined(separator: "\n"), sections: sections)
    }

    /// `-- NAME --` → NAME.
    static func markerName(_ line: [UInt8]) -> String? {
        guard line.count > 6, line.starts(with: Array("-- ".utf8)), line.suffix(3).elementsEqual(" --".utf8) else { return nil }
        let name = String(decoding: line[3..<(line.count - 3)], as: UTF8.self)
        return name.isEmpty || name.hasPrefix(" ") || name.hasSuffix(" ") ? nil : name
    }

    /// `\t \r \n \0 \\ \xHH \u{H…}`; anything else after a backslash is an error (a typo would
    /// otherwise silently change a case).
    static func unescape(_ data: Data) throws -> Data {
        let bytes = [UInt8](data)
        var out: [UInt8] = []
        var i = 0
        func hex(_ s: ArraySlice<UInt8>) throws -> UInt32 {
            guard !s.isEmpty, let v = UInt32(String(decoding: s, as: UTF8.self), radix: 16) else {
                throw ParseError(description: "bad hex escape '\(String(decoding: s, as: UTF8.self))'")
            }
            return v
        }
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "\\"), i + 1 < bytes.count else { out.append(bytes[i]); i += 1; continue }
            switch bytes[i + 1] {
            case UInt8(ascii: "t"): out.append(0x09); i += 2
            case UInt8(ascii: "r"): out.append(0x0D); i += 2
            case UInt8(ascii: "n"): out.append(0x0A); i += 2
            case UInt8(ascii: "0"): out.append(0x00); i += 2
            case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); i += 2
            case UInt8(ascii: "x"):
                guard i + 4 <= bytes.count else { throw ParseError(description: "truncated \\x escape") }
                out.append(UInt8(try hex(bytes[(i + 2)..<(i + 4)])))
                i += 4
            case UInt8(ascii: "u"):
                guard i + 2 < bytes.count, bytes[i + 2] == UInt8(ascii: "{"),
                      let close = bytes[(i + 3)...].firstIndex(of: UInt8(ascii: "}")) else {
                    throw ParseError(description: "bad \\u{…} escape")
                }
                guard let scalar = Unicode.Scalar(try hex(bytes[(i + 3)..<close])) else {
                    throw ParseError(description: "\\u{…} is not a Unicode scalar")
                }
                out += Array(String(Character(scalar)).utf8)
                i = close + 1
            default:
                throw ParseError(description: "unknown escape '\\\(Character(Unicode.Scalar(bytes[i + 1])))' (write \\\\ for a backslash)")
            }
        }
        return Data(out)
    }
}

/// One invalid project and what its build must report.
struct InvalidCase: CustomTestStringConvertible, Sendable {
    enum OutputMode: String, Sendable {
        case previousSite = "previous-site", foreign, none, projectRoot = "project-root", blocked
        /// The output path names a regular file someone else wrote.
        case file
    }

    enum Entry: Sendable {
        case file(Data)
        case symlink(String)
        case directory
    }

    var name: String
    var comment: String = ""
    var files: [(path: String, entry: Entry)] = []
    var expectedLines: [String] = []
    var exactly = false
    var expectedCodes: [String] = []
    var tenants: [String] = []
    var output = OutputMode.previousSite
    var exitStatus = ExitStatus.invalidInput
    var dev = false
    var jobs = 2
    var isolated = false
    /// Another process holds the output folder's build lock while this build runs.
    var locked = false
    var knownIssue: String? = nil
    /// Run on the project folder after its files are written: for what a txtar file cannot
    /// hold (FIFOs, names that are not UTF-8, paths longer than PATH_MAX).
    var setup: (@Sendable (URL) throws -> Void)? = nil
    /// Printed lines that must not appear (by their start): a diagnostic forged by the input.
    var forbiddenLinePrefixes: [String] = []
    /// The most a build may take: a hang guard only, generous for a busy 2-core machine (speed
    /// goals are benchmarks, in bench/).
    var timeLimit: Duration = .seconds(120)
    /// Checked after the build; for generated cases with assertions of their own.
    var extraCheck: (@Sendable ([Diagnostic]) -> Void)? = nil

    var testDescription: String { name }

    static func fromTxtar(named name: String, data: Data) throws -> InvalidCase {
        let archive = try Txtar.parse(data)
        var result = InvalidCase(name: name, comment: archive.comment)
        func lines(_ data: Data) -> [String] {
            String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                .map(String.init).filter { !$0.isEmpty && !$0.hasPrefix("#") }
        }
        for section in archive.sections {
            switch section.name {
            case "expect":
                result.expectedLines += lines(section.data)
            case "expect-exactly":
                result.expectedLines += lines(section.data)
                result.exactly = true
            case "expect-codes":
                result.expectedCodes += lines(section.data).map { $0.trimmingCharacters(in: .whitespaces) }
            case "known-issue":
                result.knownIssue = lines(section.data).joined(separator: " ")
            case "options":
                for line in lines(section.data) {
                    guard let colon = line.firstIndex(of: ":") else { throw Txtar.ParseError(description: "option without ':': \(line)") }
                    let key = line[..<colon].trimmingCharacters(in: .whitespaces)
                    let value = line[line.index(after: colon)...].split(separator: "#").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
                    switch key {
                    case "tenants": result.tenants = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                    case "output":
                        guard let mode = OutputMode(rawValue: value) else { throw Txtar.ParseError(description: "unknown output mode '\(value)'") }
                        result.output = mode
                    case "exit":
                        guard let code = Int32(value), let status = ExitStatus(rawValue: code) else { throw Txtar.ParseError(description: "bad exit status '\(value)'") }
                        result.exitStatus = status
                    case "dev": result.dev = value == "true"
                    case "jobs": result.jobs = Int(value) ?? 2
                    case "isolate": result.isolated = value == "true"
                    case "locked": result.locked = value == "true"
                    default: throw Txtar.ParseError(description: "unknown option '\(key)'")
                    }
                }
            default:
                var path = section.name
                var entry = Entry.file(section.data)
                for (suffix, kind) in [(" (escaped)", 0), (" (base64)", 1), (" (symlink)", 2), (" (dir)", 3)] where path.hasSuffix(suffix) {
                    path = String(path.dropLast(suffix.count))
                    switch kind {
                    case 0: entry = .file(try Txtar.unescape(section.data))
                    case 1:
                        let text = String(decoding: section.data, as: UTF8.self).filter { !$0.isWhitespace }
                        guard let decoded = Data(base64Encoded: text) else { throw Txtar.ParseError(description: "\(path): bad base64") }
                        entry = .file(decoded)
                    case 2: entry = .symlink(String(decoding: section.data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
                    default: entry = .directory
                    }
                }
                guard !path.hasPrefix("/"), !path.split(separator: "/").contains("..") else {
                    throw Txtar.ParseError(description: "file path '\(path)' must stay inside the project")
                }
                result.files.append((path, entry))
            }
        }
        return result
    }
}

/// Builds an `InvalidCase` in a fresh temporary folder and checks every invariant of a failed build.
enum InvalidBuildHarness {
    /// Codes that by nature have no file position: they are about the command line or the
    /// output folder, not about a line of an input.
    static let unlocatedCodes: Set<String> = ["tenant-unknown", "content-missing", "output-not-site", "output-unsafe", "output-busy", "io-write"]

    static let fixturesDirectory = RepositoryPaths.fixtures.appendingPathComponent("invalid")

    static func fixtureCases() -> [InvalidCase] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: fixturesDirectory.path)) ?? [])
            .filter { $0.hasSuffix(".txtar") }.sorted()
        return names.map { name in
            let url = fixturesDirectory.appendingPathComponent(name)
            let stem = String(name.dropLast(".txtar".count))
            do {
                return try InvalidCase.fromTxtar(named: stem, data: Data(contentsOf: url))
            } catch {
                // Reported by the test itself, so a broken fixture fails loudly.
                return InvalidCase(name: stem, comment: "UNPARSABLE: \(error)")
            }
        }
    }

    /// A file tree: relative path → what is there.
    enum Node: Equatable {
        case file(Data)
        case directory
        case symlink(String)
    }

    static func tree(_ root: URL) -> [String: Node] {
        var result: [String: Node] = [:]
        let fm = FileManager.default
        func walk(_ dir: URL, _ prefix: String) {
            for name in ((try? fm.contentsOfDirectory(atPath: dir.path)) ?? []).sorted() {
                let url = dir.appendingPathComponent(name)
                let rel = prefix.isEmpty ? name : "\(prefix)/\(name)"
                if let target = try? fm.destinationOfSymbolicLink(atPath: url.path) {
                    result[rel] = .symlink(target)
                    continue
                }
                var isDirectory: ObjCBool = false
                _ = fm.fileExists(atPath: url.path, isDirectory: &isDirectory)
                if isDirectory.boolValue {
                    result[rel] = .directory
                    walk(url, rel)
                } else {
                    result[rel] = .file(fm.contents(atPath: url.path) ?? Data())
                }
            }
        }
        walk(root, "")
        return result
    }

    static let sentinel = Data("<!doctype html><title>previous site</title><p>keep me</p>\n".utf8)

    /// The first line of a description: what `expect` lines are compared with.
    static func firstLine(_ diagnostic: Diagnostic) -> String {
        diagnostic.description.components(separatedBy: "\n  hint: ")[0]
    }

    private final class ResultBox: @unchecked Sendable {
        var summary: BuildPipeline.Summary?
        var elapsed: Duration = .zero
    }

    /// What a build reported, in-process or from a child process.
    struct Outcome {
        var succeeded: Bool
        var exitStatus: Int32
        /// First lines of the diagnostics, in the order printed.
        var lines: [String]
        var codes: Set<String>
        /// Only for in-process builds.
        var diagnostics: [Diagnostic]?
        var elapsed: Duration
    }

    /// Runs the case; inside `withKnownIssue` when it documents a known bug.
    static func check(_ testCase: InvalidCase, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        if let known = testCase.knownIssue {
            withKnownIssue(Comment(rawValue: known), sourceLocation: sourceLocation) {
                try run(testCase, sourceLocation: sourceLocation)
            }
        } else {
            do {
                try run(testCase, sourceLocation: sourceLocation)
            } catch {
                Issue.record(error, "\(testCase.name): could not set up the project", sourceLocation: sourceLocation)
            }
        }
    }

    static func run(_ testCase: InvalidCase, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        if testCase.comment.hasPrefix("UNPARSABLE") {
            Issue.record("\(testCase.name).txtar: \(testCase.comment)", sourceLocation: sourceLocation)
            return
        }
        #expect(!testCase.expectedLines.isEmpty || !testCase.expectedCodes.isEmpty,
                "\(testCase.name): a case must expect at least one line or one code", sourceLocation: sourceLocation)

        let fm = FileManager.default
        let base = fm.temporaryDirectory.appendingPathComponent("embedsmith-invalid-\(UUID().uuidString)").resolvingSymlinksInPath()
        let root = base.appendingPathComponent("project")
        try fm.createDirectory(at: root, withIntermediateDirectories: true)
        var keepTemporaryFolder = false
        defer { if !keepTemporaryFolder { try? fm.removeItem(at: base) } }

        for (path, entry) in testCase.files {
            let url = root.appendingPathComponent(path)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            switch entry {
            case .file(let data): try data.write(to: url)
            case .symlink(let target): try fm.createSymbolicLink(atPath: url.path, withDestinationPath: target)
            case .directory: try fm.createDirectory(at: url, withIntermediateDirectories: true)
            }
        }

        try testCase.setup?(root)

        // The output folder, and the folder around it where a staging folder would be left.
        let output: URL
        var surroundings: URL
        switch testCase.output {
        case .projectRoot:
            output = root
            surroundings = base
        case .blocked:
            output = base.appendingPathComponent("out/site")
            try Data("a file where the output's parent folder should be\n".utf8).write(to: base.appendingPathComponent("out"))
            surroundings = base
        default:
            output = base.appendingPathComponent("out/site")
            surroundings = output.deletingLastPathComponent()
            try fm.createDirectory(at: surroundings, withIntermediateDirectories: true)
        }
        switch testCase.output {
        case .previousSite:
            try fm.createDirectory(at: output.appendingPathComponent(".embedsmith"), withIntermediateDirectories: true)
            try Data("{}".utf8).write(to: output.appendingPathComponent(".embedsmith/manifest.json"))
            try sentinel.write(to: output.appendingPathComponent("keep.html"))
        case .file:
            try Data("someone else's file\n".utf8).write(to: output)
        case .foreign:
            try fm.createDirectory(at: output.appendingPathComponent("blog"), withIntermediateDirectories: true)
            try Data("<p>someone else's site</p>\n".utf8).write(to: output.appendingPathComponent("index.html"))
            try Data("<p>a post</p>\n".utf8).write(to: output.appendingPathComponent("blog/post.html"))
        case .none, .projectRoot, .blocked:
            break
        }
        // A build in progress holds the lock file (created here, so it is part of the "before").
        var holder: Int32 = -1
        if testCase.locked {
            holder = open(OutputLock.path(forOutput: output), O_RDWR | O_CREAT, 0o644)
            #expect(holder >= 0 && flock(holder, LOCK_EX | LOCK_NB) == 0, sourceLocation: sourceLocation)
        }
        defer { if holder >= 0 { close(holder) } }
        surroundings = surroundings.standardizedFileURL
        let before = tree(surroundings)

        let name = testCase.name
        var options = BuildOptions(root: root, output: output, tenants: testCase.tenants, jobs: testCase.jobs, dev: testCase.dev)
        // An hour on: every input counts as settled, so the build would remember it in
        // .site.build-cache; a failed build must still write nothing beside the output.
        options.clock = Int(time(nil)) + 3600
        let outcomeOrNil = testCase.isolated
            ? runChildProcess(options, limit: testCase.timeLimit, name: name, sourceLocation: sourceLocation)
            : runInProcess(options, limit: testCase.timeLimit)
        guard let outcome = outcomeOrNil else {
            keepTemporaryFolder = !testCase.isolated  // an in-process build is still running in it
            Issue.record("\(name): the build did not finish within \(testCase.timeLimit)", sourceLocation: sourceLocation)
            return
        }
        let shown = outcome.lines
        var listing: String {  // built only when a check fails
            let head = shown.prefix(40).joined(separator: "\n    ")
            return "\n  got:\n    " + (shown.isEmpty ? "(no diagnostics)" : head + (shown.count > 40 ? "\n    … and \(shown.count - 40) more" : ""))
        }

        // Failed, with the expected exit status, in time.
        #expect(!outcome.succeeded, "\(name): the build succeeded\(listing)", sourceLocation: sourceLocation)
        #expect(outcome.exitStatus == testCase.exitStatus.rawValue,
                "\(name): exit status \(outcome.exitStatus), expected \(testCase.exitStatus.rawValue)\(listing)",
                sourceLocation: sourceLocation)
        #expect(outcome.elapsed < testCase.timeLimit, "\(name): the build took \(outcome.elapsed)", sourceLocation: sourceLocation)

        // The expected lines, all of them (or exactly them), and the expected codes.
        let expected = testCase.expectedLines.map {
            $0.replacingOccurrences(of: "$OUT", with: output.path).replacingOccurrences(of: "$ROOT", with: root.path)
        }
        for line in expected where !shown.contains(line) {
            Issue.record("\(name): missing diagnostic\n  want: \(line)\(listing)", sourceLocation: sourceLocation)
        }
        if testCase.exactly {
            #expect(shown.sorted() == expected.sorted(), "\(name): expected exactly \(expected.count) diagnostic(s)\(listing)",
                    sourceLocation: sourceLocation)
        }
        for code in testCase.expectedCodes where !outcome.codes.contains(code) {
            Issue.record("\(name): no diagnostic with code [\(code)]\(listing)", sourceLocation: sourceLocation)
        }
        // A diagnostic is one line (its hint another): no input can break it or forge another.
        for line in shown where line.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\u{1B}" }) {
            Issue.record("\(name): a diagnostic line holds a line break or an escape: \(line.debugDescription)", sourceLocation: sourceLocation)
        }
        for prefix in testCase.forbiddenLinePrefixes where shown.contains(where: { $0.hasPrefix(prefix) }) {
            Issue.record("\(name): a forged line starting with '\(prefix)' was printed\(listing)", sourceLocation: sourceLocation)
        }

        if let diagnostics = outcome.diagnostics {
            #expect(diagnostics.hasErrors, "\(name): failed without an error diagnostic\(listing)", sourceLocation: sourceLocation)
            #expect(Set(diagnostics.map(\.description)).count == diagnostics.count, "\(name): a diagnostic is reported twice\(listing)",
                    sourceLocation: sourceLocation)
            // Every error is located (file:line:col inside an input of the project), except the
            // codes that are about no file.
            var lineTables: [String: LineTable] = [:]
            for diagnostic in diagnostics where diagnostic.severity == .error {
                guard let location = diagnostic.location else {
                    #expect(unlocatedCodes.contains(diagnostic.code), "\(name): error without a location: \(diagnostic)",
                            sourceLocation: sourceLocation)
                    continue
                }
                if let problem = locationProblem(location, root: root, tables: &lineTables) {
                    Issue.record("\(name): \(problem): \(firstLine(diagnostic))", sourceLocation: sourceLocation)
                }
            }
        }

        // The previous output is untouched, byte for byte, and nothing was left next to it.
        let after = tree(surroundings)
        let added = Set(after.keys).subtracting(before.keys).sorted()
        let removed = Set(before.keys).subtracting(after.keys).sorted()
        let changed = before.keys.filter { after[$0] != nil && after[$0] != before[$0] }.sorted()
        #expect(added.isEmpty && removed.isEmpty && changed.isEmpty,
                "\(name): the output folder changed: added \(added), removed \(removed), changed \(changed)", sourceLocation: sourceLocation)
        let stagingPrefix = ".\(output.lastPathComponent).staging-"
        let leftovers = ((try? fm.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)) ?? [])
            .filter { $0.hasPrefix(stagingPrefix) }
        #expect(leftovers.isEmpty, "\(name): staging folder left behind: \(leftovers)", sourceLocation: sourceLocation)
        switch testCase.output {
        case .previousSite:
            #expect(fm.contents(atPath: output.appendingPathComponent("keep.html").path) == sentinel,
                    "\(name): the previous site's keep.html changed", sourceLocation: sourceLocation)
        case .none:
            #expect(!fm.fileExists(atPath: output.path), "\(name): an output folder was created", sourceLocation: sourceLocation)
        default:
            break
        }
        if let diagnostics = outcome.diagnostics { testCase.extraCheck?(diagnostics) }
    }

    /// `BuildPipeline.run` on a thread of our own with the main thread's stack size (as the CLI
    /// runs it), so a hang fails the test after the time limit instead of stalling the run.
    /// Nil when it did not finish in time (the thread is left running).
    static func runInProcess(_ options: BuildOptions, limit: Duration) -> Outcome? {
        let box = ResultBox()
        let finished = DispatchSemaphore(value: 0)
        let thread = Thread {
            let clock = ContinuousClock()
            let start = clock.now
            box.summary = BuildPipeline.run(options, displayRoot: "")
            box.elapsed = clock.now - start
            finished.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
        guard finished.wait(timeout: .now() + seconds(limit)) == .success, let summary = box.summary else { return nil }
        return Outcome(succeeded: summary.succeeded, exitStatus: summary.exitStatus.rawValue,
                       lines: summary.diagnostics.map(firstLine), codes: Set(summary.diagnostics.map(\.code)),
                       diagnostics: summary.diagnostics, elapsed: box.elapsed)
    }

    /// `embedsmith build` in a child process (cwd = project, so paths print as in-process).
    /// Killed at the time limit (nil). A crash is an exit status like any other: it fails.
    static func runChildProcess(_ options: BuildOptions, limit: Duration, name: String,
                                sourceLocation: Testing.SourceLocation) -> Outcome? {
        guard let executable = embedsmithExecutable else {
            Issue.record("\(name): no embedsmith executable next to the test bundle (build it first)", sourceLocation: sourceLocation)
            return Outcome(succeeded: true, exitStatus: -1, lines: [], codes: [], diagnostics: nil, elapsed: .zero)
        }
        let process = Process()
        process.executableURL = executable
        process.currentDirectoryURL = options.root
        var arguments = ["build", "--quiet", "--out", options.output.path, "--jobs", String(options.jobs)]
        for tenant in options.tenants { arguments += ["--tenant", tenant] }
        if options.dev { arguments.append("--dev") }
        process.arguments = arguments
        let stderrFile = FileManager.default.temporaryDirectory.appendingPathComponent("embedsmith-stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: stderrFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: stderrFile) }
        guard let handle = try? FileHandle(forWritingTo: stderrFile) else { return nil }
        process.standardError = handle
        process.standardOutput = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        let clock = ContinuousClock()
        let start = clock.now
        do { try process.run() } catch {
            Issue.record(error, "\(name): cannot start \(executable.path)", sourceLocation: sourceLocation)
            return Outcome(succeeded: true, exitStatus: -1, lines: [], codes: [], diagnostics: nil, elapsed: .zero)
        }
        if finished.wait(timeout: .now() + seconds(limit)) != .success {
            process.terminate()
            if finished.wait(timeout: .now() + 5) != .success { kill(process.processIdentifier, SIGKILL); finished.wait() }
            try? handle.close()
            return nil
        }
        let elapsed = clock.now - start
        try? handle.close()
        let stderr = String(decoding: (try? Data(contentsOf: stderrFile)) ?? Data(), as: UTF8.self)
        let lines = stderr.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("  hint: ") }
        var codes: Set<String> = []
        for line in lines where line.hasSuffix("]") {
            if let open = line.lastIndex(of: "[") { codes.insert(String(line[line.index(after: open)..<line.index(before: line.endIndex)])) }
        }
        // A signal shows as its number + 128, as a shell reports it.
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return Outcome(succeeded: status == 0, exitStatus: status, lines: lines.filter { $0.hasSuffix("]") }, codes: codes,
                       diagnostics: nil, elapsed: elapsed)
    }

    /// The `embedsmith` executable built next to the test bundle (whatever --scratch-path was used).
    static var embedsmithExecutable: URL? { CLIRunner.builtExecutable }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// A file as lines: how many Unicode scalars each holds (nil: a folder or a dangling link).
    enum LineTable {
        case folder, link, missing
        case lines([Int])
    }

    static func lineTable(_ url: URL) -> LineTable {
        let fm = FileManager.default
        if (try? fm.destinationOfSymbolicLink(atPath: url.path)) != nil { return .link }
        var info = stat()
        guard lstat(url.path, &info) == 0 else { return .missing }
        // A folder, FIFO, socket or device has a line 1 only (and is never opened: a FIFO blocks).
        if (info.st_mode & S_IFMT) != S_IFREG { return .folder }
        var bytes = [UInt8](fm.contents(atPath: url.path) ?? Data())
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        // Lines end with \n, \r\n or a lone \r (as YAML, cmark and the front-matter splitter count them).
        var counts: [Int] = []
        var start = 0, i = 0
        while i < bytes.count {
            if bytes[i] == 0x0A || bytes[i] == 0x0D {
                counts.append(String(decoding: bytes[start..<i], as: UTF8.self).unicodeScalars.count)
                i += bytes[i] == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A ? 2 : 1
                start = i
            } else {
                i += 1
            }
        }
        counts.append(String(decoding: bytes[start..<bytes.count], as: UTF8.self).unicodeScalars.count)
        return .lines(counts)
    }

    /// Why a location cannot be right: not a project path, or outside the file's lines.
    /// Columns count Unicode scalars, as `SourceText` and the YAML parser do.
    static func locationProblem(_ location: EmbedCore.SourceLocation, root: URL, tables: inout [String: LineTable]) -> String? {
        guard !location.file.hasPrefix("/"), !location.file.isEmpty else { return "location is not a project-relative path" }
        guard location.line >= 1, location.column >= 1 else { return "line and column must be 1-based" }
        let table = tables[location.file] ?? lineTable(root.appendingPathComponent(location.file))
        tables[location.file] = table
        switch table {
        case .link:
            return nil  // a link to nowhere: its line 1
        case .missing:
            return "located in '\(location.file)', which does not exist"
        case .folder:
            return location.line == 1 && location.column == 1 ? nil : "a folder has no line \(location.line)"
        case .lines(let counts):
            guard location.line <= counts.count else { return "line \(location.line) is past the end of the file (\(counts.count) lines)" }
            let scalars = counts[location.line - 1]
            guard location.column <= scalars + 1 else {
                return "column \(location.column) is past the end of line \(location.line) (\(scalars) characters)"
            }
            return nil
        }
    }
}

@Suite struct InvalidInputCorpusTests {
    static let cases = InvalidBuildHarness.fixtureCases()

    @Test("invalid project fails with located diagnostics and leaves the previous site", arguments: cases)
    func invalidProjectFailsCleanly(_ testCase: InvalidCase) {
        InvalidBuildHarness.check(testCase)
    }

    /// Codes the build's modules can emit that no input can reach through `embedsmith build`
    /// today, each with the reason (see the report that added this list).
    static let unreachableCodes: [String: String] = [
        "url-credentials": "SchemaValidator runs SecretDetector before URLPolicy, and a URL with credentials is a config-secret first",
        "url-host-forbidden": "only ConsoleFrame passes forbiddenHosts, after refusing those hosts itself (console-host-forbidden)",
        "template-missing": "every layout PageSchema accepts has a built-in template, and a project override that fails its check fails the build earlier",
        "template-unreadable": "needs a template file the build cannot read; tests run as root, and symbolic links are skipped",
        "markdown-parse-failed": "cmark_parse_document returns NULL only when memory runs out",
        "io-read": "needs a content/ folder that exists but cannot be listed; tests run as root (a tenant's unreadable files are content-unreadable)",
        "yaml-encoding": "SourceText refuses invalid UTF-8, NUL, control characters and stray BOMs before Yams' reader sees any text",
    ]

    /// Every code `embedsmith build` can emit (`DiagnosticCode.build`) is reached by an input here.
    @Test func everyDiagnosticCodeHasACase() throws {
        #expect(Self.cases.count >= 60, "only \(Self.cases.count) fixtures in \(InvalidBuildHarness.fixturesDirectory.path)")
        let all = Self.cases + HostileGeneratedInputTests.cases + HostileTenantFileSystemTests.cases
        let covered = Set(all.flatMap { c in
            c.expectedCodes + c.expectedLines.compactMap { line -> String? in
                guard line.hasSuffix("]"), let open = line.lastIndex(of: "[") else { return nil }
                return String(line[line.index(after: open)..<line.index(before: line.endIndex)])
            }
        })
        let emitted = Set(DiagnosticCode.build.map(\.rawValue))
        // `embedsmith merge` refuses shard folders, not projects: its codes have their cases in
        // MergeRefusalTests (`everyMergeCodeHasARefusal` holds it to `DiagnosticCode.merge`).
        let mergeCovered = Set(MergeRefusalTests.refusals.map(\.code.rawValue))
        let missing = emitted.subtracting(covered).subtracting(mergeCovered).subtracting(Self.unreachableCodes.keys)
        #expect(missing.isEmpty, "diagnostic codes without an invalid-input case: \(missing.sorted())")
        let stale = Set(Self.unreachableCodes.keys).subtracting(emitted).union(Set(Self.unreachableCodes.keys).intersection(covered))
        #expect(stale.isEmpty, "unreachableCodes lists codes that are gone or now covered: \(stale.sorted())")
    }

    @Test func txtarParsing() throws {
        let text = "# comment\n-- a.yaml --\nx: 1\n-- b (escaped) --\n\\t\\x00\\u{FEFF}\\\\\n-- c (base64) --\nAAEC\n-- d (symlink) --\n../x\n"
        let c = try InvalidCase.fromTxtar(named: "t", data: Data(text.utf8))
        #expect(c.comment == "# comment")
        #expect(c.files.map(\.path) == ["a.yaml", "b", "c", "d"])
        guard case .file(let a) = c.files[0].entry, case .file(let b) = c.files[1].entry,
              case .file(let cc) = c.files[2].entry, case .symlink(let d) = c.files[3].entry else {
            Issue.record("wrong entry kinds"); return
        }
        #expect(a == Data("x: 1\n".utf8))
        #expect([UInt8](b) == [0x09, 0x00, 0xEF, 0xBB, 0xBF, 0x5C, 0x0A])
        #expect([UInt8](cc) == [0, 1, 2])
        #expect(d == "../x")
        #expect(throws: Txtar.ParseError.self) { try Txtar.unescape(Data("\\q".utf8)) }
    }
}
