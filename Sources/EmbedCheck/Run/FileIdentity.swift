#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

import EmbedCore

/// What a path names on disk, read with `stat`/`lstat` (which never open the file): its type and
/// its (device, inode), the identity that two spellings of one file or folder share.
struct FileIdentity: Hashable, Sendable {
    let device: UInt64
    let inode: UInt64

    /// The entry types of EmbedCore's file-system seam (`FileKind`).
    typealias Kind = FileKind

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }

    static func kind(_ info: stat) -> Kind { FileKind(mode: info.st_mode) }

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

extension FileKind {
    /// For messages: "is a named pipe (FIFO)".
    var phrase: String {
        switch self {
        case .file: return "a file"
        case .folder: return "a folder"
        case .symlink: return "a symbolic link"
        case .fifo: return "a named pipe (FIFO)"
        case .socket: return "a socket"
        case .device: return "a device"
        case .other, .unexaminable: return "not a regular file"
        }
    }
}
