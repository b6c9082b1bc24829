import EmbedCore
import Foundation

/// Opens and reads a tenant's files below its open folder, with the same rules as the scan
/// (through EmbedCore's file-system seam, `OpenFolder` and `RegularFile`): every path component
/// is opened relative to the one before it with `O_NOFOLLOW` (a link swapped in after the scan
/// is refused, not followed), files with `O_NONBLOCK` (a FIFO swapped in cannot block the build)
/// and kept only when `fstat` says they are regular files of at most the allowed size. One
/// instance per thread: it keeps the last sub-folder open, because files come sorted and most
/// share their folder with the one before.
final class TenantFileReader {
    enum Failure: Error, Equatable {
        case symlink
        case notRegular(String)
        case tooLarge(size: Int64, limit: Int64)
        case system(Int32)
        /// Writing the copy failed (the output's fault, not the tenant's).
        case write(Int32)

        init(_ failure: RegularFile.Failure) {
            switch failure {
            case .symlink: self = .symlink
            case .notRegular(let kind): self = .notRegular(kind.entryPhrase)
            case .tooLarge(let size, let limit): self = .tooLarge(size: size, limit: limit)
            case .changed: self = .system(EAGAIN)
            case .system(let code): self = .system(code)
            case .consumer(let code): self = .write(code)
            }
        }

        /// Why, in words, for a diagnostic.
        var reason: String {
            switch self {
            case .symlink: return "a symbolic link was found in its place; links are never followed"
            case .notRegular(let what): return "it is \(what), not a regular file"
            case .tooLarge(let size, let limit): return "it is \(size) bytes; the limit is \(limit) bytes"
            case .system(let code), .write(let code): return String(cString: strerror(code))
            }
        }
    }

    let folder: OpenFolder
    private var lastFolderPath = ""
    private var lastFolder: OpenFolder?

    init(folder: OpenFolder) { self.folder = folder }

    /// The tenant folder `directory` (its last component is not followed if it is a link).
    convenience init?(directory: String) {
        guard let folder = OpenFolder.open(directory, in: AT_FDCWD) else { return nil }
        self.init(folder: folder)
    }

    /// A regular file's descriptor and size; the caller closes it.
    func open(_ relativePath: String, limit: Int64) -> Result<(descriptor: Int32, size: Int64), Failure> {
        var parent = folder.descriptor
        var name = relativePath
        if let slash = relativePath.lastIndex(of: "/") {
            let folderPath = String(relativePath[..<slash])
            name = String(relativePath[relativePath.index(after: slash)...])
            if folderPath != lastFolderPath || lastFolder == nil {
                lastFolder = nil
                var current = folder
                for component in folderPath.split(separator: "/") {
                    guard let next = OpenFolder.open(String(component), in: current.descriptor) else {
                        return .failure(errno == ELOOP || errno == ENOTDIR ? .symlink : .system(errno))
                    }
                    current = next
                }
                lastFolder = current
                lastFolderPath = folderPath
            }
            parent = lastFolder!.descriptor
        }
        return RegularFile.open(name, in: parent, limit: limit).mapError(Failure.init)
    }

    /// The whole file, at most `limit` bytes (a file that grew past it since its `fstat` is
    /// refused), and its SHA-256.
    func read(_ relativePath: String, limit: Int64) -> Result<(data: Data, sha256: String), Failure> {
        var bytes = Data()
        return stream(relativePath, limit: limit) { bytes.append(contentsOf: $0) }.map { (bytes, $0) }
    }

    /// Reads the file in chunks, handing each to `body`; the SHA-256 of what was read.
    /// Memory holds one chunk, whatever the file's size.
    func stream(_ relativePath: String, limit: Int64, _ body: (UnsafeRawBufferPointer) throws -> Void) -> Result<String, Failure> {
        let descriptor: Int32
        switch open(relativePath, limit: limit) {
        case .failure(let failure): return .failure(failure)
        case .success(let opened): descriptor = opened.descriptor
        }
        defer { close(descriptor) }
        return Self.stream(descriptor, limit: limit, body)
    }

    static let chunkBytes = RegularFile.chunkBytes

    /// `RegularFile.stream`, hashing what goes by; an error `body` throws stops it as `.write`.
    static func stream(_ descriptor: Int32, limit: Int64, _ body: (UnsafeRawBufferPointer) throws -> Void) -> Result<String, Failure> {
        var hash = SHA256Stream()
        return RegularFile.stream(descriptor, limit: limit) { chunk in
            hash.update(chunk)
            do { try body(chunk) } catch let error as POSIXError { return error.code.rawValue } catch { return EIO }
            return nil
        }.mapError(Failure.init).map { _ in hash.hex() }
    }
}

extension FileKind {
    /// How a tenant diagnostic names an entry that is not a regular file or folder.
    var entryPhrase: String {
        switch self {
        case .folder: return "a folder"
        case .file: return "a regular file"
        case .symlink: return "a symbolic link"
        case .fifo: return "a FIFO"
        case .socket: return "a socket"
        case .device, .other: return "a device"
        case .unexaminable(let code): return "an entry that cannot be examined (\(String(cString: strerror(code))))"
        }
    }
}
