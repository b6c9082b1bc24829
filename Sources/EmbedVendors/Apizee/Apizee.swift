import EmbedConfig

/// Apizee's section of tenant.yaml; each Apizee component adds its own key under it.
public enum Apizee {
    public static let section = VendorSection("apizee", doc: "Apizee settings", sharedFields: [
        FieldSchema("apiKey", CommonTypes.identifier(maxLength: 128), doc: "public apiRTC key (aK, apiCCkey)"),
    ])
}
