import Crypto
import Foundation

/// Digests of an inline script's text as CSP computes them: UTF-8 bytes, base64.
struct InlineScriptHash {
    let text: String
    private var cache: [String: String] = [:]

    init(_ text: String) { self.text = text }

    mutating func digest(_ algorithm: String) -> String {
        if let known = cache[algorithm] { return known }
        let data = Data(text.utf8)
        let value: String
        switch algorithm {
        case "sha384": value = Data(SHA384.hash(data: data)).base64EncodedString()
        case "sha512": value = Data(SHA512.hash(data: data)).base64EncodedString()
        default: value = Data(SHA256.hash(data: data)).base64EncodedString()
        }
        cache[algorithm] = value
        return value
    }

    /// The source expression to add to `script-src`.
    mutating func sha256Source() -> String { "'sha256-\(digest("sha256"))'" }
}
