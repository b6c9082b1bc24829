import EmbedCore

/// No `'unsafe-inline'` for scripts (an error where it takes effect in every policy; a warning
/// where well-formed hashes, nonces or `'strict-dynamic'` make browsers ignore it), none for
/// styles.
public struct CSPUnsafeInlineRule: CheckRule {
    public let id = "csp-unsafe-inline"
    public let summary = "the CSP never allows inline script or style with 'unsafe-inline'"
    public let defaultSeverity: Severity = .error
    public init() {}

    public func check(_ page: Page, _ context: RuleContext, _ out: inout RuleOutput) {
        let metas = page.csp.metas
        let inForce = page.cspWeaknesses.filter { $0.category == .unsafeInlineScript }
        for weakness in inForce {
            let meta = metas[weakness.policy]
            out.error(Message.scripts(weakness.directive ?? "script-src"), on: meta.element,
                      at: meta.position(of: weakness.source, in: weakness.directive), hint: Message.hint)
        }
        for (index, meta) in metas.enumerated() {
            var reported: Set<String> = Set(inForce.filter { $0.policy == index }.compactMap(\.directive))
            for name in ["script-src", "script-src-elem", "script-src-attr", "style-src", "style-src-elem", "style-src-attr"] {
                guard let directive = meta.policy.effective(name), !reported.contains(directive.name) else { continue }
                let list = CSPSourceList(directive.sources)
                guard list.allowsUnsafeInline else { continue }
                reported.insert(directive.name)
                let at = meta.position(of: "'unsafe-inline'", in: directive.name)
                if name.hasPrefix("script") {
                    // Not in force here: neutralised in this policy, or blocked by another one.
                    let neutralised = list.hasHashOrNonce || list.hasStrictDynamic
                    out.warning(neutralised ? Message.ignored(directive.name) : Message.blockedElsewhere(directive.name), on: meta.element, at: at, hint: Message.hint)
                } else {
                    out.warning(Message.styles(directive.name), on: meta.element, at: at, hint: Message.hint)
                }
            }
        }
    }
}

private enum Message {
    static func scripts(_ directive: String) -> String { "\(directive) allows 'unsafe-inline': any injected <script> or on* handler runs" }
    static func ignored(_ directive: String) -> String {
        "\(directive) has 'unsafe-inline' next to hashes or nonces: current browsers ignore it, only very old ones obey it"
    }
    static func blockedElsewhere(_ directive: String) -> String {
        "\(directive) allows 'unsafe-inline'; another Content-Security-Policy of the page blocks inline script, so it has no effect"
    }
    static func styles(_ directive: String) -> String { "\(directive) allows 'unsafe-inline': injected styles can restyle or hide the page" }
    static let hint = "remove 'unsafe-inline' and allow each inline block by its sha256 hash"
}
