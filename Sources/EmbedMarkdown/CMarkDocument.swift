import CCMark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Owns a parsed cmark document tree and frees it when released.
///
/// Node pointers handed out by the helpers below are borrowed: they stay valid only while
/// this object is alive and the node is still attached to the tree.
final class CMarkDocument {
    let root: OpaquePointer

    /// Parses `markdown`; nil only if cmark fails to allocate.
    init?(parsing markdown: String, options: Int32) {
        var source = markdown
        // Pass the byte count explicitly so NUL bytes inside the text reach cmark
        // (which replaces them with U+FFFD) instead of ending the input early.
        let parsed: OpaquePointer? = source.withUTF8 { utf8 in
            guard let base = utf8.baseAddress, utf8.count > 0 else {
                return cmark_parse_document("", 0, options)
            }
            return UnsafeRawPointer(base).withMemoryRebound(to: CChar.self, capacity: utf8.count) {
                cmark_parse_document($0, utf8.count, options)
            }
        }
        guard let parsed else { return nil }
        root = parsed
    }

    deinit {
        cmark_node_free(root)
    }

    /// The document's top-level block nodes, in order.
    var topLevelNodes: [OpaquePointer] {
        var nodes: [OpaquePointer] = []
        var current = cmark_node_first_child(root)
        while let node = current {
            nodes.append(node)
            current = cmark_node_next(node)
        }
        return nodes
    }

    /// Calls `visit` for every node under `node` (including it) on entry, in document order.
    /// Uses cmark's iterator rather than recursion so deeply nested input cannot overflow the stack.
    static func forEachNode(under node: OpaquePointer, _ visit: (OpaquePointer, _ entering: Bool) -> Void) {
        guard let iterator = cmark_iter_new(node) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE || event == CMARK_EVENT_NONE { break }
            guard let current = cmark_iter_get_node(iterator) else { continue }
            visit(current, event == CMARK_EVENT_ENTER)
        }
    }

    /// HTML for `node` and its descendants; the cmark buffer is freed here.
    static func renderHTML(_ node: OpaquePointer, options: Int32) -> String {
        guard let rendered = cmark_render_html(node, options) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    static func literal(of node: OpaquePointer) -> String? {
        guard let literal = cmark_node_get_literal(node) else { return nil }
        return String(cString: literal)
    }

    static func fenceInfo(of node: OpaquePointer) -> String {
        guard let info = cmark_node_get_fence_info(node) else { return "" }
        return String(cString: info)
    }

    static func type(of node: OpaquePointer) -> cmark_node_type {
        cmark_node_get_type(node)
    }
}
