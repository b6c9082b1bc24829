import EmbedCheck
import Testing

/// `csp-present` (Sources/EmbedCheck/Rules/CSPPresentRule.swift, docs/rules/csp-present.md): its fixtures in
/// Tests/Fixtures/check/csp-present/ give exactly the findings their tables list, and it fires on
/// its -novalid pages.
@Suite struct CSPPresentRuleTests {
    @Test func fixtures() throws {
        try RuleFixtures.check(rule: CSPPresentRule().id)
    }
}
