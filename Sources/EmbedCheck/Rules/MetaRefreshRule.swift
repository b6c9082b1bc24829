import EmbedCore

/// No `<meta http-equiv="refresh">`: it navigates every visitor without a click, no CSP
/// directive governs it, and it is obeyed in `<body>` too, so a page whose HTML a tenant
/// writes can send visitors to a file of the tenant's (or anywhere).
public struct MetaRefreshRule: CheckRule {
    public let id = "meta-refresh"
    public let summary = "no <meta http-equiv=refresh>"
    public let defaultSeverity: Severity = .error
    public init() {}

    public func check(_ page: Page, _ context: RuleContext, _ out: inout RuleOutput) {
        for meta in page.elements(named: "meta") where meta.isHTML {
            guard let equiv = meta.attribute("http-equiv"), equiv.value.trimmingHTMLSpace.asciiLowercased == "refresh" else { continue }
            let target = URLSchemeRule.refreshURL(meta).map { " to '\($0.clipped(60))'" } ?? ""
            out.error("<meta http-equiv=\"refresh\">\(target) navigates every visitor without a click, and no Content-Security-Policy directive stops it",
                      on: meta, at: equiv.position, hint: "link to the page instead, or redirect on the server (a _redirects rule)")
        }
    }
}
