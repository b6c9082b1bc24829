import EmbedCheck
import Testing

/// `target-blank-noopener` (Sources/EmbedCheck/Rules/TargetBlankNoopenerRule.swift, docs/rules/target-blank-noopener.md): its fixtures in
/// Tests/Fixtures/check/target-blank-noopener/ give exactly the findings their tables list, and it fires on
/// its -novalid pages.
@Suite struct TargetBlankNoopenerRuleTests {
    @Test func fixtures() throws {
        try RuleFixtures.check(rule: TargetBlankNoopenerRule().id)
    }
}
