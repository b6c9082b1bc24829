import EmbedCore
import Foundation

/// Checks many files on several threads and hands each file's diagnostics to `emit` in the
/// order of `files`, as soon as that file and all before it are done. Only the pages being
/// checked and the results not yet emitted are in memory.
public struct CheckRunner: Sendable {
    public struct FileResult: Sendable {
        public var file: String
        public var diagnostics: [Diagnostic]
        /// The file could not be read or decoded.
        public var unreadable: Bool

        public init(file: String, diagnostics: [Diagnostic], unreadable: Bool) {
            self.file = file
            self.diagnostics = diagnostics
            self.unreadable = unreadable
        }
    }

    public let checker: PageChecker
    public let jobs: Int
    /// The `_headers` files that govern the pages, read before the run.
    public let headers: HeadersLookup

    public init(checker: PageChecker, jobs: Int = ProcessInfo.processInfo.activeProcessorCount, headers: HeadersLookup = HeadersLookup()) {
        self.checker = checker
        self.jobs = max(1, jobs)
        self.headers = headers
    }

    public func checkFile(_ path: String) -> FileResult {
        defer { headers.pageDone(path) }
        switch FileReader.contents(of: path) {
        case .failure(let diagnostic):
            return FileResult(file: path, diagnostics: [diagnostic], unreadable: true)
        case .success(let bytes):
            let context = headers.context(for: path)
            let findings = bytes.withUnsafeBufferPointer { checker.check(bytes: $0, headers: context) }
            // A page too complex to parse was not checked: like an unreadable one, it fails the run.
            return FileResult(file: path, diagnostics: findings.map { $0.diagnostic(file: path) },
                              unreadable: findings.contains { $0.rule == MarkupLimits.code })
        }
    }

    /// `emit` is called on one thread at a time, in file order.
    public func run(_ files: [String], emit: @escaping (FileResult) -> Void) {
        guard !files.isEmpty else { return }
        let state = OrderedResults(count: files.count, emit: emit)
        let workers = min(jobs, files.count)
        let next = Counter()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = next.take(below: files.count) {
                let result = checkFile(files[index])
                state.deliver(result, at: index)
            }
        }
    }
}

/// The next file index to check, shared by the workers.
private final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}

/// Holds results that finished early until the ones before them are emitted. Emitting
/// happens under the lock, so `emit` sees one file at a time, in order.
private final class OrderedResults: @unchecked Sendable {
    private var pending: [Int: CheckRunner.FileResult] = [:]
    private var nextToEmit = 0
    private let emit: (CheckRunner.FileResult) -> Void
    private let lock = NSLock()

    init(count: Int, emit: @escaping (CheckRunner.FileResult) -> Void) {
        self.emit = emit
    }

    func deliver(_ result: CheckRunner.FileResult, at index: Int) {
        lock.lock()
        defer { lock.unlock() }
        pending[index] = result
        while let ready = pending.removeValue(forKey: nextToEmit) {
            nextToEmit += 1
            emit(ready)
        }
    }
}
