import Foundation

/// A folder's entries, sorted by name, hidden ones (".…") left out unless asked for. Uses the
/// entry types the kernel returns with the listing, so it costs one system call per folder
/// instead of a `stat` per entry. A symbolic link is an entry of its own, never followed (it
/// is removed or hard-linked as the link it is). For the output side: tenant folders are
/// listed by `OpenFolder` (EmbedCore), with the same rule and types of their own.
enum DirectoryListing {
    struct Entry {
        var name: String
        var isFolder: Bool
        /// A regular file (neither a folder nor a link, FIFO, socket or device).
        var isFile = false
    }

    static func entries(_ path: String, includingHidden: Bool = false, sorted: Bool = true) throws -> [Entry] {
        guard let folder = opendir(path) else { throw POSIXError.fromErrno }
        defer { closedir(folder) }
        var entries: [Entry] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name == "." || name == ".." || (!includingHidden && name.hasPrefix(".")) { continue }
            let type = Int32(entry.pointee.d_type)
            var isFolder = type == Int32(DT_DIR), isFile = type == Int32(DT_REG)
            if type == Int32(DT_UNKNOWN) {
                var info = stat()
                let known = lstat(path + "/" + name, &info) == 0
                isFolder = known && (info.st_mode & S_IFMT) == S_IFDIR
                isFile = known && (info.st_mode & S_IFMT) == S_IFREG
            }
            entries.append(Entry(name: name, isFolder: isFolder, isFile: isFile))
        }
        return sorted ? entries.sorted { $0.name < $1.name } : entries
    }
}
