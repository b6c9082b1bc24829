import EmbedConfig
import EmbedCore

/// `<iframe sandbox>` holds only the 13 keywords of the HTML standard, each once.
public struct SandboxTokenRule: CheckRule {
    public let id = "sandbox-token"
    public let summary = "iframe sandbox holds only the 13 HTML keywords, each once"
    public let defaultSeverity: Severity = .error
    public init() {}

    public func check(_ page: Page, _ context: RuleContext, _ out: inout RuleOutput) {
        for frame in page.elements(named: "iframe") where frame.isHTML {
            guard let sandbox = frame.attribute("sandbox") else { continue }
            var seen: Set<String> = []
            for token in sandbox.value.splitOnHTMLSpace {
                let keyword = token.asciiLowercased
                let at = { sandbox.position(of: token) }
                if !SandboxKeywords.known.contains(keyword) {
                    if let note = Self.nonStandard[keyword] {
                        out.error(Message.nonStandard(keyword, note), on: frame, at: at(), hint: Message.removeHint)
                    } else {
                        let guess = Suggestion.closest(to: keyword, in: SandboxKeywords.known.sorted())
                        out.error(Message.unknown(String(token), guess), on: frame, at: at(), hint: Message.removeHint)
                    }
                } else if !seen.insert(keyword).inserted {
                    out.error(Message.duplicate(keyword), on: frame, at: at(), hint: Message.duplicateHint)
                }
            }
        }
    }

    /// Tokens met in the wild that the HTML standard does not define (shared/data/iframe-sandbox).
    static let nonStandard: [String: String] = [
        "allow-storage-access-by-user-activation": "it belongs to the Storage Access API, not HTML",
        "allow-same-site-none-cookies": "only Chromium knows it",
        "allow-downloads-without-user-activation": "an obsolete Chromium token; allow-downloads covers downloads",
    ]
}

private enum Message {
    static func unknown(_ token: String, _ guess: String?) -> String {
        "unknown sandbox keyword '\(token.clipped(40))'" + (guess.map { " (did you mean '\($0)'?)" } ?? "") + ": browsers ignore it"
    }
    static func nonStandard(_ token: String, _ note: String) -> String {
        "sandbox keyword '\(token.clipped(40))' is not in the HTML standard: \(note)"
    }
    static let removeHint = "use only allow-downloads, allow-forms, allow-modals, allow-orientation-lock, allow-pointer-lock, allow-popups, allow-popups-to-escape-sandbox, allow-presentation, allow-same-origin, allow-scripts, allow-top-navigation, allow-top-navigation-by-user-activation, allow-top-navigation-to-custom-protocols"
    static func duplicate(_ token: String) -> String { "sandbox keyword '\(token.clipped(40))' is written twice" }
    static let duplicateHint = "write each keyword once"
}
