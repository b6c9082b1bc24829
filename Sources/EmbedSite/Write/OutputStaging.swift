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
    func prepare(root: URL) throws -> Diagnostic? {
        let fm = FileManager.default
        if output.path == root.path || root.path.hasPrefix(output.path + "/") {
            return .error("output-unsafe", "the output folder '\(output.path)' contains the project; choose another --out")
        }
        if fm.fileExists(atPath: output.path) {
            let contents = (try? fm.contentsOfDirectory(atPath: output.path)) ?? []
            if !contents.isEmpty && !fm.fileExists(atPath: output.appendingPathComponent(Self.manifestPath).path) {
                return .error("output-not-site", "'\(output.path)' exists and was not written by embedsmith (no \(Self.manifestPath)); refusing to replace it",
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

    func write(_ data: Data, to relativePath: String) throws {
        let url = staging.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    /// The one step that publishes the new site.
    func commit() throws {
        let fm = FileManager.default
        if fm.fileExists(atPath: output.path) {
            if embedsmith_exchange_paths(staging.path, output.path) != 0 {
                // No RENAME_EXCHANGE (old kernel or other filesystem): two renames, a short window.
                let old = staging.deletingLastPathComponent().appendingPathComponent(staging.lastPathComponent + ".old")
                try fm.moveItem(at: output, to: old)
                try fm.moveItem(at: staging, to: output)
                try? fm.removeItem(at: old)
                return
            }
            try fm.removeItem(at: staging)
        } else {
            try fm.moveItem(at: staging, to: output)
        }
    }

    func abandon() {
        try? FileManager.default.removeItem(at: staging)
    }
}

/// Recreates a folder tree with hard links to the same files (falls back to copying).
enum HardLinkCopy {
    static func copy(_ source: URL, to destination: URL) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: destination, withIntermediateDirectories: true)
        for name in try fm.contentsOfDirectory(atPath: source.path) {
            let from = source.appendingPathComponent(name), to = destination.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            fm.fileExists(atPath: from.path, isDirectory: &isDirectory)
            if isDirectory.boolValue {
                try copy(from, to: to)
            } else if link(from.path, to.path) != 0 {
                try fm.copyItem(at: from, to: to)
            }
        }
    }
}
