import EmbedCore
import Foundation

/// A validated tenant: the typed values every page needs, plus the validated tree that
/// vendor components read their own sections from (`ComponentContext.settings`).
public struct TenantConfig: Sendable {
    /// The folder name under `content/`, also the output folder name.
    public var id: String
    /// Path of tenant.yaml as printed in diagnostics.
    public var file: String
    public var name: String
    public var locale: String
    /// Normalized https URL ending with `/`.
    public var baseURL: String
    public var primaryColor: String
    public var logo: String?
    public var frameAncestors: [String]
    /// `security.reportTo`: where browsers send the header policy's violation reports.
    public var reportTo: String? = nil
    /// `security.reportOnly`: a stricter policy browsers try and report on, without enforcing it.
    public var reportOnly: ReportOnlyTrial? = nil
    public var raw: ConfigObject
}

public enum TenantLoader {
    /// Validates tenant.yaml against `schema` (`TenantSchema.tenant(vendorSections:)`); returns
    /// the config when it has no errors, and all diagnostics.
    public static func load(data: Data, file: String, id: String, schema: ObjectSchema, allowLoopbackHTTP: Bool = false) -> (TenantConfig?, [Diagnostic]) {
        switch YAMLLoader.load(data: data, file: file) {
        case .failure(let diagnostic): return (nil, idProblems(id, file: file) + [diagnostic])
        case .success(let node): return load(node: node, file: file, id: id, schema: schema, allowLoopbackHTTP: allowLoopbackHTTP)
        }
    }

    static func idProblems(_ id: String, file: String) -> [Diagnostic] {
        guard !isValidTenantID(id) else { return [] }
        return [.error(.tenantID, "tenant folder name '\(DisplayText.excerpt(id))' must be lowercase letters, digits and '-' (it becomes part of URLs)",
                       at: SourceLocation(file: file, line: 1, column: 1))]
    }

    /// Validates an already composed document (`embedsmith link` builds one from its options).
    public static func load(node: YAMLNode?, file: String, id: String, schema: ObjectSchema, allowLoopbackHTTP: Bool = false) -> (TenantConfig?, [Diagnostic]) {
        var diagnostics = idProblems(id, file: file)
        var validator = SchemaValidator(file: file, allowLoopbackHTTP: allowLoopbackHTTP)
        let object = validator.validateDocument(node, schema: schema, what: "tenant.yaml")
        diagnostics += validator.diagnostics
        if let base = object[TenantSchema.baseURL.name], let url = base.string, !url.hasSuffix("/") {
            diagnostics.append(.error(.configBaseURL, "'baseURL' must end with '/' (pages are published below it), found '\(DisplayText.excerpt(url))'", at: base.location))
        }
        if let base = object[TenantSchema.baseURL.name], let url = base.string, let path = try? WebURL.parse(url).pathname,
           let character = HeadersRulePath.firstPatternCharacter(in: path) {
            diagnostics.append(.error(.configBasePath,
                                      "'baseURL' path '\(path)' holds '\(character)', which _headers rules cannot hold literally: Netlify and Cloudflare Pages read '*' and ':name' as patterns there and document no escape",
                                      at: base.location,
                                      hint: "publish the tenant at a path of ASCII letters, digits, '-', '.', '_' and '~'"))
        }
        let security = object[TenantSchema.security], theme = object[TenantSchema.theme]
        if let security, security.has(TenantSchema.Security.reportOnly), !security.has(TenantSchema.Security.reportTo) {
            diagnostics.append(.error(.configReportOnlyEndpoint,
                                      "'security.reportOnly' needs 'security.reportTo': a report-only policy blocks nothing, so without an endpoint its trial reports nowhere",
                                      at: security.location(of: TenantSchema.Security.reportOnly),
                                      hint: "add 'reportTo: https://…' (a Reporting API endpoint) under 'security', or remove 'reportOnly'"))
        }
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        let config = TenantConfig(
            id: id, file: file,
            name: object[TenantSchema.name] ?? id,
            locale: object.value(TenantSchema.locale) ?? "en",
            baseURL: object[TenantSchema.baseURL] ?? "",
            primaryColor: theme.value(TenantSchema.Theme.primaryColor) ?? "",
            logo: theme?[TenantSchema.Theme.logo],
            frameAncestors: security.value(TenantSchema.Security.frameAncestors) ?? [],
            reportTo: security?[TenantSchema.Security.reportTo],
            reportOnly: security?[TenantSchema.Security.reportOnly].map {
                ReportOnlyTrial(without: $0[TenantSchema.ReportOnly.without] ?? [], trustedTypes: $0.value(TenantSchema.ReportOnly.trustedTypes) ?? false)
            },
            raw: object)
        return (config, diagnostics)
    }

    public static func isValidTenantID(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 64 && !id.hasPrefix("-") && id.unicodeScalars.allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "-" }
    }
}
