import EmbedCore

/// Sandbox keywords that contradict each other or do nothing together.
public struct SandboxConflictRule: CheckRule {
    public let id = "sandbox-conflict"
    public let summary = "no allow-top-navigation together with allow-top-navigation-by-user-activation (and no keyword without effect)"
    public let defaultSeverity: Severity = .error
    public init() {}

    public func check(_ page: Page, _ context: RuleContext, _ out: inout RuleOutput) {
        for frame in page.elements(named: "iframe") where frame.isHTML {
            guard let sandbox = frame.attribute("sandbox") else { continue }
            let tokens = Set(sandbox.value.splitOnHTMLSpace.map { $0.asciiLowercased })
            if tokens.contains("allow-top-navigation") && tokens.contains("allow-top-navigation-by-user-activation") {
                out.error(Message.topNavigation, on: frame, at: sandbox.position, hint: Message.topNavigationHint)
            }
            if tokens.contains("allow-top-navigation-to-custom-protocols")
                && (tokens.contains("allow-popups") || tokens.contains("allow-top-navigation")) {
                out.warning(Message.customProtocols, on: frame, at: sandbox.position, hint: Message.customProtocolsHint)
            }
            if tokens.contains("allow-popups-to-escape-sandbox") && !tokens.contains("allow-popups") {
                out.warning(Message.escapeWithoutPopups, on: frame, at: sandbox.position, hint: Message.escapeWithoutPopupsHint)
            }
        }
    }
}

private enum Message {
    static let topNavigation = "sandbox has both allow-top-navigation and allow-top-navigation-by-user-activation: HTML forbids the pair, and only allow-top-navigation (navigation without a click) takes effect"
    static let topNavigationHint = "keep allow-top-navigation-by-user-activation alone (the frame may navigate the page only when the user clicks)"
    static let customProtocols = "allow-top-navigation-to-custom-protocols has no effect next to allow-popups or allow-top-navigation"
    static let customProtocolsHint = "remove allow-top-navigation-to-custom-protocols"
    static let escapeWithoutPopups = "allow-popups-to-escape-sandbox has no effect without allow-popups"
    static let escapeWithoutPopupsHint = "remove it, or add allow-popups if the vendor app opens windows"
}
