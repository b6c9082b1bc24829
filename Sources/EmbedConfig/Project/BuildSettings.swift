import EmbedCore
import Foundation

/// The `build:` section of `embedsmith.yaml`: how much a tenant may hand the build.
///
/// ```yaml
/// build:
///   limits:
///     assetBytes: 52428800     # one file under assets/ (default 50 MiB)
///     tenantBytes: 524288000   # tenant.yaml, pages and assets together (default 500 MiB)
/// ```
///
/// Sizes are read from each file's `stat` before a byte of it is read, so a tenant can never
/// make the build read more than this. The defaults are far above what a support site needs.
public struct BuildSettings: Sendable, Equatable {
    public var assetBytes: Int64
    public var tenantBytes: Int64

    public static let defaultAssetBytes: Int64 = 50 << 20
    public static let defaultTenantBytes: Int64 = 500 << 20
    public static let defaults = BuildSettings(assetBytes: defaultAssetBytes, tenantBytes: defaultTenantBytes)

    public init(assetBytes: Int64 = defaultAssetBytes, tenantBytes: Int64 = defaultTenantBytes) {
        self.assetBytes = assetBytes
        self.tenantBytes = tenantBytes
    }

    /// The `build` section's schema; `embedsmith check` validates it too (it reads the same file).
    public static var schema: ObjectSchema {
        let limits = ObjectSchema("limits", doc: "Largest inputs a tenant may have, in bytes.", [
            FieldSchema("assetBytes", .integer(min: 1, max: 1 << 40), doc: "Largest file under a tenant's assets/.", default: "\(defaultAssetBytes)"),
            FieldSchema("tenantBytes", .integer(min: 1, max: 1 << 40), doc: "Largest total of a tenant's files.", default: "\(defaultTenantBytes)"),
        ])
        return ObjectSchema("build", doc: "Settings of embedsmith build.", [FieldSchema("limits", .object(limits), doc: "Size limits per tenant.")])
    }

    /// The top-level sections of `embedsmith.yaml`.
    public static let sections = ["build", "check"]

    /// Reads the `build` section of a project's `embedsmith.yaml` (the `check` section is
    /// `embedsmith check`'s). Every problem comes back located.
    public static func load(data: Data, file: String) -> (settings: BuildSettings, diagnostics: [Diagnostic]) {
        let node: YAMLNode?
        switch YAMLLoader.load(data: data, file: file) {
        case .failure(let diagnostic): return (defaults, [diagnostic])
        case .success(let found): node = found
        }
        var validator = SchemaValidator(file: file)
        guard let node else { return (defaults, []) }
        guard case .mapping(let mapping) = node else {
            validator.report(.error(.configType, "\(file) must be a mapping of keys to values, found \(validator.describe(node))",
                                    at: validator.location(node)))
            return (defaults, validator.diagnostics)
        }
        var settings = defaults
        for (keyNode, valueNode) in mapping {
            let key = keyNode.string ?? ""
            if key == "build" {
                guard !validator.isNull(valueNode), let build = validator.validateObject(valueNode, schema: schema, path: "build") else { continue }
                let limits = build.object("limits")
                if let bytes = limits?.int("assetBytes") { settings.assetBytes = Int64(bytes) }
                if let bytes = limits?.int("tenantBytes") { settings.tenantBytes = Int64(bytes) }
            } else if !sections.contains(key) {
                var message = "unknown key '\(key)'"
                if let guess = Suggestion.closest(to: key, in: sections) { message += " (did you mean '\(guess)'?)" }
                validator.report(.error(.configUnknownKey, message, at: validator.location(keyNode),
                                        hint: "keys allowed here: \(sections.joined(separator: ", "))"))
            }
        }
        return (settings, validator.diagnostics)
    }
}
