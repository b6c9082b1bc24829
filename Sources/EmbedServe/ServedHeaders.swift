import EmbedCheck

/// The headers production would send for a tenant's URL, read from the tenant's own `_headers`
/// with EmbedCheck's `HostHeaderRules` (Netlify's reading: it serves `p.html` at `/p` and
/// `/p.html`, as serve does), so `frame-ancestors`, `Permissions-Policy` and the header CSP
/// behave in the browser as they will once deployed.
///
/// One change, serve mode only: the dev view frames the page from serve's own origin, so the
/// header policy's `frame-ancestors` gets `'self'` (that origin) if it lacks it; `'none'` is
/// replaced by it. The page's bytes are never changed.
public enum ServedHeaders {
    /// `headers` for `urlPath` (the path inside the tenant: `/agent`, `/`, `/assets/x.png`).
    public static func headers(of rules: HostHeaderRules, urlPath: String) -> [(name: String, value: String)] {
        let effective = rules.effectiveHeaders(ofURLPath: urlPath)
        return effective.keys.sorted().map { key in
            let header = effective[key]!
            let value = key == "content-security-policy" ? allowingServeFrame(header.value) : header.value
            return (header.name, value)
        }
    }

    /// `policy` whose every `frame-ancestors` directive admits serve's own origin.
    /// Several policies joined with ", " are each treated (every one is enforced).
    public static func allowingServeFrame(_ policy: String) -> String {
        policy.split(separator: ",", omittingEmptySubsequences: false).map { one in
            one.split(separator: ";", omittingEmptySubsequences: false).map { directive -> String in
                let text = String(directive)
                let tokens = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
                guard let name = tokens.first, name.lowercased() == "frame-ancestors" else { return text }
                var sources = tokens.dropFirst().map(String.init).filter { $0.lowercased() != "'none'" }
                if !sources.contains(where: { $0.lowercased() == "'self'" }) { sources.insert("'self'", at: 0) }
                let lead = text.prefix(while: { $0 == " " || $0 == "\t" })
                return lead + "frame-ancestors " + sources.joined(separator: " ")
            }.joined(separator: ";")
        }.joined(separator: ",")
    }
}
