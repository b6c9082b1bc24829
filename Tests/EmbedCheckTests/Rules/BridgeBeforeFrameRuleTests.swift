import EmbedCheck
import Testing

/// `bridge-before-frame` (Sources/EmbedCheck/Rules/BridgeBeforeFrameRule.swift, docs/rules/bridge-before-frame.md): its fixtures in
/// Tests/Fixtures/check/bridge-before-frame/ give exactly the findings their tables list, and it fires on
/// its -novalid pages.
@Suite struct BridgeBeforeFrameRuleTests {
    @Test func fixtures() throws {
        try RuleFixtures.check(rule: BridgeBeforeFrameRule().id)
    }
}
