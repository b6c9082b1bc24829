import Foundation

/// One attribute as the HTML parser produced it (name lowercased, character references
/// decoded), with where it is in the source.
public struct PageAttribute: Sendable {
    public let name: String
    public let value: String
    /// Where the attribute's name starts.
    public let position: Position
    /// Where the value's first character is (after an opening quote).
    let valuePosition: Position
    /// The value is written in the source exactly as decoded, on one line: offsets into the
    /// value are offsets into the source.
    let valueIsVerbatim: Bool
    /// The value parsed as a URL, for attributes that hold one (`href`, `src`, `action`…).
    public internal(set) var url: ResolvedURL?

    init(name: String, value: String, position: Position, valuePosition: Position, valueIsVerbatim: Bool) {
        self.name = name
        self.value = value
        self.position = position
        self.valuePosition = valuePosition
        self.valueIsVerbatim = valueIsVerbatim
    }

    /// The position of the character at `utf8Offset` in the value when the source writes the
    /// value verbatim; otherwise the attribute's own position.
    public func position(ofValueOffset utf8Offset: Int) -> Position {
        guard valueIsVerbatim, utf8Offset > 0, utf8Offset <= value.utf8.count else {
            return valueIsVerbatim ? valuePosition : position
        }
        let prefix = value.utf8.prefix(utf8Offset)
        let scalars = String(decoding: prefix, as: UTF8.self).unicodeScalars.count
        return Position(line: valuePosition.line, column: valuePosition.column + scalars)
    }

    /// The position of the first occurrence of `token` in the value (see `position(ofValueOffset:)`).
    public func position(of token: Substring) -> Position {
        guard token.base == value else { return position(ofText: token) }
        let offset = value.utf8.distance(from: value.utf8.startIndex, to: token.utf8.startIndex)
        return position(ofValueOffset: offset)
    }

    /// The position of the first occurrence of `text` in the value; the attribute's own
    /// position when it does not occur as written (it was percent-encoded, say).
    public func position<S: StringProtocol>(ofText text: S) -> Position {
        guard !text.isEmpty, let range = value.range(of: text) else { return position }
        return position(ofValueOffset: value.utf8.distance(from: value.utf8.startIndex, to: range.lowerBound))
    }
}
