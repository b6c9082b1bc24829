import EmbedCheck
import Testing

/// `svg-script` (Sources/EmbedCheck/Rules/SVGScriptRule.swift, docs/rules/svg-script.md): its fixtures in
/// Tests/Fixtures/check/svg-script/ give exactly the findings their tables list, and it fires on
/// its -novalid pages.
@Suite struct SVGScriptRuleTests {
    @Test func fixtures() throws {
        try RuleFixtures.check(rule: SVGScriptRule().id)
    }
}
