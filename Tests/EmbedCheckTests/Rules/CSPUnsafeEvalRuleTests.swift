import EmbedCheck
import Testing

/// `csp-unsafe-eval` (Sources/EmbedCheck/Rules/CSPUnsafeEvalRule.swift, docs/rules/csp-unsafe-eval.md): its fixtures in
/// Tests/Fixtures/check/csp-unsafe-eval/ give exactly the findings their tables list, and it fires on
/// its -novalid pages.
@Suite struct CSPUnsafeEvalRuleTests {
    @Test func fixtures() throws {
        try RuleFixtures.check(rule: CSPUnsafeEvalRule().id)
    }
}
