import Foundation

/// Puts a tenant's folder from a shard's output into the merged site's staging folder: hard
/// links on one file system (files a shard shared between its tenants stay shared), copies
/// across file systems. Only folders and regular files: a build writes nothing else, so a link,
/// FIFO or device in a shard's output is refused rather than followed or published.
enum ShardTreeCopy {
    enum Failure: Error {
        /// Not a folder or a regular file: the path below the tenant folder.
        case notBuildOutput(String)
        case system(Int32, String)
    }

    static func copy(tenantFolder source: String, to destination: String) throws(Failure) {
        var info = stat()
        guard lstat(source, &info) == 0 else { throw .system(errno, source) }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { throw .notBuildOutput("") }
        try copyTree(source, to: destination, relative: "")
    }

    private static func copyTree(_ source: String, to destination: String, relative: String) throws(Failure) {
        let entries: [DirectoryListing.Entry]
        do {
            try StagingWriter.makeFolder(destination)
            entries = try DirectoryListing.entries(source, includingHidden: true, sorted: false)
        } catch let error as POSIXError {
            throw .system(error.code.rawValue, source)
        } catch {
            throw .system(EIO, source)
        }
        for entry in entries {
            let from = source + "/" + entry.name, to = destination + "/" + entry.name
            let path = relative.isEmpty ? entry.name : relative + "/" + entry.name
            if entry.isFolder {
                try copyTree(from, to: to, relative: path)
            } else if !entry.isFile {
                throw .notBuildOutput(path)
            } else if link(from, to) != 0 {
                guard errno == EXDEV || errno == EPERM || errno == EMLINK else { throw .system(errno, from) }
                do { try FileManager.default.copyItem(atPath: from, toPath: to) } catch { throw .system(EIO, from) }
            }
        }
    }
}
