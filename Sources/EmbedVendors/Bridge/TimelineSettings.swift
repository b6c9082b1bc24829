/// `timeline`: the Apizee session timeline panel.
public struct TimelineSettings: Codable, Sendable, Equatable {
    /// `id` of the panel the bridge fills.
    public var containerId: String
    /// Same-origin endpoint; `{ticketId}` is replaced by the page URL's `?ticketId=`.
    public var endpoint: String
}
