import EmbedCore

/// The page carries a Content-Security-Policy `<meta>` that a browser applies.
public struct CSPPresentRule: CheckRule {
    public let id = "csp-present"
    public let summary = "the page has a Content-Security-Policy <meta> in <head>"
    public let defaultSeverity: Severity = .error
    public init() {}

    public func check(_ page: Page, _ context: RuleContext, _ out: inout RuleOutput) {
        let metas = page.csp.metas
        if metas.isEmpty {
            let head = page.elements(named: "head").first { $0.isHTML } ?? page.documentElement
            out.error(Message.missing, on: page.documentElement, at: head.position, hint: Message.hint)
        } else if metas.allSatisfy({ $0.policy.directives.isEmpty }) {
            out.error(Message.empty, on: metas[0].element, hint: Message.hint)
        }
    }
}

private enum Message {
    static let missing = "no Content-Security-Policy <meta> in <head>: any injected script or frame would run"
    static let empty = "the Content-Security-Policy <meta> has no directive: it restricts nothing"
    static let hint = "add <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'sha384-…' (each script file's integrity); frame-src https://vendor.example; base-uri 'none'; object-src 'none'\"> first in <head>"
}
