import EmbedCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The files `embedsmith check` reads: each file given, and every `.html`/`.htm` file below
/// each folder given (hidden entries skipped; walking rules in `FolderWalk`), each file once,
/// in a stable order. Nothing is opened here: types come from `stat`/`lstat`.
public enum CheckInputs {
    public struct Listing: Sendable {
        public var files: [String]
        /// Paths that do not exist, cannot be listed or are not regular files; the check of
        /// what they hold is incomplete.
        public var problems: [Diagnostic]
    }

    public static func list(_ paths: [String]) -> Listing {
        var files: [String] = []
        var problems: [Diagnostic] = []
        var walk = FolderWalk(seenFiles: [], seenFolders: [])
        for path in paths {
            let at = SourceLocation(file: path, line: 1, column: 1)
            // A path given is followed if it is a link: the operator named it.
            let info: stat
            switch FileIdentity.status(of: path, followingLinks: true) {
            case .failure(let failure):
                problems.append(failure.missing ? .error(.inputMissing, "no such file or folder", at: at)
                                                : .error(.inputUnreadable, "cannot be read (\(failure.reason))", at: at))
                continue
            case .success(let status):
                info = status
            }
            switch FileIdentity.kind(info) {
            case .file:
                if walk.seenFiles.insert(FileIdentity(info)).inserted { files.append(path) }
            case .folder:
                walk.files = []
                walk.problems = []
                walk.walk(path, identity: FileIdentity(info))
                problems += walk.problems
                if walk.files.isEmpty && walk.problems.isEmpty {
                    problems.append(.error(.inputEmpty, "no .html files in this folder", at: at,
                                           hint: "build the site first (embedsmith build), or name the files to check"))
                }
                files += walk.files.sorted()
            case let kind:
                problems.append(FolderWalk.notAFile(path, kind))
            }
        }
        return Listing(files: files, problems: problems)
    }
}
