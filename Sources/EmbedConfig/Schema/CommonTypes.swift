import EmbedCore

/// Small reusable schema types.
public enum CommonTypes {
    /// Identifiers issued by vendors: letters, digits, `-`, `_`, `.`.
    public static func identifier(maxLength: Int = 128) -> SchemaType {
        .token(rule: "letters, digits, '-', '_' or '.' (at most \(maxLength))") { s in
            !s.isEmpty && s.count <= maxLength && s.unicodeScalars.allSatisfy {
                ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9") || $0 == "-" || $0 == "_" || $0 == "."
            }
        }
    }

    public static let serviceKey: SchemaType = .token(rule: "32 letters or digits") { s in
        s.count == 32 && s.unicodeScalars.allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9") }
    }

    public static let permissionsFeature: SchemaType = .token(rule: "a Permissions Policy feature name (camera, microphone, autoplay...)") { s in
        PermissionsPolicyFeatures.known.contains(s)
    }

    /// `'self'`, `'none'` or an https origin, for `frame-ancestors`.
    public static let frameAncestor: SchemaType = .token(rule: "'self', 'none' or an https origin like https://crm.example.com") { s in
        s == "'self'" || s == "'none'" || isHTTPSOrigin(s)
    }

    /// An https origin written as one (`https://host[:port]`, no path, no credentials), which
    /// a CSP source list holds verbatim.
    public static let httpsOrigin: SchemaType = .token(rule: "an https origin like https://app.example.com") { s in
        isHTTPSOrigin(s)
    }

    static func isHTTPSOrigin(_ s: String) -> Bool {
        guard let url = try? WebURL.parse(s), url.scheme == "https", !url.hasCredentials,
              url.pathname == "/" || url.pathname.isEmpty, url.query == nil, url.fragment == nil else { return false }
        return s == url.origin || s + "/" == url.href
    }

    /// A file below the tenant's `assets/` folder, written relative to the tenant folder.
    public static let assetPath: SchemaType = .token(rule: "a path under assets/ like assets/logo.svg") { s in
        guard s.hasPrefix("assets/"), s.count <= 200, !s.contains("//") else { return false }
        return s.split(separator: "/").allSatisfy { part in
            part != ".." && part != "." && part.unicodeScalars.allSatisfy {
                ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9") || $0 == "-" || $0 == "_" || $0 == "."
            }
        }
    }

    public static let locale: SchemaType = .enumeration(["en", "fr"])

    /// International phone number, `+` optional, digits only (ChatApp wants the digits).
    public static let phoneDigits: SchemaType = .token(rule: "an international phone number like +79999999999 (digits, '+' optional)") { s in
        let digits = s.hasPrefix("+") ? s.dropFirst() : Substring(s)
        return digits.count >= 8 && digits.count <= 15 && digits.first != "0" && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// A chat id such as `79999999999@c.us`.
    public static let chatID: SchemaType = .token(rule: "a chat id like 79999999999@c.us") { s in
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].count <= 64,
              parts[0].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") }) else { return false }
        guard parts.count == 2 else { return true }
        return !parts[1].isEmpty && parts[1].count <= 32 && parts[1].allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == ".") }
    }
}
