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
        var text = "{\n  \"generator\": \"embedsmith \(Self.toolVersion)\",\n"
        text.reserveCapacity((inputs.count + outputs.count + tenantKeys.count) * 120)
        func block(_ name: String, _ entries: [String: String], last: Bool) {
            text += "  \"\(name)\": {\n"
            for (index, entry) in entries.sorted(by: { $0.key < $1.key }).enumerated() {
                text += index == 0 ? "    " : ",\n    "
                ScriptJSON.append(string: entry.key, to: &text)
                text += ": "
                ScriptJSON.append(string: entry.value, to: &text)
            }
            text += entries.isEmpty ? "  }" : "\n  }"
            text += last ? "\n" : ",\n"
        }
        block("inputs", inputs, last: false)
        block("outputs", outputs, last: false)
        block("tenants", tenantKeys, last: true)
        text += "}\n"
        return Data(text.utf8)
    }
}

extension JSONValue {
    var encoded: String { ScriptJSON.encode(self) }
}
