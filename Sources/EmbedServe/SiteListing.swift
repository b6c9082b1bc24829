import Foundation

/// The tenants of the served folder and their pages, for serve's root page: each tenant
/// folder (one holding `_headers`, as the build writes) and its `.html` files outside `assets/`,
/// as URL paths without `.html` (`index.html` as the folder).
public struct SiteListing: Sendable, Equatable {
    public struct Tenant: Sendable, Equatable {
        public var id: String
        /// URL paths inside the tenant: `/`, `/agent`, `/docs/`.
        public var pages: [String]
    }

    public var tenants: [Tenant]

    public static func read(servedFolder: String) -> SiteListing {
        let fm = FileManager.default
        let names = ((try? fm.contentsOfDirectory(atPath: servedFolder)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        var tenants: [Tenant] = []
        for name in names {
            let folder = servedFolder + "/" + name
            guard fm.fileExists(atPath: folder + "/_headers") else { continue }
            var pages: [String] = []
            collect(folder: folder, prefix: "/", into: &pages, depth: 0)
            tenants.append(Tenant(id: name, pages: pages.sorted()))
        }
        return SiteListing(tenants: tenants)
    }

    private static func collect(folder: String, prefix: String, into pages: inout [String], depth: Int) {
        guard depth < 16, let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for entry in entries.sorted() where !entry.hasPrefix(".") {
            let path = folder + "/" + entry
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { continue }
            if isFolder.boolValue {
                if depth == 0 && entry == "assets" { continue }
                collect(folder: path, prefix: prefix + entry + "/", into: &pages, depth: depth + 1)
            } else if entry == "index.html" {
                pages.append(prefix)
            } else if entry.hasSuffix(".html") {
                pages.append(prefix + entry.dropLast(5))
            }
        }
    }
}
