import EmbedCheck
import Testing

/// `chatapp-params` (Sources/EmbedCheck/Rules/ChatAppParamsRule.swift, docs/rules/chatapp-params.md): its fixtures in
/// Tests/Fixtures/check/chatapp-params/ give exactly the findings their tables list, and it fires on
/// its -novalid pages.
@Suite struct ChatAppParamsRuleTests {
    @Test func fixtures() throws {
        try RuleFixtures.check(rule: ChatAppParamsRule().id)
    }
}
