import EmbedCore

/// What relative URLs of one page resolve against; filled in once the page is scanned
/// (`<link rel="canonical">` and `<base href>` can come after the URLs that need them).
final class PageBase {
    var pageURL: WebURL = PageBase.standIn
    var baseURL: WebURL = PageBase.standIn

    static let standIn: WebURL = {
        do { return try WebURL.parse("https://page.embedsmith.invalid/") } catch { preconditionFailure("stand-in URL must parse") }
    }()
}

/// A URL attribute value as a browser resolves it: leading and trailing spaces and C0
/// controls stripped, tabs and newlines removed anywhere (so `java&#9;script:` is
/// `javascript:`), then parsed by the WHATWG URL parser against the page's base URL.
///
/// Parsing happens on first use: most URLs of a page are plain relative paths
/// (`help/faq.html#top`) that cannot fail and carry nothing to check. An instance belongs to
/// the thread checking its page.
public final class ResolvedURL {
    public let raw: String
    /// The scheme as a browser reads it from the raw text (lowercased), even when parsing
    /// fails; nil for relative references.
    public let scheme: String?
    /// A relative reference with no scheme, no authority and no backslash (`page.html?x=1#top`):
    /// it resolves against the base and cannot fail to parse.
    public let isPathOnly: Bool
    private let base: PageBase
    private var cached: Result<WebURL, URLParseError>?

    init(_ raw: String, base: PageBase) {
        self.raw = raw
        self.base = base
        let (scheme, pathOnly) = ResolvedURL.classify(raw)
        self.scheme = scheme
        self.isPathOnly = pathOnly
    }

    /// The parse result. `.unsupported` (IDNA hosts) is not a pass: rules report it.
    public var result: Result<WebURL, URLParseError> {
        if let cached { return cached }
        let parsed: Result<WebURL, URLParseError>
        do {
            parsed = .success(try WebURL.parse(raw, base: base.baseURL))
        } catch {
            parsed = .failure(error)
        }
        cached = parsed
        return parsed
    }

    public var url: WebURL? { if case .success(let url) = result { return url }; return nil }

    /// The value names its own scheme (`https:`, `javascript:`); otherwise it is relative to the page.
    public var hasScheme: Bool { scheme != nil }

    /// Same origin as the page: relative URLs and absolute ones naming the page's origin.
    public func isSameOrigin(as page: Page) -> Bool {
        guard let url else { return false }
        return url.origin == page.pageURL.origin && url.origin != "null"
    }

    /// Reads the scheme the URL parser's "scheme start" and "scheme" states would read, and
    /// whether the value is a plain relative path, in one pass over the bytes.
    static func classify(_ raw: String) -> (scheme: String?, pathOnly: Bool) {
        var scheme: [UInt8] = []
        var schemeOpen = true     // still reading a possible scheme
        var cleaned = 0           // bytes seen after stripping
        var leadingSlashes = 0
        var backslash = false
        for byte in raw.utf8 {
            if cleaned == 0 && byte <= 0x20 { continue }                    // leading C0 controls and spaces
            if byte == 0x09 || byte == 0x0A || byte == 0x0D { continue }    // removed anywhere
            if byte == 0x5C { backslash = true }
            if cleaned == leadingSlashes && byte == 0x2F { leadingSlashes += 1 }
            cleaned += 1
            guard schemeOpen else { continue }
            let alpha = (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            let schemeTail = (byte >= 0x30 && byte <= 0x39) || byte == 0x2B || byte == 0x2D || byte == 0x2E
            if alpha {
                scheme.append(byte | 0x20)
            } else if schemeTail && !scheme.isEmpty {
                scheme.append(byte)
            } else if byte == 0x3A && !scheme.isEmpty {
                return (String(decoding: scheme, as: UTF8.self), false)
            } else {
                schemeOpen = false
            }
        }
        return (nil, !backslash && leadingSlashes < 2)
    }
}
