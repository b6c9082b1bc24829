import EmbedCore
import Foundation

/// A file the tool writes next to the pages, named by content hash, referenced with integrity.
struct HashedAsset: Sendable {
    /// Path below the tenant folder, e.g. `assets/embedsmith/embedsmith.1a2b3c4d5e.css`.
    var path: String
    var data: Data
    var integrity: String
    /// SHA-256 of `data` in hex, as the manifest records it (computed once, not per tenant).
    var sha256: String

    init(stem: String, ext: String, data: Data) {
        self.data = data
        self.sha256 = ContentHash.sha256Hex(data)
        self.path = "assets/embedsmith/\(stem).\(ContentHash.fileNameHash(sha256Hex: sha256)).\(ext)"
        self.integrity = ContentHash.subresourceIntegrity(data)
    }
}

/// The stylesheet and bridge scripts shared by every page, read once per build.
struct SharedAssets: Sendable {
    var stylesheet: HashedAsset
    let bridges: BridgeScripts

    init(templates: TemplateSet) {
        let css = (templates.file("assets/embedsmith.css") ?? "") + (templates.file("assets/bridge.css").map { "\n" + $0 } ?? "")
        stylesheet = HashedAsset(stem: "embedsmith", ext: "css", data: Data(css.utf8))
        bridges = BridgeScripts(templates: templates)
    }

    /// The tenant's accent color as a tiny stylesheet (no inline style: the CSP forbids it).
    static func theme(color: String) -> HashedAsset {
        HashedAsset(stem: "theme", ext: "css", data: Data(":root { --es-primary: \(color); }\n".utf8))
    }
}
