import EmbedCore
import Foundation

/// Lets a rebuild skip reading tenants whose files have not changed (git's index idea).
///
/// For each tenant it remembers a signature of its files' `stat` facts (path, device, inode,
/// size, modification and change times) and the digest of their contents. When the files
/// have the same signature again, the digest is known without reading them. The change time
/// (`ctime`) cannot be set from user space and moves on every write, rename or `touch`.
///
/// Racy files: timestamps have a granularity, so a file changed again within the same tick as
/// the stamp we saw would keep its stamp. A tenant is only remembered when all its files are
/// older than `settleSeconds` at the time they were examined; fresh ones are read every time
/// until they settle.
///
/// The cache lives beside the output folder (`.site.build-cache`, next to the build lock),
/// not in it: it is local state, never published and never compared with a clean build. It is
/// only a hint: a missing, stale or unreadable cache means reading the files.
struct InputStatCache: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        var signature: String
        var digest: String
    }

    static let settleSeconds = 2
    private static let header = "embedsmith-stat-cache 1"

    var entries: [String: Entry] = [:]

    /// `.site.build-cache` beside `site/`.
    static func path(forOutput output: URL) -> String {
        output.deletingLastPathComponent().path + "/." + output.lastPathComponent + ".build-cache"
    }

    /// The cache for `contentRoot` (an absolute path), or an empty one.
    static func read(_ path: String, contentRoot: String) -> InputStatCache {
        guard let bytes = FileBytes.bytes(path) else { return InputStatCache() }
        let expected = Array("\(header) \(contentRoot)\n".utf8)
        guard bytes.starts(with: expected) else { return InputStatCache() }
        var cache = InputStatCache()
        cache.entries.reserveCapacity(bytes.count / 140)
        var start = expected.count
        while start < bytes.count {
            guard let end = bytes[start...].firstIndex(of: 0x0A),
                  let tab1 = bytes[start..<end].firstIndex(of: 0x09),
                  let tab2 = bytes[(tab1 + 1)..<end].firstIndex(of: 0x09) else { return InputStatCache() }
            cache.entries[String(decoding: bytes[start..<tab1], as: UTF8.self)] =
                Entry(signature: String(decoding: bytes[(tab1 + 1)..<tab2], as: UTF8.self),
                      digest: String(decoding: bytes[(tab2 + 1)..<end], as: UTF8.self))
            start = end + 1
        }
        return cache
    }

    /// Written to a temporary file and renamed over the old one: a reader never sees half.
    func write(to path: String, contentRoot: String) throws {
        var text = "\(Self.header) \(contentRoot)\n"
        for (id, entry) in entries.sorted(by: { $0.key < $1.key }) where !id.contains("\t") && !id.contains("\n") {
            text += "\(id)\t\(entry.signature)\t\(entry.digest)\n"
        }
        let temporary = path + ".tmp"
        try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
        guard rename(temporary, path) == 0 else {
            let error = POSIXError.fromErrno
            unlink(temporary)
            throw error
        }
    }
}

/// The `stat` facts of one file that change whenever its content can have.
struct FileStamp: Sendable, Equatable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var mode: UInt32
    var modified: timespec
    var changed: timespec

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        mode = UInt32(info.st_mode)
        modified = info.st_mtim
        changed = info.st_ctim
    }

    static func == (a: FileStamp, b: FileStamp) -> Bool {
        a.device == b.device && a.inode == b.inode && a.size == b.size && a.mode == b.mode
            && a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
            && a.changed.tv_sec == b.changed.tv_sec && a.changed.tv_nsec == b.changed.tv_nsec
    }
}

/// The stamps of a tenant's files, in the order they were given, hashed into one value.
struct StatSignature {
    /// Each file's name, then its stamp as raw integers: hashed, never shown.
    private var bytes: [UInt8] = []
    /// A file changed less than `InputStatCache.settleSeconds` before `now`: not remembered.
    private(set) var isFresh = false
    private let settleLimit: Int

    init(now: Int = Int(time(nil))) {
        settleLimit = now - InputStatCache.settleSeconds
        bytes.reserveCapacity(512)
    }

    mutating func add(_ stamp: FileStamp, as name: String) {
        bytes += name.utf8
        bytes.append(0)
        for field in [stamp.device, stamp.inode, UInt64(bitPattern: stamp.size), UInt64(stamp.mode),
                      UInt64(bitPattern: Int64(stamp.modified.tv_sec)), UInt64(bitPattern: Int64(stamp.modified.tv_nsec)),
                      UInt64(bitPattern: Int64(stamp.changed.tv_sec)), UInt64(bitPattern: Int64(stamp.changed.tv_nsec))] {
            withUnsafeBytes(of: field.littleEndian) { bytes += $0 }
        }
        if stamp.changed.tv_sec >= settleLimit || stamp.modified.tv_sec >= settleLimit { isFresh = true }
    }

    var value: String { ContentHash.sha256Hex(Data(bytes)) }
}
