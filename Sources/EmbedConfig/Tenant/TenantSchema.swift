/// The contract of `content/<tenant>/tenant.yaml` that belongs to the site itself (name, base
/// URL, theme, security headers). Vendor sections (`apizee`, `chatapp`, `engage`) are declared by
/// their components in EmbedVendors and injected: this module stays below the vendors.
public enum TenantSchema {
    public static let name = ConfigKey<String>("name", .string(maxLength: 120, minLength: 1), required: true, doc: "display name of the tenant")
    public static let locale = ConfigKey<String>("locale", CommonTypes.locale, doc: "language of the pages", default: "en")
    public static let baseURL = ConfigKey<String>("baseURL", .url, required: true, doc: "where this tenant's pages are published (https, ends with /)")
    public static let theme = ConfigKey<ConfigObject>("theme", .object(ObjectSchema("theme", keys: [Theme.primaryColor, Theme.logo])), doc: "colors and logo")
    public static let security = ConfigKey<ConfigObject>("security", .object(ObjectSchema("security", keys: [
        Security.frameAncestors, Security.reportTo, Security.reportOnly,
    ])), doc: "HTTP security headers")

    public enum Theme {
        public static let primaryColor = ConfigKey<String>("primaryColor", .color, doc: "accent color", default: "#0b5fff")
        public static let logo = ConfigKey<String>("logo", CommonTypes.assetPath, doc: "logo under the tenant's assets/ folder")
    }

    public enum Security {
        public static let frameAncestors = ConfigKey<[String]>("frameAncestors", .list(CommonTypes.frameAncestor, maxItems: 20),
                                                               doc: "who may frame these pages (CSP frame-ancestors in _headers)", default: ["'none'"])
        public static let reportTo = ConfigKey<String>("reportTo", .url, doc: "Reporting API endpoint that receives the pages' CSP violation reports (Reporting-Endpoints and report-to in _headers)")
        public static let reportOnly = ConfigKey<ConfigObject>("reportOnly", .object(ObjectSchema("reportOnly", keys: [ReportOnly.without, ReportOnly.trustedTypes])),
                                                               doc: "a report-only trial of a stricter policy (Content-Security-Policy-Report-Only in _headers; needs reportTo)")
    }

    public enum ReportOnly {
        public static let without = ConfigKey<[String]>("without", .list(CommonTypes.httpsOrigin, maxItems: 20), doc: "origins the trial policy leaves out: loads from them are reported, not blocked")
        public static let trustedTypes = ConfigKey<Bool>("trustedTypes", .boolean, doc: "add require-trusted-types-for 'script' to the trial", default: false)
    }

    /// The whole file: the site's own keys around the vendors' sections, which the component
    /// registry (EmbedVendors, a layer above) assembles and passes in.
    public static func tenant(vendorSections: [FieldSchema]) -> ObjectSchema {
        ObjectSchema("tenant", doc: "content/<tenant>/tenant.yaml", [name.field, locale.field, baseURL.field, theme.field]
                     + vendorSections + [security.field])
    }
}
