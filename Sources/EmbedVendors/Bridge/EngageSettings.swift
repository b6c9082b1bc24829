/// `engage`: the TeamViewer Engage web chat's run-time options (its script is in the head).
public struct EngageSettings: Codable, Sendable, Equatable {
    /// Static visitor labels (CV.user.tag).
    public var labels: [String]
    /// Ask CV.api.shouldShowWebchat before showing the chat.
    public var checkVisibility: Bool
    /// Wire the co-browsing start/stop buttons.
    public var cobrowse: Bool
}
