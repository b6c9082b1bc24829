import EmbedConfig
import EmbedCore
import Foundation

/// Everything a tenant's output depends on, read once: the bytes of tenant.yaml, pages and
/// assets, their hashes, and one key over all of them plus the templates and the tool. Equal
/// keys mean equal output, which is what lets a rebuild reuse a tenant untouched.
struct TenantInputs: @unchecked Sendable {
    var source: TenantSource
    var config: Data?
    var pages: [(PageSource, Data)] = []
    /// Assets are hashed here as they stream by and copied later (streamed again): their
    /// bytes are never held in memory.
    var assets: [(source: AssetSource, sha256: String)] = []
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
    var limits = BuildSettings.defaults
    /// The open tenant folder the files were read from, for copying the assets. Used by the
    /// one thread that reads and builds this tenant (hence `@unchecked Sendable`).
    var reader: TenantFileReader?

    /// The key of a tenant: the build (templates, tool, mode), its id, and the digest of its
    /// files' paths and hashes.
    static func key(buildKey: String, id: String, digest: String) -> String {
        ContentHash.sha256Hex(buildKey + "\n" + id + "\n" + digest)
    }

    /// Reads the tenant, unless the stat cache knows its files and their key is the previous
    /// build's (`previousKey`): then nothing is read. Sizes are checked against `limits` from
    /// the stamps the scan took, before anything is read (and again by `fstat` when opened).
    static func read(_ source: TenantSource, buildKey: String, limits: BuildSettings = .defaults, cached: InputStatCache.Entry? = nil,
                     previousKey: String? = nil, now: Int = Int(time(nil))) -> TenantInputs {
        let id = source.id
        var inputs = TenantInputs(source: source, limits: limits)
        // The stamps were taken when the folder was listed, before any read below.
        var signature = StatSignature(now: now)
        var examined = false
        var total: Int64 = 0
        if let config = source.configStamp {
            signature.add(config, as: "tenant.yaml")
            examined = true
            total += config.size
            if config.size > ContentRefusal.maxTextBytes { inputs.diagnostics.append(ContentRefusal.textTooLarge(source.configDisplayPath, size: config.size)) }
        }
        for page in source.pages {
            guard let stamp = page.stamp else { examined = false; continue }
            if examined { signature.add(stamp, as: page.relativePath) }
            total += stamp.size
            if stamp.size > ContentRefusal.maxTextBytes { inputs.diagnostics.append(ContentRefusal.textTooLarge(page.displayPath, size: stamp.size)) }
        }
        for asset in source.assets {
            guard let stamp = asset.stamp else { examined = false; continue }
            if examined { signature.add(stamp, as: asset.relativePath) }
            total += stamp.size
            if stamp.size > limits.assetBytes {
                inputs.diagnostics.append(ContentRefusal.assetTooLarge(source.displayPath(of: asset.relativePath), size: stamp.size, limit: limits.assetBytes))
            }
        }
        // The total, when no single file already says why.
        if inputs.diagnostics.isEmpty, total > limits.tenantBytes {
            inputs.diagnostics.append(ContentRefusal.tenantTooLarge(source.displayFolder, size: total, limit: limits.tenantBytes))
        }
        guard inputs.diagnostics.isEmpty else { return inputs }
        let stamp = examined && !signature.isFresh ? signature.value : nil
        if let stamp, let cached, cached.signature == stamp, let previousKey,
           key(buildKey: buildKey, id: id, digest: cached.digest) == previousKey {
            return TenantInputs(source: source, key: previousKey, isUnread: true, cacheEntry: cached, limits: limits)
        }

        guard let reader = TenantFileReader(directory: source.directory) else {
            inputs.diagnostics.append(ContentRefusal.unreadable(source.displayFolder, "the tenant folder", reason: String(cString: strerror(errno))))
            return inputs
        }
        inputs.reader = reader
        // Bytes actually read: files may grow after their stamp was taken.
        var read: Int64 = 0
        switch reader.read("tenant.yaml", limit: ContentRefusal.maxTextBytes) {
        case .failure(let failure):
            inputs.diagnostics.append(ContentRefusal.refused(source.configDisplayPath, "tenant.yaml", relativePath: "tenant.yaml", failure))
            return inputs
        case .success(let (config, sha256)):
            inputs.config = config
            inputs.hashes["content/\(id)/tenant.yaml"] = sha256
            read += Int64(config.count)
        }
        for page in source.pages {
            switch reader.read(page.relativePath, limit: ContentRefusal.maxTextBytes) {
            case .failure(let failure):
                inputs.diagnostics.append(ContentRefusal.refused(page.displayPath, "page", relativePath: page.relativePath, failure))
            case .success(let (data, sha256)):
                inputs.pages.append((page, data))
                inputs.hashes["content/\(id)/\(page.relativePath)"] = sha256
                read += Int64(data.count)
            }
        }
        for asset in source.assets {
            var size: Int64 = 0
            switch reader.stream(asset.relativePath, limit: limits.assetBytes, { size += Int64($0.count) }) {
            case .failure(let failure):
                inputs.diagnostics.append(ContentRefusal.refused(source.displayPath(of: asset.relativePath), "asset", relativePath: asset.relativePath, failure))
            case .success(let sha256):
                inputs.assets.append((asset, sha256))
                inputs.hashes["content/\(id)/\(asset.relativePath)"] = sha256
                read += size
            }
        }
        if read > limits.tenantBytes, total <= limits.tenantBytes {
            inputs.diagnostics.append(ContentRefusal.tenantTooLarge(source.displayFolder, size: read, limit: limits.tenantBytes))
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
