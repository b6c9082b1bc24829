/// Counts whitespace-separated words in text that arrives in fragments.
///
/// cmark splits prose into many text nodes (at `*`, `_`, `[`, entities, ...), so a word can
/// span fragments; only whitespace or an explicit `breakWord()` ends one.
struct WordCounter {
    private(set) var count = 0
    private var insideWord = false

    mutating func add(_ text: String) {
        // Most prose is ASCII: count on bytes there, and walk Characters (grapheme breaking,
        // the slow part) only when the text needs it.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            for byte in text.utf8 { step(isSpace: byte == 0x20 || (0x09...0x0D).contains(byte)) }
        } else {
            for character in text { step(isSpace: character.isWhitespace) }
        }
    }

    private mutating func step(isSpace: Bool) {
        if isSpace {
            insideWord = false
        } else if !insideWord {
            insideWord = true
            count += 1
        }
    }

    /// Ends the current word, e.g. at a line break or a block boundary.
    mutating func breakWord() {
        insideWord = false
    }
}
