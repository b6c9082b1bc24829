import CAtomicSwap
import EmbedCore
import Foundation

/// Builds into a hidden sibling folder and swaps it into place in one step, so a failed or
/// killed build leaves the previous site whole.
struct OutputStaging {
    let output: URL
    let staging: URL

    /// Marker proving a folder is ours before we ever replace it.
    static let manifestPath = ".embedsmith/manifest.json"

    init(output: URL) {
        self.output = output
        let parent = output.deletingLastPathComponent()
        staging = parent.appendingPathComponent(".\(output.lastPathComponent).staging-\(getpid())")
    }

    /// Refuses to replace a folder embedsmith did not write, and clears stale staging folders
    /// left by killed builds.
    /// `output` is the real path (`RealOutputFolder`): what is tested is the folder itself.
    func prepare(root: URL) throws -> Diagnostic? {
        let fm = FileManager.default
        let rootPath = RealOutputFolder.realPath(root.path) ?? root.path
        if output.path == rootPath || rootPath.hasPrefix(output.path + "/") {
            return .error(.outputUnsafe, "the output folder '\(output.path)' contains the project; choose another --out")
        }
        // A file (or a link that leads nowhere) where the folder should be is not ours to replace.
        var info = stat()
        if lstat(output.path, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR {
            return .error(.outputNotSite, "'\(output.path)' exists and is not a folder; refusing to replace it",
                          hint: "remove it or choose another --out")
        }
        // A manifest proves the folder is ours; only without one is it listed (a site's
        // folder holds thousands of tenants).
        if !fm.fileExists(atPath: output.appendingPathComponent(Self.manifestPath).path), fm.fileExists(atPath: output.path) {
            let contents = (try? fm.contentsOfDirectory(atPath: output.path)) ?? []
            if !contents.isEmpty {
                return .error(.outputNotSite, "'\(output.path)' exists and was not written by embedsmith (no \(Self.manifestPath)); refusing to replace it",
                              hint: "remove it or choose another --out")
            }
        }
        let parent = output.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let prefix = ".\(output.lastPathComponent).staging-"
        for name in (try? fm.contentsOfDirectory(atPath: parent.path)) ?? [] where name.hasPrefix(prefix) {
            try? fm.removeItem(at: parent.appendingPathComponent(name))
        }
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        return nil
    }

    /// Carries a tenant's previous output into the staging folder (hard links: no copying).
    func keep(tenant: String) throws {
        let source = output.appendingPathComponent(tenant)
        guard FileManager.default.fileExists(atPath: source.path) else { return }
        try HardLinkCopy.copy(source, to: staging.appendingPathComponent(tenant))
    }

    func write(_ data: some ContiguousBytes, to relativePath: String) throws {
        var writer = writer()
        try writer.write(data, to: relativePath)
    }

    /// A writer for one thread's files (it remembers the folders it made).
    func writer() -> StagingWriter { StagingWriter(root: staging.path, sharedFolder: staging.path + "/" + Self.sharedFolder) }

    /// Where the one copy of each shared asset lives while staging; removed before the swap.
    static let sharedFolder = ".embedsmith/shared"

    /// The one step that publishes the new site.
    func commit(jobs: Int = 1) throws {
        let fm = FileManager.default
        removeSharedCopies()
        if fm.fileExists(atPath: output.path) {
            if embedsmith_exchange_paths(staging.path, output.path) != 0 {
                // No RENAME_EXCHANGE (old kernel or other filesystem): two renames, a short window.
                let old = staging.deletingLastPathComponent().appendingPathComponent(staging.lastPathComponent + ".old")
                try fm.moveItem(at: output, to: old)
                try fm.moveItem(at: staging, to: output)
                try? FolderRemoval.remove(old.path, jobs: jobs)
                return
            }
            // The staging path now holds the previous site. The new one is published: a failure
            // to delete the old one is not the build's; the next build clears what is left.
            try? FolderRemoval.remove(staging.path, jobs: jobs)
        } else {
            try fm.moveItem(at: staging, to: output)
        }
    }

    /// Publishes a rebuild tenant by tenant: each changed tenant's folder replaces the old one
    /// in one step (`RENAME_EXCHANGE`), deleted tenants leave, and the manifest is replaced
    /// last. Every tenant folder is whole at every moment; a build killed among these renames
    /// leaves some tenants new and the old manifest, so the next build redoes exactly those.
    func commitTenants(changed: [String], deleted: [String], jobs: Int) throws {
        removeSharedCopies()
        for id in changed {
            let new = staging.path + "/" + id, live = output.path + "/" + id
            if access(new, F_OK) != 0 { continue }
            if embedsmith_exchange_paths(new, live) == 0 { continue }   // the old folder is now in staging
            if errno == ENOENT {
                if rename(new, live) != 0 { throw POSIXError.fromErrno }               // a new tenant
            } else {
                // No RENAME_EXCHANGE here: two renames, a short window for this tenant only.
                if rename(live, new + ".old") != 0 || rename(new, live) != 0 { throw POSIXError.fromErrno }
            }
        }
        for id in deleted where access(output.path + "/" + id, F_OK) == 0 {
            if rename(output.path + "/" + id, staging.path + "/" + id + ".deleted") != 0 { throw POSIXError.fromErrno }
        }
        if rename(staging.path + "/" + Self.manifestPath, output.path + "/" + Self.manifestPath) != 0 { throw POSIXError.fromErrno }
        try? FolderRemoval.remove(staging.path, jobs: jobs)   // replaced folders; the next build clears leftovers
    }

    /// The shared assets' single copies: every tenant links to them, and the site needs none.
    private func removeSharedCopies() {
        try? FileManager.default.removeItem(atPath: staging.path + "/" + Self.sharedFolder)
    }

    func abandon() {
        try? FileManager.default.removeItem(at: staging)
    }
}

/// Recreates a folder tree with hard links to the same files (falls back to copying). Plain
/// system calls: this runs for every unchanged tenant of an incremental build.
enum HardLinkCopy {
    static func copy(_ source: URL, to destination: URL) throws {
        try copy(path: source.path, to: destination.path)
    }

    static func copy(path source: String, to destination: String) throws {
        try StagingWriter.makeFolder(destination)
        for entry in try DirectoryListing.entries(source, includingHidden: true, sorted: false) {
            let from = source + "/" + entry.name, to = destination + "/" + entry.name
            if entry.isFolder {
                try copy(path: from, to: to)
            } else if link(from, to) != 0 {
                try FileManager.default.copyItem(atPath: from, toPath: to)
            }
        }
    }
}
