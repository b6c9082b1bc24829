/// Text read from input (a file name, a key, a value), made safe to show where diagnostics are
/// read: a terminal, a CI log, a report that a consumer prints.
///
/// Tenant files are written by someone else. A name or a key holding a line break would print
/// a second, forged diagnostic line; an escape sequence would drive the operator's terminal
/// (colours, cursor moves, OSC links and titles); a carriage return would overwrite what is on
/// the line; a bidi control would reorder it. Every diagnostic format renders its text through
/// `escaped` at the one place it writes it, and messages quote input through `excerpt`.
public enum DisplayText {
    /// `text` with every character that is not shown as itself written as an escape: `\n`,
    /// `\r`, `\t`, and `\u{HEX}` for the other control characters (C0, DEL, C1), the line and
    /// paragraph separators, format characters (Unicode category Cf: bidi controls U+202A–202E,
    /// U+2066–2069, U+200E, U+200F, U+061C, zero-width characters, U+FEFF, tag characters …),
    /// surrogates and unassigned code points. Backslashes stay as they are: the escaping is there
    /// so the text cannot act, not so it can be decoded again.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else {
                out.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return out
    }

    /// True for a scalar `escaped` writes as an escape.
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value >= 0x20 && value < 0x7F { return false }  // printable ASCII: the usual case
        if value < 0x20 || (0x7F...0x9F).contains(value) { return true }
        switch scalar.properties.generalCategory {
        case .format, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned, .control: return true
        default: return false
        }
    }

    /// What a message quotes of a value it read: at most `limit` Unicode scalars in all, the
    /// first ones and "…" when the value is longer. Counted in scalars, not characters: one
    /// character can hold any number of combining marks.
    public static func excerpt(_ text: some StringProtocol, limit: Int = 60) -> String {
        let limit = max(1, limit)
        var kept = String.UnicodeScalarView()
        var count = 0
        for scalar in text.unicodeScalars {
            if count == limit {
                // One scalar too many: drop the last one kept for the ellipsis.
                kept.removeLast()
                return String(kept) + "…"
            }
            kept.append(scalar)
            count += 1
        }
        return String(kept)
    }
}
