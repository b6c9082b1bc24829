import EmbedConfig

/// Apizee's section of tenant.yaml; each Apizee component adds its own key under it.
public enum Apizee {
    public static let apiKey = ConfigKey<String>("apiKey", CommonTypes.identifier(maxLength: 128), doc: "public apiRTC key (aK, apiCCkey)")
    public static let section = VendorSection("apizee", doc: "Apizee settings", sharedFields: [apiKey.field])

    /// The tenant's `apizee.apiKey`, if written.
    static func apiKey(of tenant: TenantConfig) -> String? { tenant.raw.object(section.key)?[apiKey] }
}
