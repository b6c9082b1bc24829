/// Answers requests to the simulated vendor apps (`serve --stub-vendors`): the static stand-ins
/// of `vendor-stubs/` and their JSON endpoints. A pure function of the request: the server
/// library, the port and where the files come from (embedded bytes, or a folder in tests) are
/// the caller's.
public struct VendorStubRouter: Sendable {
    /// Requests carry no body the stubs need; a larger one is refused before anything is read.
    public static let maxRequestBodyBytes = 16 * 1024
    /// A path longer than this is refused (414) before it is looked at.
    public static let maxPathBytes = 2048

    let lookup: @Sendable (String) -> [UInt8]?

    /// `files` returns the bytes of a file of `vendor-stubs/` by relative path
    /// (`web-agent/agent.js`), or nil; it is only ever asked for `VendorStubCatalog.files`.
    public init(files: @escaping @Sendable (String) -> [UInt8]?) {
        self.lookup = files
    }

    public func respond(to request: StubRequest) -> StubResponse {
        // A page elsewhere reaching the loopback server through DNS rebinding sends its own
        // host name: only loopback names are answered.
        if let host = request.header("Host"), !Self.isLoopbackHost(host) {
            return Self.text(421, "this stub server answers loopback host names only")
        }
        let method = request.method.uppercased()
        guard method == "GET" || method == "HEAD" else {
            var refused = Self.text(405, "the vendor stubs answer GET and HEAD only")
            refused.headers.append(.init("Allow", "GET, HEAD"))
            return refused
        }
        if request.body.count > Self.maxRequestBodyBytes { return Self.text(413, "request body too large") }
        if request.path.utf8.count > Self.maxPathBytes { return Self.text(414, "path too long") }
        var path = request.path
        if path.hasPrefix(VendorStubCatalog.sameOriginPrefix + "/api/") {
            path = String(path.dropFirst(VendorStubCatalog.sameOriginPrefix.count))
        }
        if path == "/favicon.ico" { return StubResponse(status: 204, headers: Self.baseHeaders, body: []) }
        guard let file = VendorStubCatalog.file(for: path), let bytes = lookup(file) else {
            return Self.text(404, "no such vendor stub")
        }
        var headers = Self.baseHeaders
        headers.insert(.init("Content-Type", VendorStubCatalog.contentType(of: file)), at: 0)
        headers.append(.init("Content-Length", String(bytes.count)))
        return StubResponse(status: 200, headers: headers, body: method == "HEAD" ? [] : bytes)
    }

    /// Never cached (an edited stub shows at once), never sniffed, no referrer sent onwards.
    static let baseHeaders: [StubResponse.Header] = [
        .init("Cache-Control", "no-store"),
        .init("X-Content-Type-Options", "nosniff"),
        .init("Referrer-Policy", "no-referrer"),
    ]

    static func text(_ status: Int, _ message: String) -> StubResponse {
        let body = Array((message + "\n").utf8)
        return StubResponse(status: status, headers: [.init("Content-Type", "text/plain; charset=utf-8")] + baseHeaders
                                + [.init("Content-Length", String(body.count))], body: body)
    }

    /// `127.x.y.z`, `localhost` or `[::1]`, with an optional port.
    static func isLoopbackHost(_ value: String) -> Bool {
        var host = value.lowercased()
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { return false }
            let rest = host[host.index(after: close)...]
            guard rest.isEmpty || isPort(rest.dropFirst()) && rest.first == ":" else { return false }
            return host[...close] == "[::1]"
        }
        if let colon = host.firstIndex(of: ":") {
            guard isPort(host[host.index(after: colon)...]) else { return false }
            host = String(host[..<colon])
        }
        if host == "localhost" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { o in
            (1...3).contains(o.count) && o.allSatisfy(\.isASCII) && o.allSatisfy(\.isNumber) && Int(o)! <= 255
        }
    }

    static func isPort(_ s: Substring) -> Bool {
        (1...5).contains(s.count) && s.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
