/// An element of a checked page that rules may look at: every element with attributes, and
/// `html`, `head`, `script`, `style` and `iframe` even without.
public struct PageElement: Sendable {
    public enum Namespace: Sendable { case html, svg, mathml }

    /// Rank in document order among all elements of the page (elements without attributes
    /// included), so "comes before" is a comparison of two `order`s.
    public let order: Int
    /// Lowercase tag name (`"iframe"`; for unknown tags, the name as written, lowercased).
    public let name: String
    public let namespace: Namespace
    public internal(set) var attributes: [PageAttribute]
    public let position: Position
    /// Inside `<head>` (as the parser built the tree, implied `<head>` included).
    public let inHead: Bool
    /// The text of a `<script>` or `<style>` exactly as the browser sees it (what CSP hashes
    /// are computed over); `""` for other elements.
    public let text: String
    /// Rule ids silenced for this element by an `embedsmith-disable-next-element` comment.
    public let silenced: [String]

    public func attribute(_ name: String) -> PageAttribute? { attributes.first { $0.name == name } }
    public func value(_ name: String) -> String? { attribute(name)?.value }
    public func has(_ name: String) -> Bool { attributes.contains { $0.name == name } }

    public var isHTML: Bool { namespace == .html }
}
