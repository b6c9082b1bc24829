import EmbedCore
import EmbedVendors

/// ChatApp Dialog URLs (`dialogs.pro`) use the PHP bracket parameters the vendor documents,
/// with explicit indices and percent-encoded brackets, a known messenger type, a numeric
/// license and phone numbers in digits only.
public struct ChatAppParamsRule: CheckRule {
    public let id = "chatapp-params"
    public let summary = "ChatApp Dialog URLs use known bracket parameters, encoded, with a known messenger type"
    public let defaultSeverity: Severity = .error
    public init() {}

    public func check(_ page: Page, _ context: RuleContext, _ out: inout RuleOutput) {
        let messengers = ChatAppDialog.messengerTypes.union(context.settings.messengerTypes)
        for link in page.linkedURLs where ChatAppDialog.hosts.contains(link.url.hostname) {
            var rawBrackets = false
            for parameter in QueryParameters.parse(link.url.query) {
                let here = { link.attribute.position(ofParameter: parameter.rawKey) }
                if parameter.rawKey.utf8.contains(0x5B) || parameter.rawKey.utf8.contains(0x5D) { rawBrackets = true }
                guard let path = QueryParameters.bracketPath(parameter.key) else {
                    out.error(Message.malformed(parameter.key), on: link.element, at: here(), hint: Message.shapeHint)
                    continue
                }
                switch (path.first, path.count) {
                case ("api", 2) where ChatAppDialog.apiKeys.contains(path[1]):
                    switch path[1] {
                    case "messenger_type" where !messengers.contains(parameter.value):
                        out.error(Message.messenger(parameter.value, messengers), on: link.element, at: here(), hint: Message.messengerHint)
                    case "license_id" where parameter.value.isEmpty || !parameter.value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }):
                        out.error(Message.license(parameter.value), on: link.element, at: here())
                    default:
                        break  // api[access_token] is a secret: url-secret reports it
                    }
                case ("crm", 3) where ChatAppDialog.crmListKeys.contains(path[1]):
                    if path[2].isEmpty {
                        out.error(Message.bareIndex(parameter.key), on: link.element, at: here(), hint: Message.indexHint)
                    } else if !path[2].utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                        out.error(Message.badIndex(parameter.key), on: link.element, at: here(), hint: Message.indexHint)
                    } else if path[1] == "phones", !ChatAppDialog.isPhone(parameter.value) {
                        out.error(Message.phone(parameter.value), on: link.element, at: here(), hint: Message.phoneHint)
                    }
                case ("crm", 2) where ChatAppDialog.crmListKeys.contains(path[1]):
                    out.error(Message.bareIndex(parameter.key), on: link.element, at: here(), hint: Message.indexHint)
                default:
                    out.warning(Message.unknown(parameter.key), on: link.element, at: here(), hint: Message.shapeHint)
                }
            }
            if rawBrackets {
                out.warning(Message.rawBrackets, on: link.element, at: link.attribute.position, hint: Message.rawBracketsHint)
            }
        }
    }
}

private enum Message {
    static func malformed(_ key: String) -> String { "ChatApp parameter '\(key.clipped(40))' has unbalanced brackets" }
    static let shapeHint = "ChatApp reads api[license_id], api[messenger_type], api[crm_domain], api[employee_ext_code], crm[phones][N], crm[dialogIds][N]"
    static func messenger(_ value: String, _ known: Set<String>) -> String {
        "ChatApp messenger type '\(value.clipped(30))' is not one of \(known.sorted().joined(separator: ", "))"
    }
    static let messengerHint = "use a type ChatApp documents, or add yours under check.messengerTypes in embedsmith.yaml"
    static func license(_ value: String) -> String { "ChatApp 'api[license_id]' must be a number, found '\(value.clipped(30))'" }
    static func bareIndex(_ key: String) -> String { "ChatApp list parameter '\(key.clipped(40))' has no explicit index" }
    static func badIndex(_ key: String) -> String { "ChatApp list parameter '\(key.clipped(40))' has a non-numeric index" }
    static let indexHint = "write explicit indices: crm[phones][0], crm[phones][1]…"
    static func phone(_ value: String) -> String { "ChatApp phone '\(value.clipped(30))' must be digits in international form without '+' (79999999999)" }
    static let phoneHint = "drop '+', spaces and dashes"
    static func unknown(_ key: String) -> String { "unknown ChatApp parameter '\(key.clipped(40))': the Dialog ignores it" }
    static let rawBrackets = "ChatApp URL writes '[' and ']' unencoded; the vendor's http_build_query form encodes them"
    static let rawBracketsHint = "percent-encode brackets: api%5Blicense_id%5D=30310"
}
