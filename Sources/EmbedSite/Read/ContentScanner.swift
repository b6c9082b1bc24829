import EmbedCore
import Foundation

/// One tenant folder: `content/<id>/tenant.yaml`, its pages and its assets.
struct TenantSource: Sendable {
    var id: String
    var directory: URL
    /// `content/<id>/tenant.yaml` as shown in diagnostics.
    var configDisplayPath: String
    var pages: [PageSource]
    var assets: [AssetSource]
}

struct PageSource: Sendable {
    /// Path below the tenant folder, e.g. `help/faq.md`.
    var relativePath: String
    var file: URL
    var displayPath: String
    /// `help/faq.html`.
    var outputPath: String { String(relativePath.dropLast(3)) + ".html" }
}

struct AssetSource: Sendable {
    /// Path below the tenant folder, e.g. `assets/logo.svg`.
    var relativePath: String
    var file: URL
}

/// Finds tenants, pages and assets. Every listing is sorted so builds are deterministic.
enum ContentScanner {
    static func scan(root: URL, displayRoot: String) throws -> (tenants: [TenantSource], diagnostics: [Diagnostic]) {
        let fm = FileManager.default
        let content = root.appendingPathComponent("content")
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: content.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return ([], [.error("content-missing", "no content/ folder in \(displayRoot.isEmpty ? "." : displayRoot)",
                                hint: "create content/<tenant>/tenant.yaml, or pass --root to the project folder")])
        }
        var tenants: [TenantSource] = []
        var diagnostics: [Diagnostic] = []
        for name in try fm.contentsOfDirectory(atPath: content.path).sorted() where !name.hasPrefix(".") {
            let dir = content.appendingPathComponent(name)
            guard fm.fileExists(atPath: dir.path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            let prefix = displayRoot.isEmpty ? "content/\(name)" : "\(displayRoot)/content/\(name)"
            guard fm.fileExists(atPath: dir.appendingPathComponent("tenant.yaml").path) else {
                diagnostics.append(.error("tenant-config-missing", "tenant folder has no tenant.yaml",
                                          at: SourceLocation(file: prefix, line: 1, column: 1)))
                continue
            }
            var pages: [PageSource] = []
            var assets: [AssetSource] = []
            try walk(dir, relative: "", into: &pages, assets: &assets, displayPrefix: prefix, diagnostics: &diagnostics)
            tenants.append(TenantSource(id: name, directory: dir, configDisplayPath: "\(prefix)/tenant.yaml",
                                        pages: pages.sorted { $0.relativePath < $1.relativePath },
                                        assets: assets.sorted { $0.relativePath < $1.relativePath }))
        }
        return (tenants, diagnostics)
    }

    private static func walk(_ dir: URL, relative: String, into pages: inout [PageSource], assets: inout [AssetSource],
                             displayPrefix: String, diagnostics: inout [Diagnostic]) throws {
        let fm = FileManager.default
        for name in try fm.contentsOfDirectory(atPath: dir.path).sorted() where !name.hasPrefix(".") {
            let url = dir.appendingPathComponent(name)
            let rel = relative.isEmpty ? name : "\(relative)/\(name)"
            var isDirectory: ObjCBool = false
            _ = fm.fileExists(atPath: url.path, isDirectory: &isDirectory)
            if rel == "assets" && isDirectory.boolValue {
                try collectAssets(url, relative: rel, into: &assets)
            } else if isDirectory.boolValue {
                try walk(url, relative: rel, into: &pages, assets: &assets, displayPrefix: displayPrefix, diagnostics: &diagnostics)
            } else if name.hasSuffix(".md") {
                let stem = String(name.dropLast(3))
                if !isValidPageName(stem) || (relative.split(separator: "/").contains { !isValidPageName(String($0)) }) {
                    diagnostics.append(.error("content-page-name", "page path '\(rel)' must use lowercase letters, digits, '-' and '_' (it becomes a URL)",
                                              at: SourceLocation(file: "\(displayPrefix)/\(rel)", line: 1, column: 1)))
                    continue
                }
                pages.append(PageSource(relativePath: rel, file: url, displayPath: "\(displayPrefix)/\(rel)"))
            } else if rel != "tenant.yaml" {
                diagnostics.append(.warning("content-stray-file", "'\(rel)' is neither a page (.md) nor under assets/; it is not published",
                                            at: SourceLocation(file: "\(displayPrefix)/\(rel)", line: 1, column: 1)))
            }
        }
    }

    private static func collectAssets(_ dir: URL, relative: String, into assets: inout [AssetSource]) throws {
        let fm = FileManager.default
        for name in try fm.contentsOfDirectory(atPath: dir.path).sorted() where !name.hasPrefix(".") {
            let url = dir.appendingPathComponent(name)
            let rel = "\(relative)/\(name)"
            var isDirectory: ObjCBool = false
            _ = fm.fileExists(atPath: url.path, isDirectory: &isDirectory)
            if isDirectory.boolValue {
                // Our own generated assets live in assets/embedsmith/; a tenant folder of that name would collide.
                if rel == "assets/embedsmith" { continue }
                try collectAssets(url, relative: rel, into: &assets)
            } else {
                assets.append(AssetSource(relativePath: rel, file: url))
            }
        }
    }

    static func isValidPageName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 100 && name.unicodeScalars.allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "-" || $0 == "_" }
    }
}
