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
