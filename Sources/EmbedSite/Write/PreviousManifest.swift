import Foundation

/// The manifest of the site being replaced, read back for partial (`--tenant`) builds.
struct PreviousManifest {
    var inputs: [String: String] = [:]
    var outputs: [String: String] = [:]
    var tenantKeys: [String: String] = [:]

    /// Tenants that have output in the previous site.
    var tenants: Set<String> { Set(outputs.keys.map(Self.tenant(ofOutput:))) }

    static func read(_ output: URL) -> PreviousManifest {
        let url = output.appendingPathComponent(OutputStaging.manifestPath)
        guard let data = try? Data(contentsOf: url),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return PreviousManifest() }
        return PreviousManifest(inputs: object["inputs"] as? [String: String] ?? [:],
                                outputs: object["outputs"] as? [String: String] ?? [:],
                                tenantKeys: object["tenants"] as? [String: String] ?? [:])
    }

    /// `acme/index.html` → `acme`.
    static func tenant(ofOutput path: String) -> String { String(path.split(separator: "/").first ?? "") }
    /// `content/acme/index.md` → `acme`; template inputs belong to no tenant.
    static func tenant(ofInput path: String) -> String {
        let parts = path.split(separator: "/")
        return parts.first == "content" && parts.count > 1 ? String(parts[1]) : ""
    }
}
