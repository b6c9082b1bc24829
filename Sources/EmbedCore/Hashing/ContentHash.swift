import Crypto
import Foundation

/// Digests used for CSP hashes, Subresource Integrity and content-addressed file names.
public enum ContentHash {
    public static func sha256Hex(_ data: Data) -> String {
        var stream = SHA256Stream()
        data.withUnsafeBytes { stream.update($0) }
        return stream.hex()
    }

    public static func sha256Hex(_ text: String) -> String { sha256Hex(Data(text.utf8)) }

    /// `'sha256-…'` source expression for an inline script or style (hash of the exact bytes).
    public static func cspSource(forInline text: String) -> String {
        "'sha256-" + Data(SHA256.hash(data: Data(text.utf8))).base64EncodedString() + "'"
    }

    /// `sha384-…` for an `integrity` attribute.
    public static func subresourceIntegrity(_ data: Data) -> String {
        "sha384-" + Data(SHA384.hash(data: data)).base64EncodedString()
    }

    /// Short name fragment for cache-busting file names (`bridge.3f2a9c1d.js`), from the
    /// content's `sha256Hex`.
    public static func fileNameHash(sha256Hex hex: String) -> String {
        String(hex.prefix(10))
    }
}
