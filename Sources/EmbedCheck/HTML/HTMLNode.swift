/// One node of a parsed HTML document, copied out of the parser: it owns plain Swift values
/// only and never points into parser memory.
///
/// Nodes are immutable once built. Deep trees are safe to walk and to release: every walk
/// below uses an explicit stack, and `deinit` takes a subtree apart iteratively so that
/// releasing 100,000 nested elements does not recurse 100,000 times.
public final class HTMLNode: @unchecked Sendable {
    public enum Kind: Sendable, Hashable {
        case document, element, text, comment
    }

    public let kind: Kind
    /// Lowercase tag name for elements (`"svg"`, `"dialog"`, `"my-widget"`); `""` otherwise.
    public let name: String
    /// In source order; names lowercase (foreign attributes keep their prefix, `xlink:href`),
    /// values with character references decoded.
    public let attributes: [(name: String, value: String)]
    /// Text of a text or comment node (decoded); `""` for documents and elements.
    public let text: String
    /// 1-based position of the node's first character in the source (a tab is one column).
    /// Elements the parser inserted (implied `<html>`, `<body>`, `<tbody>`...) have the
    /// position of the token that made it insert them; 0 when gumbo gives none.
    public let line: Int
    public let column: Int

    /// Only mutated by `deinit` (to take the tree apart without recursion).
    private var storage: [HTMLNode]

    /// Child nodes in document order (for `<template>`: its contents).
    public var children: [HTMLNode] { storage }

    init(kind: Kind, name: String = "", attributes: [(name: String, value: String)] = [], text: String = "",
         line: Int = 0, column: Int = 0, children: [HTMLNode] = []) {
        self.kind = kind
        self.name = name
        self.attributes = attributes
        self.text = text
        self.line = line
        self.column = column
        self.storage = children
    }

    deinit {
        guard !storage.isEmpty else { return }
        var pending: [HTMLNode] = []
        swap(&pending, &storage)
        while var node = pending.popLast() {
            // A node still referenced elsewhere keeps its subtree; otherwise move its children
            // here so that its own deinit has nothing left to release.
            if isKnownUniquelyReferenced(&node), !node.storage.isEmpty {
                pending.append(contentsOf: node.storage)
                node.storage = []
            }
        }
    }

    /// The value of the first attribute called `name` (case-insensitive), if any.
    public func attribute(_ name: String) -> String? {
        let wanted = name.lowercased()
        return attributes.first { $0.name == wanted }?.value
    }

    /// The attribute names in source order.
    public var attributeNames: [String] { attributes.map(\.name) }

    /// All descendant text, in document order (comments excluded), like the DOM's `textContent`.
    public var textContent: String {
        if kind == .text { return text }
        var out = ""
        for node in descendants() where node.kind == .text { out += node.text }
        return out
    }

    /// Every element and text node below this one, in pre-order (document order).
    /// Comments are left out; `<template>` contents are included.
    public func descendants() -> [HTMLNode] {
        var result: [HTMLNode] = []
        var stack: [HTMLNode] = storage.reversed()
        while let node = stack.popLast() {
            if node.kind == .element || node.kind == .text { result.append(node) }
            stack.append(contentsOf: node.storage.reversed())
        }
        return result
    }

    /// Descendant elements with this tag name (case-insensitive), in document order.
    public func elements(named name: String) -> [HTMLNode] {
        let wanted = name.lowercased()
        return descendants().filter { $0.kind == .element && $0.name == wanted }
    }

    /// Every descendant element, in document order.
    public func allElements() -> [HTMLNode] {
        descendants().filter { $0.kind == .element }
    }
}

extension HTMLNode: CustomStringConvertible {
    /// A one-line summary for test failures: `<a href="…"> at 12:3`.
    public var description: String {
        switch kind {
        case .document: return "#document"
        case .text: return "#text \(String(reflecting: text)) at \(line):\(column)"
        case .comment: return "<!--\(text)--> at \(line):\(column)"
        case .element:
            let attrs = attributes.map { " \($0.name)=\(String(reflecting: $0.value))" }.joined()
            return "<\(name)\(attrs)> at \(line):\(column)"
        }
    }
}
