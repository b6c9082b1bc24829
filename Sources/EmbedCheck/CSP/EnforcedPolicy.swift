import EmbedCore

/// One Content-Security-Policy a browser enforces on a page: from a `<meta>`, or from the
/// `Content-Security-Policy` header `_headers` sends with it (a header value is a list of
/// policies separated by commas, CSP3 "parse a serialized CSP list").
struct EnforcedPolicy {
    enum Source {
        case meta(PageCSP.Meta)
        /// The header line the policy comes from, and where the page is served with it.
        case header(line: Int, file: String, served: String)
    }

    var policy: CSPPolicy
    var source: Source

    /// Where a finding about `token` in `directive` goes: in the meta's `content`, or on the
    /// page's `<html>` for a header policy (the message then names the header line).
    func position(of token: String?, in directive: String?, page: Page) -> Position {
        switch source {
        case .meta(let meta): meta.position(of: token, in: directive)
        case .header: page.documentElement.position
        }
    }

    func element(_ page: Page) -> PageElement {
        if case .meta(let meta) = source { return meta.element }
        return page.documentElement
    }

    /// "" for a meta; " (Content-Security-Policy header, site/acme/_headers:12, on Cloudflare Pages at /agent)".
    var origin: String {
        switch source {
        case .meta: ""
        case .header(let line, let file, let served): " (Content-Security-Policy header, \(file):\(line), \(served))"
        }
    }

    /// The policy as parsed, as text (directives in order).
    var text: String { policy.text }

    /// Same policy text from the same place (the same header line serves several URL forms).
    var identity: String {
        switch source {
        case .meta(let meta): "meta:\(meta.element.order)"
        case .header(let line, let file, _): "header:\(file):\(line):\(text)"
        }
    }

    /// The header policies of one served form of the page.
    static func headerPolicies(_ served: PageHeaders.Served, file: String) -> [EnforcedPolicy] {
        guard let csp = served.headers["content-security-policy"] else { return [] }
        var policies: [EnforcedPolicy] = []
        for (value, line) in zip(csp.values, csp.lines) {
            for text in value.split(separator: ",") where !text.allSatisfy({ $0 == " " || $0 == "\t" }) {
                policies.append(EnforcedPolicy(policy: CSPPolicy.parsed(String(text)), source: .header(line: line, file: file, served: served.label)))
            }
        }
        return policies
    }
}

/// A weakness and the policy it is in.
struct LocatedWeakness {
    var weakness: CSPWeakness
    /// Nil for a missing directive (no policy has it).
    var policy: EnforcedPolicy?
}
