import Foundation

/// Writes files below the staging folder with plain system calls: Foundation's `Data.write`
/// and `createDirectory` stat every path component, which is most of the cost of a small file.
struct StagingWriter {
    let root: String
    /// Folder holding the single copy of each shared asset (see `writeShared`).
    let sharedFolder: String
    private var madeFolders: Set<String> = []

    init(root: String, sharedFolder: String) {
        self.root = root
        self.sharedFolder = sharedFolder
    }

    mutating func write(_ data: some ContiguousBytes, to relativePath: String) throws {
        let path = root + "/" + relativePath
        try makeParent(of: path)
        try Self.writeFile(data, to: path)
    }

    /// Copies a tenant's file into the staging folder in chunks, never whole in memory (the
    /// reader's rules apply: no link, no FIFO, at most `limit` bytes). Its SHA-256 as copied.
    mutating func copy(_ relativePath: String, from reader: TenantFileReader, limit: Int64,
                       to destination: String) -> Result<String, TenantFileReader.Failure> {
        let path = root + "/" + destination
        do { try makeParent(of: path) } catch let error as POSIXError { return .failure(.write(error.code.rawValue)) } catch { return .failure(.write(EIO)) }
        let out = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard out >= 0 else { return .failure(.write(errno)) }
        defer { close(out) }
        return reader.stream(relativePath, limit: limit) { try Self.writeAll($0, to: out) }
    }

    /// Writes bytes that many tenants share as a hard link to one copy (`name` is unique per
    /// content: it carries the hash). Falls back to a plain write where links are not possible.
    mutating func writeShared(_ data: Data, named name: String, to relativePath: String) throws {
        let original = sharedFolder + "/" + name
        let path = root + "/" + relativePath
        try makeParent(of: path)
        if link(original, path) == 0 { return }
        if errno == ENOENT {
            // First use: write the copy under a temporary name, then publish it atomically so a
            // concurrent tenant never links to a half-written file.
            try makeParent(of: original)
            let temporary = original + ".\(getpid()).\(UInt(bitPattern: Int(pthread_self())))"
            try Self.writeFile(data, to: temporary)
            if rename(temporary, original) != 0 { unlink(temporary) }
            if link(original, path) == 0 { return }
        }
        try Self.writeFile(data, to: path)
    }

    private mutating func makeParent(of path: String) throws {
        guard let slash = path.lastIndex(of: "/") else { return }
        let folder = String(path[..<slash])
        guard !madeFolders.contains(folder) else { return }
        try Self.makeFolder(folder)
        madeFolders.insert(folder)
    }

    /// `mkdir -p`: one system call when the parent exists, which is the usual case.
    static func makeFolder(_ folder: String) throws {
        if mkdir(folder, 0o777) == 0 || errno == EEXIST { return }
        guard errno == ENOENT, let slash = folder.lastIndex(of: "/"), slash > folder.startIndex else {
            throw POSIXError.fromErrno
        }
        try makeFolder(String(folder[..<slash]))
        if mkdir(folder, 0o777) != 0 && errno != EEXIST {
            throw POSIXError.fromErrno
        }
    }

    static func writeFile(_ data: some ContiguousBytes, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw POSIXError.fromErrno }
        defer { close(fd) }
        try data.withUnsafeBytes { try writeAll($0, to: fd) }
    }

    static func writeAll(_ buffer: UnsafeRawBufferPointer, to fd: Int32) throws {
        guard var next = buffer.baseAddress else { return }
        var left = buffer.count
        while left > 0 {
            let written = Foundation.write(fd, next, left)
            if written < 0 {
                if errno == EINTR { continue }
                throw POSIXError.fromErrno
            }
            next += written
            left -= written
        }
    }
}
