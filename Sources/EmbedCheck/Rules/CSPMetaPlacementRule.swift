import EmbedCore

/// A CSP `<meta>` only works in `<head>`, before the scripts, styles and links it should
/// govern, and without the directives a `<meta>` cannot deliver.
public struct CSPMetaPlacementRule: CheckRule {
    public let id = "csp-meta-placement"
    public let summary = "the CSP <meta> is in <head> before any script, link or style, without frame-ancestors, report-uri or sandbox"
    public let defaultSeverity: Severity = .error
    public init() {}

    static let metaForbidden = ["frame-ancestors", "report-uri", "sandbox"]

    public func check(_ page: Page, _ context: RuleContext, _ out: inout RuleOutput) {
        for meta in page.elements(named: "meta") where meta.isHTML {
            let equiv = meta.value("http-equiv")?.trimmingHTMLSpace.asciiLowercased
            if equiv == "content-security-policy-report-only" {
                out.error(Message.reportOnly, on: meta, at: meta.attribute("http-equiv")?.position, hint: Message.headerHint)
                continue
            }
            guard equiv == "content-security-policy" else { continue }
            guard meta.inHead else {
                out.error(Message.outsideHead, on: meta, hint: Message.moveHint)
                continue
            }
            if let earlier = page.elements.first(where: { $0.order < meta.order && $0.isHTML && ["script", "link", "style"].contains($0.name) }) {
                out.error(Message.after(earlier), on: meta, hint: Message.moveHint)
            }
            let content = meta.attribute("content")
            let policy = page.csp.all.first { $0.element === meta }?.policy ?? CSPPolicy(content?.value ?? "")
            for directive in policy.directives where Self.metaForbidden.contains(directive.name) {
                out.error(Message.forbidden(directive.name), on: meta, at: content?.position(ofText: directive.name), hint: Message.headerHint)
            }
        }
    }
}

private enum Message {
    static let reportOnly = "Content-Security-Policy-Report-Only cannot be delivered in a <meta>: browsers ignore it"
    static let outsideHead = "the Content-Security-Policy <meta> is outside <head>: browsers ignore it"
    static func after(_ element: PageElement) -> String {
        "the Content-Security-Policy <meta> comes after <\(element.name)> at \(element.position.line):\(element.position.column), which loads before the policy applies"
    }
    static let moveHint = "put the CSP <meta> first in <head>, right after <meta charset>"
    static func forbidden(_ name: String) -> String {
        "'\(name.clipped(40))' is ignored in a <meta> policy\(name == "frame-ancestors" ? ": the page can still be framed by anyone" : "")"
    }
    static let headerHint = "send it as an HTTP header (embedsmith build writes it to _headers)"
}
