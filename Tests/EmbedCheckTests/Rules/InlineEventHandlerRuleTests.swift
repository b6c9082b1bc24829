import EmbedCheck
import Testing

/// `inline-event-handler` (Sources/EmbedCheck/Rules/InlineEventHandlerRule.swift, docs/rules/inline-event-handler.md): its fixtures in
/// Tests/Fixtures/check/inline-event-handler/ give exactly the findings their tables list, and it fires on
/// its -novalid pages.
@Suite struct InlineEventHandlerRuleTests {
    @Test func fixtures() throws {
        try RuleFixtures.check(rule: InlineEventHandlerRule().id)
    }
}
