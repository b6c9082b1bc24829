import EmbedCore

/// One tenant's entries in a block of the manifest, as they are written there: the lines from
/// its first key to its last value, joined by `,\n    `. A tenant reused by a rebuild keeps
/// its chunk from the previous manifest byte for byte, so a rebuild neither parses nor sorts
/// the entries of tenants it did not touch.
///
/// Entries are sorted by key and a tenant's keys share a prefix (`acme/`, `content/acme/`),
/// so each tenant's entries are contiguous and chunks sort by their first key.
struct ManifestChunk: Sendable, Equatable {
    var firstKey: String
    var lines: ArraySlice<UInt8>

    /// The chunk `Manifest.encoded()` writes for `entries` (nil when there are none).
    init?(entries: [String: String]) {
        let sorted = entries.sorted { $0.key < $1.key }
        guard let first = sorted.first else { return nil }
        var text = ""
        for (index, entry) in sorted.enumerated() {
            if index > 0 { text += Self.separator }
            Self.appendLine(key: entry.key, value: entry.value, to: &text)
        }
        firstKey = first.key
        lines = ArraySlice(text.utf8)
    }

    init(firstKey: String, lines: ArraySlice<UInt8>) {
        self.firstKey = firstKey
        self.lines = lines
    }

    static let separator = ",\n    "

    static func appendLine(key: String, value: String, to text: inout String) {
        ScriptJSON.append(string: key, to: &text)
        text += ": "
        ScriptJSON.append(string: value, to: &text)
    }
}
