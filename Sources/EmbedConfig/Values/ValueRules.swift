/// Syntax checks for the small value types of the schema.
public enum ValueRules {
    /// E.164: `+`, a non-zero digit, 7 to 14 more digits. Spaces, dots and dashes are not accepted,
    /// so what is written is what is sent.
    public static func isPhone(_ s: String) -> Bool {
        let scalars = Array(s.unicodeScalars)
        guard scalars.count >= 9, scalars.count <= 16, scalars[0] == "+", scalars[1] != "0" else { return false }
        return scalars.dropFirst().allSatisfy { $0.value >= 0x30 && $0.value <= 0x39 }
    }

    /// A pragmatic address check (local@domain.tld, ASCII, no spaces or quotes or angle brackets).
    public static func isEmail(_ s: String) -> Bool {
        guard s.count <= 254, s.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 0x20 && $0.value < 0x7F }) else { return false }
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64 else { return false }
        let forbidden = Set("<>()[]\\,;:\"'`")
        guard !parts[0].contains(where: { forbidden.contains($0) }) else { return false }
        return isHostName(String(parts[1]), requireDot: true)
    }

    public static func isHostName(_ s: String, requireDot: Bool = false) -> Bool {
        guard !s.isEmpty, s.count <= 253 else { return false }
        let labels = s.split(separator: ".", omittingEmptySubsequences: false)
        if requireDot && labels.count < 2 { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.unicodeScalars.allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "-" }
        }
    }

    public static func isColor(_ s: String) -> Bool {
        let scalars = Array(s.unicodeScalars)
        guard [4, 7, 9].contains(scalars.count), scalars[0] == "#" else { return false }
        return scalars.dropFirst().allSatisfy { ($0 >= "0" && $0 <= "9") || ($0 >= "a" && $0 <= "f") || ($0 >= "A" && $0 <= "F") }
    }

    /// `/segment/segment`, printable ASCII without spaces, quotes, backslashes or `//` at the start.
    public static func isAbsolutePath(_ s: String) -> Bool {
        guard s.hasPrefix("/"), !s.hasPrefix("//"), s.count <= 512 else { return false }
        let forbidden = Set<Unicode.Scalar>(["\"", "'", "<", ">", "\\", "`", " ", "#"])
        return s.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F && !forbidden.contains($0) }
    }
}
