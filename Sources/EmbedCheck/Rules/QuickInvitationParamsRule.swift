import EmbedConfig
import EmbedCore
import EmbedVendors

/// Apizee quick-invitation links use only the keys of their URL generation (`/quick-invitation`
/// or `/tickets/quick-invitation`), a `reference` of at most 50 characters, and values the
/// form reads as written (`%2B`, not `+`, before a country code).
public struct QuickInvitationParamsRule: CheckRule {
    public let id = "quick-invitation-params"
    public let summary = "quick-invitation links use the keys of their variant, reference ≤ 50 characters, encoded values"
    public let defaultSeverity: Severity = .error
    public init() {}

    public func check(_ page: Page, _ context: RuleContext, _ out: inout RuleOutput) {
        for link in page.linkedURLs {
            guard let variant = QuickInvitationParameters.variant(of: link.url) else { continue }
            var seen: Set<String> = []
            for parameter in QueryParameters.parse(link.url.query) {
                let key = parameter.key
                let here = { link.attribute.position(ofParameter: parameter.rawKey) }
                guard variant.keys.contains(key) else {
                    let counterpart = variant.counterparts[key]
                    let guess = counterpart == nil ? Suggestion.closest(to: key, in: variant.keys) : nil
                    out.error(Message.wrongKey(key, variant.path, counterpart, guess), on: link.element, at: here(),
                              hint: Message.keysHint(variant))
                    continue
                }
                if !seen.insert(key).inserted {
                    out.warning(Message.duplicate(key), on: link.element, at: here(), hint: Message.duplicateHint)
                }
                let value = parameter.value
                if key == "reference", value.count > QuickInvitationParameters.maxReferenceLength {
                    out.error(Message.referenceTooLong(value.count), on: link.element, at: here(), hint: Message.referenceHint)
                }
                if key == "service_key", !QuickInvitationParameters.isServiceKey(value) {
                    out.error(Message.serviceKey(value), on: link.element, at: here(), hint: Message.serviceKeyHint)
                }
                if QuickInvitationParameters.booleanKeys.contains(key), value != "true", value != "false" {
                    out.error(Message.boolean(key, value), on: link.element, at: here(), hint: Message.booleanHint)
                }
                if QuickInvitationParameters.phoneKeys.contains(key) {
                    if parameter.hasLiteralPlus {
                        out.error(Message.plus(key), on: link.element, at: here(), hint: Message.plusHint)
                    } else if let bad = Self.items(key, value).first(where: { !ValueRules.isPhone($0) }) {
                        out.warning(Message.phone(key, bad), on: link.element, at: here(), hint: Message.phoneHint)
                    }
                }
                if key == "email_addresses", let bad = Self.items(key, value).first(where: { !ValueRules.isEmail($0) }) {
                    out.warning(Message.email(bad), on: link.element, at: here())
                }
            }
        }
    }

    static func items(_ key: String, _ value: String) -> [String] {
        QuickInvitationParameters.listKeys.contains(key) ? value.split(separator: ",").map(String.init) : [value]
    }
}

private enum Message {
    static func wrongKey(_ key: String, _ path: String, _ counterpart: String?, _ guess: String?) -> String {
        var text = "'\(key.clipped(40))' is not a parameter of \(path)"
        if let counterpart { text += " (here: \(counterpart))" } else if let guess { text += " (did you mean '\(guess)'?)" }
        return text + ": the form ignores it"
    }
    static func keysHint(_ variant: QuickInvitationParameters.Variant) -> String {
        "\(variant.path) reads: \(variant.keys.joined(separator: ", "))"
    }
    static func duplicate(_ key: String) -> String { "quick-invitation key '\(key.clipped(40))' is written twice" }
    static let duplicateHint = "write each key once; lists are comma-separated values of one key"
    static func referenceTooLong(_ count: Int) -> String {
        "quick-invitation 'reference' is \(count) characters; the form keeps the first \(QuickInvitationParameters.maxReferenceLength) and drops the rest"
    }
    static let referenceHint = "shorten the reference to 50 characters"
    static func serviceKey(_ value: String) -> String {
        "quick-invitation 'service_key' '\(value.clipped(40))' is not 32 letters or digits: the form ignores it and preselects nothing"
    }
    static let serviceKeyHint = "copy the 32-character key of the service from the Apizee console"
    static func boolean(_ key: String, _ value: String) -> String { "quick-invitation '\(key.clipped(40))' must be true or false, found '\(value.clipped(20))'" }
    static let booleanHint = "write true or false"
    static func plus(_ key: String) -> String { "quick-invitation '\(key.clipped(40))' has a literal '+': the form reads it as a space and the number loses its country code" }
    static let plusHint = "percent-encode '+' as %2B"
    static func phone(_ key: String, _ value: String) -> String { "quick-invitation '\(key.clipped(40))' value '\(value.clipped(30))' is not an E.164 phone number; the form will flag it" }
    static let phoneHint = "write numbers as +<country code><number>, e.g. %2B33612345678"
    static func email(_ value: String) -> String { "quick-invitation 'email_addresses' value '\(value.clipped(40))' is not an e-mail address; the form will flag it" }
}
