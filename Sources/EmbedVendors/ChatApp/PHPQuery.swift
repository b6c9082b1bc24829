import EmbedCore

/// PHP's query strings: `http_build_query` (RFC 1738 encoding, nested keys as `a[b][0]`) and
/// `parse_str`, the way ChatApp's server reads them (vendors.md §8.2).
public enum PHPQuery {
    /// A value of a PHP-style query: text, or a nested array keyed by name or index.
    public indirect enum Value: Equatable, Sendable {
        case text(String)
        case array([(String, Value)])

        public static func == (a: Value, b: Value) -> Bool {
            switch (a, b) {
            case let (.text(x), .text(y)): return x == y
            case let (.array(x), .array(y)): return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
            default: return false
            }
        }
    }

    /// `http_build_query` with PHP_QUERY_RFC1738: brackets encoded, space as `+`.
    public static func build(_ pairs: [(String, Value)]) -> String {
        var parts: [String] = []
        func add(_ key: String, _ value: Value) {
            switch value {
            case .text(let text): parts.append(urlencode(key) + "=" + urlencode(text))
            case .array(let items): for (sub, item) in items { add("\(key)[\(sub)]", item) }
            }
        }
        for (key, value) in pairs { add(key, value) }
        return parts.joined(separator: "&")
    }

    /// PHP `urlencode`: letters, digits and `-_.` stay, space becomes `+`, the rest `%XX`.
    public static func urlencode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x5F, 0x2E: out.unicodeScalars.append(Unicode.Scalar(byte))
            case 0x20: out += "+"
            default: out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }

    /// PHP `parse_str`: decodes keys and values, then nests `a[b][c]` keys. An empty `[]` appends
    /// the next index. Later duplicates replace earlier ones, as in PHP.
    public static func parse(_ query: String) -> [(String, Value)] {
        var root: [(String, Value)] = []
        for part in query.split(separator: "&", omittingEmptySubsequences: true) {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = QueryEncodingBridge.decode(String(pieces[0]))
            let value = pieces.count > 1 ? QueryEncodingBridge.decode(String(pieces[1])) : ""
            guard let path = keyPath(key) else { continue }
            insert(&root, path: path[...], value: .text(value))
        }
        return root
    }

    /// `a[b][0]` → ["a", "b", "0"]; PHP stops at the first malformed bracket.
    static func keyPath(_ key: String) -> [String]? {
        guard let open = key.firstIndex(of: "[") else { return key.isEmpty ? nil : [key] }
        var path = [String(key[..<open])]
        guard !path[0].isEmpty else { return nil }
        var rest = key[open...]
        while rest.first == "[", let close = rest.firstIndex(of: "]") {
            path.append(String(rest[rest.index(after: rest.startIndex)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return path
    }

    static func insert(_ items: inout [(String, Value)], path: ArraySlice<String>, value: Value) {
        guard var key = path.first else { return }
        if key.isEmpty { key = String(items.compactMap { Int($0.0) }.max().map { $0 + 1 } ?? 0) }
        let rest = path.dropFirst()
        let index = items.firstIndex { $0.0 == key }
        if rest.isEmpty {
            if let index { items[index].1 = value } else { items.append((key, value)) }
            return
        }
        var children: [(String, Value)] = []
        if let index, case .array(let existing) = items[index].1 { children = existing }
        insert(&children, path: rest, value: value)
        if let index { items[index].1 = .array(children) } else { items.append((key, .array(children))) }
    }
}

/// `urldecode` (the `+`-as-space variant) from the shared query encoding.
enum QueryEncodingBridge {
    static func decode(_ text: String) -> String { QueryEncoding.decodeComponent(text, plusAsSpace: true) }
}

extension String {
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
