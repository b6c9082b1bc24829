/// `frames[]`: one agent frame (web-agent or Apizee Embed) the bridge talks to with postMessage.
public struct FrameSettings: Codable, Sendable, Equatable {
    /// `id` of the `<iframe>`.
    public var id: String
    /// `web-agent` or `apizee-embed`.
    public var app: String
    /// The only origin messages go to and are accepted from.
    public var origin: String
    /// `current` (or `2023-07` on hand-written pages).
    public var `protocol`: String
    /// Sent to the app at `ready` (web-agent: `{"apiRtc": {...}}`); null: nothing to send.
    public var configuration: Configuration?
    /// Conversation to join at `ready`; null: the URL's.
    public var conversation: String?
    public var guest: Guest?
    public var ui: UI

    public struct Configuration: Codable, Sendable, Equatable {
        public var apiRtc: ApiRTC
        public struct ApiRTC: Codable, Sendable, Equatable {
            public var apiKey: String
            public var cloudUrl: String?
        }
    }

    public struct Guest: Codable, Sendable, Equatable {
        public var name: String?
        public var phone: String?
    }

    /// The bridge's built-in UI around the frame.
    public struct UI: Codable, Sendable, Equatable {
        public var controls: Bool
        public var gallery: Bool
        public var toasts: Bool
        public var resize: Bool
    }

    enum CodingKeys: String, CodingKey { case id, app, origin, `protocol`, configuration, conversation, guest, ui }

    /// Absent values are written as null: the bridge reads every key.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(app, forKey: .app)
        try c.encode(origin, forKey: .origin)
        try c.encode(`protocol`, forKey: .protocol)
        try c.encode(configuration, forKey: .configuration)
        try c.encode(conversation, forKey: .conversation)
        try c.encode(guest, forKey: .guest)
        try c.encode(ui, forKey: .ui)
    }
}
