import Foundation

/// The output folder as the file system knows it: every symbolic link in its path resolved.
/// The build lock, the stat cache, the staging folder and the "did embedsmith write this" test
/// all hang off this path, so two spellings of one folder (`site` and a link to it) are one
/// output: a second build through the other spelling finds the lock taken.
enum RealOutputFolder {
    static func resolve(_ output: URL) -> URL {
        if let real = realPath(output.path) { return URL(fileURLWithPath: real, isDirectory: true) }
        // Not there yet: its parent is (made here, as the lock would make it), the name is kept.
        let parent = output.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        guard let realParent = realPath(parent.path) else { return output }
        return URL(fileURLWithPath: realParent, isDirectory: true).appendingPathComponent(output.lastPathComponent)
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
