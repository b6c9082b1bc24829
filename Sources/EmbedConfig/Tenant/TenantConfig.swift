import EmbedCore
import Foundation

/// A validated tenant: the typed values every page needs, plus the validated tree that
/// vendor components read their own sections from.
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

    public func section(_ path: String...) -> ConfigObject? {
        var object: ConfigObject? = raw
        for key in path { object = object?.object(key) }
        return object
    }
}

public enum TenantLoader {
    /// Validates tenant.yaml; returns the config when it has no errors, and all diagnostics.
    public static func load(data: Data, file: String, id: String, allowLoopbackHTTP: Bool = false) -> (TenantConfig?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        if !isValidTenantID(id) {
            diagnostics.append(.error(.tenantID, "tenant folder name '\(DisplayText.excerpt(id))' must be lowercase letters, digits and '-' (it becomes part of URLs)",
                                      at: SourceLocation(file: file, line: 1, column: 1)))
        }
        let node: YAMLNode?
        switch YAMLLoader.load(data: data, file: file) {
        case .failure(let diagnostic): return (nil, diagnostics + [diagnostic])
        case .success(let n): node = n
        }
        var validator = SchemaValidator(file: file, allowLoopbackHTTP: allowLoopbackHTTP)
        let object = validator.validateDocument(node, schema: TenantSchema.tenant, what: "tenant.yaml")
        diagnostics += validator.diagnostics
        if let base = object["baseURL"], let url = base.string, !url.hasSuffix("/") {
            diagnostics.append(.error(.configBaseURL, "'baseURL' must end with '/' (pages are published below it), found '\(DisplayText.excerpt(url))'", at: base.location))
        }
        if let base = object["baseURL"], let url = base.string, let path = try? WebURL.parse(url).pathname,
           let character = HeadersRulePath.firstPatternCharacter(in: path) {
            diagnostics.append(.error(.configBasePath,
                                      "'baseURL' path '\(path)' holds '\(character)', which _headers rules cannot hold literally: Netlify and Cloudflare Pages read '*' and ':name' as patterns there and document no escape",
                                      at: base.location,
                                      hint: "publish the tenant at a path of ASCII letters, digits, '-', '.', '_' and '~'"))
        }
        if let security = object.object("security"), security.has("reportOnly"), !security.has("reportTo") {
            diagnostics.append(.error(.configReportOnlyEndpoint,
                                      "'security.reportOnly' needs 'security.reportTo': a report-only policy blocks nothing, so without an endpoint its trial reports nowhere",
                                      at: security.location(of: "reportOnly"),
                                      hint: "add 'reportTo: https://…' (a Reporting API endpoint) under 'security', or remove 'reportOnly'"))
        }
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        let config = TenantConfig(
            id: id, file: file,
            name: object.string("name") ?? id,
            locale: object.string("locale") ?? "en",
            baseURL: object.string("baseURL") ?? "",
            primaryColor: object.object("theme")?.string("primaryColor") ?? "#0b5fff",
            logo: object.object("theme")?.string("logo"),
            frameAncestors: object.object("security")?.strings("frameAncestors") ?? ["'none'"],
            reportTo: object.object("security")?.string("reportTo"),
            reportOnly: object.object("security")?.object("reportOnly").map {
                ReportOnlyTrial(without: $0.strings("without") ?? [], trustedTypes: $0.bool("trustedTypes") ?? false)
            },
            raw: object)
        return (config, diagnostics)
    }

    public static func isValidTenantID(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 64 && !id.hasPrefix("-") && id.unicodeScalars.allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "-" }
    }
}
