import EmbedCheck
import Testing

/// `meta-refresh` (Sources/EmbedCheck/Rules/MetaRefreshRule.swift, docs/rules/meta-refresh.md): its fixtures in
/// Tests/Fixtures/check/meta-refresh/ give exactly the findings their tables list, and it fires on
/// its -novalid pages.
@Suite struct MetaRefreshRuleTests {
    @Test func fixtures() throws {
        try RuleFixtures.check(rule: MetaRefreshRule().id)
    }
}
