import EmbedCore
import EmbedVendors

/// `allow-scripts` with `allow-same-origin` on a same-origin frame: the framed script can remove
/// its own sandbox. On a cross-origin frame the pair is no escape (the framed page cannot reach
/// this one), and vendors such as ChatApp need it for their own cookies: no finding (issue 4).
public struct SandboxEscapeRule: CheckRule {
    public let id = "sandbox-escape"
    public let summary = "no allow-scripts with allow-same-origin on a same-origin frame"
    public let defaultSeverity: Severity = .error
    public init() {}

    public func check(_ page: Page, _ context: RuleContext, _ out: inout RuleOutput) {
        for frame in page.elements(named: "iframe") where frame.isHTML {
            guard let sandbox = frame.attribute("sandbox") else { continue }
            let tokens = Set(sandbox.value.splitOnHTMLSpace.map { $0.asciiLowercased })
            guard tokens.contains("allow-scripts"), tokens.contains("allow-same-origin") else { continue }
            if let why = Self.sameOriginReason(frame, page) {
                out.error(Message.sameOrigin(why), on: frame, at: sandbox.position, hint: Message.sameOriginHint)
            }
        }
    }

    /// Why the framed document shares this page's origin, or nil if it is cross-origin.
    static func sameOriginReason(_ frame: PageElement, _ page: Page) -> String? {
        if frame.has("srcdoc") { return "srcdoc content has this page's origin" }
        guard let src = frame.attribute("src"), !src.value.trimmingHTMLSpace.isEmpty, let resolved = src.url else {
            // An empty frame the bridge navigates once it has a token runs nothing before that:
            // judge the URL it will load.
            if !frame.has("src"), let id = frame.value("id"), let later = page.runTimeFrameSources[id],
               let url = try? WebURL.parse(later), url.scheme == "https", url.origin != page.origin {
                return nil
            }
            return "a frame without src is about:blank, with this page's origin"
        }
        if let scheme = resolved.scheme, ["about", "data", "blob", "javascript"].contains(scheme) {
            return "a \(scheme): frame is not a vendor origin"
        }
        if !resolved.hasScheme { return "src '\(src.value.clipped(60))' is relative: same origin as this page" }
        if resolved.isSameOrigin(as: page) { return "src is on this page's own origin" }
        if resolved.url == nil { return "src cannot be parsed, so its origin is unknown" }
        return nil
    }
}

private enum Message {
    static func sameOrigin(_ why: String) -> String {
        "sandbox has allow-scripts and allow-same-origin on a same-origin frame (\(why)): the framed script can remove its own sandbox"
    }
    static let sameOriginHint = "drop allow-same-origin (or allow-scripts); a same-origin frame with both is not sandboxed at all"
}
