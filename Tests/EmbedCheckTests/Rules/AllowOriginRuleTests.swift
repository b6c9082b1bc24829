import EmbedCheck
import Testing

/// `allow-origin` (Sources/EmbedCheck/Rules/AllowOriginRule.swift, docs/rules/allow-origin.md): its fixtures in
/// Tests/Fixtures/check/allow-origin/ give exactly the findings their tables list, and it fires on
/// its -novalid pages.
@Suite struct AllowOriginRuleTests {
    @Test func fixtures() throws {
        try RuleFixtures.check(rule: AllowOriginRule().id)
    }
}
