import EmbedCore

/// The page's CSP lets every iframe load (`frame-src`, else `child-src`, else `default-src`
/// covers its URL), and names origins rather than whole schemes or `*`.
public struct CSPFrameSrcRule: CheckRule {
    public let id = "csp-frame-src"
    public let summary = "CSP frame-src covers every iframe's URL, with exact origins"
    public let defaultSeverity: Severity = .error
    public init() {}

    static let broad: Set<String> = ["*", "https:", "http:", "data:", "blob:", "filesystem:"]

    public func check(_ page: Page, _ context: RuleContext, _ out: inout RuleOutput) {
        let metas = page.csp.metas
        guard !metas.isEmpty else { return }
        let frames = page.elements(named: "iframe").filter(\.isHTML) + page.elements(named: "frame").filter(\.isHTML)
        for meta in metas {
            guard let directive = meta.policy.effective("frame-src") else {
                if !frames.isEmpty { out.warning(Message.unrestricted, on: meta.element, hint: Message.addHint) }
                continue
            }
            let content = meta.element.attribute("content")
            for source in directive.sources where Self.broad.contains(source.asciiLowercased) {
                out.warning(Message.broad(directive.name, source), on: meta.element, at: content?.position(ofText: source), hint: Message.exactHint)
            }
            let list = CSPSourceList(directive.sources)
            for frame in frames {
                guard let src = frame.attribute("src"), !src.value.trimmingHTMLSpace.isEmpty, let url = src.url?.url,
                      !frame.has("srcdoc") else { continue }
                guard !list.allows(url, pageURL: page.pageURL) else { continue }
                if src.url?.isSameOrigin(as: page) == true && !page.knowsItsURL {
                    out.error(Message.blocked("this page's own origin", directive.name, meta.element.position),
                              on: frame, at: src.position, hint: Message.coverHint("'self'", directive.name))
                } else {
                    out.error(Message.blocked(url.origin == "null" ? url.href.clipped(60) : url.origin, directive.name, meta.element.position),
                              on: frame, at: src.position, hint: Message.coverHint(url.origin, directive.name))
                }
            }
        }
    }
}

private enum Message {
    static let unrestricted = "the Content-Security-Policy has no frame-src (nor child-src or default-src): any origin can be framed"
    static let addHint = "add frame-src with exactly the origins the page frames"
    static func broad(_ directive: String, _ source: String) -> String { "\(directive.clipped(40)) allows '\(source.clipped(40))': any page of that kind can be framed" }
    static let exactHint = "list exact origins (https://vendor.example)"
    static func blocked(_ origin: String, _ directive: String, _ meta: Position) -> String {
        "iframe to \(origin) is blocked by \(directive.clipped(40)) of the Content-Security-Policy at \(meta.line):\(meta.column)"
    }
    static func coverHint(_ origin: String, _ directive: String) -> String {
        origin == "null" ? "frame an https URL instead" : "add \(origin) to \(directive.clipped(40))"
    }
}
