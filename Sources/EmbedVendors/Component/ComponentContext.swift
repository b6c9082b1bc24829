import EmbedConfig
import EmbedCore

/// What a component may know about where it is rendered.
public struct ComponentContext: Sendable {
    public var tenant: TenantConfig
    /// `--dev`: loopback http URLs are accepted for local testing.
    public var allowLoopbackHTTP: Bool

    public init(tenant: TenantConfig, allowLoopbackHTTP: Bool = false) {
        self.tenant = tenant
        self.allowLoopbackHTTP = allowLoopbackHTTP
    }

    /// UI strings of the tool itself, in the tenant's language.
    public func text(_ english: String, french: String) -> String {
        tenant.locale == "fr" ? french : english
    }
}
