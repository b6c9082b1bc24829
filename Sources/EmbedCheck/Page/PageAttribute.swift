import Foundation

/// One attribute as the HTML parser produced it (name lowercased, character references
/// decoded), with where it is in the source.
public final class PageAttribute {
    public let name: String
    public let value: String
    /// Where the attribute's name starts.
    public let position: Position
    /// Where the value's first character is (after an opening quote).
    let valuePosition: Position
    /// The value is written in the source exactly as decoded, on one line: offsets into the
    /// value are offsets into the source.
    let valueIsVerbatim: Bool
    /// The value's source text when it differs from the value (character references) but is
    /// on one line: offsets can still be mapped to columns.
    let sourceText: String?
    /// The value as a URL, for attributes that hold one (`href`, `src`, `action`…).
    public let url: ResolvedURL?

    init(name: String, value: String, position: Position, valuePosition: Position, valueIsVerbatim: Bool,
         sourceText: String? = nil, url: ResolvedURL?) {
        self.name = name
        self.value = value
        self.position = position
        self.valuePosition = valuePosition
        self.valueIsVerbatim = valueIsVerbatim
        self.sourceText = sourceText
        self.url = url
    }

    /// The position of the character at `utf8Offset` in the value, when the source text maps
    /// onto the value; otherwise the attribute's own position.
    public func position(ofValueOffset utf8Offset: Int) -> Position {
        guard utf8Offset >= 0, utf8Offset <= value.utf8.count else { return position }
        if valueIsVerbatim {
            let scalars = String(decoding: value.utf8.prefix(utf8Offset), as: UTF8.self).unicodeScalars.count
            return Position(line: valuePosition.line, column: valuePosition.column + scalars)
        }
        guard let sourceText, let columns = SourceColumns.map(source: sourceText, value: value),
              utf8Offset < columns.count else { return position }
        return Position(line: valuePosition.line, column: valuePosition.column + columns[utf8Offset])
    }

    /// The position of `token`, a slice of `value`.
    public func position(of token: Substring) -> Position {
        guard token.base == value else { return position(ofText: token) }
        let offset = value.utf8.distance(from: value.utf8.startIndex, to: token.utf8.startIndex)
        return position(ofValueOffset: offset)
    }

    /// The position of a query (or fragment) parameter's key as written in the value: the
    /// first occurrence right after `?`, `&`, `;` or `#` and followed by `=`, `&` or the end.
    public func position<S: StringProtocol>(ofParameter key: S) -> Position {
        let bytes = Array(value.utf8), needle = Array(key.utf8)
        guard !needle.isEmpty, let query = bytes.firstIndex(where: { $0 == 0x3F || $0 == 0x23 }) else { return position }
        var i = query + 1
        while i + needle.count <= bytes.count {
            let before = bytes[i - 1]
            if before == 0x3F || before == 0x26 || before == 0x3B || before == 0x23,
               bytes[i..<(i + needle.count)].elementsEqual(needle) {
                let end = i + needle.count
                if end == bytes.count || bytes[end] == 0x3D || bytes[end] == 0x26 || bytes[end] == 0x23 {
                    return position(ofValueOffset: i)
                }
            }
            i += 1
        }
        return position
    }

    /// The position of the first occurrence of `text` in the value; the attribute's own
    /// position when it does not occur as written (it was percent-encoded, say).
    public func position<S: StringProtocol>(ofText text: S) -> Position {
        guard !text.isEmpty, let range = value.range(of: text) else { return position }
        return position(ofValueOffset: value.utf8.distance(from: value.utf8.startIndex, to: range.lowerBound))
    }
}

/// Maps each UTF-8 offset of a decoded attribute value to its column offset in the source
/// text, where the source writes character references (`&amp;`, `&#x3A;`) that decode to one
/// character each. Nil when the two do not line up.
enum SourceColumns {
    static func map(source: String, value: String) -> [Int]? {
        let raw = Array(source.utf8), decoded = Array(value.utf8)
        var columns: [Int] = []
        columns.reserveCapacity(decoded.count + 1)
        var i = 0, j = 0, column = 0
        func isContinuation(_ b: UInt8) -> Bool { b & 0xC0 == 0x80 }
        func scalarLength(_ b: UInt8) -> Int { b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4 }
        while j < decoded.count {
            guard i < raw.count else { return nil }
            if raw[i] == 0x26, let end = referenceEnd(raw, from: i) {     // "&…;"
                let length = scalarLength(decoded[j])
                for _ in 0..<length { columns.append(column) }
                column += end - i                                       // references are ASCII
                i = end
                j += length
                continue
            }
            guard raw[i] == decoded[j] else { return nil }
            columns.append(column)
            i += 1
            j += 1
            if i >= raw.count || !isContinuation(raw[i]) { column += 1 }
        }
        guard i == raw.count else { return nil }
        columns.append(column)
        return columns
    }

    /// The end (after `;`) of a character reference `&name;`, `&#123;` or `&#x1F;` at `start`.
    static func referenceEnd(_ raw: [UInt8], from start: Int) -> Int? {
        var k = start + 1
        while k < raw.count, k - start <= 40 {
            let b = raw[k]
            if b == 0x3B { return k > start + 1 ? k + 1 : nil }
            guard (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x23 else { return nil }
            k += 1
        }
        return nil
    }
}
