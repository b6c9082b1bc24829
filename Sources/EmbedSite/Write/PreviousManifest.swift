import Foundation

/// The manifest of the site being replaced, read back for partial (`--tenant`) builds.
struct PreviousManifest {
    var tenantKeys: [String: String] = [:]
    /// Tenant id → its output paths and hashes; grouped once, so carrying a tenant over does
    /// not scan the whole site's list (that made incremental builds quadratic).
    private(set) var outputsByTenant: [String: [String: String]] = [:]
    /// Tenant id → its input paths and hashes (template inputs, under "", are not kept).
    private(set) var inputsByTenant: [String: [String: String]] = [:]

    init() {}

    init(inputs: [String: String], outputs: [String: String], tenantKeys: [String: String]) {
        self.tenantKeys = tenantKeys
        for (path, hash) in outputs { outputsByTenant[Self.tenant(ofOutput: path), default: [:]][path] = hash }
        for (path, hash) in inputs { inputsByTenant[Self.tenant(ofInput: path), default: [:]][path] = hash }
    }

    /// Tenants that have output in the previous site.
    var tenants: Set<String> { Set(outputsByTenant.keys) }

    func outputs(of tenant: String) -> [String: String] { outputsByTenant[tenant] ?? [:] }
    func inputs(of tenant: String) -> [String: String] { tenant.isEmpty ? [:] : inputsByTenant[tenant] ?? [:] }

    static func read(_ output: URL) -> PreviousManifest {
        guard let data = FileBytes.read(output.path + "/" + OutputStaging.manifestPath) else { return PreviousManifest() }
        if let blocks = ManifestLines.parse(data) {
            return PreviousManifest(inputs: blocks["inputs"] ?? [:], outputs: blocks["outputs"] ?? [:], tenantKeys: blocks["tenants"] ?? [:])
        }
        // Not in the layout embedsmith writes (edited by hand?): read it as any JSON.
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return PreviousManifest() }
        return PreviousManifest(inputs: object["inputs"] as? [String: String] ?? [:],
                                outputs: object["outputs"] as? [String: String] ?? [:],
                                tenantKeys: object["tenants"] as? [String: String] ?? [:])
    }

    /// `acme/index.html` → `acme`.
    static func tenant(ofOutput path: String) -> String {
        guard let slash = path.firstIndex(of: "/") else { return path }
        return String(path[..<slash])
    }
    /// `content/acme/index.md` → `acme`; template inputs belong to no tenant.
    static func tenant(ofInput path: String) -> String {
        guard path.hasPrefix("content/") else { return "" }
        let rest = path.dropFirst("content/".count)
        guard let slash = rest.firstIndex(of: "/") else { return rest.isEmpty ? "" : String(rest) }
        return String(rest[..<slash])
    }
}
