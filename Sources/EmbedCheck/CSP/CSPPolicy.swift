/// A Content-Security-Policy parsed as CSP3 "parse a serialized CSP" does: split on `;`,
/// directive names ASCII-lowercased, the first occurrence of a name wins, values split on
/// ASCII whitespace.
public struct CSPPolicy: Sendable {
    public struct Directive: Sendable {
        public var name: String
        public var sources: [String]
    }

    public let directives: [Directive]
    /// Directive names written more than once (browsers ignore the later ones).
    public let duplicates: [String]
    /// Directive names with characters no directive name has (browsers skip the directive).
    public let invalidNames: [String]
    /// The policy as parsed, as text (directives in order, sources separated by one space):
    /// equal for policies that differ only in spacing or in ignored duplicates.
    public let text: String

    /// Parsed policies by their text (a site repeats the same few on thousands of pages).
    private static let memo = SharedMemo<String, CSPPolicy>(limit: 4096)
    static let maxMemoTextBytes = 16 * 1024

    /// `CSPPolicy(text)`, parsed once per distinct text of reasonable size.
    static func parsed(_ text: String) -> CSPPolicy {
        memo.value(text, keep: text.utf8.count <= maxMemoTextBytes) { CSPPolicy(text) }
    }

    public init(_ text: String) {
        var seen: Set<String> = []
        var directives: [Directive] = []
        var duplicates: [String] = []
        var invalid: [String] = []
        for piece in text.utf8.split(separator: 0x3B, omittingEmptySubsequences: true) {   // ";"
            let tokens = piece.split(whereSeparator: CSPPolicy.isSpace)
            guard let first = tokens.first else { continue }
            let name = String(decoding: first.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
            guard name.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }) else {
                invalid.append(String(decoding: first, as: UTF8.self))
                continue
            }
            if !seen.insert(name).inserted {
                duplicates.append(name)
                continue
            }
            directives.append(Directive(name: name, sources: tokens.dropFirst().map { String(decoding: $0, as: UTF8.self) }))
        }
        self.directives = directives
        self.duplicates = duplicates
        self.invalidNames = invalid
        self.text = directives.map { $0.name + " " + $0.sources.joined(separator: " ") }.joined(separator: ";")
    }

    /// ASCII whitespace: TAB, LF, FF, CR, SPACE.
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D }

    public func directive(_ name: String) -> Directive? { directives.first { $0.name == name } }

    /// The directive that governs `name`, following CSP3's fallback lists
    /// (`frame-src` → `child-src` → `default-src`, `script-src-elem` → `script-src` → `default-src`…).
    public func effective(_ name: String) -> Directive? {
        for candidate in CSPPolicy.fallbacks[name] ?? [name, "default-src"] {
            if let directive = directive(candidate) { return directive }
        }
        return nil
    }

    static let fallbacks: [String: [String]] = [
        "script-src-elem": ["script-src-elem", "script-src", "default-src"],
        "script-src-attr": ["script-src-attr", "script-src", "default-src"],
        "style-src-elem": ["style-src-elem", "style-src", "default-src"],
        "style-src-attr": ["style-src-attr", "style-src", "default-src"],
        "frame-src": ["frame-src", "child-src", "default-src"],
        "worker-src": ["worker-src", "child-src", "script-src", "default-src"],
    ]
}
