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
        let inForce = page.cspWeaknesses.filter { $0.weakness.category == .unsafeInlineScript }
        var reportedIn: [String: Set<String>] = [:]
        for located in inForce {
            guard let policy = located.policy, let directive = located.weakness.directive else { continue }
            reportedIn[policy.identity, default: []].insert(directive)
            out.error(Message.scripts(directive) + policy.origin, on: policy.element(page),
                      at: policy.position(of: located.weakness.source, in: directive, page: page), hint: Message.hint)
        }
        for meta in page.csp.metas {
            var reported = reportedIn["meta:\(meta.element.order)"] ?? []
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
