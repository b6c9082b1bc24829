import EmbedConfig
import EmbedCore
@testable import EmbedVendors
import Foundation
import Testing

@Suite struct SessionTimelineTests {
    @Test func timelineNeedsAnEndpointWithTheTicketPlaceholder() throws {
        let at = ConfigObject(location: SourceLocation(file: "p", line: 1, column: 1))
        let without = try tenant("name: A\nbaseURL: https://a.example/\napizee:\n  sessionEvents:\n    endpoint: /api/events\n")
        guard case .failure(let list) = SessionTimeline.build(options: at, context: ComponentContext(tenant: without)) else { Issue.record("accepted"); return }
        #expect(list.diagnostics.map(\.code) == ["timeline-endpoint-placeholder"])
        let with = try tenant("name: A\nbaseURL: https://a.example/\napizee:\n  sessionEvents:\n    endpoint: /api/t/{ticketId}/events\n")
        let output = try SessionTimeline.build(options: at, context: ComponentContext(tenant: with)).get().output(context: ComponentContext(tenant: with))
        #expect(output.bridge.timeline == TimelineSettings(containerId: "es-timeline-1", endpoint: "/api/t/{ticketId}/events"))
        #expect(output.features == [.timeline])
        #expect(output.csp.connectSources == ["'self'"])
    }
}
