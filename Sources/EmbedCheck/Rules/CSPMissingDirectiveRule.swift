import EmbedCore

/// The page's policies restrict scripts (`script-src` or `default-src`) and plugins
/// (`object-src` or `default-src`), and a policy that trusts nonces, or hashes with
/// `'strict-dynamic'`, sets `base-uri` (else an injected `<base>` makes the page load its
/// relative scripts from the attacker's host). Google's CSP Evaluator: `missing-*`, HIGH.
public struct CSPMissingDirectiveRule: CheckRule {
    public let id = "csp-missing-directive"
    public let summary = "the CSP restricts scripts and plugins, and sets base-uri when it trusts nonces"
    public let defaultSeverity: Severity = .error
    public init() {}

    public func check(_ page: Page, _ context: RuleContext, _ out: inout RuleOutput) {
        let first = page.csp.metas.first?.element ?? page.documentElement
        let at = first.attribute("content")?.position
        for weakness in page.cspWeaknesses.map(\.weakness) {
            switch weakness.category {
            case .missingScriptSrc: out.error(Message.noScriptSrc, on: first, at: at, hint: Message.scriptHint)
            case .missingObjectSrc: out.error(Message.noObjectSrc, on: first, at: at, hint: Message.objectHint)
            case .missingBaseURI: out.error(Message.noBaseURI, on: first, at: at, hint: Message.baseHint)
            default: continue
            }
        }
    }
}

private enum Message {
    static let noScriptSrc = "the Content-Security-Policy has no script-src (nor default-src): every injected script runs"
    static let scriptHint = "add script-src with the hash of each script: an inline script's text, a file's integrity (rather than 'self', which allows every file on the origin)"
    static let noObjectSrc = "the Content-Security-Policy has no object-src (nor default-src): an injected <object> or <embed> loads any plugin content"
    static let objectHint = "add object-src 'none' (or default-src 'none')"
    static let noBaseURI = "the Content-Security-Policy trusts nonces (or hashes with 'strict-dynamic') but has no base-uri: an injected <base> makes relative scripts load from another host"
    static let baseHint = "add base-uri 'none' (or 'self')"
}
