/// How `embedsmith link KIND` reads its command line. Its options are derived from the
/// component's options schema (every key, nested keys joined: `readOnly.service` →
/// `--read-only-service`), plus the tenant keys listed here; this spec only names exceptions.
public struct LinkSpec: Sendable {
    /// Keys of tenant.yaml the command also takes (`apizee.webAgent.url`); the option is the last
    /// key in kebab case (`--url`) unless `optionNames` says otherwise.
    public var tenantKeys: [String]
    /// Options whose name is not the key in kebab case, by dotted key (`phones` → `phone-numbers`).
    public var optionNames: [String: String]
    /// Builder errors about a missing tenant setting, and the hint to print instead of the file.
    public var missingSettingHints: [String: String]
    /// Example invocations for the help (the arguments after `embedsmith link KIND`).
    public var examples: [String]

    public init(tenantKeys: [String] = [], optionNames: [String: String] = [:],
                missingSettingHints: [String: String] = [:], examples: [String]) {
        self.tenantKeys = tenantKeys
        self.optionNames = optionNames
        self.missingSettingHints = missingSettingHints
        self.examples = examples
    }
}
