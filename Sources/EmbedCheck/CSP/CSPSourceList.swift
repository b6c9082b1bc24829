import EmbedCore

/// What a CSP source list allows (CSP3 "Does url match source list in origin", hash and
/// keyword sources).
public struct CSPSourceList: Sendable {
    public let sources: [String]

    public init(_ sources: [String]) { self.sources = sources }

    private func hasKeyword(_ keyword: String) -> Bool { sources.contains { $0.asciiLowercased == keyword } }

    public var allowsUnsafeInline: Bool { hasKeyword("'unsafe-inline'") }
    public var hasStrictDynamic: Bool { hasKeyword("'strict-dynamic'") }
    /// Hash or nonce sources (well-formed ones: CSP3 skips `'nonce-invalid$'`): with one of
    /// them, browsers ignore `'unsafe-inline'`.
    public var hasHashOrNonce: Bool { !hashes.isEmpty || !nonces.isEmpty }

    /// Inline content is allowed whatever its hash: `'unsafe-inline'` without hash, nonce or strict-dynamic.
    public var allowsAllInline: Bool { allowsUnsafeInline && !hasHashOrNonce && !hasStrictDynamic }

    /// `'sha256-…'` → ("sha256", base64 normalised to `+` and `/`); nil unless the token is a
    /// CSP3 hash-source.
    public static func hashSource(_ source: String) -> (algorithm: String, digest: String)? {
        guard case .hash(let algorithm, let digest) = CSPSourceExpression(source) else { return nil }
        return (algorithm, digest)
    }

    public var hashes: [(algorithm: String, digest: String, source: String)] {
        sources.compactMap { s in CSPSourceList.hashSource(s).map { ($0.algorithm, $0.digest, s) } }
    }

    /// The values of the CSP3 nonce-sources.
    public var nonces: [String] {
        sources.compactMap { s in
            guard case .nonce(let value) = CSPSourceExpression(s) else { return nil }
            return value
        }
    }

    /// True if a request for `url`, made by a page at `pageURL`, matches one of the sources.
    public func allows(_ url: WebURL, pageURL: WebURL) -> Bool {
        sources.contains { CSPSourceList.matches($0, url: url, pageURL: pageURL) }
    }

    static func matches(_ expression: String, url: WebURL, pageURL: WebURL) -> Bool {
        let lower = expression.asciiLowercased
        if lower == "*" {
            return ["http", "https", "ws", "wss"].contains(url.scheme) || url.scheme == pageURL.scheme
        }
        if lower == "'self'" {
            return url.origin != "null" && (url.origin == pageURL.origin
                || (pageURL.scheme == "http" && url.scheme == "https" && url.hostname == pageURL.hostname))
        }
        if lower.hasPrefix("'") { return false }
        // scheme-source: "https:"
        if lower.hasSuffix(":"), !lower.utf8.contains(0x2F), let scheme = lower.split(separator: ":").first, lower.count == scheme.count + 1 {
            return schemeMatches(String(scheme), url.scheme)
        }
        return hostSourceMatches(lower, url: url, pageURL: pageURL)
    }

    static func schemeMatches(_ expression: String, _ scheme: String) -> Bool {
        expression == scheme || (expression == "http" && scheme == "https") || (expression == "ws" && (scheme == "wss" || scheme == "http" || scheme == "https"))
            || (expression == "wss" && scheme == "https")
    }

    /// `[scheme://]host[:port][/path]`
    static func hostSourceMatches(_ expression: String, url: WebURL, pageURL: WebURL) -> Bool {
        var rest = Substring(expression)
        if let range = rest.range(of: "://") {
            let scheme = String(rest[..<range.lowerBound])
            guard schemeMatches(scheme, url.scheme) else { return false }
            rest = rest[range.upperBound...]
        } else {
            // No scheme: the protected resource's scheme, http also allowing https.
            let pageScheme = pageURL.scheme
            guard url.scheme == pageScheme || (pageScheme == "http" && url.scheme == "https") else { return false }
        }
        var path: Substring = ""
        if let slash = rest.firstIndex(of: "/") {
            path = rest[slash...]
            rest = rest[..<slash]
        }
        var port: Substring? = nil
        if let colon = rest.lastIndex(of: ":"), !rest.hasPrefix("[") || rest[..<colon].hasSuffix("]") {
            port = rest[rest.index(after: colon)...]
            rest = rest[..<colon]
        }
        let host = url.hostname
        guard !host.isEmpty else { return false }
        if rest == "*" {
            // any host
        } else if rest.hasPrefix("*.") {
            guard host.hasSuffix(String(rest.dropFirst(1))) else { return false }
        } else if rest != host {
            return false
        }
        let urlPort = url.port ?? WebURLPorts.defaultPort(url.scheme)
        if let port {
            if port != "*" {
                guard let number = Int(port), number == urlPort else { return false }
            }
        } else {
            guard url.port == nil else { return false }
        }
        if !path.isEmpty && path != "/" {
            let urlPath = url.pathname
            if path.hasSuffix("/") { return urlPath.hasPrefix(path) }
            return urlPath == path
        }
        return true
    }
}

enum WebURLPorts {
    static func defaultPort(_ scheme: String) -> Int? {
        switch scheme {
        case "http", "ws": return 80
        case "https", "wss": return 443
        case "ftp": return 21
        default: return nil
        }
    }
}

extension String {
    func replacingScalars(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> String {
        guard unicodeScalars.contains(a) else { return self }
        var out = String.UnicodeScalarView()
        for s in unicodeScalars { out.append(s == a ? b : s) }
        return String(out)
    }
}
