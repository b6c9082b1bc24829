/// cmark reports columns in bytes; every diagnostic counts Unicode scalars. Lines are indexed
/// on first use: most pages never need it, and a page with many issues indexes once.
struct ByteColumn {
    private let text: String
    private var lineStarts: [String.Index]? = nil

    init(_ text: String) { self.text = text }

    /// The 1-based scalar column of 1-based `byteColumn` on 1-based `line`, or nil when the
    /// line does not exist.
    mutating func scalarColumn(line: Int, byteColumn: Int) -> Int? {
        let utf8 = text.utf8
        if lineStarts == nil {
            var starts = [utf8.startIndex]
            var index = utf8.startIndex
            while let newline = utf8[index...].firstIndex(of: 0x0A) {
                index = utf8.index(after: newline)
                starts.append(index)
            }
            lineStarts = starts
        }
        guard let starts = lineStarts, line >= 1, line <= starts.count else { return nil }
        let start = starts[line - 1]
        let end = utf8[start...].firstIndex(of: 0x0A) ?? utf8.endIndex
        let bytes = Array(utf8[start..<end].prefix(max(0, byteColumn - 1)))
        return String(decoding: bytes, as: UTF8.self).unicodeScalars.count + 1
    }
}
