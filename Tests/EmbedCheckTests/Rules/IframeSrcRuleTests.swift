import EmbedCheck
import Testing

/// `iframe-src` (Sources/EmbedCheck/Rules/IframeSrcRule.swift, docs/rules/iframe-src.md): its fixtures in
/// Tests/Fixtures/check/iframe-src/ give exactly the findings their tables list, and it fires on
/// its -novalid pages.
@Suite struct IframeSrcRuleTests {
    @Test func fixtures() throws {
        try RuleFixtures.check(rule: IframeSrcRule().id)
    }
}
