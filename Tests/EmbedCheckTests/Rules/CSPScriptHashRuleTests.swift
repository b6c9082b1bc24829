import EmbedCheck
import Testing

/// `csp-script-hash` (Sources/EmbedCheck/Rules/CSPScriptHashRule.swift, docs/rules/csp-script-hash.md): its fixtures in
/// Tests/Fixtures/check/csp-script-hash/ give exactly the findings their tables list, and it fires on
/// its -novalid pages.
@Suite struct CSPScriptHashRuleTests {
    @Test func fixtures() throws {
        try RuleFixtures.check(rule: CSPScriptHashRule().id)
    }
}
