import EmbedCheck
import Testing

/// `sandbox-conflict` (Sources/EmbedCheck/Rules/SandboxConflictRule.swift, docs/rules/sandbox-conflict.md): its fixtures in
/// Tests/Fixtures/check/sandbox-conflict/ give exactly the findings their tables list, and it fires on
/// its -novalid pages.
@Suite struct SandboxConflictRuleTests {
    @Test func fixtures() throws {
        try RuleFixtures.check(rule: SandboxConflictRule().id)
    }
}
