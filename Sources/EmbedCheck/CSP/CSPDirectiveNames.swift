/// Directive names of CSP Level 3 (https://w3c.github.io/webappsec-csp/#csp-directives) and
/// the specs that extend it (Trusted Types, Fenced Frames, WebRTC), and the names browsers
/// no longer enforce.
enum CSPDirectiveNames {
    /// Directives whose value is a source list.
    static let sourceLists: Set<String> = [
        "default-src", "child-src", "connect-src", "font-src", "frame-src", "img-src", "manifest-src", "media-src",
        "object-src", "script-src", "script-src-elem", "script-src-attr", "style-src", "style-src-elem",
        "style-src-attr", "worker-src", "fenced-frame-src", "base-uri", "form-action", "frame-ancestors",
    ]

    /// Every directive a current browser enforces.
    static let known: Set<String> = sourceLists.union([
        "sandbox", "report-uri", "report-to", "upgrade-insecure-requests", "require-trusted-types-for",
        "trusted-types", "webrtc",
    ])

    /// Removed from the specs or never shipped; browsers ignore them.
    static let retired: Set<String> = [
        "block-all-mixed-content", "plugin-types", "prefetch-src", "navigate-to", "require-sri-for", "referrer",
        "reflected-xss", "disown-opener", "policy-uri",
    ]
}
