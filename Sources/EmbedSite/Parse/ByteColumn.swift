/// cmark reports columns in bytes; every diagnostic counts Unicode scalars. Lines are indexed
/// on first use (most pages never need it), and issues met in reading order are counted from
/// where the previous one left off, so a page with many issues on one long line stays linear.
struct ByteColumn {
    private let bytes: [UInt8]
    private var lineStarts: [Int]? = nil
    /// Where the last count ended: line, byte offset and scalars before it on that line.
    private var cursor: (line: Int, offset: Int, scalars: Int) = (0, 0, 0)

    init(_ text: String) { bytes = Array(text.utf8) }

    /// The 1-based scalar column of 1-based `byteColumn` on 1-based `line`, or nil when the
    /// line does not exist.
    mutating func scalarColumn(line: Int, byteColumn: Int) -> Int? {
        if lineStarts == nil {
            var starts = [0]
            for (offset, byte) in bytes.enumerated() where byte == 0x0A { starts.append(offset + 1) }
            lineStarts = starts
        }
        guard let starts = lineStarts, line >= 1, line <= starts.count else { return nil }
        let start = starts[line - 1]
        let end = line < starts.count ? starts[line] - 1 : bytes.count
        let target = min(end, start + max(0, byteColumn - 1))
        var (offset, scalars) = (start, 0)
        if cursor.line == line, cursor.offset <= target { (offset, scalars) = (cursor.offset, cursor.scalars) }
        while offset < target {
            if bytes[offset] & 0xC0 != 0x80 { scalars += 1 }   // every scalar has one byte that is not a continuation
            offset += 1
        }
        cursor = (line, offset, scalars)
        return scalars + 1
    }
}
