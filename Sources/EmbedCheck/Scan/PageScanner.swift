import CGumbo
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses HTML with libgumbo (the WHATWG parsing algorithm) and walks gumbo's tree once, in
/// document order, keeping only what the rules use. Nothing of gumbo's output outlives `scan`.
enum PageScanner {
    /// Elements kept even without attributes.
    private static func alwaysKept(_ tag: GumboTag) -> Bool {
        tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_HEAD || tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_IFRAME
    }

    /// `bytes` must be UTF-8 (a BOM already removed).
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Page {
        var options = kGumboDefaultOptions
        options.max_errors = 0
        options.tab_stop = 1
        let output: UnsafeMutablePointer<GumboOutput>? = bytes.withMemoryRebound(to: CChar.self) { chars in
            if let base = chars.baseAddress, chars.count > 0 {
                return gumbo_parse_with_options(&options, base, chars.count)
            }
            return gumbo_parse_with_options(&options, "", 0)
        }
        guard let output else { return Page(elements: [], suppressions: [], base: PageBase()) }
        defer { gumbo_destroy_output(&options, output) }
        guard let document = output.pointee.document else { return Page(elements: [], suppressions: [], base: PageBase()) }
        var walker = Walker(source: bytes)
        let depth = walker.walk(document)
        if depth > HTMLDocument.destroyDepthLimit { HTMLDocument.flatten(document) }
        return Page(elements: walker.elements, suppressions: walker.suppressions, base: walker.base)
    }

    private struct Frame {
        var children: GumboVector
        var next: Int
        var inHead: Bool
    }

    private struct Walker {
        let source: UnsafeBufferPointer<UInt8>
        var elements: [PageElement] = []
        var suppressions: [Suppression] = []
        var order = 0
        /// Suppressions waiting for the next element.
        var pending: [Int] = []
        let base = PageBase()

        init(source: UnsafeBufferPointer<UInt8>) { self.source = source }

        /// Returns the tree depth.
        mutating func walk(_ document: UnsafeMutablePointer<GumboNode>) -> Int {
            var stack = [Frame(children: document.pointee.v.document.children, next: 0, inHead: false)]
            var maxDepth = 1
            while !stack.isEmpty {
                let top = stack.count - 1
                guard stack[top].next < Int(stack[top].children.length) else {
                    stack.removeLast()
                    continue
                }
                let child = HTMLDocument.nodePointer(stack[top].children, stack[top].next)
                stack[top].next += 1
                guard let child else { continue }
                switch child.pointee.type {
                case GUMBO_NODE_ELEMENT, GUMBO_NODE_TEMPLATE:
                    let element = child.pointee.v.element
                    let inHead = stack[top].inHead || element.tag == GUMBO_TAG_HEAD
                    visit(element, inHead: inHead)
                    stack.append(Frame(children: element.children, next: 0, inHead: inHead))
                    maxDepth = max(maxDepth, stack.count)
                case GUMBO_NODE_COMMENT:
                    comment(child.pointee.v.text)
                default:
                    break
                }
            }
            for i in pending { suppressions[i].elementOrder = nil }
            return maxDepth
        }

        mutating func comment(_ text: GumboText) {
            guard let chars = text.text else { return }
            let body = String(cString: chars)
            guard body.contains(SuppressionComment.keyword),
                  case .rules(let rules) = SuppressionComment.parse(body) else { return }
            pending.append(suppressions.count)
            suppressions.append(Suppression(position: Position(line: Int(text.start_pos.line), column: Int(text.start_pos.column)),
                                            rules: rules, elementOrder: nil))
        }

        mutating func visit(_ element: GumboElement, inHead: Bool) {
            defer { order += 1 }
            var silenced: [String] = []
            if !pending.isEmpty {
                for i in pending {
                    suppressions[i].elementOrder = order
                    silenced += suppressions[i].rules
                }
                pending.removeAll()
            }
            let count = Int(element.attributes.length)
            guard count > 0 || PageScanner.alwaysKept(element.tag) else { return }
            let name = GumboTagNames.name(of: element)
            let namespace: PageElement.Namespace
            switch element.tag_namespace {
            case GUMBO_NAMESPACE_SVG: namespace = .svg
            case GUMBO_NAMESPACE_MATHML: namespace = .mathml
            default: namespace = .html
            }
            let urlNames = URLAttributes.names(for: name, namespace: namespace)
            var attributes: [PageAttribute] = []
            attributes.reserveCapacity(count)
            if let data = element.attributes.data {
                for i in 0..<count {
                    guard let attribute = data[i]?.assumingMemoryBound(to: GumboAttribute.self).pointee else { continue }
                    attributes.append(makeAttribute(attribute, urlNames: urlNames))
                }
            }
            var text = ""
            if name == "script" || name == "style" { text = textOfChildren(element.children) }
            elements.append(PageElement(order: order, name: name, namespace: namespace, attributes: attributes,
                                        position: Position(line: Int(element.start_pos.line), column: Int(element.start_pos.column)),
                                        inHead: inHead, text: text, silenced: silenced))
        }

        func makeAttribute(_ attribute: GumboAttribute, urlNames: Set<String>) -> PageAttribute {
            var name = PageScanner.string(attribute.name)
            switch attribute.attr_namespace {
            case GUMBO_ATTR_NAMESPACE_XLINK: name = "xlink:" + name
            case GUMBO_ATTR_NAMESPACE_XML: name = "xml:" + name
            case GUMBO_ATTR_NAMESPACE_XMLNS where name != "xmlns": name = "xmlns:" + name
            default: break
            }
            let value = PageScanner.string(attribute.value)
            // original_value points into the source and includes the quotes, if any.
            var valuePosition = Position(line: Int(attribute.value_start.line), column: Int(attribute.value_start.column))
            var verbatim = false
            var sourceText: String? = nil
            let raw = attribute.original_value
            if let data = raw.data, raw.length > 0 {
                var bytes = UnsafeRawBufferPointer(start: data, count: raw.length)
                if let first = bytes.first, first == 0x22 || first == 0x27 {
                    valuePosition.column += 1
                    bytes = UnsafeRawBufferPointer(rebasing: bytes.dropFirst().dropLast(bytes.count >= 2 && bytes.last == first ? 1 : 0))
                }
                let oneLine = !bytes.contains(0x0A) && !bytes.contains(0x0D)
                verbatim = oneLine && bytes.elementsEqual(value.utf8)
                if oneLine && !verbatim && bytes.contains(0x26) { sourceText = String(decoding: bytes, as: UTF8.self) }
            }
            name = name.asciiLowercased
            return PageAttribute(name: name, value: value,
                                 position: Position(line: Int(attribute.name_start.line), column: Int(attribute.name_start.column)),
                                 valuePosition: valuePosition, valueIsVerbatim: verbatim, sourceText: sourceText,
                                 url: urlNames.contains(name) ? ResolvedURL(value, base: base) : nil)
        }

        func textOfChildren(_ children: GumboVector) -> String {
            var text = ""
            for i in 0..<Int(children.length) {
                guard let node = HTMLDocument.nodePointer(children, i) else { continue }
                switch node.pointee.type {
                case GUMBO_NODE_TEXT, GUMBO_NODE_CDATA, GUMBO_NODE_WHITESPACE:
                    text += PageScanner.string(node.pointee.v.text.text)
                default:
                    break
                }
            }
            return text
        }
    }

    static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        let length = strlen(pointer)
        return pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
    }
}
