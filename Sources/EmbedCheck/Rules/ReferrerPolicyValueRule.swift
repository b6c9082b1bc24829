import EmbedConfig
import EmbedCore

/// `referrerpolicy` holds a value of the Referrer Policy enumeration (an invalid one silently
/// means "the document's policy"), and not `unsafe-url`.
public struct ReferrerPolicyValueRule: CheckRule {
    public let id = "referrerpolicy-value"
    public let summary = "referrerpolicy is a valid Referrer Policy value, and not unsafe-url"
    public let defaultSeverity: Severity = .error
    public init() {}

    static let values = ["", "no-referrer", "no-referrer-when-downgrade", "same-origin", "origin", "strict-origin",
                         "origin-when-cross-origin", "strict-origin-when-cross-origin", "unsafe-url"]
    static let elements = ["a", "area", "iframe", "img", "link", "script"]

    public func check(_ page: Page, _ context: RuleContext, _ out: inout RuleOutput) {
        for name in Self.elements {
          for element in page.elements(named: name) where element.isHTML {
            guard let attribute = element.attribute("referrerpolicy") else { continue }
            let value = attribute.value.asciiLowercased
            if !Self.values.contains(value) {
                let guess = Suggestion.closest(to: value, in: Self.values.filter { !$0.isEmpty })
                out.error(Message.invalid(attribute.value, guess), on: element, at: attribute.position, hint: Message.validHint)
            } else if value == "unsafe-url" {
                out.warning(Message.unsafeURL, on: element, at: attribute.position, hint: Message.unsafeHint)
            }
          }
        }
    }
}

private enum Message {
    static func invalid(_ value: String, _ guess: String?) -> String {
        "referrerpolicy '\(value.clipped(60))' is not a referrer policy" + (guess.map { " (did you mean '\($0)'?)" } ?? "")
            + ": browsers ignore it and send the page's default referrer"
    }
    static let validHint = "use no-referrer (what vendor frames need) or strict-origin-when-cross-origin"
    static let unsafeURL = "referrerpolicy 'unsafe-url' sends this page's full URL, query included, to other origins"
    static let unsafeHint = "use no-referrer or strict-origin-when-cross-origin"
}
