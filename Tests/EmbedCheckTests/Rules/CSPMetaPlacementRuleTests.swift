import EmbedCheck
import Testing

/// `csp-meta-placement` (Sources/EmbedCheck/Rules/CSPMetaPlacementRule.swift, docs/rules/csp-meta-placement.md): its fixtures in
/// Tests/Fixtures/check/csp-meta-placement/ give exactly the findings their tables list, and it fires on
/// its -novalid pages.
@Suite struct CSPMetaPlacementRuleTests {
    @Test func fixtures() throws {
        try RuleFixtures.check(rule: CSPMetaPlacementRule().id)
    }
}
