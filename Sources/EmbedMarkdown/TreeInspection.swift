import CCMark

/// One pass over a parsed document that finds what the renderer must report or rewrite:
/// raw HTML, embed blocks in the wrong place, headings (with their ids) and words.
struct TreeInspection {
    struct HeadingNode {
        let node: OpaquePointer
        let level: Int
        let id: String
    }

    let document: CMarkDocument
    /// Added to cmark's body-relative lines to get file lines.
    let lineOffset: Int
    let allowRawHTML: Bool

    private(set) var issues: [MarkdownIssue] = []
    private(set) var headings: [Heading] = []
    private(set) var links: [MarkdownLink] = []
    /// Heading nodes to rewrite after the walk (the tree must not change while it is walked).
    private(set) var headingNodes: [HeadingNode] = []
    private var slugger = HeadingSlugger()

    /// How much of a raw HTML snippet an issue message quotes.
    static let htmlSnippetLength = 40
    /// Raw HTML places listed one by one in a page; the rest are counted in one more issue, so
    /// a hostile page cannot make the build hold (and print) hundreds of thousands of errors.
    static let rawHTMLListLimit = 1_000
    private var rawHTMLCount = 0
    private var firstUnlisted: (line: Int, column: Int)? = nil

    init(document: CMarkDocument, lineOffset: Int, allowRawHTML: Bool) {
        self.document = document
        self.lineOffset = lineOffset
        self.allowRawHTML = allowRawHTML
    }

    mutating func run() {
        CMarkDocument.forEachNode(under: document.root) { node, entering in
            inspect(node, entering: entering)
        }
        if let at = firstUnlisted {
            let more = rawHTMLCount - Self.rawHTMLListLimit
            issues.append(MarkdownIssue(
                line: at.line, column: at.column, code: "markdown-raw-html",
                message: "raw HTML is not allowed in Markdown: \(more) more place\(more == 1 ? "" : "s") from here on are not listed (the first \(Self.rawHTMLListLimit) are); set 'rawHTML: true' in the front matter to allow it"))
        }
    }

    private mutating func inspect(_ node: OpaquePointer, entering: Bool) {
        guard entering else { return }
        switch CMarkDocument.type(of: node) {
        case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
            if allowRawHTML { checkRawMeta(node) } else { reportRawHTML(node) }
        case CMARK_NODE_CODE_BLOCK:
            checkEmbedPlacement(node)
        case CMARK_NODE_HEADING:
            recordHeading(node)
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            if let url = cmark_node_get_url(node) {
                let (line, column) = position(of: node)
                links.append(MarkdownLink(url: String(cString: url), line: line, column: column))
            }
        default:
            break
        }
    }

    private mutating func reportRawHTML(_ node: OpaquePointer) {
        rawHTMLCount += 1
        guard rawHTMLCount <= Self.rawHTMLListLimit else {
            if firstUnlisted == nil { firstUnlisted = position(of: node) }
            return
        }
        let snippet = Self.snippet(CMarkDocument.literal(of: node) ?? "")
        let position = self.position(of: node)
        issues.append(MarkdownIssue(
            line: position.line, column: position.column, code: "markdown-raw-html",
            message: "raw HTML is not allowed in Markdown ('\(snippet)'); set 'rawHTML: true' in the front matter to allow it"))
    }

    private mutating func checkRawMeta(_ node: OpaquePointer) {
        guard let literal = CMarkDocument.literal(of: node), let offset = RawHTMLMeta.firstTag(in: literal) else { return }
        let start = position(of: node)
        let at = RawHTMLMeta.position(of: offset, in: literal, startLine: start.line, startColumn: start.column)
        issues.append(MarkdownIssue(
            line: at.line, column: at.column, code: "markdown-raw-meta",
            message: "raw HTML may not hold a <meta> element ('\(Self.snippet(String(decoding: Array(literal.utf8).dropFirst(offset), as: UTF8.self)))'): "
                + "in a page's body it is still obeyed, and http-equiv=\"refresh\" sends every visitor elsewhere without a click"))
    }

    private mutating func checkEmbedPlacement(_ node: OpaquePointer) {
        let info = CMarkDocument.fenceInfo(of: node)
        guard case .embed(let kind) = EmbedInfoString.match(info) else { return }
        let position = self.position(of: node)
        if kind == nil {
            issues.append(MarkdownIssue(
                line: position.line, column: position.column, code: "embed-kind-missing",
                message: "embed block has no component kind; name it after 'embed', e.g. '```embed quick-invitation'"))
        }
        if let parent = cmark_node_parent(node), parent != document.root {
            let container = CMarkDocument.type(of: parent) == CMARK_NODE_BLOCK_QUOTE ? "a block quote" : "a list item"
            issues.append(MarkdownIssue(
                line: position.line, column: position.column, code: "embed-not-top-level",
                message: "embed block ('\(Self.snippet(info))') is inside \(container); move it out so it starts a line at the top level of the page"))
        }
    }

    private mutating func recordHeading(_ node: OpaquePointer) {
        let level = Int(cmark_node_get_heading_level(node))
        let text = Self.plainText(of: node)
        let id = slugger.uniqueID(for: text)
        headings.append(Heading(level: level, text: text, id: id, line: position(of: node).line))
        headingNodes.append(HeadingNode(node: node, level: level, id: id))
    }

    /// Text and code-span literals of the node's inline descendants; line breaks become spaces.
    static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        CMarkDocument.forEachNode(under: node) { child, entering in
            guard entering else { return }
            switch CMarkDocument.type(of: child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                text += CMarkDocument.literal(of: child) ?? ""
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                break
            }
        }
        return text.trimmingWhitespace()
    }

    /// File position of a node. Some inline nodes carry no position (line 0); those take the
    /// position of the nearest ancestor that has one.
    private func position(of node: OpaquePointer) -> (line: Int, column: Int) {
        var current: OpaquePointer? = node
        while let candidate = current {
            let line = Int(cmark_node_get_start_line(candidate))
            if line > 0 {
                return (line + lineOffset, max(1, Int(cmark_node_get_start_column(candidate))))
            }
            current = cmark_node_parent(candidate)
        }
        return (1 + lineOffset, 1)
    }

    /// The start of some raw HTML for a message: trimmed, newlines shown as `\n`, cut short.
    static func snippet(_ html: String) -> String {
        let trimmed = html.trimmingWhitespace()
        var shown = ""
        for character in trimmed.prefix(htmlSnippetLength) {
            shown += character.isNewline ? "\\n" : String(character)
        }
        return trimmed.count > htmlSnippetLength ? shown + "…" : shown
    }
}

private extension String {
    func trimmingWhitespace() -> String {
        var characters = Substring(self)
        while let first = characters.first, first.isWhitespace { characters.removeFirst() }
        while let last = characters.last, last.isWhitespace { characters.removeLast() }
        return String(characters)
    }
}
