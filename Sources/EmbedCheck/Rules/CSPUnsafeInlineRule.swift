import EmbedCore

/// No `'unsafe-inline'` for scripts (an error where it takes effect; a warning where hashes
/// already make browsers ignore it), none for styles, and scripts are restricted at all.
public struct CSPUnsafeInlineRule: CheckRule {
    public let id = "csp-unsafe-inline"
    public let summary = "the CSP never allows inline script or style with 'unsafe-inline'"
    public let defaultSeverity: Severity = .error
    public init() {}

    public func check(_ page: Page, _ context: RuleContext, _ out: inout RuleOutput) {
        for meta in page.csp.metas {
            let content = meta.element.attribute("content")
            if meta.policy.effective("script-src") == nil {
                out.error(Message.noScriptSrc, on: meta.element, at: content?.position, hint: Message.noScriptSrcHint)
            }
            var reported: Set<String> = []
            for name in ["script-src", "script-src-elem", "script-src-attr", "style-src", "style-src-elem", "style-src-attr"] {
                guard let directive = meta.policy.effective(name), !reported.contains(directive.name) else { continue }
                let list = CSPSourceList(directive.sources)
                guard list.allowsUnsafeInline else { continue }
                reported.insert(directive.name)
                let at = content?.position(ofText: "'unsafe-inline'")
                let isScript = name.hasPrefix("script")
                let neutralised = list.hasHashOrNonce || list.hasStrictDynamic
                if isScript && !neutralised {
                    out.error(Message.scripts(directive.name), on: meta.element, at: at, hint: Message.hint)
                } else {
                    out.warning(isScript ? Message.ignored(directive.name) : Message.styles(directive.name), on: meta.element, at: at, hint: Message.hint)
                }
            }
        }
    }
}

private enum Message {
    static let noScriptSrc = "the Content-Security-Policy has no script-src (nor default-src): every inline script runs"
    static let noScriptSrcHint = "add script-src with the hash of each script: an inline script's text, a file's integrity (rather than 'self', which allows every file on the origin)"
    static func scripts(_ directive: String) -> String { "\(directive) allows 'unsafe-inline': any injected <script> or on* handler runs" }
    static func ignored(_ directive: String) -> String {
        "\(directive) has 'unsafe-inline' next to hashes or nonces: current browsers ignore it, only very old ones obey it"
    }
    static func styles(_ directive: String) -> String { "\(directive) allows 'unsafe-inline': injected styles can restyle or hide the page" }
    static let hint = "remove 'unsafe-inline' and allow each inline block by its sha256 hash"
}
