/// A run-time feature of the host bridge: one module of `templates/assets/bridge/` (named
/// `<NN>-<rawValue>.js`), loaded only by the pages that use it.
enum BridgeFeature: String, CaseIterable, Sendable {
    case frames = "frames-ui"
    case loaderAgent = "loader-agent"
    case chatapp
    case timeline
    case engage
}

extension ParsedPage {
    /// The bridge features the page's components asked for; empty: the page loads no bridge.
    /// The one place that turns what components produced into bridge modules.
    var bridgeFeatures: Set<BridgeFeature> {
        var features: Set<BridgeFeature> = []
        if !bridgeFrames.isEmpty { features.insert(.frames) }
        if loaderAgent != nil { features.insert(.loaderAgent) }
        if !chatapp.isEmpty { features.insert(.chatapp) }
        if timeline != nil { features.insert(.timeline) }
        if engage != nil { features.insert(.engage) }
        return features
    }
}
