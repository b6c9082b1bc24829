import EmbedCore

/// Every feature an iframe is delegated with `allow` is granted to that frame's origin by the
/// page's `Permissions-Policy` header (from `_headers`), on every host and URL: a header that
/// lists the feature without that origin wins over `allow`, and the frame silently gets no
/// camera, microphone… (the browser reports nothing to the page).
public struct HeadersPermissionsDelegationRule: CheckRule {
    public let id = "headers-permissions-delegation"
    public let summary = "the Permissions-Policy header grants every feature an iframe's allow delegates"
    public let defaultSeverity: Severity = .error
    public init() {}

    public func check(_ page: Page, _ context: RuleContext, _ out: inout RuleOutput) {
        guard let headers = page.headers else { return }
        var parsed: [String: PermissionsPolicyHeader] = [:]
        for frame in page.elements(named: "iframe") where frame.isHTML {
            guard let allow = frame.attribute("allow"), let url = frame.attribute("src")?.url?.url, url.origin != "null" else { continue }
            for directive in AllowAttribute(allow.value).directives {
                let feature = String(directive.feature).asciiLowercased
                guard !directive.allowlist.contains(where: { $0 == "'none'" }) else { continue }
                for served in headers.served {
                    guard let header = served.headers["permissions-policy"] else { continue }
                    let policy = parsed[header.value] ?? PermissionsPolicyHeader(header.value)
                    parsed[header.value] = policy
                    guard !policy.permits(feature, toOrigin: url.origin) else { continue }
                    out.error(Message.denied(feature, url.origin, served.label, headers.location(header.lines[0])), on: frame,
                              at: allow.position(of: directive.feature), hint: Message.hint(feature, url.origin))
                    break
                }
            }
        }
    }
}

private enum Message {
    static func denied(_ feature: String, _ origin: String, _ served: String, _ line: String) -> String {
        "allow delegates \(HeadersText.display(feature)) to \(origin), but the Permissions-Policy header (\(line)) does not grant it to that origin when the page is served \(served): the frame silently gets no \(HeadersText.display(feature))"
    }
    static func hint(_ feature: String, _ origin: String) -> String {
        "grant it in the header: \(HeadersText.display(feature))=(self \"\(origin)\")"
    }
}
