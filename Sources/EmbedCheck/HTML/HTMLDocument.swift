import CGumbo
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A whole HTML document parsed with libgumbo, the HTML5 (WHATWG) parsing algorithm a browser
/// runs: implied elements, foster parenting, character references, raw-text elements...
///
/// `parse` copies every node out of gumbo's tree into `HTMLNode`s and frees gumbo's output
/// before returning, so the result owns no C memory. It never recurses over the tree depth.
public struct HTMLDocument: Sendable {
    /// The `#document` node; its element child is `<html>` (comments may sit beside it).
    public let root: HTMLNode

    /// Every element and text node in document order.
    public func descendants() -> [HTMLNode] { root.descendants() }

    public func elements(named name: String) -> [HTMLNode] { root.elements(named: name) }

    /// Trees deeper than this are flattened before `gumbo_destroy_output`, whose node
    /// destructor recurses once per level (and overflows a thread's stack at ~20,000 levels).
    static let destroyDepthLimit = 256

    public static func parse(_ html: String) -> HTMLDocument {
        var source = html
        let root: HTMLNode? = source.withUTF8 { buffer -> HTMLNode? in
            var options = kGumboDefaultOptions
            // Parse errors are not used; do not let hostile input grow the error list.
            options.max_errors = 0
            // A tab is one column, as in embedsmith's own diagnostics (gumbo's default of 8
            // would also put the character after a leading tab at column 8, not 9).
            options.tab_stop = 1
            let output: UnsafeMutablePointer<GumboOutput>?
            if let base = buffer.baseAddress {
                output = base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    gumbo_parse_with_options(&options, $0, buffer.count)
                }
            } else {
                output = gumbo_parse_with_options(&options, "", 0)
            }
            guard let output, let document = output.pointee.document else {
                if let output { gumbo_destroy_output(&options, output) }
                return nil
            }
            let (tree, depth) = copyTree(document)
            if depth > destroyDepthLimit { flatten(document) }
            gumbo_destroy_output(&options, output)
            return tree
        }
        return HTMLDocument(root: root ?? HTMLNode(kind: .document))
    }

    // MARK: Copying

    private struct Frame {
        let node: UnsafeMutablePointer<GumboNode>
        let children: GumboVector
        var next = 0
        var built: [HTMLNode] = []
    }

    /// Post-order copy with an explicit stack; returns the tree and its depth.
    private static func copyTree(_ document: UnsafeMutablePointer<GumboNode>) -> (HTMLNode, Int) {
        var stack = [Frame(node: document, children: document.pointee.v.document.children)]
        var maxDepth = 1
        while true {
            let top = stack.count - 1
            if stack[top].next < Int(stack[top].children.length) {
                let child = nodePointer(stack[top].children, stack[top].next)
                stack[top].next += 1
                guard let child else { continue }
                switch child.pointee.type {
                case GUMBO_NODE_ELEMENT, GUMBO_NODE_TEMPLATE:
                    stack.append(Frame(node: child, children: child.pointee.v.element.children))
                    maxDepth = max(maxDepth, stack.count)
                default:
                    if let leaf = copyLeaf(child) { stack[top].built.append(leaf) }
                }
                continue
            }
            let frame = stack.removeLast()
            let node: HTMLNode
            if frame.node.pointee.type == GUMBO_NODE_DOCUMENT {
                node = HTMLNode(kind: .document, line: 1, column: 1, children: frame.built)
            } else {
                node = copyElement(frame.node, children: frame.built)
            }
            if stack.isEmpty { return (node, maxDepth) }
            stack[stack.count - 1].built.append(node)
        }
    }

    static func nodePointer(_ vector: GumboVector, _ index: Int) -> UnsafeMutablePointer<GumboNode>? {
        guard let data = vector.data, index < Int(vector.length) else { return nil }
        return data[index]?.assumingMemoryBound(to: GumboNode.self)
    }

    private static func copyLeaf(_ node: UnsafeMutablePointer<GumboNode>) -> HTMLNode? {
        let text = node.pointee.v.text
        let kind: HTMLNode.Kind
        switch node.pointee.type {
        case GUMBO_NODE_TEXT, GUMBO_NODE_CDATA, GUMBO_NODE_WHITESPACE: kind = .text
        case GUMBO_NODE_COMMENT: kind = .comment
        default: return nil
        }
        return HTMLNode(kind: kind, text: string(text.text), line: Int(text.start_pos.line), column: Int(text.start_pos.column))
    }

    private static func copyElement(_ node: UnsafeMutablePointer<GumboNode>, children: [HTMLNode]) -> HTMLNode {
        let element = node.pointee.v.element
        var attributes: [(name: String, value: String)] = []
        attributes.reserveCapacity(Int(element.attributes.length))
        if let data = element.attributes.data {
            for i in 0..<Int(element.attributes.length) {
                guard let attribute = data[i]?.assumingMemoryBound(to: GumboAttribute.self).pointee else { continue }
                var name = string(attribute.name).lowercased()
                switch attribute.attr_namespace {
                case GUMBO_ATTR_NAMESPACE_XLINK: name = "xlink:" + name
                case GUMBO_ATTR_NAMESPACE_XML: name = "xml:" + name
                case GUMBO_ATTR_NAMESPACE_XMLNS where name != "xmlns": name = "xmlns:" + name
                default: break
                }
                attributes.append((name: name, value: string(attribute.value)))
            }
        }
        return HTMLNode(kind: .element, name: tagName(element), attributes: attributes,
                        line: Int(element.start_pos.line), column: Int(element.start_pos.column), children: children)
    }

    /// The normalized name for tags gumbo knows; for the others (`<dialog>`, `<search>`,
    /// custom elements) the name as written in the start tag, lowercased.
    static func tagName(_ element: GumboElement) -> String {
        if element.tag != GUMBO_TAG_UNKNOWN, element.tag != GUMBO_TAG_LAST, let normalized = gumbo_normalized_tagname(element.tag) {
            let name = String(cString: normalized)
            if !name.isEmpty { return name.lowercased() }
        }
        var piece = element.original_tag
        guard piece.data != nil, piece.length > 0 else { return "" }
        gumbo_tag_from_original_text(&piece)
        guard let data = piece.data, piece.length > 0 else { return "" }
        let bytes = UnsafeRawBufferPointer(start: data, count: piece.length)
        // The tokenizer lowercases ASCII only and turns NUL into U+FFFD; do the same.
        let raw = String(decoding: bytes, as: UTF8.self)
        var name = ""
        for scalar in raw.unicodeScalars {
            if scalar == "\u{0}" { name.unicodeScalars.append("\u{FFFD}") }
            else if scalar.value >= 0x41 && scalar.value <= 0x5A { name.unicodeScalars.append(Unicode.Scalar(scalar.value + 0x20)!) }
            else { name.unicodeScalars.append(scalar) }
        }
        return name
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        let length = strlen(pointer)
        return pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
    }

    // MARK: Freeing deep trees

    /// Re-hangs every node directly under the document node, so that gumbo's recursive
    /// destructor goes one level deep. Vectors are allocated with `malloc`, which is what
    /// gumbo's default allocator uses, so gumbo frees them as its own.
    static func flatten(_ document: UnsafeMutablePointer<GumboNode>) {
        var all: [UnsafeMutablePointer<GumboNode>] = []
        var stack: [UnsafeMutablePointer<GumboNode>] = []
        let top = document.pointee.v.document.children
        for i in 0..<Int(top.length) { if let child = nodePointer(top, i) { stack.append(child) } }
        while let node = stack.popLast() {
            all.append(node)
            if node.pointee.type == GUMBO_NODE_ELEMENT || node.pointee.type == GUMBO_NODE_TEMPLATE {
                let children = node.pointee.v.element.children
                for i in 0..<Int(children.length) { if let child = nodePointer(children, i) { stack.append(child) } }
                // Keep the buffer (gumbo frees it) but forget its contents.
                node.pointee.v.element.children.length = 0
            }
        }
        guard let raw = malloc(max(1, all.count) * MemoryLayout<UnsafeMutableRawPointer?>.stride) else {
            return  // cannot flatten: leak rather than crash
        }
        let slots = raw.bindMemory(to: UnsafeMutableRawPointer?.self, capacity: all.count)
        for (i, node) in all.enumerated() { slots[i] = UnsafeMutableRawPointer(node) }
        free(document.pointee.v.document.children.data)
        document.pointee.v.document.children.data = slots
        document.pointee.v.document.children.length = UInt32(all.count)
        document.pointee.v.document.children.capacity = UInt32(all.count)
    }
}
