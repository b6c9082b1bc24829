import EmbedCore

/// What components ask of the bridge, typed per feature: one component's share, and the sum of
/// a page's (`merge`). The page's settings block is `BridgeSettings`, built from the sum.
public struct BridgeContribution: Sendable, Equatable {
    public var frames: [FrameSettings] = []
    public var loaderAgent: LoaderAgentSettings?
    public var chatapp: [ChatAppTokenSettings] = []
    public var engage: EngageSettings?
    public var timeline: TimelineSettings?

    public init(frames: [FrameSettings] = [], loaderAgent: LoaderAgentSettings? = nil, chatapp: [ChatAppTokenSettings] = [],
                engage: EngageSettings? = nil, timeline: TimelineSettings? = nil) {
        self.frames = frames
        self.loaderAgent = loaderAgent
        self.chatapp = chatapp
        self.engage = engage
        self.timeline = timeline
    }

    /// The features these settings switch on, in `BridgeFeature` order: what a page must load.
    public var features: [BridgeFeature] {
        var used: [BridgeFeature] = []
        if !frames.isEmpty { used.append(.frames) }
        if loaderAgent != nil { used.append(.loaderAgent) }
        if !chatapp.isEmpty { used.append(.chatapp) }
        if engage != nil { used.append(.engage) }
        if timeline != nil { used.append(.timeline) }
        return used
    }

    /// Adds another component's settings; returns the single-instance features both had (the
    /// later one wins, and the caller reports the duplicate).
    public mutating func merge(_ other: BridgeContribution) -> [BridgeFeature] {
        frames += other.frames
        chatapp += other.chatapp
        var duplicates: [BridgeFeature] = []
        func single<T>(_ value: T?, _ slot: inout T?, _ feature: BridgeFeature) {
            guard let value else { return }
            if slot != nil { duplicates.append(feature) }
            slot = value
        }
        single(other.loaderAgent, &loaderAgent, .loaderAgent)
        single(other.engage, &engage, .engage)
        single(other.timeline, &timeline, .timeline)
        return duplicates
    }
}

extension BridgeFeature {
    /// The error for a second instance of a feature a page can hold once (nil: any number).
    public func duplicate(at location: SourceLocation) -> Diagnostic? {
        switch self {
        case .loaderAgent: return .error(.loaderAgentDuplicate, "a page can hold one loaderAgent bootstrap", at: location)
        case .engage: return .error(.engageDuplicate, "a page can hold one Engage web chat (a 'webchat' page or 'webchat: true' already loads it)", at: location)
        case .timeline: return .error(.timelineDuplicate, "a page can hold one session timeline", at: location)
        case .frames, .chatapp: return nil
        }
    }
}
