import Foundation

/// A request as serve's handlers see it (independent of the HTTP library, so the stub vendor
/// apps and the tests need not know it).
public struct ServeRequest: Sendable {
    public var method: String
    /// The raw, percent-encoded path of the request target (no query).
    public var path: String
    /// The raw query (without `?`), empty when none.
    public var query: String
    /// Header values by lowercased name.
    public var headers: [String: String]
    public var body: Data

    public init(method: String, path: String, query: String = "", headers: [String: String] = [:], body: Data = Data()) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }
}

public struct ServeResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: Data

    public init(status: Int, headers: [(name: String, value: String)] = [], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A short plain-text answer (errors, refusals).
    public static func text(_ status: Int, _ message: String) -> ServeResponse {
        ServeResponse(status: status, headers: [("Content-Type", "text/plain; charset=utf-8")] + baseHeaders, body: Data((message + "\n").utf8))
    }

    /// Sent with every response: no sniffing, no caching (a rebuilt file is fetched again).
    public static let baseHeaders: [(name: String, value: String)] = [
        ("X-Content-Type-Options", "nosniff"),
        ("Cache-Control", "no-store"),
    ]

    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}

/// The limits every request is held to before any handler sees it.
public enum RequestLimits {
    public static let maxHeaderCount = 64
    public static let maxHeaderBytes = 16 << 10
    /// Bodies: serve's own routes take none; the stub listener takes up to this.
    public static let maxStubBodyBytes = 64 << 10

    /// The status refusing `request` on a route taking at most `maxBody` body bytes, or nil.
    public static func refusal(_ request: ServeRequest, maxBody: Int) -> ServeResponse? {
        if request.headers.count > maxHeaderCount { return .text(431, "too many header fields") }
        let size = request.headers.reduce(0) { $0 + $1.key.utf8.count + $1.value.utf8.count + 4 }
        if size > maxHeaderBytes { return .text(431, "header fields too large") }
        if request.path.utf8.count + request.query.utf8.count > RequestPath.maxLength { return .text(414, "request target too long") }
        if maxBody == 0, request.headers["transfer-encoding"] != nil { return .text(413, "serve takes no request body") }
        if let length = request.headers["content-length"] {
            guard let count = Int(length), count >= 0 else { return .text(400, "bad Content-Length") }
            if count > maxBody { return .text(413, "request body too large") }
        }
        return nil
    }
}
