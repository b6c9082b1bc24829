import EmbedCore

/// A URL attribute value as a browser resolves it: leading and trailing spaces and C0
/// controls stripped, tabs and newlines removed anywhere (so `java&#9;script:` is
/// `javascript:`), then parsed by the WHATWG URL parser against the page's base URL.
public struct ResolvedURL: Sendable {
    public let raw: String
    /// The parse result. `.unsupported` (IDNA hosts) is not a pass: rules report it.
    public let result: Result<WebURL, URLParseError>
    /// The value names its own scheme (`https:`, `javascript:`); otherwise it is relative to the page.
    public let hasScheme: Bool
    /// The scheme as a browser reads it from the raw text, even when parsing failed.
    public let scheme: String?

    init(_ raw: String, base: WebURL) {
        self.raw = raw
        self.scheme = ResolvedURL.scheme(of: raw)
        self.hasScheme = scheme != nil
        do {
            result = .success(try WebURL.parse(raw, base: base))
        } catch {
            result = .failure(error)
        }
    }

    public var url: WebURL? { if case .success(let url) = result { return url }; return nil }

    /// Same origin as the page: relative URLs and absolute ones naming the page's origin.
    public func isSameOrigin(as page: Page) -> Bool {
        guard let url else { return false }
        return url.origin == page.pageURL.origin && url.origin != "null"
    }

    /// The scheme part the URL parser's "scheme start" and "scheme" states would read, lowercased.
    static func scheme(of raw: String) -> String? {
        var scheme: [UInt8] = []
        var started = false
        for byte in raw.utf8 {
            if !started && byte <= 0x20 { continue }          // leading C0 controls and spaces
            if byte == 0x09 || byte == 0x0A || byte == 0x0D { continue }  // removed anywhere
            started = true
            switch byte {
            case 0x41...0x5A: scheme.append(byte + 0x20)
            case 0x61...0x7A: scheme.append(byte)
            case 0x30...0x39, 0x2B, 0x2D, 0x2E:
                guard !scheme.isEmpty else { return nil }
                scheme.append(byte)
            case 0x3A:
                return scheme.isEmpty ? nil : String(decoding: scheme, as: UTF8.self)
            default:
                return nil
            }
        }
        return nil
    }
}
