import Foundation

/// One folder of a tenant, opened and listed without ever following a symbolic link.
///
/// Tenant folders are written by clients, not by the operator: an entry is what the listing
/// says it is (the kernel's `d_type`, or `fstatat(AT_SYMLINK_NOFOLLOW)` where the file system
/// does not say), never what a link points to, and nothing but folders is opened here. Folders
/// are opened relative to their parent's descriptor, so no path is longer than one name.
final class TenantFolder {
    enum Kind: Equatable {
        case folder, file, symlink
        /// A FIFO, socket or device: never opened.
        case special(String)
    }

    struct Entry {
        /// The name, or for a name that is not UTF-8 its bytes shown escaped (`\xFF`).
        var name: String
        var isUTF8: Bool
        var kind: Kind
        /// A file's `stat` facts, from the `fstatat` that also confirms its type.
        var stamp: FileStamp?
    }

    let descriptor: Int32
    /// The listing stream, made on the descriptor when the folder is first listed (it then
    /// owns the descriptor: no `dup`, one fewer system call a folder).
    private var stream: OpaquePointer?

    private init(descriptor: Int32) { self.descriptor = descriptor }
    deinit {
        if let stream { closedir(stream) } else { close(descriptor) }
    }

    /// Opens `name` in `parent` (a descriptor, or `AT_FDCWD` with a path): a folder, never
    /// through a link (`ELOOP`/`ENOTDIR` when it is not a folder) unless `followingLink` (for
    /// the operator's own `content/`). Nil with `errno` set.
    static func open(_ name: String, in parent: Int32, followingLink: Bool = false) -> TenantFolder? {
        let fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NONBLOCK | O_CLOEXEC | (followingLink ? 0 : O_NOFOLLOW))
        return fd >= 0 ? TenantFolder(descriptor: fd) : nil
    }

    /// The folder's own stamp (taken before its entries are read: an entry added later moves
    /// it) and its entries, hidden ones (`.…`) left out, sorted by name. Throws the `errno`.
    func list() throws -> (stamp: FileStamp?, entries: [Entry]) {
        var info = stat()
        let stamp: FileStamp? = fstat(descriptor, &info) == 0 ? FileStamp(info) : nil
        if let stream {
            rewinddir(stream)
        } else {
            guard let made = fdopendir(descriptor) else { throw POSIXError.fromErrno }
            stream = made
        }
        let folder = stream!
        var entries: [Entry] = []
        while true {
            errno = 0
            guard let entry = readdir(folder) else {
                if errno != 0 { throw POSIXError.fromErrno }
                break
            }
            let raw = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix(while: { $0 != 0 })) }
            if raw.first == UInt8(ascii: ".") { continue }   // ".", ".." and hidden files
            let decoded = String(decoding: raw, as: UTF8.self)
            let isUTF8 = decoded.utf8.elementsEqual(raw)
            var kind = Self.kind(ofDirectoryEntryType: Int32(entry.pointee.d_type))
            var fileStamp: FileStamp? = nil
            if kind == nil || kind == .file {
                // One lookup through the open folder, never following a link: the file's stamp
                // for the stat cache, and its real type when d_type is DT_UNKNOWN.
                var info = stat()
                if fstatat(descriptor, raw.map { CChar(bitPattern: $0) } + [0], &info, AT_SYMLINK_NOFOLLOW) == 0 {
                    kind = Self.kind(ofMode: info.st_mode)
                    if kind == .file { fileStamp = FileStamp(info) }
                } else if kind == nil {
                    kind = .special("an entry that cannot be examined (\(String(cString: strerror(errno))))")
                }
            }
            entries.append(Entry(name: isUTF8 ? decoded : Self.escaped(raw), isUTF8: isUTF8, kind: kind ?? .file, stamp: fileStamp))
        }
        return (stamp, entries.sorted { $0.name < $1.name })
    }

    /// Nil for `DT_UNKNOWN`: the caller asks `fstatat`.
    private static func kind(ofDirectoryEntryType type: Int32) -> Kind? {
        switch type {
        case Int32(DT_DIR): return .folder
        case Int32(DT_REG): return .file
        case Int32(DT_LNK): return .symlink
        case Int32(DT_FIFO): return .special("a FIFO")
        case Int32(DT_SOCK): return .special("a socket")
        case Int32(DT_CHR), Int32(DT_BLK): return .special("a device")
        default: return nil
        }
    }

    static func kind(ofMode mode: mode_t) -> Kind {
        switch mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFREG: return .file
        case S_IFLNK: return .symlink
        case S_IFIFO: return .special("a FIFO")
        case S_IFSOCK: return .special("a socket")
        default: return .special("a device")
        }
    }

    /// Printable ASCII as is, every other byte as `\xHH`: a name that is not UTF-8 is shown
    /// exactly, not decoded into replacement characters.
    static func escaped(_ raw: [UInt8]) -> String {
        raw.map { $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\\") ? String(UnicodeScalar($0)) : "\\x" + String(format: "%02X", $0) }.joined()
    }
}
