/// Finds a `<meta>` start tag in raw HTML that a page allows (`rawHTML: true`). A `<meta>` in
/// a page's body is still obeyed: `http-equiv="refresh"` sends every visitor elsewhere without
/// a click (to a tenant's file, or off the site), and no CSP directive governs it. Every
/// `<meta>` is refused, not only refresh: text that follows raw HTML can become attributes of
/// an unclosed tag (`<meta title='` then a paragraph), so its attributes cannot be trusted.
enum RawHTMLMeta {
    /// Byte offset of the first `<meta` (ASCII case-insensitive) that a browser's tokenizer reads
    /// as a meta start tag: followed by whitespace, `/`, `>` or the end of the raw HTML.
    static func firstTag(in literal: String) -> Int? {
        let bytes = Array(literal.utf8)
        let name: [UInt8] = Array("meta".utf8)
        var i = 0
        while i + 5 <= bytes.count {
            if bytes[i] == 0x3C, (0..<4).allSatisfy({ bytes[i + 1 + $0] | 0x20 == name[$0] }) {
                let after = i + 5
                if after == bytes.count || [0x09, 0x0A, 0x0C, 0x0D, 0x20, 0x2F, 0x3E].contains(bytes[after]) { return i }
            }
            i += 1
        }
        return nil
    }

    /// Line and byte column of `offset`, given where the literal starts.
    static func position(of offset: Int, in literal: String, startLine: Int, startColumn: Int) -> (line: Int, column: Int) {
        let before = Array(literal.utf8.prefix(offset))
        let newlines = before.filter { $0 == 0x0A }.count
        guard newlines > 0, let lastNewline = before.lastIndex(of: 0x0A) else { return (startLine, startColumn + offset) }
        return (startLine + newlines, offset - lastNewline)
    }
}
