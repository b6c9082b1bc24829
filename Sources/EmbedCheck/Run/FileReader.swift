import EmbedCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads one input file into memory with plain POSIX calls, refusing what cannot be an HTML
/// page embedsmith can check: unreadable, too large, or not UTF-8.
enum FileReader {
    static let maxBytes = 16 << 20

    static func contents(of path: String) -> Result<[UInt8], Diagnostic> {
        let at = SourceLocation(file: path, line: 1, column: 1)
        func unreadable() -> Result<[UInt8], Diagnostic> {
            .failure(.error("input-unreadable", "cannot be read (\(String(cString: strerror(errno))))", at: at))
        }
        // The type comes from stat, before any open: opening a FIFO blocks until a writer
        // comes, and opening a device can have effects. O_NONBLOCK covers a swap between the
        // two calls (the open returns at once); the fstat below then refuses what was opened.
        let before: stat
        switch FileIdentity.status(of: path, followingLinks: true) {
        case .failure: return unreadable()
        case .success(let status): before = status
        }
        let kind = FileIdentity.kind(before)
        if kind == .folder { return .failure(.error("input-unreadable", "is a folder", at: at)) }
        if kind != .regular { return .failure(FolderWalk.notAFile(path, kind)) }
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return unreadable() }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return unreadable() }
        guard FileIdentity.kind(info) == .regular, FileIdentity(info) == FileIdentity(before) else {
            return .failure(.error("input-unreadable", "changed while being opened; not read", at: at))
        }
        if Int(info.st_size) > maxBytes {
            return .failure(.error("input-too-large", "file is \(info.st_size) bytes; the limit is \(maxBytes) bytes", at: at))
        }
        var bytes = [UInt8](repeating: 0, count: max(Int(info.st_size), 0) + 1)
        var count = 0
        while true {
            if count == bytes.count {
                if count > maxBytes { return .failure(.error("input-too-large", "file is larger than \(maxBytes) bytes", at: at)) }
                bytes.append(contentsOf: repeatElement(0, count: max(4096, count)))
            }
            let n = bytes.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress! + count, $0.count - count) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(.error("input-unreadable", "cannot be read (\(String(cString: strerror(errno))))", at: at))
            }
            if n == 0 { break }
            count += n
        }
        bytes.removeSubrange(count...)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let offset = SourceText.firstInvalidUTF8Offset(bytes) {
            let (line, column) = SourceText.lineAndColumn(ofByte: offset, in: bytes)
            return .failure(.error("input-encoding", "file is not valid UTF-8 (byte 0x\(String(bytes[offset], radix: 16, uppercase: true)))",
                                   at: SourceLocation(file: path, line: line, column: column), hint: "save the page as UTF-8"))
        }
        return .success(bytes)
    }
}

private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.read(fd, buffer, count)
    #else
    return Darwin.read(fd, buffer, count)
    #endif
}
