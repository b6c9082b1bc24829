import EmbedCheck
import Testing

/// `headers-nosniff` (Sources/EmbedCheck/Rules/HeadersNosniffRule.swift, docs/rules/headers-nosniff.md): its fixtures in
/// Tests/Fixtures/check/headers-nosniff/ give exactly the findings their tables list, and it fires on
/// its -novalid pages.
@Suite struct HeadersNosniffRuleTests {
    @Test func fixtures() throws {
        try RuleFixtures.check(rule: HeadersNosniffRule().id)
    }
}
