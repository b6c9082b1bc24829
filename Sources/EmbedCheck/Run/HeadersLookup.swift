import EmbedCore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the `_headers` file that governs each checked page: the nearest one in the page's
/// folder or above it, up to the folder named on the command line (a site root, or a tenant
/// folder inside one: the generator writes `site/<tenant>/_headers`). Every `_headers` is read
/// once, before the pages are checked, and its own problems become findings of that file.
///
/// A file's rules are compiled for the hosts (`HostHeaderRules`) when its first page is checked
/// and dropped after its last one (`pageDone`): pages are checked in path order, so only the
/// folders being checked hold compiled rules, not every tenant's for the whole run.
public struct HeadersLookup: Sendable {
    /// Folder (as listed) → its `_headers`, for folders that have one.
    private var files: [String: (display: String, file: HeadersFile)] = [:]
    /// Page path → the folder whose `_headers` governs it.
    private var governing: [String: String] = [:]
    /// Compiled rules of the folders being checked, and how many of their pages are left.
    private let compiled = CompiledRules()
    /// Problems of the `_headers` files themselves, one result per file.
    public private(set) var fileResults: [CheckRunner.FileResult] = []

    public init() {}

    /// `roots`: the paths given to `check`; `pages`: the files listed from them.
    public init(roots: [String], pages: [String]) {
        var checked: Set<String> = []
        for page in pages {
            guard let root = roots.first(where: { page == $0 || page.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }) else { continue }
            var folder = HeadersLookup.parent(page)
            let top = page == root ? folder : (root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root)
            while true {
                if checked.insert(folder).inserted { read(folder) }
                if files[folder] != nil {
                    governing[page] = folder
                    compiled.expect(folder)
                    break
                }
                if folder == top || folder == "." || folder == "/" || folder.isEmpty { break }
                folder = HeadersLookup.parent(folder)
            }
        }
    }

    static func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private mutating func read(_ folder: String) {
        let path = folder == "." ? "_headers" : folder + "/_headers"
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        let at = SourceLocation(file: path, line: 1, column: 1)
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            fileResults.append(.init(file: path, diagnostics: [.error(.headersUnreadable, "_headers is not a regular file (a link or a folder): not read", at: at)], unreadable: true))
            return
        }
        guard Int(info.st_size) <= HeadersFile.maxBytes else {
            fileResults.append(.init(file: path, diagnostics: [.error(.inputTooLarge, "_headers is \(info.st_size) bytes; the limit is \(HeadersFile.maxBytes) bytes", at: at)], unreadable: true))
            return
        }
        switch FileReader.contents(of: path) {
        case .failure(let diagnostic):
            fileResults.append(.init(file: path, diagnostics: [diagnostic], unreadable: true))
        case .success(let bytes):
            let file = HeadersFile(text: String(decoding: bytes, as: UTF8.self))
            files[folder] = (path, file)
            let diagnostics = file.problems.map {
                Diagnostic($0.severity, code: DiagnosticCode($0.code), message: $0.message, at: SourceLocation(file: path, line: $0.line, column: $0.column), hint: $0.hint)
            }
            if !diagnostics.isEmpty { fileResults.append(.init(file: path, diagnostics: diagnostics, unreadable: false)) }
        }
    }

    /// The `_headers` context of a page, if a `_headers` file governs it.
    public func context(for page: String) -> HeadersContext? {
        guard let folder = governing[page], let entry = files[folder] else { return nil }
        let prefix = folder == "." ? "" : folder + "/"
        let relative = page.hasPrefix(prefix) ? String(page.dropFirst(prefix.count)) : page
        let rules = compiled.rules(of: folder) { HostHeaderRules.Host.allCases.map { HostHeaderRules(file: entry.file, host: $0) } }
        return HeadersContext(displayPath: entry.display, file: entry.file, relativePath: relative, rules: rules)
    }

    /// Called once per listed page after it is checked: the last page of a folder drops the
    /// folder's compiled rules (asked for again, they are compiled again).
    public func pageDone(_ page: String) {
        guard let folder = governing[page] else { return }
        compiled.pageDone(folder)
    }

    /// How many folders hold compiled rules now (for tests).
    var compiledFolders: Int { compiled.count }
}

/// The compiled rules of the `_headers` files whose pages are being checked, shared by the
/// checking threads.
private final class CompiledRules: @unchecked Sendable {
    private var rules: [String: [HostHeaderRules]] = [:]
    private var pagesLeft: [String: Int] = [:]
    private let lock = NSLock()

    /// Before the run (one thread): one more page of `folder` will be checked.
    func expect(_ folder: String) {
        pagesLeft[folder, default: 0] += 1
    }

    func rules(of folder: String, compile: () -> [HostHeaderRules]) -> [HostHeaderRules] {
        if let known = lock.withLock({ rules[folder] }) { return known }
        let made = compile()
        return lock.withLock {
            if let known = rules[folder] { return known }
            // Kept only while pages of the folder are left (else the next page compiles again).
            if (pagesLeft[folder] ?? 0) > 0 { rules[folder] = made }
            return made
        }
    }

    var count: Int { lock.withLock { rules.count } }

    func pageDone(_ folder: String) {
        lock.withLock {
            let left = (pagesLeft[folder] ?? 0) - 1
            pagesLeft[folder] = max(0, left)
            if left <= 0 { rules[folder] = nil }
        }
    }
}
