import EmbedVendors

/// The policy of one page: deny by default, then exactly what the page uses.
struct ContentSecurityPolicy: Sendable, Hashable {
    /// The `integrity` of the bridge when the page loads it. The bridge is allowed by that hash
    /// (CSP3 matches a hash source against an external script's integrity), never by `'self'`:
    /// any file on the tenant's origin, a tenant's asset included, would run under `'self'`.
    var bridgeIntegrity: String?
    var contribution: CSPContribution

    /// For the `<meta>` tag (no frame-ancestors: browsers ignore it there).
    var metaValue: String {
        var directives: [String] = ["default-src 'none'"]
        let scripts = (bridgeIntegrity.map { ["'\($0)'"] } ?? []) + contribution.scriptSources.sorted()
        directives.append("script-src " + (scripts.isEmpty ? "'none'" : scripts.joined(separator: " ")))
        directives.append("style-src 'self'")
        directives.append((["img-src 'self'"] + contribution.imageSources.sorted()).joined(separator: " "))
        if !contribution.connectSources.isEmpty {
            directives.append((["connect-src"] + contribution.connectSources.sorted()).joined(separator: " "))
        }
        let frames = contribution.frameSources.sorted()
        directives.append("frame-src " + (frames.isEmpty ? "'none'" : frames.joined(separator: " ")))
        directives += ["base-uri 'none'", "form-action 'none'", "object-src 'none'"]
        return directives.joined(separator: "; ")
    }

    /// For the `_headers` file: the same policy plus what only a header can carry.
    func headerValue(frameAncestors: [String]) -> String {
        metaValue + "; frame-ancestors " + frameAncestors.joined(separator: " ")
    }
}
