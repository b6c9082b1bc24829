import EmbedCore

/// A page under a `_headers` file is served, on each host and at each URL the host serves it
/// at, with a `frame-ancestors` policy (or `X-Frame-Options`): a `<meta>` cannot carry
/// `frame-ancestors`, so without the header any site can frame the page (clickjacking).
public struct HeadersFrameAncestorsRule: CheckRule {
    public let id = "headers-frame-ancestors"
    public let summary = "_headers serves every page with frame-ancestors, on every host and URL"
    public let defaultSeverity: Severity = .error
    public init() {}

    public func check(_ page: Page, _ context: RuleContext, _ out: inout RuleOutput) {
        guard let headers = page.headers else { return }
        var reported: Set<String> = []
        for served in headers.served {
            let ancestors = served.policies.compactMap { $0.policy.directive("frame-ancestors") }
            if ancestors.isEmpty {
                guard served.headers["x-frame-options"] == nil else { continue }
                out.error(Message.missing(served.label, headers.context.displayPath), on: page.documentElement, hint: Message.hint)
                continue
            }
            for directive in ancestors {
                for source in directive.sources where ["*", "https:", "http:"].contains(source.asciiLowercased) {
                    guard reported.insert(source + served.label).inserted else { continue }
                    out.error(Message.broad(source, served.label), on: page.documentElement, hint: Message.hint)
                }
            }
        }
    }
}

private enum Message {
    static func missing(_ served: String, _ file: String) -> String {
        "served \(served) without frame-ancestors (nor X-Frame-Options) by \(file): any site can frame this page"
    }
    static func broad(_ source: String, _ served: String) -> String {
        "served \(served) with frame-ancestors '\(source)': any site can frame this page"
    }
    static let hint = "add a rule for this URL with Content-Security-Policy: …; frame-ancestors 'self' https://your-app.example (Cloudflare Pages serves p.html at /p)"
}
