import Foundation

/// The manifest of the site being replaced: each tenant's key, and each tenant's input and
/// output entries as chunks to copy into the next manifest when the tenant is reused.
struct PreviousManifest: Sendable {
    var tenantKeys: [String: String] = [:]
    private(set) var inputChunks: [String: ManifestChunk] = [:]
    private(set) var outputChunks: [String: ManifestChunk] = [:]
    /// Inputs under no tenant (the templates), each run of them a chunk.
    private(set) var sharedInputChunks: [ManifestChunk] = []
    /// `embedsmith 0.1.0`: the tool that wrote it.
    private(set) var generator: String? = nil
    /// The record of `build --shard` (nil for a single build's manifest).
    private(set) var shard: ShardRecord? = nil

    init() {}

    init(tenantKeys: [String: String], inputChunks: [String: ManifestChunk], outputChunks: [String: ManifestChunk],
         sharedInputChunks: [ManifestChunk] = [], fields: [String: String] = [:]) {
        self.tenantKeys = tenantKeys
        self.inputChunks = inputChunks
        self.outputChunks = outputChunks
        self.sharedInputChunks = sharedInputChunks
        generator = fields["generator"]
        shard = ShardRecord(fields: fields)
    }

    /// Tenants that have output in the previous site.
    var tenants: Set<String> { Set(outputChunks.keys) }

    func outputs(of tenant: String) -> ManifestChunk? { outputChunks[tenant] }
    func inputs(of tenant: String) -> ManifestChunk? { tenant.isEmpty ? nil : inputChunks[tenant] }

    static func read(_ output: URL) -> PreviousManifest {
        guard let bytes = FileBytes.bytes(output.path + "/" + OutputStaging.manifestPath) else { return PreviousManifest() }
        return parse(bytes) ?? PreviousManifest()
    }

    /// nil when the bytes are not a manifest at all.
    static func parse(_ bytes: [UInt8]) -> PreviousManifest? {
        if let index = ManifestLines.index(bytes) {
            return PreviousManifest(tenantKeys: index.tenantKeys, inputChunks: index.inputs, outputChunks: index.outputs,
                                    sharedInputChunks: index.sharedInputs, fields: index.fields)
        }
        // Not in the layout embedsmith writes (edited by hand?): read it as any JSON.
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else { return nil }
        let inputs = object["inputs"] as? [String: String] ?? [:]
        return PreviousManifest(tenantKeys: object["tenants"] as? [String: String] ?? [:],
                                inputChunks: chunks(inputs, tenant: tenant(ofInput:)),
                                outputChunks: chunks(object["outputs"] as? [String: String] ?? [:], tenant: tenant(ofOutput:)),
                                sharedInputChunks: inputs.filter { tenant(ofInput: $0.key).isEmpty }.compactMap { ManifestChunk(entries: [$0.key: $0.value]) },
                                fields: object.compactMapValues { $0 as? String })
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
