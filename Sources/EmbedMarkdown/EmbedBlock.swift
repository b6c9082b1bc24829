/// A fenced ```` ```embed <kind> ```` block found at the top level of a page: a placeholder
/// for a component the caller renders later.
public struct EmbedBlock: Sendable, Equatable {
    /// The word after "embed" in the info string, e.g. "quick-invitation".
    public var kind: String
    /// The block's literal content (YAML).
    public var body: String
    /// File line of the first line of the body (the line after the opening fence).
    public var line: Int
    /// File line of the opening fence.
    public var fenceLine: Int
    /// Column of the opening fence.
    public var column: Int

    public init(kind: String, body: String, line: Int, fenceLine: Int, column: Int) {
        self.kind = kind
        self.body = body
        self.line = line
        self.fenceLine = fenceLine
        self.column = column
    }
}

/// How a code block's info string marks it as an embed.
enum EmbedInfoString {
    enum Match: Equatable {
        case notEmbed
        /// First word is "embed"; `kind` is the second word, nil when missing.
        case embed(kind: String?)
    }

    static let keyword = "embed"

    static func match(_ info: String) -> Match {
        // Most info strings are a language name: without "embed" in them they cannot match.
        if !info.utf8.contains(UInt8(ascii: "e")) || !info.contains(keyword) { return .notEmbed }
        let words = info.split(whereSeparator: { $0.isWhitespace })
        guard let first = words.first, first == keyword else { return .notEmbed }
        return .embed(kind: words.count > 1 ? String(words[1]) : nil)
    }
}
