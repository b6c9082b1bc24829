import EmbedCheck
import Testing

/// `referrerpolicy-value` (Sources/EmbedCheck/Rules/ReferrerPolicyValueRule.swift, docs/rules/referrerpolicy-value.md): its fixtures in
/// Tests/Fixtures/check/referrerpolicy-value/ give exactly the findings their tables list, and it fires on
/// its -novalid pages.
@Suite struct ReferrerPolicyValueRuleTests {
    @Test func fixtures() throws {
        try RuleFixtures.check(rule: ReferrerPolicyValueRule().id)
    }
}
