import EmbedCore

/// The `_headers` file that governs a page, and the page's path in that file's folder.
public struct HeadersContext: Sendable {
    /// The `_headers` file as named in findings (`site/acme/_headers`).
    public var displayPath: String
    public var file: HeadersFile
    /// The page's path relative to the folder of `_headers` (`agent.html`, `docs/index.html`).
    public var relativePath: String
    /// The file's rules as each host reads them (compiled once per file by `HeadersLookup`).
    public var rules: [HostHeaderRules]

    public init(displayPath: String, file: HeadersFile, relativePath: String, rules: [HostHeaderRules]? = nil) {
        self.displayPath = displayPath
        self.file = file
        self.relativePath = relativePath
        self.rules = rules ?? HostHeaderRules.Host.allCases.map { HostHeaderRules(file: file, host: $0) }
    }
}

/// What a page is served with: on each host, at each URL that host serves it at, the headers
/// `_headers` gives it. The folder's base path comes from the page's canonical link when it
/// has one (a tenant deployed at https://example.com/video/ has rules for /video/…).
struct PageHeaders {
    struct Served {
        var host: HostHeaderRules.Host
        var urlPath: String
        var headers: [String: HostHeaderRules.EffectiveHeader]
        /// The Content-Security-Policy header's policies, parsed once.
        var policies: [EnforcedPolicy] = []

        /// "on Cloudflare Pages at /agent"
        var label: String { "on \(host.displayName) at \(HeadersText.display(urlPath))" }
    }

    let context: HeadersContext
    let served: [Served]

    init(context: HeadersContext, pageURL: WebURL?) {
        self.context = context
        let base = pageURL.map { HostHeaderRules.basePath(pageURLPath: $0.pathname, relativePath: context.relativePath) } ?? "/"
        var served: [Served] = []
        for rules in context.rules {
            for path in HostHeaderRules.servedURLPaths(ofFile: context.relativePath, basePath: base, on: rules.host) {
                var one = Served(host: rules.host, urlPath: path, headers: rules.effectiveHeaders(ofURLPath: path, hostname: pageURL?.hostname))
                // Most URL forms of a page get the same header: parse each value once.
                let value = one.headers["content-security-policy"]?.value
                if let same = served.first(where: { $0.headers["content-security-policy"]?.value == value }) {
                    one.policies = same.policies
                } else {
                    one.policies = EnforcedPolicy.headerPolicies(one, file: context.displayPath)
                }
                served.append(one)
            }
        }
        self.served = served
    }

    /// `site/acme/_headers:12`
    func location(_ line: Int) -> String { "\(context.displayPath):\(line)" }
}
