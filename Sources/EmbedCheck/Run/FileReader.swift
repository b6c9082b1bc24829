import EmbedCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads one input file into memory through EmbedCore's file-system seam (`RegularFile`),
/// refusing what cannot be an HTML page embedsmith can check: unreadable, too large, or not UTF-8.
enum FileReader {
    static let maxBytes = 16 << 20

    static func contents(of path: String) -> Result<[UInt8], Diagnostic> {
        let at = SourceLocation(file: path, line: 1, column: 1)
        // The type comes from stat, before any open (`lookFirst`): opening a FIFO blocks until a
        // writer comes, and opening a device can have effects. O_NONBLOCK covers a swap between
        // the two calls (the open returns at once); the fstat after it then refuses what was
        // opened. A path given may be a link (the operator's choice), so it is followed.
        let opened: (descriptor: Int32, size: Int64)
        switch RegularFile.open(path, in: AT_FDCWD, followingLink: true, lookFirst: true, limit: Int64(maxBytes)) {
        case .success(let file): opened = file
        case .failure(.notRegular(.folder)): return .failure(.error(.inputUnreadable, "is a folder", at: at))
        case .failure(.notRegular(let kind)): return .failure(FolderWalk.notAFile(path, kind))
        case .failure(.changed): return .failure(.error(.inputUnreadable, "changed while being opened; not read", at: at))
        case .failure(.tooLarge(let size, _)):
            return .failure(.error(.inputTooLarge, "file is \(size) bytes; the limit is \(maxBytes) bytes", at: at))
        case .failure(let failure): return .failure(unreadable(failure, at: at))
        }
        defer { close(opened.descriptor) }
        var bytes: [UInt8]
        switch RegularFile.readAll(opened.descriptor, expected: opened.size, limit: Int64(maxBytes)) {
        case .success(let read): bytes = read
        case .failure(.tooLarge): return .failure(.error(.inputTooLarge, "file is larger than \(maxBytes) bytes", at: at))
        case .failure(let failure): return .failure(unreadable(failure, at: at))
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let offset = SourceText.firstInvalidUTF8Offset(bytes) {
            let (line, column) = SourceText.lineAndColumn(ofByte: offset, in: bytes)
            return .failure(.error(.inputEncoding, "file is not valid UTF-8 (byte 0x\(String(bytes[offset], radix: 16, uppercase: true)))",
                                   at: SourceLocation(file: path, line: line, column: column), hint: "save the page as UTF-8"))
        }
        return .success(bytes)
    }

    private static func unreadable(_ failure: RegularFile.Failure, at: SourceLocation) -> Diagnostic {
        let code: Int32
        switch failure {
        case .system(let errorCode), .consumer(let errorCode): code = errorCode
        default: code = EIO
        }
        return .error(.inputUnreadable, "cannot be read (\(String(cString: strerror(code))))", at: at)
    }
}
