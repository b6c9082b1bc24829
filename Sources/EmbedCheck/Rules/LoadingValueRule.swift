import EmbedCore

/// `loading` on `<iframe>` and `<img>` is `lazy` or `eager` (anything else silently means eager).
public struct LoadingValueRule: CheckRule {
    public let id = "loading-value"
    public let summary = "loading on iframe and img is lazy or eager"
    public let defaultSeverity: Severity = .error
    public init() {}

    public func check(_ page: Page, _ context: RuleContext, _ out: inout RuleOutput) {
        for element in page.elements(named: "iframe") + page.elements(named: "img") where element.isHTML {
            guard let attribute = element.attribute("loading") else { continue }
            let value = attribute.value.asciiLowercased
            if value != "lazy" && value != "eager" {
                out.error(Message.invalid(attribute.value), on: element, at: attribute.position, hint: Message.hint)
            }
        }
    }
}

private enum Message {
    static func invalid(_ value: String) -> String {
        "loading '\(value.clipped(60))' is not lazy or eager: browsers treat it as eager"
    }
    static let hint = "write loading=\"lazy\" or loading=\"eager\" (or leave it out)"
}
