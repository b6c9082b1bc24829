import EmbedCore

/// One token of a CSP source list, classified by the CSP3 grammar (§2.3.1 "source-expression",
/// https://w3c.github.io/webappsec-csp/#grammardef-source-expression). A token that fits no
/// production is `malformed`: browsers skip it (and log a console warning).
enum CSPSourceExpression: Equatable {
    case keyword(String)                                // lowercased, with quotes: "'self'"
    case none                                           // "'none'"
    case nonce(String)                                  // the base64 value
    case hash(algorithm: String, digest: String)        // digest normalised to "+" and "/"
    case scheme(String)                                 // "https" for "https:"
    case host(HostSource)
    case malformed(Reason)

    enum Reason: Equatable {
        /// A quoted token that is no keyword, nonce or hash (`'nonce-invalid$'`, `'sefl'`).
        case badQuoted
        /// Not a scheme, host or path: `//*`, `https://`, `a b`.
        case badHost
    }

    /// `[scheme://]host[:port][/path]`, lowercased except the path.
    struct HostSource: Equatable {
        var scheme: String?
        var host: String              // "*", "*.example.com" or "example.com"
        var port: String?             // digits or "*"
        var path: String
        /// The host part is `*`: any host (of the scheme, or of the page's scheme).
        var isAnyHost: Bool { host == "*" }
    }

    static let keywords: Set<String> = [
        "'self'", "'unsafe-inline'", "'unsafe-eval'", "'strict-dynamic'", "'unsafe-hashes'", "'report-sample'",
        "'unsafe-allow-redirects'", "'wasm-unsafe-eval'", "'trusted-types-eval'", "'inline-speculation-rules'",
        "'report-sha256'", "'report-sha384'", "'report-sha512'",
    ]

    static let hashAlgorithms: Set<String> = ["sha256", "sha384", "sha512"]

    init(_ token: String) {
        let lower = token.asciiLowercased
        if lower.hasPrefix("'") {
            if lower == "'none'" { self = .none; return }
            if CSPSourceExpression.keywords.contains(lower) { self = .keyword(lower); return }
            guard lower.count > 2, lower.hasSuffix("'") else { self = .malformed(.badQuoted); return }
            let inner = token.dropFirst().dropLast()
            guard let dash = inner.firstIndex(of: "-") else { self = .malformed(.badQuoted); return }
            let prefix = inner[..<dash].asciiLowercased
            let value = inner[inner.index(after: dash)...]
            guard CSPSourceExpression.isBase64Value(value) else { self = .malformed(.badQuoted); return }
            if prefix == "nonce" { self = .nonce(String(value)); return }
            if CSPSourceExpression.hashAlgorithms.contains(prefix) {
                self = .hash(algorithm: prefix, digest: String(value).replacingScalars("-", "+").replacingScalars("_", "/"))
                return
            }
            self = .malformed(.badQuoted)
            return
        }
        if let scheme = CSPSourceExpression.schemeSource(lower) { self = .scheme(scheme); return }
        if let host = CSPSourceExpression.hostSource(token) { self = .host(host); return }
        self = .malformed(.badHost)
    }

    /// `base64-value = 1*( ALPHA / DIGIT / "+" / "/" / "-" / "_" )*2( "=" )`
    static func isBase64Value(_ value: Substring) -> Bool {
        let bytes = Array(value.utf8)
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x3D, bytes.count - end < 2 { end -= 1 }
        guard end > 0 else { return false }
        return bytes[..<end].allSatisfy { isAlphaNumeric($0) || $0 == 0x2B || $0 == 0x2F || $0 == 0x2D || $0 == 0x5F }
    }

    /// `scheme-source = scheme-part ":"` → the scheme.
    static func schemeSource(_ lower: String) -> String? {
        guard lower.hasSuffix(":"), lower.count > 1 else { return nil }
        let scheme = lower.dropLast()
        return isSchemePart(scheme) ? String(scheme) : nil
    }

    /// `scheme-part = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )`
    static func isSchemePart(_ text: Substring) -> Bool {
        guard let first = text.utf8.first, isAlpha(first) else { return false }
        return text.utf8.allSatisfy { isAlphaNumeric($0) || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E }
    }

    static func hostSource(_ token: String) -> HostSource? {
        var rest = Substring(token)
        var scheme: String? = nil
        if let range = rest.range(of: "://") {
            let part = rest[..<range.lowerBound]
            guard isSchemePart(part) else { return nil }
            scheme = part.asciiLowercased
            rest = rest[range.upperBound...]
        }
        var path: Substring = ""
        if let slash = rest.firstIndex(of: "/") {
            path = rest[slash...]
            rest = rest[..<slash]
            guard !path.hasPrefix("//"), !path.contains(","), !path.contains(";") else { return nil }
        }
        var port: String? = nil
        if let colon = rest.firstIndex(of: ":") {
            let digits = rest[rest.index(after: colon)...]
            guard digits == "*" || (!digits.isEmpty && digits.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            port = String(digits)
            rest = rest[..<colon]
        }
        let host = rest.asciiLowercased
        guard isHostPart(host) else { return nil }
        return HostSource(scheme: scheme, host: host, port: port, path: String(path))
    }

    /// `host-part = "*" / [ "*." ] 1*host-char *( "." 1*host-char ) [ "." ]`
    static func isHostPart(_ host: String) -> Bool {
        if host == "*" { return true }
        var labels = host.hasPrefix("*.") ? Substring(host.dropFirst(2)) : Substring(host)
        if labels.hasSuffix(".") { labels = labels.dropLast() }
        guard !labels.isEmpty else { return false }
        return labels.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
            !label.isEmpty && label.utf8.allSatisfy { isAlphaNumeric($0) || $0 == 0x2D }
        }
    }

    static func isAlpha(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
    static func isAlphaNumeric(_ b: UInt8) -> Bool { isAlpha(b) || (b >= 0x30 && b <= 0x39) }
}
