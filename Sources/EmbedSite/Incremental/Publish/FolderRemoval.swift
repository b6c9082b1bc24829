import Foundation

/// Deletes a folder tree (the site a build replaced) with plain system calls, its top-level
/// entries (tenants) spread over `jobs` threads: on a large site this is a good part of a build.
enum FolderRemoval {
    static func remove(_ path: String, jobs: Int) throws {
        let entries = try DirectoryListing.entries(path, includingHidden: true)
        let failures = ParallelMap.map(entries, jobs: jobs) { entry -> Int32 in
            let child = path + "/" + entry.name
            do {
                try entry.isFolder ? removeTree(child) : removeFile(child)
                return 0
            } catch let error as POSIXError {
                return error.code.rawValue
            } catch {
                return EIO
            }
        }
        if let code = failures.first(where: { $0 != 0 }) { throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO) }
        if rmdir(path) != 0 { throw POSIXError.fromErrno }
    }

    private static func removeTree(_ path: String) throws {
        for entry in try DirectoryListing.entries(path, includingHidden: true, sorted: false) {
            let child = path + "/" + entry.name
            try entry.isFolder ? removeTree(child) : removeFile(child)
        }
        if rmdir(path) != 0 { throw POSIXError.fromErrno }
    }

    private static func removeFile(_ path: String) throws {
        if unlink(path) != 0 && errno != ENOENT { throw POSIXError.fromErrno }
    }
}
