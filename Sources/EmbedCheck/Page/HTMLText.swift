import EmbedCore

/// String helpers that follow HTML's definitions (ASCII whitespace, ASCII case-insensitivity),
/// not Unicode's.
extension String {
    /// TAB, LF, FF, CR, SPACE.
    static func isHTMLSpace(_ c: Character) -> Bool {
        c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}" || c == "\r\n"
    }

    var splitOnHTMLSpace: [Substring] { split(whereSeparator: String.isHTMLSpace) }

    var trimmingHTMLSpace: String {
        guard let first = firstIndex(where: { !String.isHTMLSpace($0) }),
              let last = lastIndex(where: { !String.isHTMLSpace($0) }) else { return "" }
        return String(self[first...last])
    }

    /// Lowercases A–Z only, as HTML does for keywords.
    var asciiLowercased: String {
        guard utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return self }
        return String(decoding: utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
    }

    /// Shortened for messages: at most `limit` Unicode scalars, with an ellipsis (`DisplayText.excerpt`).
    func clipped(_ limit: Int = 80) -> String { DisplayText.excerpt(self, limit: limit) }
}

extension String {
    /// True if the UTF-8 bytes contain one of the byte strings.
    func containsAny(of needles: [[UInt8]]) -> Bool {
        var found = false
        withContiguousUTF8 { bytes in
            for needle in needles where needle.count <= bytes.count {
                let first = needle[0]
                var i = 0
                while i + needle.count <= bytes.count {
                    if bytes[i] == first && bytes[i..<(i + needle.count)].elementsEqual(needle) { found = true; return }
                    i += 1
                }
            }
        }
        return found
    }

    /// Runs `body` on the UTF-8 bytes without copying when the string is native.
    func withContiguousUTF8(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var copy = self
        copy.withUTF8(body)
    }
}

extension Substring {
    var asciiLowercased: String { String(self).asciiLowercased }
}
