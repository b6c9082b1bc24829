import EmbedConfig
import EmbedCore

/// What a component may know about where it is rendered.
public struct ComponentContext: Sendable {
    public var tenant: TenantConfig
    /// `--dev`: loopback http URLs are accepted for local testing.
    public var allowLoopbackHTTP: Bool
    /// 1 for the first component of a page, 2 for the next…: makes element ids unique per page.
    public var sequence: Int

    public init(tenant: TenantConfig, allowLoopbackHTTP: Bool = false, sequence: Int = 1) {
        self.tenant = tenant
        self.allowLoopbackHTTP = allowLoopbackHTTP
        self.sequence = sequence
    }

    /// UI strings of the tool itself, in the tenant's language.
    public func text(_ english: String, french: String) -> String {
        tenant.locale == "fr" ? french : english
    }
}
