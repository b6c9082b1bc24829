import EmbedCheck
import Testing

/// `loading-value` (Sources/EmbedCheck/Rules/LoadingValueRule.swift, docs/rules/loading-value.md): its fixtures in
/// Tests/Fixtures/check/loading-value/ give exactly the findings their tables list, and it fires on
/// its -novalid pages.
@Suite struct LoadingValueRuleTests {
    @Test func fixtures() throws {
        try RuleFixtures.check(rule: LoadingValueRule().id)
    }
}
