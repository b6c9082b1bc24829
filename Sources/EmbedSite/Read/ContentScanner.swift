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
    /// `content/<id>` as diagnostics show it, and a file of the tenant the same way.
    var displayFolder: String { String(configDisplayPath.dropLast("/tenant.yaml".count)) }
    func displayPath(of relativePath: String) -> String { displayFolder + "/" + relativePath }
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
///
/// A tenant folder is read as `OpenFolder` (EmbedCore's file-system seam) lists it: no link is followed, no FIFO, socket or
/// device is opened, depth and path length are bounded, and every refusal is an error located
/// at the entry, reported with every other tenant's errors (one bad tenant does not stop the scan).
enum ContentScanner {
    /// `cache`: the tenant folders' layouts from the last build (`InputStatCache`); a tenant
    /// whose folders have not changed is not listed again. `now` decides which folders settled.
    /// `selecting`: the tenants to walk (`build --shard`); `folders` lists every tenant folder
    /// of `content/` all the same.
    /// Throws only when `content/` itself (the operator's folder) cannot be listed.
    static func scan(root: URL, displayRoot: String, jobs: Int = 1, cache: InputStatCache = InputStatCache(),
                     now: Int = Int(time(nil)), selecting: @escaping @Sendable (String) -> Bool = { _ in true }) throws
        -> (tenants: [TenantSource], diagnostics: [Diagnostic], folders: [String]) {
        let content = root.appendingPathComponent("content", isDirectory: true)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: content.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return ([], [.error(.contentMissing, "no content/ folder in \(displayRoot.isEmpty ? "." : displayRoot)",
                                hint: "create content/<tenant>/tenant.yaml, or pass --root to the project folder")], [])
        }
        guard let contentFolder = OpenFolder.open(content.path, in: AT_FDCWD, followingLink: true) else { throw POSIXError.fromErrno }
        let contentPrefix = displayRoot.isEmpty ? "content" : "\(displayRoot)/content"
        var diagnostics: [Diagnostic] = []
        var names: [String] = []
        for entry in try contentFolder.list().entries {
            let display = contentPrefix + "/" + entry.name
            if !entry.isUTF8 {
                diagnostics.append(ContentRefusal.nameEncoding(in: contentPrefix, entry.name))
            } else if entry.kind == .symlink {
                diagnostics.append(ContentRefusal.symlink(display, entry.name))
            } else if entry.kind == .folder {
                names.append(entry.name)
            }   // files and special files beside the tenants are not content: never opened
        }
        // Tenants are independent: walk them in parallel, then keep the sorted order.
        // Errors beside the tenants (above) are every shard's: no shard's site may pass them.
        let scanned = ParallelMap.map(names.filter(selecting), jobs: jobs) { name -> (TenantSource?, [Diagnostic]) in
            let directory = content.path + "/" + name
            let prefix = contentPrefix + "/" + name
            if let known = cache.layout(for: name)?.source(id: name, directory: directory, displayPrefix: prefix, content: contentFolder.descriptor) {
                return (known, [])
            }
            return scanTenant(name, in: contentFolder, directory: directory, displayPrefix: prefix, now: now)
        }
        var tenants: [TenantSource] = []
        for (tenant, found) in scanned {
            diagnostics += found
            if let tenant { tenants.append(tenant) }
        }
        return (tenants, diagnostics, names)
    }

    /// What one walk of a tenant folder collects.
    private struct Walk {
        let displayPrefix: String
        let tenantFolder: String
        var pages: [PageSource] = []
        var assets: [AssetSource] = []
        var folders: [TenantLayout.Folder?] = []
        var diagnostics: [Diagnostic] = []
    }

    private static func scanTenant(_ name: String, in content: OpenFolder, directory: String, displayPrefix prefix: String,
                                   now: Int) -> (TenantSource?, [Diagnostic]) {
        var walk = Walk(displayPrefix: prefix, tenantFolder: directory)
        guard let folder = OpenFolder.open(name, in: content.descriptor) else {
            return (nil, [ContentRefusal.unreadable(prefix, "the tenant folder", reason: String(cString: strerror(errno)))])
        }
        let stamp: FileStamp?, entries: [OpenFolder.Entry]
        do {
            let listed = try folder.list()
            (stamp, entries) = (listed.status.map(FileStamp.init), listed.entries)
        } catch {
            return (nil, [ContentRefusal.unreadable(prefix, "the tenant folder", reason: error.localizedDescription)])
        }
        walk.folders.append(stamp.map { TenantLayout.Folder(path: "", stamp: $0) })
        let config = entries.first { $0.name == "tenant.yaml" }
        let configDisplay = "\(prefix)/tenant.yaml"
        switch config?.kind {
        case nil:
            walk.diagnostics.append(.error(.tenantConfigMissing, "tenant folder has no tenant.yaml", at: SourceLocation(file: prefix, line: 1, column: 1)))
        case .symlink?:
            walk.diagnostics.append(ContentRefusal.symlink(configDisplay, "tenant.yaml"))
        case .folder?:
            walk.diagnostics.append(ContentRefusal.unreadable(configDisplay, "tenant.yaml", reason: "it is a folder, not a file"))
        case .file?:
            break
        case let special?:
            walk.diagnostics.append(ContentRefusal.special(configDisplay, "tenant.yaml", what: special.entryPhrase))
        }
        // The rest is walked even without a usable tenant.yaml: every refusal is reported at once.
        self.walk(folder, entries: entries, relative: "", depth: 0, inAssets: false, into: &walk)
        guard let config, config.kind == .file else { return (nil, walk.diagnostics) }
        walk.pages.sort { $0.relativePath < $1.relativePath }
        walk.assets.sort { $0.relativePath < $1.relativePath }
        var tenant = TenantSource(id: name, directory: directory, configDisplayPath: configDisplay, configStamp: config.stamp,
                                  pages: walk.pages, assets: walk.assets)
        // Remembered only when the scan says nothing and every folder has settled.
        let settled = walk.folders.compactMap { $0 }.filter { !$0.stamp.isFresh(now: now) }
        if walk.diagnostics.isEmpty, settled.count == walk.folders.count, config.stamp != nil {
            tenant.layout = TenantLayout(folders: settled, pages: walk.pages.map(\.relativePath), assets: walk.assets.map(\.relativePath))
        }
        return (tenant, walk.diagnostics)
    }

    /// `depth`: how many folders below the tenant folder `folder` is. Under `assets/`
    /// (`inAssets`) every file is an asset; elsewhere `.md` files are pages.
    private static func walk(_ folder: OpenFolder, entries: [OpenFolder.Entry], relative: String, depth: Int, inAssets: Bool,
                             into walk: inout Walk) {
        for entry in entries {
            let name = entry.name
            let rel = relative.isEmpty ? name : "\(relative)/\(name)"
            let display = "\(walk.displayPrefix)/\(rel)"
            if rel == "tenant.yaml" { continue }   // checked by scanTenant
            if !entry.isUTF8 {
                walk.diagnostics.append(ContentRefusal.nameEncoding(in: relative.isEmpty ? walk.displayPrefix : "\(walk.displayPrefix)/\(relative)", name))
                continue
            }
            if rel.utf8.count > ContentRefusal.maxPathBytes {
                walk.diagnostics.append(ContentRefusal.pathTooLong(display, bytes: rel.utf8.count))
                continue
            }
            if let reason = ContentRefusal.reservedReason(rel) {
                walk.diagnostics.append(ContentRefusal.reserved(display, rel, reason: reason))
                continue
            }
            switch entry.kind {
            case .symlink:
                walk.diagnostics.append(ContentRefusal.symlink(display, name))
            case .folder:
                guard depth < ContentRefusal.maxDepth else {
                    walk.diagnostics.append(ContentRefusal.tooDeep(display))
                    continue
                }
                guard let inner = OpenFolder.open(name, in: folder.descriptor) else {
                    walk.diagnostics.append(ContentRefusal.unreadable(display, "the folder", reason: String(cString: strerror(errno))))
                    continue
                }
                do {
                    let (status, innerEntries) = try inner.list()
                    walk.folders.append(status.map { TenantLayout.Folder(path: rel, stamp: FileStamp($0)) })
                    self.walk(inner, entries: innerEntries, relative: rel, depth: depth + 1, inAssets: inAssets || rel == "assets", into: &walk)
                } catch {
                    walk.diagnostics.append(ContentRefusal.unreadable(display, "the folder", reason: error.localizedDescription))
                }
            case .file:
                if inAssets {
                    walk.assets.append(AssetSource(relativePath: rel, folder: walk.tenantFolder, stamp: entry.stamp))
                } else if name.hasSuffix(".md") {
                    let stem = String(name.dropLast(3))
                    if !isValidPageName(stem) || (relative.split(separator: "/").contains { !isValidPageName(String($0)) }) {
                        walk.diagnostics.append(.error(.contentPageName, "page path '\(rel)' must use lowercase letters, digits, '-' and '_' (it becomes a URL)",
                                                       at: SourceLocation(file: display, line: 1, column: 1)))
                        continue
                    }
                    walk.pages.append(PageSource(relativePath: rel, folder: walk.tenantFolder, displayFolder: walk.displayPrefix, stamp: entry.stamp))
                } else {
                    walk.diagnostics.append(.warning(.contentStrayFile, "'\(rel)' is neither a page (.md) nor under assets/; it is not published",
                                                     at: SourceLocation(file: display, line: 1, column: 1)))
                }
            default:
                walk.diagnostics.append(ContentRefusal.special(display, name, what: entry.kind.entryPhrase))
            }
        }
    }

    static func isValidPageName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 100 && name.unicodeScalars.allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "-" || $0 == "_" }
    }
}
