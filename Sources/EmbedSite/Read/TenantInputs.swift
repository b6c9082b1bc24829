import EmbedCore
import Foundation

/// Everything a tenant's output depends on, read once: the bytes of tenant.yaml, pages and
/// assets, their hashes, and one key over all of them plus the templates and the tool. Equal
/// keys mean equal output, which is what lets a rebuild reuse a tenant untouched.
struct TenantInputs: Sendable {
    var source: TenantSource
    var config: Data?
    var pages: [(PageSource, Data)] = []
    var assets: [(AssetSource, Data)] = []
    /// `content/<id>/<path>` → sha256, for the manifest.
    var hashes: [String: String] = [:]
    var diagnostics: [Diagnostic] = []
    var key = ""

    static func read(_ source: TenantSource, buildKey: String) -> TenantInputs {
        var inputs = TenantInputs(source: source)
        let id = source.id
        let configPath = source.directory + "/tenant.yaml"
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: configPath, isDirectory: &isDirectory), isDirectory.boolValue {
            inputs.diagnostics.append(.error("io-read", "tenant.yaml is a folder, not a file",
                                             at: SourceLocation(file: source.configDisplayPath, line: 1, column: 1)))
            return inputs
        }
        guard let config = FileBytes.read(configPath) else {
            inputs.diagnostics.append(.error("io-read", "cannot read tenant.yaml (\(String(cString: strerror(errno))))",
                                             at: SourceLocation(file: source.configDisplayPath, line: 1, column: 1)))
            return inputs
        }
        inputs.config = config
        inputs.hashes["content/\(id)/tenant.yaml"] = ContentHash.sha256Hex(config)
        for page in source.pages {
            guard let data = FileBytes.read(page.file) else {
                inputs.diagnostics.append(.error("io-read", "cannot read page", at: SourceLocation(file: page.displayPath, line: 1, column: 1)))
                continue
            }
            inputs.pages.append((page, data))
            inputs.hashes["content/\(id)/\(page.relativePath)"] = ContentHash.sha256Hex(data)
        }
        for asset in source.assets {
            guard let data = FileBytes.read(asset.file) else {
                inputs.diagnostics.append(.error("io-read", "cannot read asset", at: SourceLocation(file: "content/\(id)/\(asset.relativePath)", line: 1, column: 1)))
                continue
            }
            inputs.assets.append((asset, data))
            inputs.hashes["content/\(id)/\(asset.relativePath)"] = ContentHash.sha256Hex(data)
        }
        let listing = inputs.hashes.keys.sorted().map { "\($0) \(inputs.hashes[$0]!)" }.joined(separator: "\n")
        inputs.key = ContentHash.sha256Hex(buildKey + "\n" + id + "\n" + listing)
        return inputs
    }
}
