/// `<!-- embedsmith-disable-next-element rule-id [rule-id…] -->`: silences the named rules for
/// the next element in document order, and nothing else.
enum SuppressionComment {
    static let keyword = "embedsmith-disable-next-element"
    /// Diagnostic code for a comment that names no rule or an unknown one.
    static let code = "suppression-comment"

    enum Parsed: Equatable {
        case notASuppression
        case rules([String])
    }

    static func parse(_ text: String) -> Parsed {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "," || $0 == "\r" || $0 == "\u{0C}" })
        guard let first = words.first, first == keyword else { return .notASuppression }
        return .rules(words.dropFirst().map(String.init))
    }
}

/// One suppression comment found in a page.
struct Suppression: Sendable {
    var position: Position
    var rules: [String]
    /// The element it applies to; nil when no element follows.
    var elementOrder: Int?
}
