/// Why a URL was refused; `code` is the stable diagnostic code.
public struct URLRejection: Error, Hashable, Sendable {
    public var code: DiagnosticCode
    public var reason: String
    public init(code: DiagnosticCode, reason: String) {
        self.code = code
        self.reason = reason
    }
}

/// Decides which URLs may appear in generated pages.
///
/// Rules (the product's security model: URLs are built and validated by the tool, never
/// concatenated in templates): https only (loopback http only in dev mode), no
/// credentials, host on the allow-list, no control characters that a browser would silently drop.
public struct URLPolicy: Sendable {
    /// Exact host names (lowercase, punycode). `nil` means any host.
    public var allowedHosts: Set<String>?
    /// Host names that refused even when otherwise allowed (e.g. `cloud.apizee.com` for a console CNAME).
    public var forbiddenHosts: Set<String>
    public var allowLoopbackHTTP: Bool

    public init(allowedHosts: Set<String>? = nil, forbiddenHosts: Set<String> = [], allowLoopbackHTTP: Bool = false) {
        self.allowedHosts = allowedHosts
        self.forbiddenHosts = forbiddenHosts
        self.allowLoopbackHTTP = allowLoopbackHTTP
    }

    public func validate(_ raw: String) throws(URLRejection) -> SafeURL {
        // Control characters are ASCII: a byte scan finds them (UTF-8 never reuses those bytes).
        if raw.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) {
            throw URLRejection(code: .urlControlCharacter,
                               reason: "URL contains a control character (tab, newline, NUL…) that browsers silently remove")
        }
        if raw.utf8.first == 0x20 || raw.utf8.last == 0x20 {
            throw URLRejection(code: .urlWhitespace, reason: "URL has leading or trailing spaces")
        }
        let url: WebURL
        do {
            url = try WebURL.parse(raw)
        } catch {
            switch error {
            case .invalid(let why):
                throw URLRejection(code: .urlInvalid, reason: "not a valid absolute URL (\(why))")
            case .unsupported(let why):
                throw URLRejection(code: .urlUnsupported, reason: "\(why); write internationalized host names in punycode (xn--…)")
            }
        }
        return try validate(url)
    }

    public func validate(_ url: WebURL) throws(URLRejection) -> SafeURL {
        let host = url.hostname.lowercased()
        switch url.scheme {
        case "https":
            break
        case "http" where allowLoopbackHTTP && Self.isLoopback(host):
            break
        case "http" where Self.isLoopback(host):
            throw URLRejection(code: .urlNotHttps, reason: "http://\(DisplayText.excerpt(host, limit: 80)) is only allowed with --dev")
        default:
            throw URLRejection(code: .urlNotHttps, reason: "scheme '\(DisplayText.excerpt(url.scheme, limit: 40)):' is not allowed; use https://")
        }
        if url.hasCredentials {
            throw URLRejection(code: .urlCredentials, reason: "URL carries a user name or password")
        }
        if host.isEmpty {
            throw URLRejection(code: .urlInvalid, reason: "URL has no host")
        }
        if forbiddenHosts.contains(host) {
            throw URLRejection(code: .urlHostForbidden, reason: "host '\(DisplayText.excerpt(host, limit: 80))' cannot be used here")
        }
        if let allowedHosts, !allowedHosts.contains(host), !(allowLoopbackHTTP && Self.isLoopback(host)) {
            let list = allowedHosts.sorted().joined(separator: ", ")
            let shown = DisplayText.excerpt(host, limit: 80)
            throw URLRejection(code: .urlHostNotAllowed, reason: "host '\(shown)' is not allowed here (allowed: \(list))")
        }
        return SafeURL(validated: url)
    }

    /// Appends `?k=v&…` to a validated base and validates the result again.
    public func appendingQuery(_ base: SafeURL, _ pairs: [(String, String)]) throws(URLRejection) -> SafeURL {
        guard !pairs.isEmpty else { return base }
        var href = base.string
        if let hashIndex = href.firstIndex(of: "#") { href = String(href[..<hashIndex]) }
        href += (base.parsed.query == nil ? "?" : "&") + QueryEncoding.encode(pairs)
        return try validate(href)
    }

    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "[::1]" || host.hasPrefix("127.")
    }
}
