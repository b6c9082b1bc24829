import EmbedCore

/// No allowlisted host serves JSONP endpoints or old AngularJS files (in `script-src`), or
/// Flash files (in `object-src`): through them an attacker runs code of their choice on a
/// page whose policy trusts the host. The hosts are Google's CSP Evaluator's lists
/// (`CSPAllowlistBypasses`); `'strict-dynamic'` makes a script allowlist inert.
public struct CSPAllowlistBypassRule: CheckRule {
    public let id = "csp-allowlist-bypass"
    public let summary = "the CSP allowlists no host that serves JSONP, old AngularJS or Flash"
    public let defaultSeverity: Severity = .error
    public init() {}

    public func check(_ page: Page, _ context: RuleContext, _ out: inout RuleOutput) {
        for located in page.cspWeaknesses where located.weakness.category.rule == id {
            let weakness = located.weakness
            guard let policy = located.policy, let directive = weakness.directive, let source = weakness.source else { continue }
            let flash = weakness.category == .flashBypass
            out.error(Message.bypass(directive, source, host: weakness.bypass?.host ?? source, serves: weakness.bypass?.serves ?? "scripts") + policy.origin,
                      on: policy.element(page), at: policy.position(of: source, in: directive, page: page), hint: flash ? Message.objectHint : Message.scriptHint)
        }
    }
}

private enum Message {
    static func bypass(_ directive: String, _ source: String, host: String, serves: String) -> String {
        "\(directive) allows '\(source.clipped(60))', and \(host) serves \(serves) that run an attacker's code under this policy"
    }
    static let scriptHint = "allow the exact script by hash (its integrity) instead of the host, or use nonces or hashes with 'strict-dynamic'"
    static let objectHint = "use object-src 'none'"
}
