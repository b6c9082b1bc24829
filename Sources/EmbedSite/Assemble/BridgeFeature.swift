import EmbedVendors

extension ParsedPage {
    /// The bridge features the page's components asked for (`BridgeFeature`, from their typed
    /// settings); empty: the page loads no bridge. The one place that turns what components
    /// produced into bridge modules.
    var bridgeFeatures: Set<BridgeFeature> { Set(bridge.features) }
}
