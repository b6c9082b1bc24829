/// Where a text holds '?', by character (Unicode scalar) index: libyaml's marks count
/// characters, not bytes. One bit a character, built in one pass, and only when the text has a
/// '?' at all; `YAMLComposer` asks it whether a value was written against a '?'.
struct QuestionMarks {
    private var bits: [UInt64] = []

    init(_ text: String) {
        guard text.utf8.contains(UInt8(ascii: "?")) else { return }
        var index = 0
        for scalar in text.unicodeScalars {
            if scalar == "?" {
                let word = index >> 6
                if word >= bits.count { bits += [UInt64](repeating: 0, count: word - bits.count + 1) }
                bits[word] |= 1 << UInt64(index & 63)
            }
            index += 1
        }
    }

    func contains(_ index: Int) -> Bool {
        let word = index >> 6
        return index >= 0 && word < bits.count && bits[word] & (1 << UInt64(index & 63)) != 0
    }
}
