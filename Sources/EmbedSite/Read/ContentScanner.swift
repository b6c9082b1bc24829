import EmbedCore
import Foundation

/// One tenant folder: `content/<id>/tenant.yaml`, its pages and its assets.
struct TenantSource: Sendable {
    var id: String
    /// The tenant folder's path (plain strings: Foundation's URL is slow to build and read).
    var directory: String
    /// `content/<id>/tenant.yaml` as shown in diagnostics.
    var configDisplayPath: String
    /// tenant.yaml's `stat` facts when the folder was listed (for `InputStatCache`).
    var configStamp: FileStamp? = nil
    var pages: [PageSource]
    var assets: [AssetSource]
    /// The folder's layout, when this scan may be remembered (`TenantLayout`).
    var layout: TenantLayout? = nil
    /// The source was made from the cached layout (nothing new to remember).
    var layoutFromCache = false
}

struct PageSource: Sendable {
    /// Path below the tenant folder, e.g. `help/faq.md`.
    var relativePath: String
    /// The tenant folder, and the same as diagnostics show it: the page's paths are made from
    /// them when asked (a rebuild examines thousands of pages and reads few).
    var folder: String
    var displayFolder: String
    var stamp: FileStamp? = nil
    var file: String { folder + "/" + relativePath }
    var displayPath: String { displayFolder + "/" + relativePath }
    /// `help/faq.html`.
    var outputPath: String { String(relativePath.dropLast(3)) + ".html" }
}

struct AssetSource: Sendable {
    /// Path below the tenant folder, e.g. `assets/logo.svg`.
    var relativePath: String
    var folder: String
    var stamp: FileStamp? = nil
    var file: String { folder + "/" + relativePath }
}

/// Finds tenants, pages and assets. Every listing is sorted so builds are deterministic.
enum ContentScanner {
    /// `cache`: the tenant folders' layouts from the last build (`InputStatCache`); a tenant
    /// whose folders have not changed is not listed again. `now` decides which folders settled.
    static func scan(root: URL, displayRoot: String, jobs: Int = 1, cache: InputStatCache = InputStatCache(),
                     now: Int = Int(time(nil))) throws -> (tenants: [TenantSource], diagnostics: [Diagnostic]) {
        let content = root.appendingPathComponent("content", isDirectory: true)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: content.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return ([], [.error("content-missing", "no content/ folder in \(displayRoot.isEmpty ? "." : displayRoot)",
                                hint: "create content/<tenant>/tenant.yaml, or pass --root to the project folder")])
        }
        let names = try DirectoryListing.entries(content.path).filter { $0.isFolder }.map(\.name)
        let contentFolder = open(content.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer { if contentFolder >= 0 { close(contentFolder) } }
        // Tenants are independent: walk them in parallel, then keep the sorted order.
        let scanned = ParallelMap.map(names, jobs: jobs) { name -> Result<(TenantSource?, [Diagnostic]), Error> in
            let directory = content.path + "/" + name
            let prefix = displayRoot.isEmpty ? "content/\(name)" : "\(displayRoot)/content/\(name)"
            if contentFolder >= 0, let known = cache.layout(for: name)?.source(id: name, directory: directory, displayPrefix: prefix, content: contentFolder) {
                return .success((known, []))
            }
            return Result { try scanTenant(name, directory: directory, displayPrefix: prefix, now: now) }
        }
        var tenants: [TenantSource] = []
        var diagnostics: [Diagnostic] = []
        for result in scanned {
            let (tenant, found) = try result.get()
            diagnostics += found
            if let tenant { tenants.append(tenant) }
        }
        return (tenants, diagnostics)
    }

