import EmbedConfig

/// A vendor's top-level section of tenant.yaml (`apizee:`), with the keys no single component owns.
public struct VendorSection: Sendable {
    public var key: String
    public var doc: String
    public var sharedFields: [FieldSchema]

    public init(_ key: String, doc: String, sharedFields: [FieldSchema] = []) {
        self.key = key
        self.doc = doc
        self.sharedFields = sharedFields
    }
}

/// Where a component's tenant-wide settings live: a key under its vendor's section
/// (`apizee.quickInvitation`), or, for a vendor with one component, the vendor section itself
/// (`chatapp`).
public struct TenantSection: Sendable {
    public var vendor: VendorSection
    /// nil: the fields go straight into the vendor's section.
    public var key: String?
    public var doc: String
    public var schema: ObjectSchema

    public init(vendor: VendorSection, key: String?, doc: String = "", schema: ObjectSchema) {
        self.vendor = vendor
        self.key = key
        self.doc = doc
        self.schema = schema
    }

    /// The path of the section in tenant.yaml (`["apizee", "quickInvitation"]`).
    public var path: [String] { [vendor.key] + (key.map { [$0] } ?? []) }
}
