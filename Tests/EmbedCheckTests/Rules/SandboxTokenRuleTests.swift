import EmbedCheck
import Testing

/// `sandbox-token` (Sources/EmbedCheck/Rules/SandboxTokenRule.swift, docs/rules/sandbox-token.md): its fixtures in
/// Tests/Fixtures/check/sandbox-token/ give exactly the findings their tables list, and it fires on
/// its -novalid pages.
@Suite struct SandboxTokenRuleTests {
    @Test func fixtures() throws {
        try RuleFixtures.check(rule: SandboxTokenRule().id)
    }
}
