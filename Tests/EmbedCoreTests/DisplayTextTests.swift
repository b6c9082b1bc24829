@testable import EmbedCore
import Testing

/// Diagnostics show what a tenant wrote; `DisplayText` keeps it from acting on the reader's
/// terminal or forging lines (issue 10).
@Suite struct DisplayTextTests {
    @Test func lineBreaksAndControlsAreEscaped() {
        #expect(DisplayText.escaped("a\nb\rc\td\r\n") == #"a\nb\rc\td\r\n"#)
        #expect(DisplayText.escaped("\u{0}\u{7}\u{8}\u{B}\u{C}\u{1B}\u{7F}\u{85}\u{9B}") == #"\u{0}\u{7}\u{8}\u{B}\u{C}\u{1B}\u{7F}\u{85}\u{9B}"#)
        #expect(DisplayText.escaped("\u{2028}\u{2029}") == #"\u{2028}\u{2029}"#)
    }

    @Test func terminalEscapeSequencesLoseTheirEscape() {
        let osc = "\u{1B}]0;pwned\u{7}\u{1B}]8;;https://evil.example\u{1B}\\link\u{1B}]8;;\u{1B}\\\u{1B}[2J\u{1B}[31m"
        let shown = DisplayText.escaped(osc)
        #expect(!shown.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
        #expect(shown == #"\u{1B}]0;pwned\u{7}\u{1B}]8;;https://evil.example\u{1B}\link\u{1B}]8;;\u{1B}\\u{1B}[2J\u{1B}[31m"#)
    }

    @Test func bidiAndOtherInvisibleFormatCharactersAreEscaped() {
        for scalar in [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C,
                       0x200B, 0x2060, 0xFEFF, 0x00AD, 0xE0041, 0xFFF9] {
            let text = "a" + String(Unicode.Scalar(UInt32(scalar))!) + "b"
            #expect(DisplayText.escaped(text) == "a\\u{\(String(scalar, radix: 16, uppercase: true))}b")
        }
    }

    @Test func ordinaryTextIsUnchanged() {
        for text in ["plain ASCII: 100% [code] 'quoted' \\n stays", "Café — 日本語 🎉 é", "עברית العربية"] {
            #expect(DisplayText.escaped(text) == text)
        }
        // The price of escaping every format character: an emoji sequence shows its joiner.
        #expect(DisplayText.escaped("👩\u{200D}💻") == "👩\\u{200D}💻")
    }

    @Test func excerptsAreBoundedInScalars() {
        let long = String(repeating: "k", count: 10_000)
        #expect(DisplayText.excerpt(long) == String(repeating: "k", count: 59) + "…")
        #expect(DisplayText.excerpt(long, limit: 80).unicodeScalars.count == 80)
        #expect(DisplayText.excerpt(String(repeating: "x", count: 60)) == String(repeating: "x", count: 60))
        // One character of 10,000 combining marks is still cut.
        let zalgo = "e" + String(repeating: "\u{301}", count: 10_000)
        #expect(DisplayText.excerpt(zalgo).unicodeScalars.count == 60)
        #expect(DisplayText.excerpt("", limit: 0) == "")
        #expect(DisplayText.excerpt("ab", limit: 1) == "…")
    }

    /// The text form: one line, then the hint line; the forged line stays inside the first.
    @Test func aDiagnosticIsOneLineWhateverItsInputHolds() {
        let forged = "content/good/tenant.yaml:1:1: error: forged [config-secret]"
        let diagnostic = Diagnostic.error("config-unknown-key", "unknown key 'k\n\(forged)\u{1B}[2J'",
                                          at: SourceLocation(file: "content/evil\n\(forged)\r/tenant.yaml", line: 2, column: 1),
                                          hint: "h\n\(forged)")
        let lines = diagnostic.description.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 2)
        #expect(lines[0] == #"content/evil\n"# + forged + #"\r/tenant.yaml:2:1: error: unknown key 'k\n"# + forged + #"\u{1B}[2J' [config-unknown-key]"#)
        #expect(lines[1] == "  hint: h\\n" + forged)
        // The raw values stay raw for code that needs them (the location names the real file).
        #expect(diagnostic.location?.file.contains("\n") == true && diagnostic.escapedForDisplay.location?.file.contains("\n") == false)
    }
}
