import EmbedCheck
import Testing

/// `csp-allowlist-bypass` (Sources/EmbedCheck/Rules/CSPAllowlistBypassRule.swift, docs/rules/csp-allowlist-bypass.md): its fixtures in
/// Tests/Fixtures/check/csp-allowlist-bypass/ give exactly the findings their tables list, and it fires on
/// its -novalid pages.
@Suite struct CSPAllowlistBypassRuleTests {
    @Test func fixtures() throws {
        try RuleFixtures.check(rule: CSPAllowlistBypassRule().id)
    }
}
