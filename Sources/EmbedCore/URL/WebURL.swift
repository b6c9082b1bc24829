// A URL as defined by the WHATWG URL Standard (https://url.spec.whatwg.org/), produced by
// the basic URL parser in URLParser.swift. Components are stored already serialized
// (percent-encoded ASCII), so the getters are cheap.

/// Why a string could not be parsed as a URL.
public enum URLParseError: Error, Equatable, Sendable {
    /// The URL Standard says: failure.
    case invalid(String)
    /// A feature deliberately not implemented (non-ASCII / IDNA hosts). Callers must treat
    /// this as a refusal, never as success.
    case unsupported(String)
}

/// A URL's path: either a list of segments or, for URLs like `mailto:x`, one opaque string.
enum URLPath: Hashable, Sendable {
    case opaque(String)
    case segments([String])
}

public struct WebURL: Hashable, Sendable, CustomStringConvertible {
    /// The scheme, lowercased, without the colon ("https").
    public let scheme: String
    public let username: String
    public let password: String
    let hostValue: URLHost?
    /// Nil if absent or equal to the scheme's default port.
    public let port: Int?
    let path: URLPath
    /// The query without "?", nil if the URL has none.
    public let query: String?
    /// The fragment without "#", nil if the URL has none.
    public let fragment: String?
    /// The URL serialization.
    public let href: String

    init(scheme: String, username: String, password: String, host: URLHost?, port: Int?,
         path: URLPath, query: String?, fragment: String?) {
        self.scheme = scheme
        self.username = username
        self.password = password
        self.hostValue = host
        self.port = port
        self.path = path
        self.query = query
        self.fragment = fragment
        self.href = WebURL.serialize(scheme: scheme, username: username, password: password, host: host,
                                     port: port, path: path, query: query, fragment: fragment)
    }

    // MARK: Parsing

    /// Parses `input` against an optional base URL with the URL Standard's basic URL parser.
    public static func parse(_ input: String, base: WebURL? = nil) throws(URLParseError) -> WebURL {
        try URLParser.parse(input, base: base)
    }

    /// Parses `base` (without a base), then `input` against it.
    public static func parse(_ input: String, base: String) throws -> WebURL {
        let baseURL = try URLParser.parse(base, base: nil)
        return try URLParser.parse(input, base: baseURL)
    }

    // MARK: Components (named like the JavaScript URL API where they overlap)

    /// "https:"
    public var protocolString: String { scheme + ":" }

    /// The serialized host; nil if the URL has no host, "" for an empty host (`file:///`).
    public var host: String? { hostValue?.serialized }

    /// Like JavaScript's `URL.hostname`: the serialized host, or "".
    public var hostname: String { hostValue?.serialized ?? "" }

    /// Like JavaScript's `URL.host`: hostname plus ":port" when there is a non-default port.
    public var hostAndPort: String {
        guard let hostValue else { return "" }
        guard let port else { return hostValue.serialized }
        return hostValue.serialized + ":" + String(port)
    }

    /// "" or the port number as a string.
    public var portString: String { port.map { String($0) } ?? "" }

    /// The URL path serialized ("/a/b", or the opaque path as is).
    public var pathname: String {
        switch path {
        case .opaque(let string):
            return string
        case .segments(let segments):
            var output = ""
            for segment in segments {
                output += "/"
                output += segment
            }
            return output
        }
    }

    /// "" if the query is absent or empty, otherwise "?" + query (JavaScript semantics).
    public var search: String {
        guard let query, !query.isEmpty else { return "" }
        return "?" + query
    }

    /// "" if the fragment is absent or empty, otherwise "#" + fragment (JavaScript semantics).
    public var hash: String {
        guard let fragment, !fragment.isEmpty else { return "" }
        return "#" + fragment
    }

    public var isSpecial: Bool { WebURL.isSpecialScheme(scheme) }

    public var hasCredentials: Bool { !username.isEmpty || !password.isEmpty }

    public var hasOpaquePath: Bool {
        if case .opaque = path { return true }
        return false
    }

    /// The serialized origin: "scheme://host[:port]" for http(s), ws(s) and ftp, the inner
    /// URL's origin for blob: URLs wrapping http(s) URLs, otherwise "null" (opaque).
    public var origin: String {
        switch scheme {
        case "http", "https", "ws", "wss", "ftp":
            return scheme + "://" + hostAndPort
        case "blob":
            // No blob URL store here, so only the path-parsing step of the standard applies.
            // An inner URL we refuse (IDNA host) gives "null": opaque, the conservative answer.
            guard let inner = try? URLParser.parse(pathname, base: nil),
                  inner.scheme == "http" || inner.scheme == "https" else {
                return "null"
            }
            return inner.origin
        default:
            return "null"
        }
    }

    public var description: String { href }

    // MARK: Equality (URL equivalence compares serializations)

    public static func == (lhs: WebURL, rhs: WebURL) -> Bool { lhs.href == rhs.href }

    public func hash(into hasher: inout Hasher) { hasher.combine(href) }

    // MARK: Schemes

    static func isSpecialScheme(_ scheme: String) -> Bool {
        switch scheme {
        case "http", "https", "ws", "wss", "ftp", "file": return true
        default: return false
        }
    }

    static func defaultPort(forScheme scheme: String) -> Int? {
        switch scheme {
        case "http", "ws": return 80
        case "https", "wss": return 443
        case "ftp": return 21
        default: return nil
        }
    }

    // MARK: Serializer

    private static func serialize(scheme: String, username: String, password: String, host: URLHost?,
                                  port: Int?, path: URLPath, query: String?, fragment: String?) -> String {
        var output = scheme
        output += ":"
        if let host {
            output += "//"
            if !username.isEmpty || !password.isEmpty {
                output += username
                if !password.isEmpty {
                    output += ":"
                    output += password
                }
                output += "@"
            }
            output += host.serialized
            if let port {
                output += ":"
                output += String(port)
            }
        }
        switch path {
        case .opaque(let string):
            output += string
        case .segments(let segments):
            // Keeps "web+demo:/.//not-a-host/" from reparsing with a host.
            if host == nil, segments.count > 1, segments[0].isEmpty {
                output += "/."
            }
            for segment in segments {
                output += "/"
                output += segment
            }
        }
        if let query {
            output += "?"
            output += query
        }
        if let fragment {
            output += "#"
            output += fragment
        }
        return output
    }
}
