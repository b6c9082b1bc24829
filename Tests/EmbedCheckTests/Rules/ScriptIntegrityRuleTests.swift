import EmbedCheck
import Testing

/// `script-integrity` (Sources/EmbedCheck/Rules/ScriptIntegrityRule.swift, docs/rules/script-integrity.md): its fixtures in
/// Tests/Fixtures/check/script-integrity/ give exactly the findings their tables list, and it fires on
/// its -novalid pages.
@Suite struct ScriptIntegrityRuleTests {
    @Test func fixtures() throws {
        try RuleFixtures.check(rule: ScriptIntegrityRule().id)
    }
}
