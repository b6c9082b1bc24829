import EmbedConfig
import EmbedCore
import Foundation

/// One shard's output folder as `merge` reads it: where it is, how to name it in messages,
/// and its manifest (entries as chunks, copied into the merged manifest without parsing).
struct ShardOutput {
    /// The real path (links resolved).
    let path: String
    /// As the user wrote it.
    let display: String
    let manifest: PreviousManifest
    let record: ShardRecord
    /// Every tenant the manifest names (its keys and its outputs).
    let tenants: [String]

    /// Reads `<folder>/.embedsmith/manifest.json`; a folder that is not a shard's output is an error.
    static func read(_ folder: URL, display: String) -> Result<ShardOutput, Diagnostic> {
        let path = RealOutputFolder.realPath(folder.path) ?? folder.path
        guard let bytes = FileBytes.bytes(path + "/" + OutputStaging.manifestPath) else {
            return .failure(.error(.mergeNotShard, "'\(display)' has no readable \(OutputStaging.manifestPath): it is not an output folder of embedsmith build",
                                   hint: "pass the --out folders of 'embedsmith build --shard K/N', one per shard"))
        }
        guard let manifest = PreviousManifest.parse(bytes) else {
            return .failure(.error(.mergeNotShard, "'\(display)/\(OutputStaging.manifestPath)' is not an embedsmith manifest"))
        }
        guard let record = manifest.shard else {
            return .failure(.error(.mergeNotShard, "'\(display)' was built without --shard (its manifest records no shard)",
                                   hint: "build each part with 'embedsmith build --shard K/N --out DIR'; a complete site needs no merge"))
        }
        let named = Set(manifest.tenantKeys.keys)
        guard named == manifest.tenants else {
            return .failure(.error(.mergeNotShard, "'\(display)/\(OutputStaging.manifestPath)' is damaged: its tenant keys and its outputs name different tenants"))
        }
        // Tenant ids become paths below the merged site: only names a build accepts (no '/', no '..').
        if let bad = named.first(where: { !TenantLoader.isValidTenantID($0) }) {
            return .failure(.error(.mergeNotShard, "'\(display)/\(OutputStaging.manifestPath)' names the tenant '\(bad.debugDescription.dropFirst().dropLast())', which no build writes",
                                   hint: "rebuild the shard"))
        }
        return .success(ShardOutput(path: path, display: display, manifest: manifest, record: record, tenants: named.sorted()))
    }
}
