import EmbedConfig
import EmbedCore

/// Every directive of a CSP `<meta>` is one browsers know, and every source is well-formed
/// CSP3: a malformed source (`'nonce-invalid$'`, `'sefl'`, `//*`) is skipped, and `'none'`
/// next to other sources is ignored, so the policy is not what it says. Unquoted keywords
/// (`self`, `nonce-…`) are host names to a browser: warnings.
public struct CSPSyntaxRule: CheckRule {
    public let id = "csp-syntax"
    public let summary = "the CSP has only known directives and well-formed sources"
    public let defaultSeverity: Severity = .error
    public init() {}

    static let unquotedKeywords: Set<String> = [
        "self", "none", "unsafe-inline", "unsafe-eval", "strict-dynamic", "unsafe-hashes", "report-sample",
        "wasm-unsafe-eval", "unsafe-allow-redirects",
    ]

    public func check(_ page: Page, _ context: RuleContext, _ out: inout RuleOutput) {
        for meta in page.csp.metas {
            let policy = meta.policy
            let content = meta.element.attribute("content")
            for name in policy.invalidNames {
                out.error(Message.unknown(name), on: meta.element, at: content?.position(ofText: name), hint: Message.unknownHint)
            }
            for name in policy.duplicates {
                out.warning(Message.duplicate(name), on: meta.element, at: Self.position(ofSecond: name, in: meta), hint: Message.duplicateHint)
            }
            for directive in policy.directives {
                let at = { meta.position(of: nil, in: directive.name) }
                if CSPDirectiveNames.retired.contains(directive.name) {
                    out.warning(Message.retired(directive.name), on: meta.element, at: at(), hint: Message.retiredHint)
                    continue
                }
                guard CSPDirectiveNames.known.contains(directive.name) else {
                    let guess = Suggestion.closest(to: directive.name, in: Array(CSPDirectiveNames.known).sorted())
                    out.error(Message.unknown(directive.name, guess), on: meta.element, at: at(), hint: Message.unknownHint)
                    continue
                }
                if CSPDirectiveNames.sourceLists.contains(directive.name) { checkSources(directive, meta, &out) }
            }
        }
    }

    func checkSources(_ directive: CSPPolicy.Directive, _ meta: PageCSP.Meta, _ out: inout RuleOutput) {
        var sawNone = false
        for token in directive.sources {
            let at = { meta.position(of: token, in: directive.name) }
            switch CSPSourceExpression(token) {
            case .none:
                sawNone = true
            case .malformed(let reason):
                out.error(Message.malformed(directive.name, token, reason), on: meta.element, at: at(), hint: Message.malformedHint(reason))
            case .host(let host) where host.scheme == nil && host.port == nil && host.path.isEmpty:
                let lower = token.asciiLowercased
                if Self.unquotedKeywords.contains(lower) || lower.hasPrefix("nonce-") || lower.hasPrefix("sha256-")
                    || lower.hasPrefix("sha384-") || lower.hasPrefix("sha512-") {
                    out.warning(Message.unquoted(directive.name, token), on: meta.element, at: at(), hint: Message.unquotedHint(token))
                }
            default:
                break
            }
        }
        if sawNone && directive.sources.count > 1 {
            out.error(Message.noneIgnored(directive.name), on: meta.element, at: meta.position(of: "'none'", in: directive.name), hint: Message.noneHint)
        }
    }

    /// The second `name` directive of the policy (the one browsers ignore).
    static func position(ofSecond name: String, in meta: PageCSP.Meta) -> Position? {
        guard let content = meta.element.attribute("content") else { return nil }
        let lower = content.value.asciiLowercased
        guard let first = PageCSP.directiveRange(name, in: lower),
              let second = PageCSP.directiveRange(name, in: lower, from: first.upperBound) else { return content.position }
        let offset = lower.utf8.distance(from: lower.utf8.startIndex, to: second.lowerBound)
        return content.position(ofValueOffset: offset)
    }
}

private enum Message {
    /// A token in quotes, unless it has its own (`'self'`).
    static func quoted(_ token: String) -> String { token.hasPrefix("'") ? token.clipped(60) : "'\(token.clipped(60))'" }

    static func unknown(_ name: String, _ guess: String? = nil) -> String {
        "unknown Content-Security-Policy directive '\(name.clipped(40))'" + (guess.map { " (did you mean '\($0)'?)" } ?? "") + ": browsers ignore it"
    }
    static let unknownHint = "use a CSP3 directive name (script-src, object-src, base-uri, frame-src…)"
    static func duplicate(_ name: String) -> String { "\(name) is written twice: browsers use the first one and ignore this one" }
    static let duplicateHint = "merge the sources into one directive"
    static func retired(_ name: String) -> String { "\(name) is no longer enforced by browsers" }
    static let retiredHint = "remove it (block-all-mixed-content: upgrade-insecure-requests; plugin-types: object-src 'none')"
    static func malformed(_ directive: String, _ token: String, _ reason: CSPSourceExpression.Reason) -> String {
        switch reason {
        case .badQuoted:
            return "\(directive) source \(quoted(token)) is not a CSP3 keyword, nonce or hash: browsers skip it (a malformed nonce or hash leaves 'unsafe-inline' in force)"
        case .badHost:
            return "\(directive) source \(quoted(token)) is not a valid scheme, host or path: browsers skip it or read it otherwise"
        }
    }
    static func malformedHint(_ reason: CSPSourceExpression.Reason) -> String {
        switch reason {
        case .badQuoted: return "write 'self', 'nonce-<base64>' or 'sha256-<base64>' (base64 letters, digits, + / - _ and up to two =)"
        case .badHost: return "write a scheme (https:), or a host such as https://vendor.example or https://*.vendor.example"
        }
    }
    static func unquoted(_ directive: String, _ token: String) -> String {
        "\(directive) source \(token.clipped(60)) has no quotes: browsers read it as a host name, not as a keyword"
    }
    static func unquotedHint(_ token: String) -> String { "write '\(token.clipped(60))' with single quotes if you meant the keyword" }
    static func noneIgnored(_ directive: String) -> String {
        "\(directive) has 'none' next to other sources: browsers ignore 'none' and allow the other sources"
    }
    static let noneHint = "write 'none' alone, or remove it"
}
