import EmbedVendors

/// What a rule may know besides the page.
public struct RuleContext: Sendable {
    public var settings: CheckSettings
    /// Hosts a vendor frame may be loaded from: EmbedVendors' list plus the project's.
    public var frameHosts: Set<String>

    public init(settings: CheckSettings) {
        self.settings = settings
        self.frameHosts = VendorFrames.hosts.union(settings.frameHosts)
    }
}
