import EmbedCore

/// Features in `<iframe allow>` are delegated to the frame's own origin only: no `*`, no
/// `'self'` for a cross-origin frame, and every written origin equal to the frame's.
public struct AllowOriginRule: CheckRule {
    public let id = "allow-origin"
    public let summary = "iframe allow delegates features to the frame's own origin only (no *, no other origin)"
    public let defaultSeverity: Severity = .error
    public init() {}

    public func check(_ page: Page, _ context: RuleContext, _ out: inout RuleOutput) {
        for frame in page.elements(named: "iframe") where frame.isHTML {
            let frameURL = frame.attribute("src")?.url?.url
            let frameOrigin = frameURL?.origin
            let sameOrigin = frame.attribute("src")?.url?.isSameOrigin(as: page) ?? false
            if let full = frame.attribute("allowfullscreen"), !(frame.value("allow").map { AllowAttribute($0).directives.contains { $0.feature == "fullscreen" } } ?? false) {
                out.warning(Message.allowFullscreen, on: frame, at: full.position, hint: Message.allowFullscreenHint)
            }
            guard let allow = frame.attribute("allow") else { continue }
            for directive in AllowAttribute(allow.value).directives {
                let feature = String(directive.feature)
                for member in directive.allowlist {
                    let lower = member.asciiLowercased
                    let at = { allow.position(of: member) }
                    switch lower {
                    case "*":
                        out.error(Message.star(feature), on: frame, at: at(), hint: Message.exactHint)
                    case "'src'", "'none'":
                        continue
                    case "'self'":
                        if !sameOrigin, frameOrigin != nil {
                            out.error(Message.selfOnCrossOrigin(feature), on: frame, at: at(), hint: Message.srcHint)
                        }
                    default:
                        // Browsers drop a member that is no URL, has an opaque origin, is a blob:
                        // (or filesystem:) URL, or carries user info (seen running WPT pages).
                        guard let url = AllowOriginRule.origin(of: member) else {
                            out.error(Message.notAnOrigin(String(member), feature), on: frame, at: at(), hint: Message.exactHint)
                            continue
                        }
                        if let frameOrigin, frameOrigin != "null", url.origin != frameOrigin {
                            // A feature is granted when any member matches the frame, not member by member.
                            if AllowOriginRule.grants(directive, frameOrigin: frameOrigin) {
                                out.warning(Message.extraOrigin(feature, url.origin), on: frame, at: at(), hint: Message.srcHint)
                            } else {
                                out.error(Message.otherOrigin(feature, url.origin, frameOrigin), on: frame, at: at(), hint: Message.srcHint)
                            }
                        }
                    }
                }
            }
        }
    }
}

extension AllowOriginRule {
    /// An allowlist member as browsers keep it: a URL with a tuple origin, not blob: or
    /// filesystem:, without user info.
    static func origin(of member: Substring) -> WebURL? {
        guard let url = try? WebURL.parse(String(member)), url.origin != "null",
              url.scheme != "blob", url.scheme != "filesystem", url.username.isEmpty, url.password.isEmpty else { return nil }
        return url
    }

    /// The frame gets the feature: an empty allowlist or `'src'` (the frame's src), `*`, or a
    /// member with the frame's origin.
    static func grants(_ directive: AllowAttribute.Directive, frameOrigin: String) -> Bool {
        directive.allowlist.isEmpty || directive.allowlist.contains { member in
            let lower = member.asciiLowercased
            return lower == "'src'" || lower == "*" || origin(of: member)?.origin == frameOrigin
        }
    }
}

private enum Message {
    static func extraOrigin(_ feature: String, _ origin: String) -> String {
        "allow '\(feature)' also names \(origin): the frame gets \(feature) through its own origin, and would keep it on navigating there"
    }
    static func star(_ feature: String) -> String {
        "allow '\(feature.clipped(40)) *' delegates the feature to any origin the frame navigates to"
    }
    static let exactHint = "write the frame's exact origin (https://vendor.example) or nothing (which means the frame's src)"
    static func selfOnCrossOrigin(_ feature: String) -> String {
        "allow '\(feature.clipped(40)) 'self'' names this page's origin, not the frame's: the vendor frame does not get \(feature.clipped(40))"
    }
    static let srcHint = "write the frame's own origin, or leave the allowlist empty (it then means the frame's src)"
    static func notAnOrigin(_ member: String, _ feature: String) -> String {
        "allow '\(feature.clipped(40))': '\(member.clipped(60))' is not an origin; browsers drop it"
    }
    static func otherOrigin(_ feature: String, _ origin: String, _ frameOrigin: String) -> String {
        "allow '\(feature.clipped(40))' names \(origin.clipped(40)), but the frame loads \(frameOrigin.clipped(40)): the frame does not get \(feature.clipped(40)), another origin would"
    }
    static let allowFullscreen = "allowfullscreen grants fullscreen to any origin the frame navigates to (it means 'fullscreen *')"
    static let allowFullscreenHint = "write allow=\"fullscreen\" instead (the frame's own origin only)"
}
