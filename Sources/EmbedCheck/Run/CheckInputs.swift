import EmbedCore
import Foundation

/// The files `embedsmith check` reads: each file given, and every `.html`/`.htm` file below
/// each folder given (hidden entries skipped), in a stable order.
public enum CheckInputs {
    public struct Listing: Sendable {
        public var files: [String]
        /// Paths that do not exist or cannot be listed.
        public var problems: [Diagnostic]
    }

    public static func list(_ paths: [String]) -> Listing {
        var files: [String] = []
        var problems: [Diagnostic] = []
        var seen: Set<String> = []
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                problems.append(.error("input-missing", "no such file or folder", at: SourceLocation(file: path, line: 1, column: 1)))
                continue
            }
            if !isDirectory.boolValue {
                if seen.insert(path).inserted { files.append(path) }
                continue
            }
            var found: [String] = []
            walk(path, into: &found, problems: &problems)
            found.sort()
            if found.isEmpty {
                problems.append(.error("input-empty", "no .html files in this folder",
                                       at: SourceLocation(file: path, line: 1, column: 1),
                                       hint: "build the site first (embedsmith build), or name the files to check"))
            }
            for file in found where seen.insert(file).inserted { files.append(file) }
        }
        return Listing(files: files, problems: problems)
    }

    private static func walk(_ root: String, into files: inout [String], problems: inout [Diagnostic]) {
        var pending = [root]
        var visited: Set<String> = []
        let fm = FileManager.default
        while let folder = pending.popLast() {
            let real = (folder as NSString).resolvingSymlinksInPath
            guard visited.insert(real).inserted else { continue }
            guard let entries = try? fm.contentsOfDirectory(atPath: folder) else {
                problems.append(.error("input-unreadable", "folder cannot be listed", at: SourceLocation(file: folder, line: 1, column: 1)))
                continue
            }
            for name in entries where !name.hasPrefix(".") {
                let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
                var isDirectory: ObjCBool = false
                guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
                if isDirectory.boolValue {
                    pending.append(path)
                } else if name.hasSuffix(".html") || name.hasSuffix(".htm") {
                    files.append(path)
                }
            }
        }
    }
}
