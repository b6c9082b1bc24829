/// The contract of `content/<tenant>/tenant.yaml` that belongs to the site itself (name, base
/// URL, theme, security headers). Vendor sections (`apizee`, `chatapp`, `engage`) are declared by
/// their components in EmbedVendors and injected: this module stays below the vendors.
public enum TenantSchema {
    static let theme = ObjectSchema("theme", [
        FieldSchema("primaryColor", .color, doc: "accent color", default: "#0b5fff"),
        FieldSchema("logo", CommonTypes.assetPath, doc: "logo under the tenant's assets/ folder"),
    ])

    static let security = ObjectSchema("security", [
        FieldSchema("frameAncestors", .list(CommonTypes.frameAncestor, maxItems: 20), doc: "who may frame these pages (CSP frame-ancestors in _headers)", default: "['none']"),
        FieldSchema("reportTo", .url, doc: "Reporting API endpoint that receives the pages' CSP violation reports (Reporting-Endpoints and report-to in _headers)"),
        FieldSchema("reportOnly", .object(reportOnly), doc: "a report-only trial of a stricter policy (Content-Security-Policy-Report-Only in _headers; needs reportTo)"),
    ])

    static let reportOnly = ObjectSchema("reportOnly", [
        FieldSchema("without", .list(CommonTypes.httpsOrigin, maxItems: 20), doc: "origins the trial policy leaves out: loads from them are reported, not blocked"),
        FieldSchema("trustedTypes", .boolean, doc: "add require-trusted-types-for 'script' to the trial", default: "false"),
    ])

    /// The whole file: the site's own keys around the vendors' sections, which the component
    /// registry (EmbedVendors, a layer above) assembles and passes in.
    public static func tenant(vendorSections: [FieldSchema]) -> ObjectSchema {
        ObjectSchema("tenant", doc: "content/<tenant>/tenant.yaml", [
            FieldSchema("name", .string(maxLength: 120, minLength: 1), required: true, doc: "display name of the tenant"),
            FieldSchema("locale", CommonTypes.locale, doc: "language of the pages", default: "en"),
            FieldSchema("baseURL", .url, required: true, doc: "where this tenant's pages are published (https, ends with /)"),
            FieldSchema("theme", .object(theme), doc: "colors and logo"),
        ] + vendorSections + [
            FieldSchema("security", .object(security), doc: "HTTP security headers"),
        ])
    }
}
