/// A URL that passed `URLPolicy`: parsed the way a browser parses it, re-serialized, https
/// (or loopback http under `--dev`), no credentials, on an allowed host.
///
/// Only `URLPolicy` creates one, so holding a `SafeURL` is proof of validation.
public struct SafeURL: Hashable, Sendable, CustomStringConvertible {
    public let parsed: WebURL

    init(validated parsed: WebURL) { self.parsed = parsed }

    /// The serialization a browser would produce; this is what goes into HTML.
    public var string: String { parsed.href }
    /// Serialized origin (`https://apirtc.github.io`), the value postMessage checks compare to.
    public var origin: String { parsed.origin }
    public var host: String { parsed.hostname }
    public var description: String { string }
}
