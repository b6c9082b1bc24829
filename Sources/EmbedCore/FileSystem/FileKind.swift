#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a folder entry is, from the kernel's `d_type` or from `stat`'s mode: never what a
/// symbolic link points to (a link is `.symlink`).
public enum FileKind: Equatable, Hashable, Sendable {
    case folder, file, symlink, fifo, socket, device, other
    /// `d_type` said nothing and `fstatat` failed with this `errno`.
    case unexaminable(Int32)

    public init(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFDIR: self = .folder
        case S_IFREG: self = .file
        case S_IFLNK: self = .symlink
        case S_IFIFO: self = .fifo
        case S_IFSOCK: self = .socket
        case S_IFCHR, S_IFBLK: self = .device
        default: self = .other
        }
    }

    /// Nil for `DT_UNKNOWN` (and anything else the kernel may add): ask `fstatat`.
    public init?(directoryEntryType type: Int32) {
        switch type {
        case Int32(DT_DIR): self = .folder
        case Int32(DT_REG): self = .file
        case Int32(DT_LNK): self = .symlink
        case Int32(DT_FIFO): self = .fifo
        case Int32(DT_SOCK): self = .socket
        case Int32(DT_CHR), Int32(DT_BLK): self = .device
        default: return nil
        }
    }

    /// A FIFO, socket, device or something else that is not a folder, file or link: never opened.
    public var isSpecial: Bool {
        switch self {
        case .folder, .file, .symlink: return false
        default: return true
        }
    }
}
