import EmbedCore

/// The `key=value` pairs of a query (or fragment) as a server reads them: split on `&`,
/// keys and values percent-decoded, `+` as space. The raw text is kept for encoding checks.
struct QueryParameter: Sendable {
    var rawKey: Substring
    var rawValue: Substring
    var key: String
    var value: String
}

enum QueryParameters {
    static func parse(_ query: String?) -> [QueryParameter] {
        guard let query, !query.isEmpty else { return [] }
        var result: [QueryParameter] = []
        for piece in query.split(separator: "&", omittingEmptySubsequences: true) {
            let rawKey: Substring, rawValue: Substring
            if let eq = piece.firstIndex(of: "=") {
                rawKey = piece[..<eq]
                rawValue = piece[piece.index(after: eq)...]
            } else {
                rawKey = piece
                rawValue = piece[piece.endIndex...]
            }
            result.append(QueryParameter(rawKey: rawKey, rawValue: rawValue,
                                         key: QueryEncoding.decodeComponent(String(rawKey)),
                                         value: QueryEncoding.decodeComponent(String(rawValue))))
        }
        return result
    }

    /// PHP reading of a key: `api[license_id]` → ["api", "license_id"], `crm[phones][0]` →
    /// ["crm", "phones", "0"]; nil when the brackets do not pair up.
    static func bracketPath(_ key: String) -> [String]? {
        guard let open = key.firstIndex(of: "[") else { return [key] }
        var parts = [String(key[..<open])]
        var rest = key[open...]
        while !rest.isEmpty {
            guard rest.first == "[", let close = rest.firstIndex(of: "]") else { return nil }
            let inner = rest[rest.index(after: rest.startIndex)..<close]
            if inner.utf8.contains(0x5B) { return nil }
            parts.append(String(inner))
            rest = rest[rest.index(after: close)...]
        }
        return parts
    }
}

extension QueryParameter {
    /// A literal `+` in the raw value: a server reads it as a space, so `+33…` arrives as ` 33…`.
    var hasLiteralPlus: Bool { rawValue.utf8.contains(0x2B) }
}
