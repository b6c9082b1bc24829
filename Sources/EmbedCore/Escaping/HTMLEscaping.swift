/// Escaping for HTML text and quoted attribute values.
///
/// `&`, `<`, `>` and `"` are replaced, NUL becomes U+FFFD (the HTML parser would do that
/// anyway, but a NUL in output is a bug magnet). `'` is left alone by `escape`: the tool
/// writes every attribute value in double quotes. `escapeForTemplate` also replaces `'`,
/// because a project template may quote an attribute with `'`.
///
/// The work is done on UTF-8 bytes: the five characters are ASCII and never part of a
/// multi-byte sequence, so a combining mark after `"` cannot hide it (escaping by
/// `Character` would see one grapheme `"́` and leave it as it is).
public enum HTMLEscaping {
    public static func escape(_ text: String) -> String {
        replace(text, apostrophe: false)
    }

    public static func escapeForTemplate(_ text: String) -> String {
        replace(text, apostrophe: true)
    }

    private static func replace(_ text: String, apostrophe: Bool) -> String {
        let utf8 = text.utf8
        let clean = utf8.withContiguousStorageIfAvailable { bytes in
            for byte in bytes where needsReplacing(byte, apostrophe: apostrophe) { return false }
            return true
        } ?? !utf8.contains(where: { needsReplacing($0, apostrophe: apostrophe) })
        if clean { return text }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            case 0x27 where apostrophe: out.append(contentsOf: "&#39;".utf8)
            case 0x00: out.append(contentsOf: [0xEF, 0xBF, 0xBD])
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    @inline(__always)
    private static func needsReplacing(_ byte: UInt8, apostrophe: Bool) -> Bool {
        byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0 || (apostrophe && byte == 0x27)
    }
}
