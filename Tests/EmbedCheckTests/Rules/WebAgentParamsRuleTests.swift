import EmbedCheck
import Testing

/// `web-agent-params` (Sources/EmbedCheck/Rules/WebAgentParamsRule.swift, docs/rules/web-agent-params.md): its fixtures in
/// Tests/Fixtures/check/web-agent-params/ give exactly the findings their tables list, and it fires on
/// its -novalid pages.
@Suite struct WebAgentParamsRuleTests {
    @Test func fixtures() throws {
        try RuleFixtures.check(rule: WebAgentParamsRule().id)
    }
}
