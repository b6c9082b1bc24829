import EmbedConfig
import EmbedCore
import EmbedVendors

/// No credential in any URL of the page: user name or password, access tokens and passwords
/// in the query or fragment (`access_token`, `token`, `password`, ChatApp `api[access_token]`…),
/// JSON Web Tokens, and agent auto-login links.
public struct URLSecretRule: CheckRule {
    public let id = "url-secret"
    public let summary = "no credentials in URLs: passwords, access tokens, JWTs, agent auto-login links"
    public let defaultSeverity: Severity = .error
    public init() {}

    public func check(_ page: Page, _ context: RuleContext, _ out: inout RuleOutput) {
        for element in page.elements {
            for attribute in element.attributes {
                guard let resolved = attribute.url else { continue }
                // A plain relative path carries a secret only in its query or fragment.
                if resolved.isPathOnly && !resolved.raw.utf8.contains(0x3F) && !resolved.raw.utf8.contains(0x23) { continue }
                guard let url = resolved.url else { continue }
                if url.hasCredentials {
                    out.error(Message.credentials(element.name, attribute.name), on: element, at: attribute.position, hint: Message.hint)
                }
                for (part, text) in [("query", url.query), ("fragment", url.fragment)] {
                    for parameter in QueryParameters.parse(text) {
                        if let key = Self.secretKey(parameter.key) {
                            out.error(Message.secretKey(key, part), on: element, at: attribute.position(ofParameter: parameter.rawKey), hint: Message.hint)
                        } else if Self.mayHideSecret(parameter.value), let reason = SecretDetector.secretReason(inValue: parameter.value) {
                            out.error(Message.secretValue(parameter.key, reason), on: element, at: attribute.position(ofParameter: parameter.rawKey), hint: Message.hint)
                        }
                    }
                }
                if let reason = AgentLoginLinks.reason(for: url) {
                    out.error(Message.autoLogin(reason), on: element, at: attribute.position, hint: Message.hint)
                }
            }
        }
    }

    /// The secret part of a key: `access_token`, or `access_token` in `api[access_token]`.
    static func secretKey(_ key: String) -> String? {
        guard key.asciiLowercased.containsAny(of: secretKeyMarkers) else { return nil }
        for part in QueryParameters.bracketPath(key) ?? [key] where SecretDetector.isSecretKey(part) {
            return key
        }
        return nil
    }

    /// Every key `SecretDetector.isSecretKey` accepts contains one of these (a cheap first test).
    static let secretKeyMarkers: [[UInt8]] = ["token", "pass", "secret", "bearer", "key", "auth"].map { Array($0.utf8) }

    /// Values `SecretDetector.secretReason` could flag: a bearer header, a JWT, or an embedded
    /// URL or query (with `=`, `@` or brackets).
    static func mayHideSecret(_ value: String) -> Bool {
        if value.utf8.contains(where: { $0 == 0x3D || $0 == 0x40 || $0 == 0x5B || $0 == 0x25 }) { return true }
        return value.hasPrefix("eyJ") || value.asciiLowercased.hasPrefix("bearer")
    }
}

private enum Message {
    static func credentials(_ element: String, _ attribute: String) -> String {
        "<\(element.clipped(40)) \(attribute.clipped(40))> URL carries a user name or password: anyone who reads the page has them"
    }
    static func secretKey(_ key: String, _ part: String) -> String {
        "URL \(part) carries '\(key.clipped(40))', a credential: anyone who reads the page can use it"
    }
    static func secretValue(_ key: String, _ reason: String) -> String {
        "URL parameter '\(key.clipped(40))' \(reason): anyone who reads the page can use it"
    }
    static func autoLogin(_ reason: String) -> String { "agent auto-login link: \(reason)" }
    static let hint = SecretDetector.runtimeHint
}
