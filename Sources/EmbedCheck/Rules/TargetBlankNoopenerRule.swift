import EmbedCore

/// A link that opens a new browsing context (`target="_blank"`, or any link under
/// `<base target="_blank">`) carries `rel="noopener"` or `rel="noreferrer"`, and never `rel="opener"`.
public struct TargetBlankNoopenerRule: CheckRule {
    public let id = "target-blank-noopener"
    public let summary = "target=_blank links and forms carry rel=noopener (or noreferrer), never rel=opener"
    public let defaultSeverity: Severity = .error
    public init() {}

    public func check(_ page: Page, _ context: RuleContext, _ out: inout RuleOutput) {
        let baseTarget = page.elements(named: "base").first { $0.isHTML && $0.has("target") }?.value("target")
        for element in page.elements where element.isHTML && ["a", "area", "form"].contains(element.name) {
            if element.name != "form" && !element.has("href") { continue }
            let target = element.value("target") ?? (element.name == "form" ? nil : baseTarget)
            guard let target, target.trimmingHTMLSpace.asciiLowercased == "_blank" else { continue }
            let rel = Page.relTokens(element)
            let at = element.attribute("rel")?.position ?? element.attribute("target")?.position
            let inherited = !element.has("target")
            if rel.contains("opener") && !rel.contains("noopener") && !rel.contains("noreferrer") {
                out.error(Message.opener(element.name), on: element, at: at, hint: Message.hint)
            } else if !rel.contains("noopener") && !rel.contains("noreferrer") {
                out.error(Message.missing(element.name, inherited), on: element, at: at, hint: Message.hint)
            }
        }
    }
}

private enum Message {
    static func opener(_ name: String) -> String {
        "<\(name) target=\"_blank\" rel=\"opener\"> gives the opened page window.opener: it can navigate this page to a phishing copy"
    }
    static func missing(_ name: String, _ inherited: Bool) -> String {
        "<\(name)> opens a new tab\(inherited ? " (target=_blank from <base>)" : "") without rel=\"noopener\": older browsers give the opened page window.opener"
    }
    static let hint = "add rel=\"noopener noreferrer\""
}
