import EmbedCheck
import Testing

/// `apizee-embed-params` (Sources/EmbedCheck/Rules/ApizeeEmbedParamsRule.swift, docs/rules/apizee-embed-params.md): its fixtures in
/// Tests/Fixtures/check/apizee-embed-params/ give exactly the findings their tables list, and it fires on
/// its -novalid pages.
@Suite struct ApizeeEmbedParamsRuleTests {
    @Test func fixtures() throws {
        try RuleFixtures.check(rule: ApizeeEmbedParamsRule().id)
    }
}
