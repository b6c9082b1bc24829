/// Escaping for HTML text and double-quoted attribute values.
///
/// One function serves both contexts: `&`, `<`, `>` and `"` are replaced, NUL becomes
/// U+FFFD (the HTML parser would do that anyway, but a NUL in output is a bug magnet).
/// `'` is left alone: the tool writes every attribute value in double quotes.
public enum HTMLEscaping {
    public static func escape(_ text: String) -> String {
        var needs = false
        for byte in text.utf8 where byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0 {
            needs = true
            break
        }
        guard needs else { return text }
        var out = String()
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\u{0}": out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
