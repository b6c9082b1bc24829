import EmbedCheck
import Testing

/// `quick-invitation-params` (Sources/EmbedCheck/Rules/QuickInvitationParamsRule.swift, docs/rules/quick-invitation-params.md): its fixtures in
/// Tests/Fixtures/check/quick-invitation-params/ give exactly the findings their tables list, and it fires on
/// its -novalid pages.
@Suite struct QuickInvitationParamsRuleTests {
    @Test func fixtures() throws {
        try RuleFixtures.check(rule: QuickInvitationParamsRule().id)
    }
}
