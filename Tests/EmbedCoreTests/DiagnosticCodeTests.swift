import EmbedCore
import Testing

/// The namespace of diagnostic codes: stable kebab-case names, each listed once.
@Suite struct DiagnosticCodeTests {
    @Test func everyCodeIsKebabCaseAndListedOnce() {
        for list in [DiagnosticCode.build, DiagnosticCode.merge, DiagnosticCode.check] {
            #expect(Set(list).count == list.count, "a code is listed twice: \(list)")
        }
        #expect(DiagnosticCode.all.count == Set(DiagnosticCode.build + DiagnosticCode.merge + DiagnosticCode.check).count)
        for code in DiagnosticCode.all {
            let parts = code.rawValue.split(separator: "-", omittingEmptySubsequences: false)
            #expect(parts.count >= 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") } },
                    "\(code) is not kebab-case")
        }
        #expect(DiagnosticCode.merge.allSatisfy { $0.rawValue.hasPrefix("merge-") })
    }

    /// A literal is a code (code written before its constant still compiles), equal to the constant.
    @Test func aLiteralIsTheSameCode() {
        let literal: DiagnosticCode = "config-unknown-key"
        #expect(literal == .configUnknownKey)
        #expect(Diagnostic.error(.configUnknownKey, "x").code == "config-unknown-key")
        #expect(Diagnostic.warning("new-code", "x").code == "new-code")
    }
}
