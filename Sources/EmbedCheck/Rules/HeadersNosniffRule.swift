import EmbedCore

/// A page under a `_headers` file is served with `X-Content-Type-Options: nosniff` on every
/// host and URL: without it a browser may sniff a tenant's uploaded file into HTML or script.
public struct HeadersNosniffRule: CheckRule {
    public let id = "headers-nosniff"
    public let summary = "_headers serves every page with X-Content-Type-Options: nosniff"
    public let defaultSeverity: Severity = .error
    public init() {}

    public func check(_ page: Page, _ context: RuleContext, _ out: inout RuleOutput) {
        guard let headers = page.headers else { return }
        for served in headers.served {
            let value = served.headers["x-content-type-options"]?.value.asciiLowercased ?? ""
            guard !value.split(separator: ",").contains(where: { $0.trimmingHTMLSpaceSubstring == "nosniff" }) else { continue }
            out.error(Message.missing(served.label, headers.context.displayPath), on: page.documentElement, hint: Message.hint)
        }
    }
}

private extension Substring {
    var trimmingHTMLSpaceSubstring: String { String(self).trimmingHTMLSpace }
}

private enum Message {
    static func missing(_ served: String, _ file: String) -> String {
        "served \(served) without X-Content-Type-Options: nosniff by \(file): browsers may sniff files into another type"
    }
    static let hint = "add 'X-Content-Type-Options: nosniff' under the /* rule"
}
