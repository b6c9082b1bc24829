import EmbedCheck
import Testing

/// `style-source` (Sources/EmbedCheck/Rules/StyleSourceRule.swift, docs/rules/style-source.md): its fixtures in
/// Tests/Fixtures/check/style-source/ give exactly the findings their tables list, and it fires on
/// its -novalid pages.
@Suite struct StyleSourceRuleTests {
    @Test func fixtures() throws {
        try RuleFixtures.check(rule: StyleSourceRule().id)
    }
}
