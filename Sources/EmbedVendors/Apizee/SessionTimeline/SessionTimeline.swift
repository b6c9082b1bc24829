import EmbedConfig
import EmbedCore

/// The Apizee session timeline (vendors.md §6): a panel the bridge fills from the tenant's own
/// endpoint (its proxy of GET /api/v3/tickets/{id}/events, which needs a Bearer token the page
/// never sees), for the ticket named by `?ticketId=` in the page URL.
public struct SessionTimeline: Sendable {
    public var endpoint: String
    public var title: String

    public static func build(options: ConfigObject, context: ComponentContext) -> Result<SessionTimeline, DiagnosticList> {
        let events = context.settings(tenantSection)
        guard let endpoint = events?[TenantSettings.endpoint] else {
            return .failure([.error(.timelineEndpointMissing,
                                    "the session timeline needs 'apizee.sessionEvents.endpoint': your same-origin proxy of the Session Events API, e.g. /api/apizee/tickets/{ticketId}/events",
                                    at: options.location)])
        }
        guard endpoint.contains("{ticketId}") else {
            return .failure([.error(.timelineEndpointPlaceholder, "'apizee.sessionEvents.endpoint' must contain {ticketId}, replaced at run time by the page's ?ticketId=",
                                    at: events?.location(of: TenantSettings.endpoint) ?? options.location)])
        }
        return .success(SessionTimeline(endpoint: endpoint,
                                        title: options[Options.title] ?? context.text("Session timeline", french: "Chronologie de la session")))
    }

    public func output(context: ComponentContext) -> ComponentOutput {
        let id = "es-timeline-\(context.sequence)"
        let status = HTMLElement("p", [("class", .token("es-timeline-status"))],
                                 children: TrustedHTML(text: context.text("Loading…", french: "Chargement…"))).html
        let noscript = HTMLElement("noscript", [], children: TrustedHTML(text: context.text(
            "The timeline needs JavaScript.", french: "La chronologie a besoin de JavaScript."))).html
        let output = ComponentOutput(html: HTMLElement("section", [("id", .token(id)), ("class", .token("es-timeline")), ("aria-label", .text(title))],
                                                       children: status + noscript).html,
                                     csp: CSPContribution(connectSources: ["'self'"]),
                                     bridge: BridgeContribution(timeline: TimelineSettings(containerId: id, endpoint: endpoint)),
                                     isAgentTool: true)
        return output
    }
}
