import EmbedConfig

/// How `embedsmith link KIND` reads its command line. Its options are derived from the
/// component's options schema (every key, nested keys joined: `readOnly.service` →
/// `--read-only-service`), plus the tenant keys listed here; this spec only names exceptions.
public struct LinkSpec: Sendable {
    /// Keys of tenant.yaml the command also takes, as paths (`apizee.webAgent.url`, see
    /// `tenant(_:_:)`); the option is the last key in kebab case (`--url`) unless `optionNames`
    /// says otherwise.
    public var tenantKeys: [[String]]
    /// Options whose name is not the key in kebab case, by dotted key (`phones` → `phone-numbers`).
    public var optionNames: [String: String]
    /// Builder errors about a missing tenant setting, and the hint to print instead of the file.
    public var missingSettingHints: [String: String]
    /// Example invocations for the help (the arguments after `embedsmith link KIND`).
    public var examples: [String]

    public init(tenantKeys: [[String]] = [], optionNames: [String: String] = [:],
                missingSettingHints: [String: String] = [:], examples: [String]) {
        self.tenantKeys = tenantKeys
        self.optionNames = optionNames
        self.missingSettingHints = missingSettingHints
        self.examples = examples
    }

    /// Paths of keys of a component's tenant section.
    public static func tenant(_ section: TenantSection?, _ keys: [any AnyConfigKey]) -> [[String]] {
        guard let section else { return [] }
        return keys.map { section.path + [$0.field.name] }
    }

    /// Paths of keys a vendor's section holds itself (`apizee.apiKey`).
    public static func vendor(_ vendor: VendorSection, _ keys: [any AnyConfigKey]) -> [[String]] {
        keys.map { [vendor.key, $0.field.name] }
    }
}
