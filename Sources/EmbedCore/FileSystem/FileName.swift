/// How a folder entry's name is shown. Names are bytes: one that is not UTF-8 is shown exactly,
/// printable ASCII as is and every other byte as `\xHH` (a backslash too), never decoded into
/// replacement characters that would hide which bytes it holds. `build` and `check` show such
/// names the same way.
public enum FileName {
    /// The name as text, and whether it was UTF-8 (then the text is the name itself).
    public static func display(_ raw: [UInt8]) -> (name: String, isUTF8: Bool) {
        let decoded = String(decoding: raw, as: UTF8.self)
        if decoded.utf8.elementsEqual(raw) { return (decoded, true) }
        return (escaped(raw), false)
    }

    /// Printable ASCII as is, every other byte (and the backslash) as `\xHH`.
    public static func escaped(_ raw: [UInt8]) -> String {
        var text = ""
        text.reserveCapacity(raw.count * 2)
        for byte in raw {
            if byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "\\") {
                text.unicodeScalars.append(UnicodeScalar(byte))
            } else {
                text += "\\x" + hexDigits[Int(byte >> 4)] + hexDigits[Int(byte & 0xF)]
            }
        }
        return text
    }

    private static let hexDigits = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "A", "B", "C", "D", "E", "F"]
}
