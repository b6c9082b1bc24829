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
        if s == "'self'" || s == "'none'" { return true }
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
}
