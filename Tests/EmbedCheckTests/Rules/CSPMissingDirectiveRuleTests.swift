import EmbedCheck
import Testing

/// `csp-missing-directive` (Sources/EmbedCheck/Rules/CSPMissingDirectiveRule.swift, docs/rules/csp-missing-directive.md): its fixtures in
/// Tests/Fixtures/check/csp-missing-directive/ give exactly the findings their tables list, and it fires on
/// its -novalid pages.
@Suite struct CSPMissingDirectiveRuleTests {
    @Test func fixtures() throws {
        try RuleFixtures.check(rule: CSPMissingDirectiveRule().id)
    }
}
