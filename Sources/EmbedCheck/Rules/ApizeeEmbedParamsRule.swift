import EmbedConfig
import EmbedCore
import EmbedVendors
import Foundation

/// Apizee Embed agent URLs (`app.apizee.com/agent/`) carry `iK` and `cN`, and `eR` is the
/// URL-encoded JSON array of `{name, reference}` objects the app expects.
public struct ApizeeEmbedParamsRule: CheckRule {
    public let id = "apizee-embed-params"
    public let summary = "Apizee Embed URLs carry iK and cN, and eR is a JSON array of {name, reference}"
    public let defaultSeverity: Severity = .error
    public init() {}

    public func check(_ page: Page, _ context: RuleContext, _ out: inout RuleOutput) {
        for link in page.linkedURLs where VendorFrames.apizeeEmbed.matches(link.url) {
            let parameters = QueryParameters.parse(link.url.query)
            for key in ApizeeEmbedParameters.required where !parameters.contains(where: { $0.key == key && !$0.value.isEmpty }) {
                out.error(Message.missing(key), on: link.element, at: link.attribute.position, hint: Message.missingHint(key))
            }
            for parameter in parameters {
                let here = { link.attribute.position(ofParameter: parameter.rawKey) }
                switch parameter.key {
                case "eR":
                    if let problem = Self.externalReferencesProblem(parameter.value) {
                        out.error(Message.references(problem), on: link.element, at: here(), hint: Message.referencesHint)
                    }
                case "l" where !ApizeeEmbedParameters.languages.contains(parameter.value):
                    out.warning(Message.language(parameter.value), on: link.element, at: here())
                case "gP" where parameter.hasLiteralPlus:
                    out.error(Message.plus, on: link.element, at: here(), hint: Message.plusHint)
                case let key where !ApizeeEmbedParameters.keys.contains(key):
                    let guess = Suggestion.closest(to: key, in: ApizeeEmbedParameters.keys)
                    out.warning(Message.unknown(key, guess), on: link.element, at: here(), hint: Message.unknownHint)
                default:
                    break
                }
            }
        }
    }

    static func externalReferencesProblem(_ value: String) -> String? {
        guard let data = value.data(using: .utf8), let json = try? JSONSerialization.jsonObject(with: data) else {
            return "it is not JSON"
        }
        guard let array = json as? [Any] else { return "it is not a JSON array" }
        for item in array {
            guard let object = item as? [String: Any], object["name"] is String, object["reference"] is String else {
                return "every item must be an object with string 'name' and 'reference'"
            }
        }
        return nil
    }
}

private enum Message {
    static func missing(_ key: String) -> String {
        "Apizee Embed URL without '\(key)' (\(key == "iK" ? "the company identification key" : "the conversation name")): the app requires it"
    }
    static func missingHint(_ key: String) -> String {
        key == "iK" ? "add iK=<key Apizee issued>; embedsmith build writes it from apizee.embed.identificationKey" : "add cN=<conversation name>"
    }
    static func references(_ problem: String) -> String { "Apizee Embed 'eR' is not valid: \(problem)" }
    static let referencesHint = "write encodeURIComponent(JSON.stringify([{\"name\": \"ticketId\", \"reference\": \"12345\"}]))"
    static func language(_ value: String) -> String { "Apizee Embed 'l=\(value.clipped(20))' is not en or fr" }
    static let plus = "Apizee Embed 'gP' has a literal '+', which the app reads as a space"
    static let plusHint = "percent-encode '+' as %2B"
    static func unknown(_ key: String, _ guess: String?) -> String {
        "unknown Apizee Embed parameter '\(key.clipped(40))'" + (guess.map { " (did you mean '\($0)'?)" } ?? "") + ": the app ignores it"
    }
    static let unknownHint = "known: iK, cN, gP, iI, l, eR"
}
