import EmbedCore
import Foundation

/// `.embedsmith/manifest.json`: hashes of every input and output, one per line, sorted, so two
/// builds can be compared and later builds can skip unchanged work.
struct Manifest {
    static let toolVersion = ToolVersion.current
    /// The `generator` field: which tool, which version.
    static let generator = "embedsmith \(toolVersion)"

    var inputs: [String: String] = [:]
    var outputs: [String: String] = [:]
    /// Tenant id → the key of everything its output depends on (`TenantInputs.key`).
    var tenantKeys: [String: String] = [:]
    /// Tenants' entries, a chunk per tenant (contiguous in the sorted block).
    var inputChunks: [ManifestChunk] = []
    var outputChunks: [ManifestChunk] = []
    /// Written by `build --shard` only (`ShardRecord`): a single build's manifest has none.
    var shard: ShardRecord? = nil

    func encoded() -> Data { Data(encodedBytes()) }

    func encodedBytes() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity((inputs.count + outputs.count + tenantKeys.count) * 120
                            + inputChunks.reduce(0) { $0 + $1.lines.count } + outputChunks.reduce(0) { $0 + $1.lines.count } + 256)
        out += "{\n  \"generator\": \"\(Self.generator)\",\n".utf8
        for (name, value) in shard?.fields ?? [] {
            out += "  \"\(name)\": \"\(value)\",\n".utf8   // plain ASCII: K/N and hex keys
        }
        func block(_ name: String, _ entries: [String: String], _ chunks: [ManifestChunk], last: Bool) {
            out += "  \"\(name)\": {\n".utf8
            var items: [(key: String, chunk: ManifestChunk?)] = entries.keys.map { ($0, nil) }
            items += chunks.map { ($0.firstKey, $0) }
            items.sort { $0.key < $1.key }
            var line = ""
            for (index, item) in items.enumerated() {
                out += (index == 0 ? "    " : ManifestChunk.separator).utf8
                if let chunk = item.chunk {
                    out += chunk.lines
                } else {
                    line.removeAll(keepingCapacity: true)
                    ManifestChunk.appendLine(key: item.key, value: entries[item.key]!, to: &line)
                    out += line.utf8
                }
            }
            out += (items.isEmpty ? "  }" : "\n  }").utf8
            out += (last ? "\n" : ",\n").utf8
        }
        block("inputs", inputs, inputChunks, last: false)
        block("outputs", outputs, outputChunks, last: false)
        block("tenants", tenantKeys, [], last: true)
        out += "}\n".utf8
        return out
    }
}

extension JSONValue {
    var encoded: String { ScriptJSON.encode(self) }
}
