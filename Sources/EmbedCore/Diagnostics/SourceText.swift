import Foundation

/// Turns input bytes into text, or a located diagnostic saying why it cannot.
public enum SourceText {
    /// UTF-8 only; a leading BOM is dropped; NUL bytes and oversized files are refused.
    public static func decode(_ data: Data, file: String, maxBytes: Int = 1 << 20) -> Result<String, Diagnostic> {
        if data.count > maxBytes {
            return .failure(.error(.inputTooLarge, "file is \(data.count) bytes; the limit is \(maxBytes) bytes",
                                   at: SourceLocation(file: file, line: 1, column: 1)))
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let offset = firstInvalidUTF8Offset(bytes) {
            let (line, column) = lineAndColumn(ofByte: offset, in: bytes)
            return .failure(.error(.inputEncoding, "file is not valid UTF-8 (byte 0x\(String(bytes[offset], radix: 16, uppercase: true)))",
                                   at: SourceLocation(file: file, line: line, column: column),
                                   hint: "save the file as UTF-8"))
        }
        if let bad = firstForbiddenCharacter(bytes) {
            let (line, column) = lineAndColumn(ofByte: bad.offset, in: bytes)
            return .failure(.error(.inputEncoding, "file contains \(bad.what)",
                                   at: SourceLocation(file: file, line: line, column: column),
                                   hint: bad.hint))
        }
        return .success(String(decoding: bytes, as: UTF8.self))
    }

    /// Control characters other than tab, line feed and carriage return, and a byte order mark
    /// anywhere but the very start (what concatenating two files produces).
    static func firstForbiddenCharacter(_ bytes: [UInt8]) -> (offset: Int, what: String, hint: String?)? {
        for (i, b) in bytes.enumerated() {
            if b == 0 { return (i, "a NUL byte", nil) }
            if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D || b == 0x7F {
                return (i, "the control character U+\(String(format: "%04X", b))", "remove it; only tab and line breaks are allowed")
            }
            if b == 0xEF, i + 2 < bytes.count, bytes[i + 1] == 0xBB, bytes[i + 2] == 0xBF {
                return (i, "a byte order mark (U+FEFF) inside the text", "remove it (files pasted together often carry one)")
            }
        }
        return nil
    }

    /// Offset of the first byte that does not start a well-formed UTF-8 sequence.
    public static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            var need = 0
            var minValue: UInt32 = 0
            var value: UInt32 = 0
            switch b {
            case 0xC2...0xDF: need = 1; value = UInt32(b & 0x1F); minValue = 0x80
            case 0xE0...0xEF: need = 2; value = UInt32(b & 0x0F); minValue = 0x800
            case 0xF0...0xF4: need = 3; value = UInt32(b & 0x07); minValue = 0x10000
            default: return i
            }
            if i + need >= n { return i }
            for k in 1...need {
                let c = bytes[i + k]
                if c & 0xC0 != 0x80 { return i }
                value = value << 6 | UInt32(c & 0x3F)
            }
            if value < minValue || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF) { return i }
            i += need + 1
        }
        return nil
    }

    /// 1-based line and column (in Unicode scalars) of a byte offset.
    public static func lineAndColumn(ofByte offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1
        var lineStart = 0
        // LF, CRLF and a lone CR each end a line, as in YAML and CommonMark.
        for i in 0..<offset where bytes[i] == 0x0A || (bytes[i] == 0x0D && (i + 1 >= bytes.count || bytes[i + 1] != 0x0A)) {
            line += 1
            lineStart = i + 1
        }
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).unicodeScalars.count + 1
        return (line, column)
    }
}
