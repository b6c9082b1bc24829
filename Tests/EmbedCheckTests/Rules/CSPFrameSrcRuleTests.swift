import EmbedCheck
import Testing

/// `csp-frame-src` (Sources/EmbedCheck/Rules/CSPFrameSrcRule.swift, docs/rules/csp-frame-src.md): its fixtures in
/// Tests/Fixtures/check/csp-frame-src/ give exactly the findings their tables list, and it fires on
/// its -novalid pages.
@Suite struct CSPFrameSrcRuleTests {
    @Test func fixtures() throws {
        try RuleFixtures.check(rule: CSPFrameSrcRule().id)
    }
}
