/// Counts whitespace-separated words in text that arrives in fragments.
///
/// cmark splits prose into many text nodes (at `*`, `_`, `[`, entities, ...), so a word can
/// span fragments; only whitespace or an explicit `breakWord()` ends one.
struct WordCounter {
    private(set) var count = 0
    private var insideWord = false

    mutating func add(_ text: String) {
        for character in text {
            if character.isWhitespace {
                insideWord = false
            } else if !insideWord {
                insideWord = true
                count += 1
            }
        }
    }

    /// Ends the current word, e.g. at a line break or a block boundary.
    mutating func breakWord() {
        insideWord = false
    }
}
