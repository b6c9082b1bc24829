import EmbedCore

/// Recognises credentials that must never be written into a static page.
public enum SecretDetector {
    /// Keys whose value is a credential whatever it looks like.
    static let secretKeyWords = ["access_token", "accesstoken", "token", "password", "passwd", "secret",
                                 "bearer", "apisecret", "api_secret", "clientsecret", "client_secret",
                                 "privatekey", "private_key", "refreshtoken", "refresh_token", "authorization"]

    public static func isSecretKey(_ key: String) -> Bool {
        let k = key.lowercased().replacingOccurrences(of: "-", with: "_")
        return secretKeyWords.contains(k) || secretKeyWords.contains(k.replacingOccurrences(of: "_", with: ""))
            || k.hasSuffix("_token") || k.hasSuffix("password") || k.hasSuffix("secret")
    }

    /// A reason if the value itself looks like a credential (a bearer header, a JWT, a URL
    /// carrying a token or password, an agent auto-login link).
    public static func secretReason(inValue value: String) -> String? {
        let lower = value.lowercased()
        if lower.hasPrefix("bearer ") { return "looks like a bearer token" }
        if looksLikeJWT(value) { return "looks like a JSON Web Token" }
        let bytes = Array(lower.utf8)
        // Every marker has '=', '[' or '%': most values have none and skip the searches.
        if bytes.contains(where: { $0 == UInt8(ascii: "=") || $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "%") }) {
            for marker in ["access_token=", "api[access_token]", "api%5baccess_token%5d", "token=", "password=", "passwd=", "apikey_secret="] {
                if contains(bytes, marker) { return "URL carries a credential ('\(marker.replacingOccurrences(of: "=", with: ""))')" }
            }
        }
        // Parsed as a browser would: `https://a\@b/` has no credentials, `https://u:p@b/` has.
        if bytes.contains(UInt8(ascii: "@")), bytes.contains(UInt8(ascii: ":")), let url = try? WebURL.parse(value), url.hasCredentials {
            return "URL carries a user name or password"
        }
        return nil
    }

    /// Byte-wise substring search (Foundation's `String.contains` bridges through NSString).
    static func contains(_ hay: [UInt8], _ needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty else { return true }
        guard hay.count >= pattern.count else { return false }
        for start in 0...(hay.count - pattern.count) where hay[start] == pattern[0] {
            if hay[start..<start + pattern.count].elementsEqual(pattern) { return true }
        }
        return false
    }

    static func looksLikeJWT(_ value: String) -> Bool {
        guard value.hasPrefix("eyJ") else { return false }
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count >= 10, parts[1].count >= 10 else { return false }
        return parts.allSatisfy { $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "=") } }
    }

    public static let runtimeHint = "secrets never go into config or pages: serve them at run time from a same-origin endpoint of yours (e.g. 'agentInfoEndpoint' or 'tokenEndpoint'), or keep them in your backend"
}
