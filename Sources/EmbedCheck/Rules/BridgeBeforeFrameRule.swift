import EmbedCore
import EmbedVendors

/// A vendor app that posts its single `ready` when it mounts (web-agent, Apizee Embed) must
/// find the page's `message` listener already registered: the bridge script runs before the
/// frame in document order, and is not deferred.
public struct BridgeBeforeFrameRule: CheckRule {
    public let id = "bridge-before-frame"
    public let summary = "the host bridge script runs before any agent frame (web-agent, Apizee Embed)"
    public let defaultSeverity: Severity = .error
    public init() {}

    public func check(_ page: Page, _ context: RuleContext, _ out: inout RuleOutput) {
        let bridges = page.elements(named: "script").filter { $0.isHTML && Self.isBridge($0) }
        guard !bridges.isEmpty else { return }
        let runsEarly = bridges.filter { !Self.isDeferred($0) }
        for frame in page.elements(named: "iframe") where frame.isHTML {
            guard let src = frame.attribute("src"), let url = src.url?.url,
                  let app = VendorFrames.app(for: url), app.sendsReadyOnce else { continue }
            if let early = runsEarly.first, early.order < frame.order { continue }
            if let deferred = bridges.first(where: { $0.order < frame.order && Self.isDeferred($0) }) {
                out.error(Message.deferred(app.id, deferred.position), on: frame, at: src.position, hint: Message.hint)
            } else {
                out.error(Message.after(app.id, bridges[0].position), on: frame, at: src.position, hint: Message.hint)
            }
        }
    }

    /// The embedsmith bridge file, or an inline classic script that listens for messages.
    static func isBridge(_ script: PageElement) -> Bool {
        if let src = script.attribute("src") {
            guard let url = src.url?.url else { return false }
            return HostBridge.isBridgeScript(path: url.pathname)
        }
        guard PageCSP.isExecutable(script) else { return false }
        let text = script.text
        return text.contains("addEventListener(\"message\"") || text.contains("addEventListener('message'")
            || text.contains("onmessage")
    }

    /// Runs after parsing (or whenever it arrives): `defer`, `async` or a module.
    static func isDeferred(_ script: PageElement) -> Bool {
        script.value("type")?.trimmingHTMLSpace.asciiLowercased == "module" || script.has("async")
            || (script.has("defer") && script.has("src"))
    }
}

private enum Message {
    static func after(_ app: String, _ bridge: Position) -> String {
        "\(app) frame comes before the bridge script (\(bridge.line):\(bridge.column)): the app's single 'ready' message can arrive before anyone listens"
    }
    static func deferred(_ app: String, _ bridge: Position) -> String {
        "the bridge script before this \(app) frame (\(bridge.line):\(bridge.column)) is deferred or async: it may run after the app sent 'ready'"
    }
    static let hint = "load the bridge with a plain <script src> in <head>, before any agent frame"
}
