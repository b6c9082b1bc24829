/// The tenant's base path is written into its `_headers` rules as is. Netlify and Cloudflare
/// Pages read `*` as a splat and `:name` as a placeholder there and document no escape, nor
/// whether a percent-encoded path is matched decoded: a base path holding such characters
/// would put the tenant's security headers on other paths, or on none of its own. So the path
/// may hold only characters both hosts take literally.
enum HeadersRulePath {
    /// The first character of `path` other than ASCII letters, digits, `-`, `.`, `_`, `~` and `/`.
    static func firstPatternCharacter(in path: String) -> Character? {
        path.first { character in
            guard character.isASCII, let byte = character.asciiValue else { return true }
            switch byte {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x2E, 0x5F, 0x7E, 0x2F: return false
            default: return true
            }
        }
    }
}
