import EmbedCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the pages below one folder `embedsmith check` was given, as a safe builder walks a
/// tenant folder: every entry's type comes from `readdir`/`lstat` before anything is opened, so a
/// FIFO, socket or device is reported and never opened; every folder and file is visited once
/// (by device and inode), so link loops end; depth is bounded.
///
/// Symbolic links are read after the plain walk, and followed only when they resolve inside the
/// folder given (a server following them would serve that content, so it is checked). A link
/// that leads out of the folder is reported, not read: its target is not part of what was given.
/// A file reached both directly and through a link is checked once, under its own path.
struct FolderWalk {
    /// Deeper folders are reported, not walked (a real site is a few levels deep).
    static let maxDepth = 64

    var files: [String] = []
    var problems: [Diagnostic] = []
    /// Shared by all the paths given, so that overlapping folders are read once.
    var seenFiles: Set<FileIdentity>
    var seenFolders: Set<FileIdentity>

    private var pending: [(path: String, depth: Int)] = []
    private var links: [(path: String, depth: Int)] = []

    init(seenFiles: Set<FileIdentity>, seenFolders: Set<FileIdentity>) {
        self.seenFiles = seenFiles
        self.seenFolders = seenFolders
    }

    static func isPage(_ name: String) -> Bool { name.hasSuffix(".html") || name.hasSuffix(".htm") }

    mutating func walk(_ root: String, identity: FileIdentity) {
        guard seenFolders.insert(identity).inserted else { return }
        guard let realRoot = Self.realPath(root) else {
            problem(root, "input-unreadable", "folder cannot be resolved (\(String(cString: strerror(errno))))")
            return
        }
        pending = [(root, 0)]
        while true {
            while let (folder, depth) = pending.popLast() { list(folder, depth: depth) }
            guard !links.isEmpty else { break }
            let found = links.sorted { $0.path < $1.path }
            links = []
            for link in found { follow(link.path, depth: link.depth, root: root, realRoot: realRoot) }
        }
    }

    private mutating func list(_ folder: String, depth: Int) {
        guard let entries = Self.entries(of: folder) else {
            problem(folder, "input-unreadable", "folder cannot be listed (\(String(cString: strerror(errno))))")
            return
        }
        for (bytes, type) in entries where bytes.first != UInt8(ascii: ".") {
            guard let name = String(validating: bytes, as: UTF8.self) else {
                let shown = String(decoding: bytes, as: UTF8.self)
                problem(folder, "input-name-encoding", "entry '\(shown)' has a name that is not valid UTF-8; it cannot be checked",
                        hint: "rename it (UTF-8 names only)")
                continue
            }
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            var kind = type
            var info: stat? = nil
            if kind == nil || kind == .folder || (kind == .regular && Self.isPage(name)) {
                // d_type is a hint some file systems leave out; lstat also gives the identity.
                guard case .success(let status) = FileIdentity.status(of: path, followingLinks: false) else { continue }
                info = status
                kind = FileIdentity.kind(status)
            }
            switch kind {
            case .folder?:
                guard let info, seenFolders.insert(FileIdentity(info)).inserted else { continue }
                if depth + 1 > Self.maxDepth {
                    problem(path, "input-too-deep", "folder is more than \(Self.maxDepth) levels below the folder given; not checked")
                } else {
                    pending.append((path, depth + 1))
                }
            case .regular?:
                guard Self.isPage(name), let info else { continue }
                if seenFiles.insert(FileIdentity(info)).inserted { files.append(path) }
            case .symlink?:
                links.append((path, depth))
            case let other?:
                if Self.isPage(name) { problems.append(Self.notAFile(path, other)) }
            case nil:
                continue
            }
        }
    }

    /// A link found in the walk: checked where it leads if that is inside the folder given.
    private mutating func follow(_ link: String, depth: Int, root: String, realRoot: String) {
        let name = String(link.split(separator: "/").last ?? "")
        guard let real = Self.realPath(link),
              case .success(let info) = FileIdentity.status(of: real, followingLinks: false) else {
            // A broken link serves nothing; a loop of links is refused by realpath (ELOOP).
            if Self.isPage(name) {
                problem(link, "input-unreadable", "link cannot be followed (\(String(cString: strerror(errno))))")
            }
            return
        }
        let kind = FileIdentity.kind(info)
        guard kind == .folder || Self.isPage(name) else { return }
        let inside = real == realRoot || real.hasPrefix(realRoot == "/" ? "/" : realRoot + "/")
        guard inside else {
            problem(link, "input-link-outside", "link leads out of the folder being checked; its target is not checked",
                    hint: "check the target folder itself, or replace the link with the files")
            return
        }
        // Name what is read by its own path below the folder given.
        let shown = real == realRoot ? root : (root.hasSuffix("/") ? String(root.dropLast()) : root) + real.dropFirst(realRoot.count)
        switch kind {
        case .folder:
            guard seenFolders.insert(FileIdentity(info)).inserted else { return }
            let below = real.dropFirst(realRoot.count).split(separator: "/").count
            if below > Self.maxDepth {
                problem(link, "input-too-deep", "link leads more than \(Self.maxDepth) levels below the folder given; not checked")
            } else {
                pending.append((shown, below))
            }
        case .regular:
            if seenFiles.insert(FileIdentity(info)).inserted { files.append(shown) }
        default:
            problems.append(Self.notAFile(link, kind))
        }
    }

    static func notAFile(_ path: String, _ kind: FileIdentity.Kind) -> Diagnostic {
        .error("input-not-a-file", "is \(kind.phrase), not a regular file; it was not opened",
               at: SourceLocation(file: path, line: 1, column: 1), hint: "check reads regular files only")
    }

    private mutating func problem(_ path: String, _ code: String, _ message: String, hint: String? = nil) {
        problems.append(.error(code, message, at: SourceLocation(file: path, line: 1, column: 1), hint: hint))
    }

    // MARK: POSIX

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Entry names (raw bytes, sorted bytewise, without `.` and `..`) and their `d_type` when the
    /// file system gives one.
    static func entries(of folder: String) -> [([UInt8], FileIdentity.Kind?)]? {
        guard let dir = opendir(folder) else { return nil }
        defer { closedir(dir) }
        var result: [([UInt8], FileIdentity.Kind?)] = []
        while let entry = readdir(dir) {
            let bytes: [UInt8] = withUnsafePointer(to: &entry.pointee.d_name) { tuple in
                tuple.withMemoryRebound(to: UInt8.self, capacity: MemoryLayout.size(ofValue: tuple.pointee)) { start in
                    Array(UnsafeBufferPointer(start: start, count: strlen(UnsafeRawPointer(start).assumingMemoryBound(to: CChar.self))))
                }
            }
            if bytes == [0x2E] || bytes == [0x2E, 0x2E] { continue }
            let kind: FileIdentity.Kind?
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): kind = .regular
            case Int32(DT_DIR): kind = .folder
            case Int32(DT_LNK): kind = .symlink
            case Int32(DT_FIFO): kind = .fifo
            case Int32(DT_SOCK): kind = .socket
            case Int32(DT_CHR), Int32(DT_BLK): kind = .device
            default: kind = nil
            }
            result.append((bytes, kind))
        }
        return result.sorted { $0.0.lexicographicallyPrecedes($1.0) }
    }
}
