import EmbedCore

/// The iframe every agent component emits, and what the page needs for it: the frame's exact
/// origin in frame-src, its features delegated to that origin only, and the bridge settings.
struct AgentFrame {
    var id: String
    var url: SafeURL
    var title: String
    var allow: [String]
    var className = "es-frame es-frame--tall"

    var html: TrustedHTML {
        HTMLElement("iframe", [
            ("id", .token(id)),
            ("class", .token(className)),
            ("title", .text(title)),
            ("src", .url(url)),
            ("allow", .token(allow.joined(separator: "; "))),
            ("referrerpolicy", .token("no-referrer")),
        ]).html
    }

    var csp: CSPContribution {
        var contribution = CSPContribution(frameSources: [url.origin])
        for feature in allow { contribution.delegatedFeatures[feature] = [url.origin] }
        return contribution
    }

    /// UI flags of the bridge (`ui` in the settings contract); agent frames always resize.
    static func ui(controls: Bool, gallery: Bool, toasts: Bool) -> FrameSettings.UI {
        FrameSettings.UI(controls: controls, gallery: gallery, toasts: toasts, resize: true)
    }
}
