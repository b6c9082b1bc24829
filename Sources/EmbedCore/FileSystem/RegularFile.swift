import Foundation

/// Opens and reads one regular file with a size bound: the file-system seam `build` reads
/// tenant files through and `check` reads pages through.
///
/// A file is opened with `O_NONBLOCK` (a FIFO swapped in cannot block), `O_NOCTTY`, and unless
/// asked otherwise `O_NOFOLLOW` (a link swapped in is refused, not followed), and kept only
/// when `fstat` on the open descriptor says it is a regular file of at most `limit` bytes.
/// Reads stop past `limit` (a file that grew since its `fstat` is refused).
public enum RegularFile {
    public enum Failure: Error, Equatable, Sendable {
        /// A symbolic link was found where the file (or a folder on its path) was expected.
        case symlink
        case notRegular(FileKind)
        case tooLarge(size: Int64, limit: Int64)
        /// Another file was in its place when it was opened than when it was looked at.
        case changed
        case system(Int32)
        /// The reader's consumer stopped it with this `errno` (its own failure, not the file's).
        case consumer(Int32)
    }

    /// A regular file's descriptor and size; the caller closes it. `name` is opened in `parent`
    /// (a descriptor, or `AT_FDCWD` with a path). `lookFirst`: take its type with `fstatat`
    /// before opening, so a FIFO or device named by a path nobody listed is never opened at
    /// all, and refuse a file whose identity changed between the two calls.
    public static func open(_ name: String, in parent: Int32, followingLink: Bool = false, lookFirst: Bool = false,
                            limit: Int64) -> Result<(descriptor: Int32, size: Int64), Failure> {
        var before = stat()
        if lookFirst {
            guard fstatat(parent, name, &before, followingLink ? 0 : AT_SYMLINK_NOFOLLOW) == 0 else { return .failure(.system(errno)) }
            let kind = FileKind(mode: before.st_mode)
            if kind == .symlink { return .failure(.symlink) }
            if kind != .file { return .failure(.notRegular(kind)) }
        }
        let fd = openat(parent, name, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC | (followingLink ? 0 : O_NOFOLLOW))
        guard fd >= 0 else { return .failure(errno == ELOOP && !followingLink ? .symlink : .system(errno)) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            close(fd)
            return .failure(.system(code))
        }
        let kind = FileKind(mode: info.st_mode)
        if lookFirst && (kind != .file || info.st_dev != before.st_dev || info.st_ino != before.st_ino) {
            close(fd)
            return .failure(.changed)
        }
        guard kind == .file else {
            close(fd)
            return .failure(.notRegular(kind))
        }
        guard Int64(info.st_size) <= limit else {
            close(fd)
            return .failure(.tooLarge(size: Int64(info.st_size), limit: limit))
        }
        return .success((fd, Int64(info.st_size)))
    }

    public static let chunkBytes = 256 << 10

    /// Reads `descriptor` to its end in chunks of `chunkBytes`, handing each to `body` (which
    /// returns an `errno` to stop); memory holds one chunk, whatever the file's size. The
    /// bytes read in all.
    public static func stream(_ descriptor: Int32, limit: Int64, _ body: (UnsafeRawBufferPointer) -> Int32?) -> Result<Int64, Failure> {
        var total: Int64 = 0
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkBytes, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = Foundation.read(descriptor, buffer.baseAddress!, chunkBytes)
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(.system(errno))
            }
            if count == 0 { return .success(total) }
            total += Int64(count)
            if total > limit { return .failure(.tooLarge(size: total, limit: limit)) }
            if let code = body(UnsafeRawBufferPointer(rebasing: buffer[0..<count])) { return .failure(.consumer(code)) }
        }
    }

    /// The whole file, at most `limit` bytes, read into one array: `expected` (its `fstat`
    /// size) plus one byte, so a file that did not grow is read in one pass and the next read's
    /// 0 says so.
    public static func readAll(_ descriptor: Int32, expected: Int64, limit: Int64) -> Result<[UInt8], Failure> {
        var bytes = [UInt8](repeating: 0, count: Int(max(expected, 0)) + 1)
        var count = 0
        while true {
            if count == bytes.count {
                if Int64(count) > limit { return .failure(.tooLarge(size: Int64(count), limit: limit)) }
                bytes.append(contentsOf: repeatElement(0, count: max(4096, count)))
            }
            let n = bytes.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress! + count, $0.count - count) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(.system(errno))
            }
            if n == 0 { break }
            count += n
        }
        if Int64(count) > limit { return .failure(.tooLarge(size: Int64(count), limit: limit)) }
        bytes.removeSubrange(count...)
        return .success(bytes)
    }
}
