import Foundation

/// Reads a whole file with plain system calls (`FileManager.contents` costs several extra
/// calls a file, and a build reads every input). Nil when it cannot be read; `errno` says why.
enum FileBytes {
    static func read(_ path: String) -> Data? {
        bytes(path).map { Data($0) }
    }

    /// The file's bytes in an array (no zero-filling, no copy into `Data`).
    static func bytes(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        guard (info.st_mode & S_IFMT) == S_IFREG else { errno = EISDIR; return nil }
        // One byte more than the size: a file that did not grow is read in one call, and the
        // next call's 0 says so; a file that grew meanwhile is read to its end all the same.
        var capacity = max(Int(info.st_size) + 1, 64)
        var result: [UInt8] = []
        while true {
            var failed = false
            var ended = false
            let chunk = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                count = 0
                while count < buffer.count {
                    let n = Foundation.read(fd, buffer.baseAddress! + count, buffer.count - count)
                    if n < 0 { if errno == EINTR { continue }; failed = true; return }
                    if n == 0 { ended = true; return }
                    count += n
                }
            }
            if failed { return nil }
            if result.isEmpty { result = chunk } else { result += chunk }
            if ended { return result }
            capacity *= 2
        }
    }
}
