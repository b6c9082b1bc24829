import EmbedConfig
import EmbedCore

/// What a component may know about where it is rendered.
public struct ComponentContext: Sendable {
    public var tenant: TenantConfig
    /// `--dev`: loopback http URLs are accepted for local testing.
    public var allowLoopbackHTTP: Bool
    /// `serve --stub-vendors`: vendor URLs are pointed at the simulated vendor apps there.
    public var stubVendors: VendorStubOrigin?
    /// 1 for the first component of a page, 2 for the next…: makes element ids unique per page.
    public var sequence: Int

    public init(tenant: TenantConfig, allowLoopbackHTTP: Bool = false, stubVendors: VendorStubOrigin? = nil, sequence: Int = 1) {
        self.tenant = tenant
        self.allowLoopbackHTTP = allowLoopbackHTTP
        self.stubVendors = stubVendors
        self.sequence = sequence
    }

    /// UI strings of the tool itself, in the tenant's language.
    public func text(_ english: String, french: String) -> String {
        tenant.locale == "fr" ? french : english
    }

    /// A key's default text (English, declared with the key), in the tenant's language.
    public func text(default key: ConfigKey<String>, french: String) -> String {
        text(key.defaultValue ?? "", french: french)
    }

    /// The tenant's settings of a component (`apizee.quickInvitation`), if written.
    public func settings(_ section: TenantSection?) -> ConfigObject? {
        guard let section else { return nil }
        var object: ConfigObject? = tenant.raw
        for key in section.path { object = object?.object(key) }
        return object
    }
}
