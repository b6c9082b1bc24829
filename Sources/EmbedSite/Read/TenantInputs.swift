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
    /// The key came from the stat cache and matched the previous build's: nothing was read,
    /// and only reuse is possible.
    var isUnread = false
    /// What the stat cache should remember for this tenant (nil: a file is too fresh, or
    /// could not be examined).
    var cacheEntry: InputStatCache.Entry?

    /// The key of a tenant: the build (templates, tool, mode), its id, and the digest of its
    /// files' paths and hashes.
    static func key(buildKey: String, id: String, digest: String) -> String {
        ContentHash.sha256Hex(buildKey + "\n" + id + "\n" + digest)
    }

    /// Reads the tenant, unless the stat cache knows its files and their key is the previous
    /// build's (`previousKey`): then nothing is read.
    static func read(_ source: TenantSource, buildKey: String, cached: InputStatCache.Entry? = nil, previousKey: String? = nil,
                     now: Int = Int(time(nil))) -> TenantInputs {
        let id = source.id
        let configPath = source.directory + "/tenant.yaml"
        // The stamps were taken when the folder was listed, before any read below.
        var signature = StatSignature(now: now)
        var examined = false
        if let config = source.configStamp {
            signature.add(config, as: "tenant.yaml")
            examined = true
        }
        for page in source.pages where examined {
            if let stamp = page.stamp { signature.add(stamp, as: page.relativePath) } else { examined = false }
        }
        for asset in source.assets where examined {
            if let stamp = asset.stamp { signature.add(stamp, as: asset.relativePath) } else { examined = false }
        }
        let stamp = examined && !signature.isFresh ? signature.value : nil
        if let stamp, let cached, cached.signature == stamp, let previousKey,
           key(buildKey: buildKey, id: id, digest: cached.digest) == previousKey {
            return TenantInputs(source: source, key: previousKey, isUnread: true, cacheEntry: cached)
        }

        var inputs = TenantInputs(source: source)
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
        let digest = ContentHash.sha256Hex(listing)
        inputs.key = key(buildKey: buildKey, id: id, digest: digest)
        // The stamps were taken before the reads: a file changed in between has a new stamp
        // next time, so the entry can only be missed, never wrongly hit.
        if let stamp, inputs.diagnostics.isEmpty { inputs.cacheEntry = InputStatCache.Entry(signature: stamp, digest: digest) }
        return inputs
    }
}
