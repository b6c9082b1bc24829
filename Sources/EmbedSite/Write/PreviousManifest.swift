import Foundation

/// The manifest of the site being replaced: each tenant's key, and each tenant's input and
/// output entries as chunks to copy into the next manifest when the tenant is reused.
struct PreviousManifest: Sendable {
    var tenantKeys: [String: String] = [:]
    private(set) var inputChunks: [String: ManifestChunk] = [:]
    private(set) var outputChunks: [String: ManifestChunk] = [:]

    init() {}

    init(tenantKeys: [String: String], inputChunks: [String: ManifestChunk], outputChunks: [String: ManifestChunk]) {
        self.tenantKeys = tenantKeys
        self.inputChunks = inputChunks
        self.outputChunks = outputChunks
    }

    /// Tenants that have output in the previous site.
    var tenants: Set<String> { Set(outputChunks.keys) }

    func outputs(of tenant: String) -> ManifestChunk? { outputChunks[tenant] }
    func inputs(of tenant: String) -> ManifestChunk? { tenant.isEmpty ? nil : inputChunks[tenant] }

    static func read(_ output: URL) -> PreviousManifest {
        guard let bytes = FileBytes.bytes(output.path + "/" + OutputStaging.manifestPath) else { return PreviousManifest() }
        if let index = ManifestLines.index(bytes) {
            return PreviousManifest(tenantKeys: index.tenantKeys, inputChunks: index.inputs, outputChunks: index.outputs)
        }
        // Not in the layout embedsmith writes (edited by hand?): read it as any JSON.
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else { return PreviousManifest() }
        return PreviousManifest(tenantKeys: object["tenants"] as? [String: String] ?? [:],
                                inputChunks: chunks(object["inputs"] as? [String: String] ?? [:], tenant: tenant(ofInput:)),
                                outputChunks: chunks(object["outputs"] as? [String: String] ?? [:], tenant: tenant(ofOutput:)))
    }

    private static func chunks(_ entries: [String: String], tenant: (String) -> String) -> [String: ManifestChunk] {
        var grouped: [String: [String: String]] = [:]
        for (path, hash) in entries { grouped[tenant(path), default: [:]][path] = hash }
        grouped[""] = nil
        return grouped.compactMapValues { ManifestChunk(entries: $0) }
    }

    /// `acme/index.html` → `acme`.
    static func tenant(ofOutput path: String) -> String {
        String(decoding: ManifestLines.tenant(ofOutput: ArraySlice(path.utf8)), as: UTF8.self)
    }

    /// `content/acme/index.md` → `acme`; template inputs belong to no tenant.
    static func tenant(ofInput path: String) -> String {
        String(decoding: ManifestLines.tenant(ofInput: ArraySlice(path.utf8)), as: UTF8.self)
    }
}
