import EmbedCheck
import Testing

/// `sandbox-escape` (Sources/EmbedCheck/Rules/SandboxEscapeRule.swift, docs/rules/sandbox-escape.md): its fixtures in
/// Tests/Fixtures/check/sandbox-escape/ give exactly the findings their tables list, and it fires on
/// its -novalid pages.
@Suite struct SandboxEscapeRuleTests {
    @Test func fixtures() throws {
        try RuleFixtures.check(rule: SandboxEscapeRule().id)
    }
}
