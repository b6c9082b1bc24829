import EmbedCheck
import Testing

/// `csp-broad-source` (Sources/EmbedCheck/Rules/CSPBroadSourceRule.swift, docs/rules/csp-broad-source.md): its fixtures in
/// Tests/Fixtures/check/csp-broad-source/ give exactly the findings their tables list, and it fires on
/// its -novalid pages.
@Suite struct CSPBroadSourceRuleTests {
    @Test func fixtures() throws {
        try RuleFixtures.check(rule: CSPBroadSourceRule().id)
    }
}
