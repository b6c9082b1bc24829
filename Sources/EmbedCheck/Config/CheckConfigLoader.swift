import EmbedConfig
import EmbedCore
import Foundation

/// Reads the `check:` section of `embedsmith.yaml`:
///
/// ```yaml
/// check:
///   frameHosts: [apizee.acme.example]      # extra hosts vendor frames may load from
///   messengerTypes: [telegramBot]          # extra ChatApp messenger types
///   rules:
///     sandbox-escape: warning              # error | warning | off
/// ```
public enum CheckConfigLoader {
    public static let fileName = "embedsmith.yaml"

    public static var schema: ObjectSchema {
        let levels = CheckSettings.RuleLevel.allCases.map(\.rawValue)
        let rules = ObjectSchema("rules", doc: "Severity of every finding of a rule, or off.",
                                 RuleRegistry.all.map { FieldSchema($0.id, .enumeration(levels), doc: $0.summary, default: $0.defaultSeverity.rawValue) })
        let check = ObjectSchema("check", doc: "Settings of embedsmith check.", [
            FieldSchema("frameHosts", .list(.hostName, maxItems: 10_000), doc: "Hosts vendor frames may load from besides the vendors' own (an Apizee console CNAME, a self-hosted web-agent)."),
            FieldSchema("messengerTypes", .list(.token(rule: "a word of letters and digits", check: { word in
                !word.isEmpty && word.count <= 40 && word.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }
            })), doc: "ChatApp messenger types besides grWhatsApp and telegram."),
            FieldSchema("rules", .object(rules), doc: "Per-rule severity."),
        ])
        return ObjectSchema("embedsmith.yaml", doc: "Project settings.", [
            FieldSchema("check", .object(check), doc: "Settings of embedsmith check."),
            FieldSchema("build", .object(BuildSettings.schema), doc: "Settings of embedsmith build (read by the build)."),
        ])
    }

    /// Loads and validates a config file; every problem comes back located.
    public static func load(data: Data, file: String) -> Result<CheckSettings, DiagnosticList> {
        switch YAMLLoader.load(data: data, file: file) {
        case .failure(let diagnostic):
            return .failure([diagnostic])
        case .success(let node):
            var validator = SchemaValidator(file: file)
            let root = validator.validateDocument(node, schema: schema, what: file)
            if validator.diagnostics.hasErrors { return .failure(DiagnosticList(validator.diagnostics)) }
            let check = root.object("check")
            var levels: [String: CheckSettings.RuleLevel] = [:]
            for (id, value) in check?.object("rules")?.fields ?? [:] {
                if let text = value.string, let level = CheckSettings.RuleLevel(rawValue: text) { levels[id] = level }
            }
            return .success(CheckSettings(frameHosts: Set(check?.strings("frameHosts") ?? []),
                                          messengerTypes: Set(check?.strings("messengerTypes") ?? []),
                                          levels: levels))
        }
    }

    /// `--config FILE` if given (it must exist), else `embedsmith.yaml` in the working folder if
    /// present, else the defaults.
    public static func resolve(explicit: String?) -> Result<(settings: CheckSettings, file: String?), DiagnosticList> {
        let path = explicit ?? fileName
        if explicit == nil && !FileManager.default.fileExists(atPath: path) { return .success((CheckSettings.defaults, nil)) }
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: path)) else {
            return .failure([.error(.inputUnreadable, "config file cannot be read", at: SourceLocation(file: path, line: 1, column: 1))])
        }
        return load(data: data, file: path).map { ($0, path) }
    }
}
