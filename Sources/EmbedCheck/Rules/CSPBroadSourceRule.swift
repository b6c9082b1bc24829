import EmbedCore

/// `script-src` (or the `default-src` it falls back to), `object-src` and `base-uri` name no
/// `*` host and no whole scheme (`https:`, `http:`, `data:`, `blob:`, `filesystem:`): each lets
/// an attacker load script from a server of their own. Google's CSP Evaluator:
/// `wildcard-*` and `scheme-*`, HIGH. `'strict-dynamic'` makes such sources inert in `script-src`.
public struct CSPBroadSourceRule: CheckRule {
    public let id = "csp-broad-source"
    public let summary = "script-src, object-src and base-uri name exact hosts, never * or a whole scheme"
    public let defaultSeverity: Severity = .error
    public init() {}

    public func check(_ page: Page, _ context: RuleContext, _ out: inout RuleOutput) {
        for located in page.cspWeaknesses where located.weakness.category.rule == id {
            let weakness = located.weakness
            guard let policy = located.policy, let directive = weakness.directive, let source = weakness.source else { continue }
            let wildcard = [.wildcardScript, .wildcardObject, .wildcardBaseURI].contains(weakness.category)
            out.error(Message.broad(directive, source, wildcard: wildcard, what: Message.what(weakness.category)) + policy.origin,
                      on: policy.element(page), at: policy.position(of: source, in: directive, page: page), hint: Message.hint(weakness.category))
        }
    }
}

private enum Message {
    static func what(_ category: CSPWeakness.Category) -> String {
        switch category {
        case .schemeObject, .wildcardObject: "plugin content (<object>, <embed>)"
        case .schemeBaseURI, .wildcardBaseURI: "a <base> URL, and with it every relative script"
        default: "script"
        }
    }
    static func broad(_ directive: String, _ source: String, wildcard: Bool, what: String) -> String {
        let from = wildcard ? "any host" : "any \(source) URL"
        return "\(directive) allows '\(source.clipped(60))': \(what) can come from \(from), an attacker's included"
    }
    static func hint(_ category: CSPWeakness.Category) -> String {
        switch category {
        case .schemeObject, .wildcardObject: "use object-src 'none'"
        case .schemeBaseURI, .wildcardBaseURI: "use base-uri 'none' (or 'self')"
        default: "allow scripts by hash (an inline script's text, a file's integrity) or list exact https origins; or add 'strict-dynamic' with nonces or hashes"
        }
    }
}
