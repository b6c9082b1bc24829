/// A `Permissions-Policy` header value: a Structured Fields dictionary (RFC 8941) whose
/// members are `feature=()`, `feature=*`, `feature=self`, `feature=(self "https://a.example")`
/// (W3C Permissions Policy, "Permissions-Policy HTTP header field"). Read leniently: a member
/// this parser cannot read is left out (browsers drop the whole header on a syntax error,
/// which leaves every feature at its default).
struct PermissionsPolicyHeader {
    /// Feature → allowlist: `*`, `self` or origins (without quotes); empty means none.
    let allowlists: [String: [String]]

    init(_ value: String) {
        var result: [String: [String]] = [:]
        for member in value.split(separator: ",") {
            let parts = member.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let feature = parts[0].trimmingCharacters(" \t").asciiLowercased
            var list = parts[1].trimmingCharacters(" \t")
            if let semicolon = list.firstIndex(of: ";"), !list.hasPrefix("(") { list = String(list[..<semicolon]) }   // parameters
            if list.hasPrefix("(") {
                guard let close = list.firstIndex(of: ")") else { continue }
                let inner = list[list.index(after: list.startIndex)..<close]
                result[feature] = inner.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { item in
                    item.hasPrefix("\"") && item.hasSuffix("\"") && item.count >= 2 ? String(item.dropFirst().dropLast()) : String(item)
                }
            } else {
                let item = list.hasPrefix("\"") && list.hasSuffix("\"") && list.count >= 2 ? String(list.dropFirst().dropLast()) : list
                result[feature] = [item]
            }
        }
        allowlists = result
    }

    /// Whether a frame at `origin` may be granted `feature` by this header: the feature is not
    /// listed (its default allowlist applies, and `allow` delegates it), or its allowlist has
    /// `*` or that origin.
    func permits(_ feature: String, toOrigin origin: String) -> Bool {
        guard let list = allowlists[feature] else { return true }
        return list.contains("*") || list.contains(origin)
    }
}

private extension StringProtocol {
    func trimmingCharacters(_ set: String) -> String {
        guard let first = firstIndex(where: { !set.contains($0) }), let last = lastIndex(where: { !set.contains($0) }) else { return "" }
        return String(self[first...last])
    }
}
