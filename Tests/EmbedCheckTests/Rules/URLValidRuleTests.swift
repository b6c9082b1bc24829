import EmbedCheck
import Testing

/// `url-valid` (Sources/EmbedCheck/Rules/URLValidRule.swift, docs/rules/url-valid.md): its fixtures in
/// Tests/Fixtures/check/url-valid/ give exactly the findings their tables list, and it fires on
/// its -novalid pages.
@Suite struct URLValidRuleTests {
    @Test func fixtures() throws {
        try RuleFixtures.check(rule: URLValidRule().id)
    }
}
