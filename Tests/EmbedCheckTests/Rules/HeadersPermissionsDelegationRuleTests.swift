import EmbedCheck
import Testing

/// `headers-permissions-delegation` (Sources/EmbedCheck/Rules/HeadersPermissionsDelegationRule.swift, docs/rules/headers-permissions-delegation.md): its fixtures in
/// Tests/Fixtures/check/headers-permissions-delegation/ give exactly the findings their tables list, and it fires on
/// its -novalid pages.
@Suite struct HeadersPermissionsDelegationRuleTests {
    @Test func fixtures() throws {
        try RuleFixtures.check(rule: HeadersPermissionsDelegationRule().id)
    }
}
