#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fingerprint of what a build reads: every entry's path, type, inode, size and change and
/// modification times under `content/` and `templates/`, and `embedsmith.yaml`, found by
/// `lstat` (links are not followed). Two equal fingerprints: nothing was written, created,
/// removed or renamed in between. Polled: no platform API, and the walk of the 2,000-tenant
/// corpus takes a few milliseconds.
public struct SourceWatcher: Sendable {
    public let root: String
    public static let maxDepth = 24

    public init(root: String) { self.root = root }

    public func fingerprint() -> Int {
        var hasher = Hasher()
        for name in ["embedsmith.yaml", "content", "templates"] {
            hasher.combine(name)
            visit(root + "/" + name, depth: 0, into: &hasher)
        }
        return hasher.finalize()
    }

    /// A directory entry's name (bytes that are not UTF-8 shown replaced: only compared).
    static func name(of entry: UnsafeMutablePointer<dirent>) -> String {
        withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
    }

    private func visit(_ path: String, depth: Int, into hasher: inout Hasher) {
        var info = stat()
        guard lstat(path, &info) == 0 else { hasher.combine(-1); return }
        hasher.combine(UInt32(info.st_mode))
        hasher.combine(UInt64(info.st_ino))
        hasher.combine(Int64(info.st_size))
        hasher.combine(Int64(info.st_mtim.tv_sec)); hasher.combine(Int64(info.st_mtim.tv_nsec))
        hasher.combine(Int64(info.st_ctim.tv_sec)); hasher.combine(Int64(info.st_ctim.tv_nsec))
        guard info.st_mode & S_IFMT == S_IFDIR, depth < Self.maxDepth, let dir = opendir(path) else { return }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = Self.name(of: entry)
            if name != "." && name != ".." { names.append(name) }
        }
        for name in names.sorted() {
            hasher.combine(name)
            visit(path + "/" + name, depth: depth + 1, into: &hasher)
        }
    }
}
