/// An element of a checked page that rules may look at: every element with attributes, and
/// `html`, `head`, `script`, `style` and `iframe` even without.
public final class PageElement {
    public enum Namespace: Sendable { case html, svg, mathml }

    /// Rank in document order among all elements of the page (elements without attributes
    /// included), so "comes before" is a comparison of two `order`s.
    public let order: Int
    /// Lowercase tag name (`"iframe"`; for unknown tags, the name as written, lowercased).
    public let name: String
    public let namespace: Namespace
    public let attributes: [PageAttribute]
    public let position: Position
    /// Inside `<head>` (as the parser built the tree, implied `<head>` included).
    public let inHead: Bool
    /// The text of a `<script>` or `<style>` exactly as the browser sees it (what CSP hashes
    /// are computed over); `""` for other elements.
    public let text: String
    /// Rule ids silenced for this element by an `embedsmith-disable-next-element` comment.
    public let silenced: [String]

    init(order: Int, name: String, namespace: Namespace, attributes: [PageAttribute], position: Position,
         inHead: Bool, text: String, silenced: [String]) {
        self.order = order
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.position = position
        self.inHead = inHead
        self.text = text
        self.silenced = silenced
    }

    public func attribute(_ name: String) -> PageAttribute? {
        for attribute in attributes where attribute.name == name { return attribute }
        return nil
    }
    public func value(_ name: String) -> String? { attribute(name)?.value }
    public func has(_ name: String) -> Bool { attribute(name) != nil }

    public var isHTML: Bool { namespace == .html }
}