    private static func scanTenant(_ name: String, directory dir: String, displayPrefix prefix: String, now: Int) throws -> (TenantSource?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var folders: [TenantLayout.Folder?] = []
        let (stamp, entries) = try DirectoryListing.listing(dir, stamps: true)
        folders.append(stamp.map { TenantLayout.Folder(path: "", stamp: $0) })
        guard let config = entries.first(where: { $0.name == "tenant.yaml" }) else {  // a folder of that name is reported when read
            return (nil, [.error("tenant-config-missing", "tenant folder has no tenant.yaml", at: SourceLocation(file: prefix, line: 1, column: 1))])
        }
        var pages: [PageSource] = []
        var assets: [AssetSource] = []
        try walk(dir, entries: entries, relative: "", tenantFolder: dir, into: &pages, assets: &assets, folders: &folders,
                 displayPrefix: prefix, diagnostics: &diagnostics)
        pages.sort { $0.relativePath < $1.relativePath }
        assets.sort { $0.relativePath < $1.relativePath }
        var tenant = TenantSource(id: name, directory: dir, configDisplayPath: "\(prefix)/tenant.yaml", configStamp: config.stamp,
                                  pages: pages, assets: assets)
        // Remembered only when the scan says nothing and every folder has settled.
        let settled = folders.compactMap { $0 }.filter { !$0.stamp.isFresh(now: now) }
        if diagnostics.isEmpty, settled.count == folders.count, config.stamp != nil {
            tenant.layout = TenantLayout(folders: settled, pages: pages.map(\.relativePath), assets: assets.map(\.relativePath))
        }
        return (tenant, diagnostics)
    }

    private static func walk(_ dir: String, entries: [DirectoryListing.Entry], relative: String, tenantFolder: String,
                             into pages: inout [PageSource], assets: inout [AssetSource],
                             folders: inout [TenantLayout.Folder?], displayPrefix: String, diagnostics: inout [Diagnostic]) throws {
        for entry in entries {
            let name = entry.name
            let rel = relative.isEmpty ? name : "\(relative)/\(name)"
            if rel == "assets" && entry.isFolder {
                try collectAssets(dir + "/" + name, relative: rel, tenantFolder: tenantFolder, into: &assets, folders: &folders)
            } else if entry.isFolder {
                let url = dir + "/" + name
                let (stamp, inner) = try DirectoryListing.listing(url, stamps: true)
                folders.append(stamp.map { TenantLayout.Folder(path: rel, stamp: $0) })
                try walk(url, entries: inner, relative: rel, tenantFolder: tenantFolder, into: &pages, assets: &assets, folders: &folders,
                         displayPrefix: displayPrefix, diagnostics: &diagnostics)
            } else if name.hasSuffix(".md") {
                let stem = String(name.dropLast(3))
                if !isValidPageName(stem) || (relative.split(separator: "/").contains { !isValidPageName(String($0)) }) {
                    diagnostics.append(.error("content-page-name", "page path '\(rel)' must use lowercase letters, digits, '-' and '_' (it becomes a URL)",
                                              at: SourceLocation(file: "\(displayPrefix)/\(rel)", line: 1, column: 1)))
                    continue
                }
                pages.append(PageSource(relativePath: rel, folder: tenantFolder, displayFolder: displayPrefix, stamp: entry.stamp))
            } else if rel != "tenant.yaml" {
                diagnostics.append(.warning("content-stray-file", "'\(rel)' is neither a page (.md) nor under assets/; it is not published",
                                            at: SourceLocation(file: "\(displayPrefix)/\(rel)", line: 1, column: 1)))
            }
        }
    }

    private static func collectAssets(_ dir: String, relative: String, tenantFolder: String, into assets: inout [AssetSource],
                                      folders: inout [TenantLayout.Folder?]) throws {
        let (stamp, entries) = try DirectoryListing.listing(dir, stamps: true)
        folders.append(stamp.map { TenantLayout.Folder(path: relative, stamp: $0) })
        for entry in entries {
            let rel = "\(relative)/\(entry.name)"
            if entry.isFolder {
                // Our own generated assets live in assets/embedsmith/; a tenant folder of that name would collide.
                if rel == "assets/embedsmith" { continue }
                try collectAssets(dir + "/" + entry.name, relative: rel, tenantFolder: tenantFolder, into: &assets, folders: &folders)
            } else {
                assets.append(AssetSource(relativePath: rel, folder: tenantFolder, stamp: entry.stamp))
            }
        }
    }

    static func isValidPageName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 100 && name.unicodeScalars.allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "-" || $0 == "_" }
    }
}
