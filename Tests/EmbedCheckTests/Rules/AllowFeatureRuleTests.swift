import EmbedCheck
import Testing

/// `allow-feature` (Sources/EmbedCheck/Rules/AllowFeatureRule.swift, docs/rules/allow-feature.md): its fixtures in
/// Tests/Fixtures/check/allow-feature/ give exactly the findings their tables list, and it fires on
/// its -novalid pages.
@Suite struct AllowFeatureRuleTests {
    @Test func fixtures() throws {
        try RuleFixtures.check(rule: AllowFeatureRule().id)
    }
}
