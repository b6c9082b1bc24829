import EmbedCheck
import Testing

/// `script-same-origin` (Sources/EmbedCheck/Rules/ScriptSameOriginRule.swift, docs/rules/script-same-origin.md): its fixtures in
/// Tests/Fixtures/check/script-same-origin/ give exactly the findings their tables list, and it fires on
/// its -novalid pages.
@Suite struct ScriptSameOriginRuleTests {
    @Test func fixtures() throws {
        try RuleFixtures.check(rule: ScriptSameOriginRule().id)
    }
}
