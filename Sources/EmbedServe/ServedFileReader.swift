#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Reads a file of the served folder by its decoded segments, one component at a time below
/// the folder's descriptor with `O_NOFOLLOW`: a symbolic link anywhere on the way (or as the
/// file) is refused, not followed, so nothing outside the folder can be served whatever the
/// folder holds. Only regular files up to `maxBytes` are read.
public enum ServedFileReader {
    public enum Outcome: Equatable, Sendable {
        case file(Data)
        /// The path names a folder (serve answers with its `index.html`, or refuses).
        case folder
        case notFound
        /// A link, device, FIFO or socket on the way, or a file too large.
        case refused
    }

    public static let maxBytes = 64 << 20

    public static func load(segments: [String], in root: String) -> Outcome {
        var fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return .notFound }
        for (index, name) in segments.enumerated() {
            let last = index == segments.count - 1
            let flags = O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK | (last ? 0 : O_DIRECTORY)
            let next = openat(fd, name, flags)
            let failure = errno
            close(fd)
            guard next >= 0 else {
                // ELOOP: the component is a link; ENOTDIR: a file (or link) used as a folder.
                return failure == ELOOP || failure == ENOTDIR ? .refused : .notFound
            }
            fd = next
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .notFound }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFREG: break
        default: return .refused
        }
        guard info.st_size <= maxBytes else { return .refused }
        var data = Data(count: Int(info.st_size))
        var filled = 0
        let ok = data.withUnsafeMutableBytes { buffer -> Bool in
            while filled < buffer.count {
                let count = read(fd, buffer.baseAddress! + filled, buffer.count - filled)
                if count < 0 { if errno == EINTR { continue }; return false }
                if count == 0 { break }
                filled += count
            }
            return true
        }
        guard ok else { return .notFound }
        return .file(filled == data.count ? data : data.prefix(filled))
    }
}
