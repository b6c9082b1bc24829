import EmbedCheck
import Testing

/// `url-secret` (Sources/EmbedCheck/Rules/URLSecretRule.swift, docs/rules/url-secret.md): its fixtures in
/// Tests/Fixtures/check/url-secret/ give exactly the findings their tables list, and it fires on
/// its -novalid pages.
@Suite struct URLSecretRuleTests {
    @Test func fixtures() throws {
        try RuleFixtures.check(rule: URLSecretRule().id)
    }
}
