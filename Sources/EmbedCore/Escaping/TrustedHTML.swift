/// HTML that embedsmith itself produced (Markdown output, components, escaped values).
///
/// It is the only value a template may emit unescaped. It is built either from escaped text
/// or from markup written by the tool; there is deliberately no initializer from an arbitrary
/// user string.
public struct TrustedHTML: Hashable, Sendable, CustomStringConvertible {
    public private(set) var markup: String

    /// Markup written by the tool's own code (never pass user input here).
    public init(producedByTool markup: String) { self.markup = markup }

    /// Text that becomes HTML by escaping it.
    public init(text: String) { self.markup = HTMLEscaping.escape(text) }

    public static let empty = TrustedHTML(producedByTool: "")

    public static func + (a: TrustedHTML, b: TrustedHTML) -> TrustedHTML {
        TrustedHTML(producedByTool: a.markup + b.markup)
    }

    public mutating func append(_ other: TrustedHTML) { markup += other.markup }

    public var isEmpty: Bool { markup.isEmpty }
    public var description: String { markup }
}

/// Builds an element with escaped attribute values: `<a href="…" rel="…">text</a>`.
public struct HTMLElement: Sendable {
    public var name: String
    public var attributes: [(String, AttributeValue)]
    public var children: TrustedHTML

    public init(_ name: String, _ attributes: [(String, AttributeValue)] = [], children: TrustedHTML = .empty) {
        self.name = name
        self.attributes = attributes
        self.children = children
    }

    /// Void elements (`<meta>`, `<link>`) have no end tag.
    public var html: TrustedHTML {
        // Appended piece by piece: a page builds hundreds of elements, and interpolation
        // (or `children + end tag`) would copy the children once more.
        var out = "<"
        out.reserveCapacity(children.markup.utf8.count + 16 * (attributes.count + 2))
        out += name
        for (key, value) in attributes {
            out += " "
            out += key
            if case .present = value { continue }
            out += "=\""
            out += value.escaped
            out += "\""
        }
        out += ">"
        if !Self.voidElements.contains(name) {
            out += children.markup
            out += "</"
            out += name
            out += ">"
        }
        return TrustedHTML(producedByTool: out)
    }

    static let voidElements: Set<String> = ["meta", "link", "img", "br", "hr", "input", "source", "base"]
}

/// What an attribute may hold. Each case knows how it must be escaped.
public enum AttributeValue: Sendable, Hashable {
    /// Free text (title, alt, aria-label, id).
    case text(String)
    /// A URL validated by `URLPolicy`.
    case url(SafeURL)
    /// A relative reference the tool computed (e.g. `../assets/site.css`).
    case localPath(String)
    /// A value from a closed set written by the tool (`_blank`, `noopener noreferrer`, sandbox tokens).
    case token(String)
    /// Boolean attribute (`defer`, `hidden`).
    case present

    public var escaped: String {
        switch self {
        case .text(let s), .localPath(let s), .token(let s): return HTMLEscaping.escape(s)
        case .url(let url): return HTMLEscaping.escape(url.string)
        case .present: return ""
        }
    }
}
