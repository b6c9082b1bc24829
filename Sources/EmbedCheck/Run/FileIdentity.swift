#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a path names on disk, read with `stat`/`lstat` (which never open the file): its type and
/// its (device, inode), the identity that two spellings of one file or folder share.
struct FileIdentity: Hashable, Sendable {
    let device: UInt64
    let inode: UInt64

    enum Kind: Sendable, Equatable {
        case regular, folder, symlink, fifo, socket, device, other

        /// For messages: "is a named pipe (FIFO)".
        var phrase: String {
            switch self {
            case .regular: return "a file"
            case .folder: return "a folder"
            case .symlink: return "a symbolic link"
            case .fifo: return "a named pipe (FIFO)"
            case .socket: return "a socket"
            case .device: return "a device"
            case .other: return "not a regular file"
            }
        }
    }

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }

    static func kind(_ info: stat) -> Kind {
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .folder
        case S_IFLNK: return .symlink
        case S_IFIFO: return .fifo
        case S_IFSOCK: return .socket
        case S_IFCHR, S_IFBLK: return .device
        default: return .other
        }
    }

    /// Why `stat` failed: the errno text.
    struct Failure: Error {
        let reason: String
        /// ENOENT or ENOTDIR: nothing by that name.
        let missing: Bool
    }

    /// `stat` (follows links) or `lstat` (does not).
    static func status(of path: String, followingLinks: Bool) -> Result<stat, Failure> {
        var info = stat()
        let result = followingLinks ? stat(path, &info) : lstat(path, &info)
        guard result == 0 else { return .failure(Failure(reason: String(cString: strerror(errno)), missing: errno == ENOENT || errno == ENOTDIR)) }
        return .success(info)
    }
}
