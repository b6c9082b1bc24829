import EmbedCheck
import Testing

/// `headers-frame-ancestors` (Sources/EmbedCheck/Rules/HeadersFrameAncestorsRule.swift, docs/rules/headers-frame-ancestors.md): its fixtures in
/// Tests/Fixtures/check/headers-frame-ancestors/ give exactly the findings their tables list, and it fires on
/// its -novalid pages.
@Suite struct HeadersFrameAncestorsRuleTests {
    @Test func fixtures() throws {
        try RuleFixtures.check(rule: HeadersFrameAncestorsRule().id)
    }
}
