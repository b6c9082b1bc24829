import EmbedCheck
import Testing

/// `csp-unsafe-inline` (Sources/EmbedCheck/Rules/CSPUnsafeInlineRule.swift, docs/rules/csp-unsafe-inline.md): its fixtures in
/// Tests/Fixtures/check/csp-unsafe-inline/ give exactly the findings their tables list, and it fires on
/// its -novalid pages.
@Suite struct CSPUnsafeInlineRuleTests {
    @Test func fixtures() throws {
        try RuleFixtures.check(rule: CSPUnsafeInlineRule().id)
    }
}
