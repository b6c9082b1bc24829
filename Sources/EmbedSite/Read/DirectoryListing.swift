import Foundation

/// A folder's entries, sorted by name, hidden ones (".…") left out unless asked for. Uses the
/// entry types the kernel returns with the listing, so it costs one system call per folder
/// instead of a `stat` per entry. A symbolic link counts as what it points to (as `fileExists`
/// says) when listing content, and as a file when removing (`followLinks: false`).
enum DirectoryListing {
    struct Entry {
        var name: String
        var isFolder: Bool
        /// With `stamps: true`, each file's `stat` facts (through the open folder: one lookup).
        var stamp: FileStamp? = nil
    }

    static func entries(_ path: String, includingHidden: Bool = false, followLinks: Bool = true, sorted: Bool = true) throws -> [Entry] {
        try listing(path, includingHidden: includingHidden, followLinks: followLinks, sorted: sorted).entries
    }

    /// The entries, and with `stamps: true` the folder's own stamp, taken before its entries
    /// are read (an entry added later changes the folder's stamp), and each file's.
    static func listing(_ path: String, includingHidden: Bool = false, followLinks: Bool = true, sorted: Bool = true,
                        stamps: Bool = false) throws -> (stamp: FileStamp?, entries: [Entry]) {
        guard let folder = opendir(path) else { throw POSIXError.fromErrno }
        defer { closedir(folder) }
        var folderStamp: FileStamp? = nil
        if stamps {
            var info = stat()
            if fstat(dirfd(folder), &info) == 0 { folderStamp = FileStamp(info) }
        }
        var entries: [Entry] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name == "." || name == ".." || (!includingHidden && name.hasPrefix(".")) { continue }
            let type = Int32(entry.pointee.d_type)
            var isFolder = type == Int32(DT_DIR)
            if type == Int32(DT_UNKNOWN) || (type == Int32(DT_LNK) && followLinks) {
                var info = stat()
                let found = followLinks ? stat(path + "/" + name, &info) : lstat(path + "/" + name, &info)
                isFolder = found == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            }
            var stamp: FileStamp? = nil
            if stamps && !isFolder {
                var info = stat()
                if fstatat(dirfd(folder), name, &info, 0) == 0 { stamp = FileStamp(info) }
            }
            entries.append(Entry(name: name, isFolder: isFolder, stamp: stamp))
        }
        return (folderStamp, sorted ? entries.sorted { $0.name < $1.name } : entries)
    }
}
