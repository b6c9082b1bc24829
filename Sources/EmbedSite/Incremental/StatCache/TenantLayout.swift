import Foundation

/// The files of a tenant folder as a full scan found them, with the stamps of the folders it
/// listed. A folder's modification and change times move whenever an entry is added, removed
/// or renamed in it, so while every folder keeps its stamp the same files are there and a
/// rebuild can examine them (one `stat` each) without listing a folder again.
///
/// Only a clean scan is remembered (no diagnostic: a warning must be printed on every build),
/// and only when every folder had settled (`InputStatCache.settleSeconds`).
struct TenantLayout: Sendable, Equatable {
    struct Folder: Sendable, Equatable {
        /// Relative to the tenant folder; "" is the tenant folder itself.
        var path: String
        var stamp: FileStamp
    }

    var folders: [Folder]
    /// Relative paths, sorted, as `TenantSource` lists them.
    var pages: [String]
    var assets: [String]

    /// The tenant as the layout describes it, each file examined now; nil when a folder
    /// changed or a file cannot be examined (then the folder is scanned again). `content` is
    /// the open `content/` folder: paths are looked up from there, not from the root.
    ///
    /// The scan's rules hold here too: nothing is followed (`AT_SYMLINK_NOFOLLOW`; a stamp
    /// holds the file type, so a link or FIFO in a folder's or file's place never matches),
    /// and files must be regular. Folders are examined first, parents before children, so the
    /// files' paths go through the real folders the scan walked.
    func source(id: String, directory: String, displayPrefix: String, content: Int32) -> TenantSource? {
        for folder in folders {
            var info = stat()
            let path = folder.path.isEmpty ? id : id + "/" + folder.path
            guard fstatat(content, path, &info, AT_SYMLINK_NOFOLLOW) == 0, FileStamp(info) == folder.stamp else { return nil }
        }
        func stamp(_ relativePath: String) -> FileStamp? {
            var info = stat()
            guard fstatat(content, id + "/" + relativePath, &info, AT_SYMLINK_NOFOLLOW) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
            return FileStamp(info)
        }
        guard let config = stamp("tenant.yaml") else { return nil }
        var pageSources: [PageSource] = []
        pageSources.reserveCapacity(pages.count)
        for page in pages {
            guard let found = stamp(page) else { return nil }
            pageSources.append(PageSource(relativePath: page, folder: directory, displayFolder: displayPrefix, stamp: found))
        }
        var assetSources: [AssetSource] = []
        assetSources.reserveCapacity(assets.count)
        for asset in assets {
            guard let found = stamp(asset) else { return nil }
            assetSources.append(AssetSource(relativePath: asset, folder: directory, stamp: found))
        }
        return TenantSource(id: id, directory: directory, configDisplayPath: displayPrefix + "/tenant.yaml", configStamp: config,
                            pages: pageSources, assets: assetSources, layout: self, layoutFromCache: true)
    }
}

extension TenantLayout {
    /// Folders, pages and assets as three tab-separated fields; items split by U+001F, a
    /// folder's path and stamp by U+001E. False (nothing written) when a name holds a
    /// separator: such a tenant is not remembered.
    func write(to out: inout CacheBytesWriter) -> Bool {
        let names = folders.map(\.path) + pages + assets
        guard !names.contains(where: { $0.utf8.contains { $0 == 0x09 || $0 == 0x0A || $0 == 0x1E || $0 == 0x1F } }) else { return false }
        for (index, folder) in folders.enumerated() {
            if index > 0 { out.append(byte: 0x1F) }
            out.append(folder.path)
            out.append(byte: 0x1E)
            folder.stamp.write(to: &out)
        }
        for list in [pages, assets] {
            out.append(byte: 0x09)
            for (index, name) in list.enumerated() {
                if index > 0 { out.append(byte: 0x1F) }
                out.append(name)
            }
        }
        return true
    }

    /// The three fields `write` wrote; nil when they do not read back.
    init?(reading line: inout CacheBytesReader) {
        var foldersField = line.reader(until: 0x09)
        var folders: [Folder] = []
        while !foldersField.atEnd {
            var item = foldersField.reader(until: 0x1F)
            let path = item.string(until: 0x1E)
            guard let stamp = FileStamp(reading: &item) else { return nil }
            folders.append(Folder(path: path, stamp: stamp))
        }
        guard !folders.isEmpty else { return nil }
        func names(_ field: inout CacheBytesReader) -> [String] {
            var names: [String] = []
            while !field.atEnd { names.append(field.string(until: 0x1F)) }
            return names
        }
        var pagesField = line.reader(until: 0x09)
        var assetsField = line.reader(until: 0x09)
        self.init(folders: folders, pages: names(&pagesField), assets: names(&assetsField))
    }
}
