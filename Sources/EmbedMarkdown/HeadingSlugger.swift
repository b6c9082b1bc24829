import Foundation

/// Turns heading text into `id` values that are unique within one page.
///
/// An id only ever contains Unicode letters, Unicode digits, `_` and `-`, so it can be
/// written into an attribute (and used as a URL fragment) without escaping.
struct HeadingSlugger {
    static let fallbackSlug = "section"

    private var producedIDs: Set<String> = []
    /// Next suffix to try for each base slug, so repeated headings stay linear.
    private var nextSuffix: [String: Int] = [:]

    /// The id for the next heading with `text`: its slug, or the slug with the first free
    /// `-1`, `-2`, ... suffix when that id was already produced on this page.
    mutating func uniqueID(for text: String) -> String {
        let base = Self.slug(text)
        var candidate = base
        var suffix = nextSuffix[base, default: 1]
        while producedIDs.contains(candidate) {
            candidate = "\(base)-\(suffix)"
            suffix += 1
        }
        nextSuffix[base] = suffix
        producedIDs.insert(candidate)
        return candidate
    }

    /// Lowercased; letters, digits and `_` kept; whitespace and `-` become `-`; everything
    /// else dropped; runs of `-` collapsed and trimmed; empty becomes "section".
    static func slug(_ text: String) -> String {
        asciiSlug(text) ?? unicodeSlug(text)
    }

    static func unicodeSlug(_ text: String) -> String {
        // NFC first so "e" + combining acute stays "é" instead of losing its accent
        // (combining marks themselves are not allowed in an id).
        let lowered = text.precomposedStringWithCanonicalMapping.lowercased()
        var slug = String.UnicodeScalarView()
        var pendingHyphen = false
        for scalar in lowered.unicodeScalars {
            if scalar.properties.isWhitespace || scalar == "-" {
                pendingHyphen = true
                continue
            }
            guard isAllowedInID(scalar) else { continue }
            if pendingHyphen && !slug.isEmpty { slug.append("-") }
            pendingHyphen = false
            slug.append(scalar)
        }
        return slug.isEmpty ? fallbackSlug : String(slug)
    }

    /// The same rules on ASCII text, byte by byte (most headings): nil when `text` has any
    /// non-ASCII character.
    private static func asciiSlug(_ text: String) -> String? {
        var slug: [UInt8] = []
        slug.reserveCapacity(text.utf8.count)
        var pendingHyphen = false
        for byte in text.utf8 {
            let kept: UInt8
            switch byte {
            case 0x80...: return nil
            case 0x09...0x0D, 0x20, UInt8(ascii: "-"):
                pendingHyphen = true
                continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): kept = byte + 0x20
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"): kept = byte
            default: continue
            }
            if pendingHyphen && !slug.isEmpty { slug.append(UInt8(ascii: "-")) }
            pendingHyphen = false
            slug.append(kept)
        }
        return slug.isEmpty ? fallbackSlug : String(decoding: slug, as: UTF8.self)
    }

    /// \p{L}, \p{N} or `_`.
    private static func isAllowedInID(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "_" { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }
}
