import Foundation

/// One folder, opened and listed without ever following a symbolic link: the file-system seam
/// `build` reads tenant folders through and `check` walks a site through.
///
/// An entry is what the listing says it is (the kernel's `d_type`, or
/// `fstatat(AT_SYMLINK_NOFOLLOW)` where the file system does not say), never what a link points
/// to, and nothing but folders is opened here. A folder is opened relative to its parent's
/// descriptor (`O_NOFOLLOW | O_DIRECTORY`), so no path is longer than one name and no link in
/// the path is followed.
public final class OpenFolder {
    public struct Entry {
        /// The name, or for a name that is not UTF-8 its bytes shown escaped (`FileName`).
        public var name: String
        public var isUTF8: Bool
        /// The name's bytes, for opening it and for sorting as bytes.
        public var raw: [UInt8]
        public var kind: FileKind
        /// The entry's own `stat` (never a link's target), when the listing examined it.
        public var status: stat?
    }

    public let descriptor: Int32
    /// The listing stream, made on the descriptor when the folder is first listed (it then
    /// owns the descriptor: no `dup`, one fewer system call a folder).
    private var stream: OpaquePointer?

    private init(descriptor: Int32) { self.descriptor = descriptor }
    deinit {
        if let stream { closedir(stream) } else { close(descriptor) }
    }

    /// Opens `name` in `parent` (a descriptor, or `AT_FDCWD` with a path): a folder, never
    /// through a link (`ELOOP`/`ENOTDIR` when it is not a folder) unless `followingLink` (for a
    /// folder the operator named). Nil with `errno` set.
    public static func open(_ name: String, in parent: Int32, followingLink: Bool = false) -> OpenFolder? {
        let fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NONBLOCK | O_CLOEXEC | (followingLink ? 0 : O_NOFOLLOW))
        return fd >= 0 ? OpenFolder(descriptor: fd) : nil
    }

    /// The folder's own `stat` (taken before its entries are read: an entry added later moves
    /// it) and its entries, hidden ones (`.…`) left out, sorted by name. `examining` says which
    /// entries also get an `fstatat(AT_SYMLINK_NOFOLLOW)` (their `status`), given the listing's
    /// kind (nil for `DT_UNKNOWN`, always examined) and name. Throws the `errno`.
    public func list(examining: (FileKind?, String) -> Bool = { kind, _ in kind == .file })
        throws -> (status: stat?, entries: [Entry]) {
        var info = stat()
        let status: stat? = fstat(descriptor, &info) == 0 ? info : nil
        if let stream {
            rewinddir(stream)
        } else {
            guard let made = fdopendir(descriptor) else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            stream = made
        }
        let folder = stream!
        var entries: [Entry] = []
        while true {
            errno = 0
            guard let entry = readdir(folder) else {
                if errno != 0 { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
                break
            }
            let raw = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix(while: { $0 != 0 })) }
            if raw.first == UInt8(ascii: ".") { continue }   // ".", ".." and hidden files
            let (name, isUTF8) = FileName.display(raw)
            let listed = FileKind(directoryEntryType: Int32(entry.pointee.d_type))
            var kind = listed
            var entryStatus: stat? = nil
            if listed == nil || examining(listed, name) {
                // One lookup through the open folder, never following a link: the entry's real
                // type when d_type is DT_UNKNOWN, and its identity and stamp.
                var info = stat()
                if fstatat(descriptor, raw.map { CChar(bitPattern: $0) } + [0], &info, AT_SYMLINK_NOFOLLOW) == 0 {
                    kind = FileKind(mode: info.st_mode)
                    entryStatus = info
                } else if listed == nil {
                    kind = .unexaminable(errno)
                }
            }
            entries.append(Entry(name: name, isUTF8: isUTF8, raw: raw, kind: kind ?? .other, status: entryStatus))
        }
        return (status, entries.sorted { $0.name < $1.name })
    }
}
