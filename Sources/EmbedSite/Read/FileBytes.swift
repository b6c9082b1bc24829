import Foundation

/// Reads a whole file with plain system calls (`FileManager.contents` costs several extra
/// calls a file, and a build reads every input). Nil when it cannot be read; `errno` says why.
enum FileBytes {
    static func read(_ path: String) -> Data? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        guard (info.st_mode & S_IFMT) == S_IFREG else { errno = EISDIR; return nil }
        // One byte more than the size: a file that did not grow is read in one call, and the
        // next call's 0 says so; a file that grew meanwhile is read to its end all the same.
        var buffer = [UInt8](repeating: 0, count: max(Int(info.st_size) + 1, 64))
        var filled = 0
        while true {
            if filled == buffer.count { buffer += [UInt8](repeating: 0, count: buffer.count) }
            let n = buffer.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if n < 0 { if errno == EINTR { continue }; return nil }
            if n == 0 { break }
            filled += n
        }
        return Data(buffer[..<filled])
    }
}
