import EmbedCheck
import Testing

/// `url-scheme` (Sources/EmbedCheck/Rules/URLSchemeRule.swift, docs/rules/url-scheme.md): its fixtures in
/// Tests/Fixtures/check/url-scheme/ give exactly the findings their tables list, and it fires on
/// its -novalid pages.
@Suite struct URLSchemeRuleTests {
    @Test func fixtures() throws {
        try RuleFixtures.check(rule: URLSchemeRule().id)
    }
}
