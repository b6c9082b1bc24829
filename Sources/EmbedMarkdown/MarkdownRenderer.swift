import CCMark

/// Renders a page's Markdown body with cmark into HTML pieces and embed placeholders,
/// collecting headings, problems and a word count on the way.
public enum MarkdownRenderer {
    /// - Parameters:
    ///   - body: the Markdown body (front matter already removed).
    ///   - firstLine: 1-based file line where `body` starts; all reported lines are file lines.
    ///   - allowRawHTML: when false, raw HTML is omitted from the output and reported as an issue,
    ///     and dangerous URLs (`javascript:` and friends) are blanked.
    public static func render(_ body: String, firstLine: Int, allowRawHTML: Bool) -> RenderedMarkdown {
        let lineOffset = firstLine - 1
        // SOURCEPOS only affects parsing here: it makes cmark track inline positions across
        // lines. It is not passed to the renderer, so no data-sourcepos attributes appear.
        guard let document = CMarkDocument(parsing: body, options: CMARK_OPT_SOURCEPOS) else {
            let issue = MarkdownIssue(
                line: firstLine, column: 1, code: "markdown-parse-failed",
                message: "the Markdown parser could not process this page")
            return RenderedMarkdown(pieces: [], headings: [], issues: [issue])
        }
        let renderOptions = allowRawHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT

        var inspection = TreeInspection(document: document, lineOffset: lineOffset, allowRawHTML: allowRawHTML)
        inspection.run()
        for heading in inspection.headingNodes {
            giveHeadingAnID(heading.node, level: heading.level, id: heading.id, renderOptions: renderOptions)
        }
        let pieces = renderPieces(of: document, lineOffset: lineOffset, renderOptions: renderOptions)

        return RenderedMarkdown(
            pieces: pieces,
            headings: inspection.headings,
            issues: inspection.issues,
            links: inspection.links)
    }

    /// Top-level blocks one at a time: embed blocks become `.embed` pieces, everything else is
    /// cmark HTML, merged so that `.html` pieces never sit next to each other.
    private static func renderPieces(of document: CMarkDocument, lineOffset: Int, renderOptions: Int32) -> [MarkdownPiece] {
        var pieces: [MarkdownPiece] = []
        var pendingHTML = ""
        func flushHTML() {
            if !pendingHTML.isEmpty { pieces.append(.html(pendingHTML)) }
            pendingHTML = ""
        }
        for node in document.topLevelNodes {
            if CMarkDocument.type(of: node) == CMARK_NODE_CODE_BLOCK,
               case .embed(let kind) = EmbedInfoString.match(CMarkDocument.fenceInfo(of: node)) {
                flushHTML()
                // A kind-less embed was already reported; it renders as nothing.
                if let kind {
                    let fenceLine = Int(cmark_node_get_start_line(node)) + lineOffset
                    pieces.append(.embed(EmbedBlock(
                        kind: kind,
                        body: CMarkDocument.literal(of: node) ?? "",
                        line: fenceLine + 1,
                        fenceLine: fenceLine,
                        column: Int(cmark_node_get_start_column(node)))))
                }
                continue
            }
            pendingHTML += CMarkDocument.renderHTML(node, options: renderOptions)
        }
        flushHTML()
        return pieces
    }

    /// cmark cannot put attributes on headings, so the heading is rendered on its own, given
    /// its id, and swapped for a custom block that emits that HTML verbatim (custom blocks are
    /// output as-is in safe mode too). Works for headings nested in lists and quotes as well.
    private static func giveHeadingAnID(_ heading: OpaquePointer, level: Int, id: String, renderOptions: Int32) {
        let plainOpenTag = "<h\(level)>"
        var html = CMarkDocument.renderHTML(heading, options: renderOptions)
        guard html.hasPrefix(plainOpenTag), let replacement = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else {
            return  // leave the heading without an id rather than emit broken markup
        }
        html.removeFirst(plainOpenTag.count)
        while html.hasSuffix("\n") { html.removeLast() }
        let withID = "<h\(level) id=\"\(id)\">" + html
        guard cmark_node_set_on_enter(replacement, withID) == 1,
              cmark_node_replace(heading, replacement) == 1 else {
            cmark_node_free(replacement)
            return
        }
        cmark_node_free(heading)
    }
}
