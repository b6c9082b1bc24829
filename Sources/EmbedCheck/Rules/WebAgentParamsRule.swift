import EmbedConfig
import EmbedCore
import EmbedVendors

/// ApiRTC web-agent URLs (in frames and links) carry a non-empty `aK` and only parameters the
/// app reads, with values it understands.
public struct WebAgentParamsRule: CheckRule {
    public let id = "web-agent-params"
    public let summary = "web-agent URLs carry aK and only known parameters with valid values"
    public let defaultSeverity: Severity = .error
    public init() {}

    public func check(_ page: Page, _ context: RuleContext, _ out: inout RuleOutput) {
        for link in page.linkedURLs where VendorFrames.webAgent.matches(link.url) {
            let parameters = QueryParameters.parse(link.url.query)
            let at = link.attribute.position
            if !parameters.contains(where: { $0.key == "aK" && !$0.value.isEmpty }) {
                out.error(Message.missingKey, on: link.element, at: at, hint: Message.missingKeyHint)
            }
            var seen: Set<String> = []
            for parameter in parameters {
                let here = { link.attribute.position(ofParameter: parameter.rawKey) }
                if !seen.insert(parameter.key).inserted {
                    out.warning(Message.duplicate(parameter.key), on: link.element, at: here(), hint: Message.duplicateHint)
                    continue
                }
                guard let kind = WebAgentParameters.kind(of: parameter.key) else {
                    if let renamed = WebAgentParameters.renamed[parameter.key] {
                        out.warning(Message.renamed(parameter.key, renamed), on: link.element, at: here(), hint: Message.renamedHint(renamed))
                    } else {
                        let guess = Suggestion.closest(to: parameter.key, in: WebAgentParameters.keys)
                        out.warning(Message.unknown(parameter.key, guess), on: link.element, at: here(), hint: Message.unknownHint)
                    }
                    continue
                }
                switch kind {
                case .required, .text:
                    if parameter.key == "gP" && parameter.hasLiteralPlus {
                        out.error(Message.plus(parameter.key), on: link.element, at: here(), hint: Message.plusHint)
                    }
                case .boolean where parameter.value != "true" && parameter.value != "false":
                    out.warning(Message.boolean(parameter.key, parameter.value), on: link.element, at: here(), hint: Message.booleanHint)
                case .choice(let choices) where !choices.contains(parameter.value):
                    out.warning(Message.choice(parameter.key, parameter.value, choices), on: link.element, at: here())
                case .url:
                    if (try? WebURL.parse(parameter.value))?.scheme != "https" {
                        out.error(Message.url(parameter.key, parameter.value), on: link.element, at: here(), hint: Message.urlHint)
                    }
                case .integer where Int(parameter.value) == nil:
                    out.warning(Message.integer(parameter.key, parameter.value), on: link.element, at: here())
                case .forbidden(let reason):
                    out.error(Message.forbidden(parameter.key, reason), on: link.element, at: here(), hint: Message.forbiddenHint)
                default:
                    break
                }
            }
        }
    }
}

private enum Message {
    static let missingKey = "web-agent URL without 'aK' (the ApiRTC apiKey): the app cannot connect"
    static let missingKeyHint = "add aK=<your apiKey>; embedsmith build writes it from apizee.apiKey"
    static func duplicate(_ key: String) -> String { "web-agent parameter '\(key.clipped(40))' is written twice; the app reads one of them" }
    static let duplicateHint = "write each parameter once"
    static func renamed(_ old: String, _ new: String) -> String { "web-agent parameter '\(old.clipped(40))' was renamed '\(new)': current versions ignore '\(old.clipped(40))'" }
    static func renamedHint(_ new: String) -> String { "write '\(new)'" }
    static func unknown(_ key: String, _ guess: String?) -> String {
        "unknown web-agent parameter '\(key.clipped(40))'" + (guess.map { " (did you mean '\($0)'?)" } ?? "") + ": the app ignores it"
    }
    static let unknownHint = "known: aK, cN, a, c, j, cU, aN, gN, gP, gU, iI, iU, l, lL, uId, cSMI"
    static func plus(_ key: String) -> String { "web-agent parameter '\(key.clipped(40))' has a literal '+', which the app reads as a space" }
    static let plusHint = "percent-encode '+' as %2B"
    static func boolean(_ key: String, _ value: String) -> String {
        "web-agent parameter '\(key.clipped(40))=\(value.clipped(20))' is read as \(value.lowercased().contains("true") ? "true" : "false") (the app tests for the text 'true')"
    }
    static let booleanHint = "write exactly true or false"
    static func choice(_ key: String, _ value: String, _ choices: [String]) -> String {
        "web-agent parameter '\(key.clipped(40))=\(value.clipped(20))' is not one of \(choices.joined(separator: ", "))"
    }
    static func url(_ key: String, _ value: String) -> String { "web-agent parameter '\(key.clipped(40))' must be an https URL, found '\(value.clipped(60))'" }
    static let urlHint = "use the https URL of the service"
    static func integer(_ key: String, _ value: String) -> String { "web-agent parameter '\(key.clipped(40))' must be a number, found '\(value.clipped(20))'" }
    static func forbidden(_ key: String, _ reason: String) -> String { "web-agent parameter '\(key.clipped(40))' must not be sent: \(reason)" }
    static let forbiddenHint = "remove it"
}
