import EmbedCore
import Foundation

/// `.embedsmith/manifest.json`: hashes of every input and output, one per line, sorted, so two
/// builds can be compared and later builds can skip unchanged work.
struct Manifest {
    static let toolVersion = "0.1.0"

    var inputs: [String: String] = [:]
    var outputs: [String: String] = [:]
    /// Tenant id → the key of everything its output depends on (`TenantInputs.key`).
    var tenantKeys: [String: String] = [:]

    func encoded() -> Data {
        func block(_ name: String, _ entries: [String: String]) -> String {
            let lines = entries.keys.sorted().map { "    " + JSONValue.string($0).encoded + ": " + JSONValue.string(entries[$0]!).encoded }
            return "  \"\(name)\": {\n" + lines.joined(separator: ",\n") + (lines.isEmpty ? "" : "\n") + "  }"
        }
        var text = "{\n  \"generator\": \"embedsmith \(Self.toolVersion)\",\n"
        text += block("inputs", inputs) + ",\n" + block("outputs", outputs) + ",\n" + block("tenants", tenantKeys) + "\n}\n"
        return Data(text.utf8)
    }
}

extension JSONValue {
    var encoded: String { ScriptJSON.encode(self) }
}
