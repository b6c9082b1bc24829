import EmbedCheck
import Testing

/// `csp-syntax` (Sources/EmbedCheck/Rules/CSPSyntaxRule.swift, docs/rules/csp-syntax.md): its fixtures in
/// Tests/Fixtures/check/csp-syntax/ give exactly the findings their tables list, and it fires on
/// its -novalid pages.
@Suite struct CSPSyntaxRuleTests {
    @Test func fixtures() throws {
        try RuleFixtures.check(rule: CSPSyntaxRule().id)
    }
}
