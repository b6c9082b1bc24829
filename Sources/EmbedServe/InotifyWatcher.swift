#if canImport(Glibc)
import Glibc

/// Linux's inotify on every folder under `content/` and `templates/` and on the project folder
/// (for `embedsmith.yaml`): waiting for a change costs one non-blocking `read` per look instead
/// of a `stat` of every file (the stat walk of 10,000 pages, 10 times a second, kept a third of
/// a core busy). Links are not followed (`IN_DONT_FOLLOW`). New folders are watched as they
/// appear (every folder is added again after each change; adding one already watched is a
/// no-op). nil when inotify is not available or its watch limit is reached: serve then polls
/// with `SourceWatcher`.
final class InotifyWatcher {
    private let fd: Int32
    private let root: String

    init?(root: String) {
        self.root = root
        fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        guard watchAll() else { close(fd); return nil }
    }

    deinit { close(fd) }

    private static let mask = UInt32(IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_DELETE_SELF
                                     | IN_MOVED_FROM | IN_MOVED_TO | IN_MOVE_SELF | IN_DONT_FOLLOW | IN_ONLYDIR)

    /// Watches the project folder and every folder below `content/` and `templates/`.
    private func watchAll() -> Bool {
        guard inotify_add_watch(fd, root, Self.mask) >= 0 else { return false }
        for name in ["content", "templates"] where !watch(root + "/" + name, depth: 0) { return false }
        return true
    }

    private func watch(_ path: String, depth: Int) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return true }
        if inotify_add_watch(fd, path, Self.mask) < 0 { return errno == ENOENT }
        guard depth < SourceWatcher.maxDepth, let dir = opendir(path) else { return true }
        defer { closedir(dir) }
        var folders: [String] = []
        while let entry = readdir(dir) {
            guard entry.pointee.d_type == UInt8(DT_DIR) || entry.pointee.d_type == UInt8(DT_UNKNOWN) else { continue }
            let name = SourceWatcher.name(of: entry)
            if name != "." && name != ".." { folders.append(name) }
        }
        for name in folders where !watch(path + "/" + name, depth: depth + 1) { return false }
        return true
    }

    /// True when something changed since the last call (events are drained).
    func changed() -> Bool {
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        var any = false
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            any = true
        }
        if any { _ = watchAll() }
        return any
    }
}
#endif
