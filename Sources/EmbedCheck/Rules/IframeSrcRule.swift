import EmbedCore
import EmbedVendors

/// `<iframe src>` loads a vendor app over https from a host on the vendor list (EmbedVendors'
/// `VendorFrames` plus `check.frameHosts`), as a browser parses the URL.
public struct IframeSrcRule: CheckRule {
    public let id = "iframe-src"
    public let summary = "iframe src is an https URL on an allowed vendor host, as a browser parses it"
    public let defaultSeverity: Severity = .error
    public init() {}

    public func check(_ page: Page, _ context: RuleContext, _ out: inout RuleOutput) {
        for frame in page.elements(named: "iframe") + page.elements(named: "frame") where frame.isHTML {
            if frame.name == "iframe", frame.has("srcdoc") {
                out.warning(Message.srcdoc, on: frame, at: frame.attribute("srcdoc")?.position, hint: Message.srcdocHint)
                continue
            }
            guard let src = frame.attribute("src"), let resolved = src.url, !src.value.trimmingHTMLSpace.isEmpty else { continue }
            // javascript:, data: and vbscript: frames are reported by url-scheme; about:blank
            // loads nothing (a script fills the frame later, which sandbox-escape judges).
            if let scheme = resolved.scheme, ["javascript", "data", "vbscript"].contains(scheme) { continue }
            if resolved.scheme == "about", src.value.trimmingHTMLSpace.asciiLowercased == "about:blank" { continue }
            guard resolved.hasScheme else {
                out.error(Message.relative(src.value), on: frame, at: src.position, hint: Message.relativeHint)
                continue
            }
            let url: WebURL
            switch resolved.result {
            case .failure(.unsupported(let why)):
                out.error(Message.unsupported(src.value, why), on: frame, at: src.position, hint: Message.punycodeHint)
                continue
            case .failure(.invalid(let why)):
                out.error(Message.invalid(src.value, why), on: frame, at: src.position)
                continue
            case .success(let parsed):
                url = parsed
            }
            guard url.scheme == "https" else {
                out.error(Message.notHTTPS(url.scheme), on: frame, at: src.position, hint: Message.httpsHint)
                continue
            }
            let host = url.hostname
            if let reason = VendorFrames.unframeableHosts[host] {
                out.error(Message.unframeable(host, reason), on: frame, at: src.position)
                continue
            }
            if !context.frameHosts.contains(host) {
                var message = Message.hostNotAllowed(host)
                if let naive = Self.naiveHost(src.value), naive != host { message += Message.browserReads(host, naive) }
                out.error(message, on: frame, at: src.position, hint: Message.allowHint(context.frameHosts, host))
            }
        }
    }

    /// The host a person reading the URL from left to right would guess (after the last `@`
    /// of the authority, up to `/`): what `https://evil.example\@vendor/` seems to point to.
    static func naiveHost(_ raw: String) -> String? {
        guard let range = raw.range(of: "://") else { return nil }
        var authority = raw[range.upperBound...]
        if let end = authority.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { authority = authority[..<end] }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        if let colon = authority.lastIndex(of: ":"), !authority.hasPrefix("[") { authority = authority[..<colon] }
        let host = authority.asciiLowercased
        return host.isEmpty ? nil : host
    }
}

private enum Message {
    static let srcdoc = "iframe srcdoc: its HTML runs with this page's origin and is not checked"
    static let srcdocHint = "frame the vendor app by its https URL in src instead of inlining HTML"
    static func relative(_ src: String) -> String {
        "iframe src '\(src.clipped())' is relative: the frame is this site's own page, not a vendor app on an allowed host"
    }
    static let relativeHint = "use the vendor app's absolute https URL, or silence this frame with <!-- embedsmith-disable-next-element iframe-src -->"
    static func unsupported(_ src: String, _ why: String) -> String {
        "iframe src '\(src.clipped())' cannot be checked: \(why)"
    }
    static let punycodeHint = "write internationalized host names in punycode (xn--…)"
    static func invalid(_ src: String, _ why: String) -> String {
        "iframe src '\(src.clipped())' is not a valid URL (\(why)): the browser loads nothing"
    }
    static func notHTTPS(_ scheme: String) -> String { "iframe src uses '\(scheme.clipped(40)):'; vendor frames must load over https" }
    static let httpsHint = "use the vendor app's https:// URL"
    static func unframeable(_ host: String, _ reason: String) -> String { "iframe on '\(host.clipped(40))': \(reason)" }
    static func hostNotAllowed(_ host: String) -> String { "iframe host '\(host.clipped(40))' is not an allowed vendor host" }
    static func browserReads(_ real: String, _ naive: String) -> String {
        " (a browser loads it from '\(real.clipped(40))', not from '\(naive.clipped(40))' as the text suggests)"
    }
    static func allowHint(_ hosts: Set<String>, _ host: String) -> String {
        "allowed: \(hosts.sorted().joined(separator: ", ")); add your own (e.g. an Apizee console CNAME) under check.frameHosts in embedsmith.yaml"
    }
}
