/// A request target's path, decoded into segments that can only name something inside the
/// served folder, or the reason it cannot.
///
/// Decoding is done here, on the raw target, not on a library's "standardized" path: a
/// standardizer that folds `/a/%2e%2e/b` into `/b` hides an escape attempt instead of refusing
/// it. Every segment is percent-decoded once and refused if it decodes to `.`, `..`, a name
/// holding `/`, `\` or NUL, or a hidden name (`.x`: the build cache and lock live beside the
/// output as dot files); `_headers` is not served (the hosts do not serve it either).
public struct RequestPath: Sendable, Equatable {
    /// Decoded segments; empty for `/`.
    public let segments: [String]
    /// The raw path ended with `/` (a folder URL: `/acme/`).
    public let isFolder: Bool

    public enum Refusal: Error, Equatable, Sendable {
        case notAbsolute, tooLong, badEncoding, dotSegment, forbiddenCharacter, hiddenName, notServed
    }

    /// Longest raw path accepted (a request target beyond this is refused before decoding).
    public static let maxLength = 2048

    public static func parse(_ raw: String) -> Result<RequestPath, Refusal> {
        guard raw.utf8.count <= maxLength else { return .failure(.tooLong) }
        guard raw.hasPrefix("/") else { return .failure(.notAbsolute) }
        let parts = raw.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        var segments: [String] = []
        for (index, part) in parts.enumerated() {
            if part.isEmpty {
                // `//` inside a path is refused; an empty last part is the folder slash.
                if index == parts.count - 1 { continue }
                return .failure(.forbiddenCharacter)
            }
            guard let decoded = percentDecoded(part) else { return .failure(.badEncoding) }
            if decoded == "." || decoded == ".." { return .failure(.dotSegment) }
            if decoded.contains("/") || decoded.contains("\\") || decoded.contains("\0") { return .failure(.forbiddenCharacter) }
            if decoded.hasPrefix(".") { return .failure(.hiddenName) }
            if decoded == "_headers" { return .failure(.notServed) }
            segments.append(decoded)
        }
        return .success(RequestPath(segments: segments, isFolder: raw.hasSuffix("/")))
    }

    /// `%XX` decoded once; nil for a malformed escape or bytes that are not UTF-8.
    static func percentDecoded(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
