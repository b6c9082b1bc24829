import EmbedConfig
import EmbedCore

/// Every feature in `<iframe allow>` is a Permissions Policy feature browsers know; retired
/// names are refused (browsers skip unknown names silently, so the frame just lacks the feature).
public struct AllowFeatureRule: CheckRule {
    public let id = "allow-feature"
    public let summary = "iframe allow names only known, non-retired Permissions Policy features"
    public let defaultSeverity: Severity = .error
    public init() {}

    public func check(_ page: Page, _ context: RuleContext, _ out: inout RuleOutput) {
        for frame in page.elements(named: "iframe") where frame.isHTML {
            guard let allow = frame.attribute("allow") else { continue }
            var seen: Set<Substring> = []
            for directive in AllowAttribute(allow.value).directives {
                let feature = String(directive.feature)
                let at = { allow.position(of: directive.feature) }
                if let replacement = Self.retired[feature] {
                    out.error(Message.retired(feature, replacement), on: frame, at: at(), hint: Message.retiredHint(replacement))
                } else if !PermissionsPolicyFeatures.known.contains(feature) {
                    let guess = Suggestion.closest(to: feature, in: PermissionsPolicyFeatures.known.sorted())
                    out.error(Message.unknown(feature, guess), on: frame, at: at(), hint: Message.unknownHint)
                } else if !seen.insert(directive.feature).inserted {
                    out.warning(Message.duplicate(feature), on: frame, at: at(), hint: Message.duplicateHint)
                }
            }
        }
    }

    /// Retired names and what replaced them (shared/data/permissions-policy/features-retired.txt).
    static let retired: [String: String?] = {
        var table: [String: String?] = [:]
        for name in PermissionsPolicyFeatures.retired { table[name] = .some(nil) }
        table["window-placement"] = "window-management"
        return table
    }()
}

private enum Message {
    static func retired(_ feature: String, _ replacement: String?) -> String {
        "allow feature '\(feature.clipped(40))' is retired" + (replacement.map { " (renamed '\($0)')" } ?? "") + ": browsers ignore it"
    }
    static func retiredHint(_ replacement: String?) -> String {
        replacement.map { "write '\($0)' instead" } ?? "remove it"
    }
    static func unknown(_ feature: String, _ guess: String?) -> String {
        "unknown allow feature '\(feature.clipped(40))'" + (guess.map { " (did you mean '\($0)'?)" } ?? "") + ": browsers skip it silently"
    }
    static let unknownHint = "feature names are listed in the W3C Permissions Policy registry (features.md)"
    static func duplicate(_ feature: String) -> String { "allow feature '\(feature.clipped(40))' is written twice; only the first counts" }
    static let duplicateHint = "write each feature once"
}
